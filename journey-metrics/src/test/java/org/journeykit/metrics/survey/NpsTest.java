package org.journeykit.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsTest {

    private static final Instant T = Instant.parse("2026-01-15T10:00:00Z");

    private static NpsResult counts(int promoters, int passives, int detractors) {
        NpsAccumulator accumulator = NpsAccumulator.create();
        for (int i = 0; i < promoters; i++) {
            accumulator.add(9 + i % 2);
        }
        for (int i = 0; i < passives; i++) {
            accumulator.add(7 + i % 2);
        }
        for (int i = 0; i < detractors; i++) {
            accumulator.add(i % 7);
        }
        return accumulator.result().orElseThrow();
    }

    @Test
    void workedExampleOf1162ResponsesGivesMinusNineWithMarginFourPointThreeNine() {
        // p = 291/1162 = 0.250430, d = 395/1162 = 0.339931, NPS = 100 (p - d) = -8.95 (reported -9.0).
        // s^2 = p + d - (p - d)^2 = 0.590361 - 0.008011 = 0.582350; SE = 100 sqrt(0.582350/1162) = 2.2387.
        // margin = 1.959964 * 2.2387 = 4.388.
        NpsResult result = counts(291, 476, 395);
        assertThat(result.responses()).isEqualTo(1162);
        assertThat(result.score()).isCloseTo(-8.95, within(0.005));
        assertThat(Math.round(result.score() * 10) / 10.0).isEqualTo(-9.0);
        assertThat(result.standardError()).isCloseTo(2.239, within(0.0005));
        assertThat(result.marginOfError(0.95)).isCloseTo(4.39, within(0.005));
        Interval wald = result.wald(0.95);
        assertThat(wald.halfWidth()).isCloseTo(4.39, within(0.005));
        assertThat(wald.estimate()).isEqualTo(result.score());
    }

    @Test
    void workedExampleOfOneHundredResponsesMatchesWaldAndAdjustedWald() {
        // p = 0.4, d = 0.3: NPS 10, s^2 = 0.7 - 0.01 = 0.69, SE = 100 sqrt(0.0069) = 8.3066, margin 16.28.
        // Adjusted: n' = 103, p' = 40.75/103 = 0.395631, d' = 30.75/103 = 0.298544, NPS' = 9.7087;
        // s'^2 = 0.694175 - 0.009426 = 0.684749, SE' = 100 sqrt(0.684749/103) = 8.1535, margin 15.98.
        NpsResult result = counts(40, 30, 30);
        assertThat(result.score()).isCloseTo(10.0, within(1e-9));
        assertThat(result.marginOfError(0.95)).isCloseTo(16.28, within(0.005));
        Interval adjusted = result.adjustedWald(0.95);
        assertThat(adjusted.estimate()).isCloseTo(9.71, within(0.005));
        assertThat(adjusted.halfWidth()).isCloseTo(15.98, within(0.005));
        assertThat(adjusted.lower()).isCloseTo(-6.272, within(0.001));
        assertThat(adjusted.upper()).isCloseTo(25.689, within(0.001));
    }

    @Test
    void otherConfidenceLevelsScaleTheMarginByTheirCriticalValue() {
        // z(0.99) = 2.5758293; margin = 2.5758293 * 8.30662 = 21.397.
        assertThat(counts(40, 30, 30).wald(0.99).halfWidth()).isCloseTo(21.397, within(0.001));
    }

    @Test
    void allPassivesGiveZeroWithoutSpreadButAnAdjustedIntervalThatAdmitsUncertainty() {
        // p = d = 0: s^2 = 0, Wald [0, 0]. Adjusted, n' = 13, p' = d' = 0.75/13: s'^2 = 1.5/13,
        // SE' = 100 sqrt(0.115385/13) = 9.4211, margin 18.465.
        NpsResult result = counts(0, 10, 0);
        assertThat(result.score()).isZero();
        assertThat(result.standardError()).isZero();
        assertThat(result.wald(0.95).lower()).isZero();
        assertThat(result.adjustedWald(0.95).halfWidth()).isCloseTo(18.465, within(0.001));
    }

    @Test
    void allPromotersGiveOneHundredAndAnAdjustedIntervalClampedAtOneHundred() {
        // n' = 13, p' = 10.75/13 = 0.826923, d' = 0.75/13 = 0.057692: NPS' = 76.923,
        // s'^2 = 0.884615 - 0.591716 = 0.292899, SE' = 15.0103, margin 29.420, upper 106.34 clamped to 100.
        NpsResult result = counts(10, 0, 0);
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(result.wald(0.95).upper()).isEqualTo(100.0);
        Interval adjusted = result.adjustedWald(0.95);
        assertThat(adjusted.estimate()).isCloseTo(76.923, within(0.001));
        assertThat(adjusted.lower()).isCloseTo(47.504, within(0.001));
        assertThat(adjusted.upper()).isEqualTo(100.0);
    }

    @Test
    void oneResponseIsDefinedAndItsAdjustedIntervalIsWide() {
        // One promoter: NPS 100. Adjusted: n' = 4, p' = 1.75/4, d' = 0.75/4, NPS' = 25, margin 73.499.
        NpsResult result = counts(1, 0, 0);
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(result.adjustedWald(0.95).estimate()).isCloseTo(25.0, within(1e-9));
        assertThat(result.adjustedWald(0.95).lower()).isCloseTo(-48.499, within(0.001));
    }

    @Test
    void noResponsesGiveNoResultRatherThanZero() {
        assertThat(NpsAccumulator.create().result()).isEmpty();
        assertThat(Nps.of(new int[0])).isEmpty();
        assertThat(Nps.of(IntStream.empty())).isEmpty();
        assertThatThrownBy(() -> NpsResult.of(0, 0, 0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("undefined without responses");
    }

    @Test
    void scoresAreClassifiedAtTheBoundariesSixSevenEightAndNine() {
        NpsResult result = Nps.of(new int[] {0, 6, 7, 8, 9, 10}).orElseThrow();
        assertThat(result.detractors()).isEqualTo(2);
        assertThat(result.passives()).isEqualTo(2);
        assertThat(result.promoters()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 16, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void outOfRangeScoreIsRejectedWithItsValueAndTheRule(int score) {
        NpsAccumulator accumulator = NpsAccumulator.create().add(5);
        assertThatThrownBy(() -> accumulator.add(score)).isInstanceOf(MetricInputException.class)
                .hasMessage("score: " + score + " must be an integer from 0 to 10 (NPS)");
        assertThat(accumulator.responses()).isEqualTo(1);
    }

    @Test
    void bulkAddRejectsABadElementByIndexAndAddsNothing() {
        NpsAccumulator accumulator = NpsAccumulator.create().add(10);
        int[] scores = {9, 9, 9, 9, 9, 3, 12, 9, 9};
        assertThatThrownBy(() -> accumulator.addAll(scores)).isInstanceOf(MetricInputException.class)
                .hasMessageStartingWith("scores[6]: 12");
        assertThatThrownBy(() -> accumulator.addAll(IntStream.of(1, 2, -3))).isInstanceOf(MetricInputException.class);
        assertThat(accumulator.responses()).isEqualTo(1);
    }

    @Test
    void nullAndNonNpsResponsesAreRejected() {
        NpsAccumulator accumulator = NpsAccumulator.create();
        assertThatThrownBy(() -> accumulator.add((SurveyResponse) null)).isInstanceOf(MetricInputException.class)
                .hasMessage("response: null must not be null");
        SurveyResponse csat = SurveyResponse.builder().kind(SurveyKind.CSAT).scale(SurveyScale.ONE_TO_FIVE)
                .score(4).time(T).build();
        assertThatThrownBy(() -> accumulator.add(csat)).isInstanceOf(MetricInputException.class)
                .hasMessage("response.kind: CSAT must be NPS");
        assertThatThrownBy(() -> accumulator.addAll(Arrays.asList(SurveyResponse.nps(9, T), null)))
                .isInstanceOf(MetricInputException.class);
        assertThat(accumulator.responses()).isZero();
    }

    @Test
    void collectorOverResponsesAgreesWithCounts() {
        List<SurveyResponse> responses = List.of(SurveyResponse.nps(10, T), SurveyResponse.nps(9, T),
                SurveyResponse.nps(8, T), SurveyResponse.nps(2, T));
        // 2 promoters, 1 passive, 1 detractor: NPS = 100 (2 - 1) / 4 = 25.
        assertThat(responses.stream().collect(Nps.toNps())).map(NpsResult::score).contains(25.0);
        assertThat(responses.parallelStream().collect(Nps.toAccumulator()).result())
                .isEqualTo(Optional.of(NpsResult.of(2, 1, 1)));
    }

    @Test
    void arrayStreamAndSingleAddPathsAgreeOnRandomInput() {
        long seed = 20261122L;
        int[] scores = new SplittableRandom(seed).ints(10_007, 0, 11).toArray();
        NpsAccumulator one = NpsAccumulator.create();
        for (int score : scores) {
            one.add(score);
        }
        assertThat(Nps.of(scores)).as("seed %d", seed).isEqualTo(one.result());
        assertThat(Nps.of(Arrays.stream(scores).parallel())).as("seed %d", seed).isEqualTo(one.result());
    }

    @Test
    void mergeIsAssociativeCommutativeAndHasTheEmptyAccumulatorAsIdentity() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 50; round++) {
            long seed = random.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            int[] a = r.ints(r.nextInt(100), 0, 11).toArray();
            int[] b = r.ints(r.nextInt(100), 0, 11).toArray();
            int[] c = r.ints(r.nextInt(100), 0, 11).toArray();
            Optional<NpsResult> left = acc(a).merge(acc(b)).merge(acc(c)).result();
            Optional<NpsResult> right = acc(a).merge(acc(b).merge(acc(c))).result();
            Optional<NpsResult> swapped = acc(c).merge(acc(a)).merge(acc(b)).result();
            assertThat(left).as("seed %d", seed).isEqualTo(right).isEqualTo(swapped);
            assertThat(acc(a).merge(NpsAccumulator.create()).result()).as("seed %d", seed).isEqualTo(acc(a).result());
            assertThat(NpsAccumulator.create().merge(acc(a)).result()).as("seed %d", seed).isEqualTo(acc(a).result());
        }
    }

    private static NpsAccumulator acc(int[] scores) {
        return NpsAccumulator.create().addAll(scores);
    }

    @Test
    void comparisonOfTwoPeriodsGivesDifferenceZAndPValue() {
        // Current 40/30/30 of 100 (NPS 10, SE 8.3066) vs baseline 291/476/395 (NPS -8.950, SE 2.2387):
        // difference 18.950, SE sqrt(8.3066^2 + 2.2387^2) = 8.6030, z = 2.2027, p = 2 (1 - Phi(2.2027)) = 0.02761.
        Comparison comparison = counts(40, 30, 30).comparedWith(counts(291, 476, 395));
        assertThat(comparison.difference()).isCloseTo(18.950, within(0.001));
        assertThat(comparison.standardError()).isCloseTo(8.6030, within(0.0001));
        assertThat(comparison.z().getAsDouble()).isCloseTo(2.2027, within(0.0001));
        assertThat(comparison.pValue().getAsDouble()).isCloseTo(0.02761, within(0.00001));
        assertThat(comparison.isSignificant(0.95)).isTrue();
        assertThat(comparison.isSignificant(0.99)).isFalse();
    }

    @Test
    void requiredSampleSizeForFivePointsAtNinetyFivePercentIs1537() {
        // Worst case s^2 = 1: n = 1.959964^2 / 0.05^2 = 3.841459 / 0.0025 = 1536.58 -> 1537.
        assertThat(Nps.requiredSampleSize(5, 0.95)).isEqualTo(1537);
        // Expected p = 0.4, d = 0.3: s^2 = 0.69, n = 3.841459 * 0.69 / 0.0025 = 1060.24 -> 1061.
        assertThat(Nps.requiredSampleSize(0.4, 0.3, 5, 0.95)).isEqualTo(1061);
        assertThatThrownBy(() -> Nps.requiredSampleSize(0.7, 0.5, 5, 0.95)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> Nps.requiredSampleSize(0, 0.95)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void resultReadsAsASentence() {
        assertThat(NpsResult.of(291, 476, 395).toString()).isEqualTo(
                "NPS -8.95 +/- 4.39 (95% Wald; n = 1162: 291 promoters, 476 passives, 395 detractors)");
    }

    @Test
    void bytesAreTheDocumentedHeaderAndElevenCounts() {
        // Answers 0..10 once each and 10 once more: counts 1 x 10, then 2 for the answer 10.
        NpsAccumulator accumulator = NpsAccumulator.create().addAll(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10});
        ByteBuffer expected = ByteBuffer.allocate(4 + 11 * 8).put(new byte[] {'J', 'K', 1, 1});
        for (int s = 0; s < 10; s++) {
            expected.putLong(1);
        }
        expected.putLong(2);
        assertThat(accumulator.toBytes()).containsExactly(expected.array());
        NpsAccumulator copy = NpsAccumulator.fromBytes(expected.array());
        for (int s = 0; s <= 10; s++) {
            assertThat(copy.count(s)).isEqualTo(accumulator.count(s));
        }
    }

    @Test
    void stateStaysElevenCountsWhateverTheInputSize() {
        NpsAccumulator small = NpsAccumulator.create().add(9);
        NpsAccumulator large = NpsAccumulator.create()
                .addAll(new SplittableRandom(3).ints(1_000_000, 0, 11).toArray());
        // 4 bytes of header and 11 longs, for one answer as for a million.
        assertThat(small.toBytes()).hasSize(4 + 11 * 8);
        assertThat(large.toBytes()).hasSize(4 + 11 * 8);
    }

    @Test
    void aCountNearLongMaxValueDoesNotWrap() {
        // 10 x (Long.MAX_VALUE - 1) read from bytes; one more answer reaches Long.MAX_VALUE exactly, the next one
        // would be Long.MAX_VALUE + 1, which a long wraps to Long.MIN_VALUE: it is refused, the state unchanged.
        NpsAccumulator accumulator = NpsAccumulator.fromBytes(state(0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Long.MAX_VALUE - 1));
        accumulator.add(10);
        assertThat(accumulator.count(10)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> accumulator.add(0)).isInstanceOf(MetricInputException.class)
                .hasMessage("NPS count: 9223372036854775807 + 1 must not exceed 9223372036854775807"
                        + " (Long.MAX_VALUE)");
        assertThatThrownBy(() -> accumulator.addAll(new int[] {9, 9})).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.merge(accumulator)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.merge(NpsAccumulator.create().add(7)))
                .isInstanceOf(MetricInputException.class);
        assertThat(accumulator.count(0)).isZero();
        assertThat(accumulator.count(9)).isZero();
        assertThat(accumulator.responses()).isEqualTo(Long.MAX_VALUE);
        // All promoters: NPS 100 over Long.MAX_VALUE responses.
        assertThat(accumulator.result().orElseThrow().promoters()).isEqualTo(Long.MAX_VALUE);
        assertThat(accumulator.result().orElseThrow().score()).isEqualTo(100.0);
    }

    @Test
    void countsThatTogetherPassLongMaxValueAreRefusedOnRead() {
        // Long.MAX_VALUE answers 0 and 1 answer 1 make Long.MAX_VALUE + 1 responses: the second count, at byte
        // 4 + 8 = 12, is refused.
        assertThatThrownBy(() -> NpsAccumulator.fromBytes(state(Long.MAX_VALUE, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("NPS state at byte 12: 1 counts must add up to at most 9223372036854775807"
                        + " (Long.MAX_VALUE)");
        // A negative count of answer 3 at byte 4 + 3 x 8 = 28.
        assertThatThrownBy(() -> NpsAccumulator.fromBytes(state(0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("NPS state at byte 28: -1 count 3 must be a count, not negative");
        assertThatThrownBy(() -> NpsAccumulator.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("4-byte");
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesEveryCount() {
        // {9, 9, 0} merged with itself: 4 answers 9 and 2 answers 0; NPS = 100 (4 - 2) / 6 = 33.33.
        NpsAccumulator accumulator = NpsAccumulator.create().addAll(new int[] {9, 9, 0});
        accumulator.merge(accumulator);
        assertThat(accumulator.count(9)).isEqualTo(4);
        assertThat(accumulator.count(0)).isEqualTo(2);
        assertThat(accumulator.result()).contains(NpsResult.of(4, 0, 2));
    }

    @Test
    void comparingTwoResultsWithoutSpreadHasNoZ() {
        // All passives (NPS 0, SE 0) against all promoters (NPS 100, SE 0): difference -100, SE 0, z undefined.
        Comparison comparison = NpsResult.of(0, 5, 0).comparedWith(NpsResult.of(5, 0, 0));
        assertThat(comparison.difference()).isEqualTo(-100.0);
        assertThat(comparison.z()).isEmpty();
        assertThat(comparison.pValue()).isEmpty();
    }

    @Test
    void countsAddingUpPastLongMaxValueAreRefusedByTheResultFactory() {
        // Long.MAX_VALUE + 1 responses would wrap; the old Math.addExact threw a bare ArithmeticException.
        assertThatThrownBy(() -> NpsResult.of(Long.MAX_VALUE, 1, 0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("Long.MAX_VALUE");
    }

    /** The NPS state with the given eleven counts, written by hand after the documented layout. */
    static byte[] state(long... counts) {
        ByteBuffer bytes = ByteBuffer.allocate(4 + 8 * counts.length).put(new byte[] {'J', 'K', 1, 1});
        for (long count : counts) {
            bytes.putLong(count);
        }
        return bytes.array();
    }
}
