package org.journeykit.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CesTest {

    private static CesAccumulator workedExample() {
        CesAccumulator accumulator = CesAccumulator.create(CesScale.CES_2_0);
        int[] counts = {80, 210, 140, 110, 160, 180, 120};
        for (int answer = 1; answer <= 7; answer++) {
            for (int i = 0; i < counts[answer - 1]; i++) {
                accumulator.add(answer);
            }
        }
        return accumulator;
    }

    @Test
    void workedExampleCes2GivesMeanFourPointZeroEight() {
        // sum = 1*80 + 2*210 + 3*140 + 4*110 + 5*160 + 6*180 + 7*120 = 4080 over n = 1000: mean 4.08.
        // easy (5-7) = 460/1000, difficult (1-3) = 430/1000, net ease 0.03.
        // sum of squared deviations = 3653.6, s = sqrt(3653.6/999) = 1.91240, margin 1.959964 s / sqrt(1000) = 0.11853.
        CesResult result = workedExample().result().orElseThrow();
        assertThat(result.responses()).isEqualTo(1000);
        assertThat(result.mean()).isCloseTo(4.08, within(1e-12));
        assertThat(result.shareEasy()).isCloseTo(0.46, within(1e-12));
        assertThat(result.shareDifficult()).isCloseTo(0.43, within(1e-12));
        assertThat(result.netEase()).isCloseTo(0.03, within(1e-12));
        assertThat(result.standardDeviation().getAsDouble()).isCloseTo(1.91240, within(0.00001));
        assertThat(result.meanInterval(0.95).orElseThrow().halfWidth()).isCloseTo(0.11853, within(0.00001));
        assertThat(result.share(2)).isCloseTo(0.21, within(1e-12));
        assertThat(result.distribution()).containsExactly(80, 210, 140, 110, 160, 180, 120);
    }

    @Test
    void ces1CountsLowAnswersAsEasy() {
        // 1, 2 easy; 4, 5 difficult: answers {1, 2, 3, 4, 5, 1} -> easy 3/6, difficult 2/6, net 1/6; mean 16/6.
        CesResult result = CesAccumulator.create(CesScale.CES_1_0).addAll(new int[] {1, 2, 3, 4, 5, 1})
                .result().orElseThrow();
        assertThat(result.shareEasy()).isCloseTo(0.5, within(1e-12));
        assertThat(result.netEase()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(result.mean()).isCloseTo(16.0 / 6, within(1e-12));
        assertThat(result.scale().isHigherBetter()).isFalse();
    }

    @Test
    void oneResponseHasAMeanButNoInterval() {
        CesResult result = CesAccumulator.create(CesScale.CES_2_0).add(6).result().orElseThrow();
        assertThat(result.mean()).isEqualTo(6.0);
        assertThat(result.standardDeviation()).isEmpty();
        assertThat(result.meanInterval(0.95)).isEmpty();
        assertThat(CesAccumulator.create(CesScale.CES_2_0).result()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void answersOffTheCes1ScaleAreRejected(int answer) {
        CesAccumulator accumulator = CesAccumulator.create(CesScale.CES_1_0);
        assertThatThrownBy(() -> accumulator.add(answer)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("answer: " + answer).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> accumulator.addAll(new int[] {3, answer}))
                .hasMessageStartingWith("answers[1]: " + answer);
        assertThat(accumulator.result()).isEmpty();
    }

    @Test
    void responsesOfTheOtherScaleOrAnUnknownScaleAreRejected() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        SurveyResponse ces1 = SurveyResponse.builder().kind(SurveyKind.CES).scale(SurveyScale.ONE_TO_FIVE).score(2)
                .time(t).build();
        assertThatThrownBy(() -> CesAccumulator.create(CesScale.CES_2_0).add(ces1))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("response.scale: 1-5");
        assertThatThrownBy(() -> CesScale.of(SurveyScale.ONE_TO_TEN)).isInstanceOf(MetricInputException.class)
                .hasMessage("scale: 1-10 must be 1-5 (CES 1.0) or 1-7 (CES 2.0)");
        assertThat(List.of(ces1).stream().collect(CesAccumulator.collector(CesScale.CES_1_0)))
                .map(CesResult::mean).contains(2.0);
    }

    @Test
    void mergingDifferentScalesIsRefused() {
        assertThatThrownBy(() -> CesAccumulator.create(CesScale.CES_1_0).merge(CesAccumulator.create(CesScale.CES_2_0)))
                .isInstanceOf(IncompatibleMergeException.class);
    }

    @Test
    void mergeLawsHoldOnSeededRandomInput() {
        long seed = 7L;
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 30; round++) {
            int[] a = r.ints(r.nextInt(50), 1, 8).toArray();
            int[] b = r.ints(r.nextInt(50), 1, 8).toArray();
            int[] c = r.ints(r.nextInt(50), 1, 8).toArray();
            assertThat(ces(a).merge(ces(b)).merge(ces(c)).result()).as("seed %d round %d", seed, round)
                    .isEqualTo(ces(a).merge(ces(b).merge(ces(c))).result())
                    .isEqualTo(ces(c).merge(ces(b)).merge(ces(a)).result());
            assertThat(ces(a).merge(CesAccumulator.create(CesScale.CES_2_0)).result()).isEqualTo(ces(a).result());
        }
    }

    private static CesAccumulator ces(int[] answers) {
        return CesAccumulator.create(CesScale.CES_2_0).addAll(answers);
    }

    @Test
    void bytesRoundTripKeepsScaleAndCounts() {
        CesAccumulator copy = CesAccumulator.fromBytes(workedExample().toBytes());
        assertThat(copy.scale()).isEqualTo(CesScale.CES_2_0);
        assertThat(copy.result()).isEqualTo(workedExample().result());
    }

    @Test
    void parallelIntStreamGivesTheSameResultAsAnArray() {
        long seed = 8L;
        int[] answers = new SplittableRandom(seed).ints(50_000, 1, 8).toArray();
        assertThat(CesAccumulator.create(CesScale.CES_2_0).addAll(java.util.Arrays.stream(answers).parallel()).result())
                .as("seed %d", seed).isEqualTo(ces(answers).result());
        assertThatThrownBy(() -> CesAccumulator.create(CesScale.CES_1_0).addAll(java.util.stream.IntStream.of(1, 7)))
                .isInstanceOf(MetricInputException.class);
    }

    @Test
    void bytesAreTheDocumentedLayout() {
        // CES 1.0 (scale byte 1) with answers {1, 1, 5}: counts 2, 0, 0, 0, 1.
        ByteBuffer expected = ByteBuffer.allocate(4 + 1 + 5 * 8).put(new byte[] {'J', 'K', 3, 1, 1}).putLong(2)
                .putLong(0).putLong(0).putLong(0).putLong(1);
        CesAccumulator accumulator = CesAccumulator.create(CesScale.CES_1_0).addAll(new int[] {1, 1, 5});
        assertThat(accumulator.toBytes()).containsExactly(expected.array());
        assertThat(CesAccumulator.fromBytes(expected.array()).result()).isEqualTo(accumulator.result());
    }

    @Test
    void anUnknownScaleOrMissingCountsAreRefusedOnRead() {
        byte[] unknown = ByteBuffer.allocate(4 + 1 + 7 * 8).put(new byte[] {'J', 'K', 3, 1, 3}).array();
        assertThatThrownBy(() -> CesAccumulator.fromBytes(unknown)).isInstanceOf(StateFormatException.class)
                .hasMessage("CES state at byte 4: 3 scale must be 1 (CES 1.0) or 2 (CES 2.0)");
        // CES 2.0 needs 7 counts, 56 bytes; 5 counts (40 bytes) are not enough.
        byte[] short5 = ByteBuffer.allocate(4 + 1 + 5 * 8).put(new byte[] {'J', 'K', 3, 1, 2}).array();
        assertThatThrownBy(() -> CesAccumulator.fromBytes(short5)).isInstanceOf(StateFormatException.class)
                .hasMessage("CES state at byte 5: 40 bytes 7 counts of CES need 56 bytes");
    }

    @Test
    void aCountNearLongMaxValueDoesNotWrap() {
        // Long.MAX_VALUE - 1 answers 7 on CES 2.0; one more reaches Long.MAX_VALUE, the next is refused.
        ByteBuffer bytes = ByteBuffer.allocate(4 + 1 + 7 * 8).put(new byte[] {'J', 'K', 3, 1, 2});
        for (int i = 0; i < 6; i++) {
            bytes.putLong(0);
        }
        CesAccumulator accumulator = CesAccumulator.fromBytes(bytes.putLong(Long.MAX_VALUE - 1).array());
        accumulator.add(7);
        assertThatThrownBy(() -> accumulator.add(1)).isInstanceOf(MetricInputException.class)
                .hasMessage("CES count: 9223372036854775807 + 1 must not exceed 9223372036854775807"
                        + " (Long.MAX_VALUE)");
        assertThatThrownBy(() -> accumulator.merge(accumulator)).isInstanceOf(MetricInputException.class);
        CesResult result = accumulator.result().orElseThrow();
        assertThat(result.responses()).isEqualTo(Long.MAX_VALUE);
        assertThat(result.count(1)).isZero();
        assertThat(result.mean()).isEqualTo(7.0);
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesEveryCount() {
        CesAccumulator accumulator = CesAccumulator.create(CesScale.CES_2_0).addAll(new int[] {7, 1, 1});
        accumulator.merge(accumulator);
        assertThat(accumulator.result().orElseThrow().distribution()).containsExactly(4, 0, 0, 0, 0, 0, 2);
    }
}

