package org.journeykit.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

class CsatTest {

    @Test
    void topTwoBoxCountsFoursAndFivesAsSatisfied() {
        CsatResult result = CsatAccumulator.create().addAll(new int[] {1, 2, 3, 4, 5, 5, 4, 4}).result()
                .orElseThrow();
        assertThat(result.satisfied()).isEqualTo(5);
        assertThat(result.responses()).isEqualTo(8);
        assertThat(result.percent()).isCloseTo(62.5, within(1e-12));
    }

    @Test
    void wilsonIntervalMatchesHandCalculation() {
        // x = 156, n = 200, p = 0.78, z = 1.959964: denominator 1 + z^2/n = 1.019207,
        // centre (0.78 + 0.0096040)/1.019207 = 0.774723, half z sqrt(0.000858 + 0.0000240)/1.019207 = 0.057111:
        // [0.717612, 0.831835].
        Interval interval = CsatResult.of(156, 200).wilson(0.95);
        assertThat(interval.lower()).isCloseTo(0.717612, within(0.000001));
        assertThat(interval.upper()).isCloseTo(0.831835, within(0.000001));
        assertThat(interval.estimate()).isEqualTo(0.78);
    }

    @Test
    void wilsonIntervalOfNoSuccessesStartsAtZeroAndIsNotDegenerate() {
        // x = 0, n = 10: upper = (z^2/20 + z sqrt(z^2/400)) / (1 + z^2/10) = 0.384146 / 1.384146 = 0.277533.
        Interval interval = CsatResult.of(0, 10).wilson(0.95);
        assertThat(interval.lower()).isZero();
        assertThat(interval.upper()).isCloseTo(0.277533, within(0.000001));
    }

    @Test
    void comparisonUsesTheTwoProportionTestWithPooledVariance() {
        // 156/200 vs 140/200: P = 296/400 = 0.74, SE = sqrt(0.74 * 0.26 * (2/200)) = 0.043863,
        // z = 0.08/0.043863 = 1.82384, p = 0.068176.
        Comparison comparison = CsatResult.of(156, 200).comparedWith(CsatResult.of(140, 200));
        assertThat(comparison.z().getAsDouble()).isCloseTo(1.82384, within(0.00001));
        assertThat(comparison.pValue().getAsDouble()).isCloseTo(0.068176, within(0.000001));
        assertThat(comparison.isSignificant(0.95)).isFalse();
    }

    @Test
    void configurableScaleAndThreshold() {
        // 1-7 scale, satisfied >= 6: {7, 6, 5, 1} -> 2 of 4.
        CsatResult result = CsatAccumulator.create(new CsatDefinition(SurveyScale.ONE_TO_SEVEN, 6))
                .addAll(new int[] {7, 6, 5, 1}).result().orElseThrow();
        assertThat(result.share()).isEqualTo(0.5);
        assertThatThrownBy(() -> CsatAccumulator.create(new CsatDefinition(SurveyScale.ONE_TO_FIVE, 6)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("threshold: 6");
        assertThatThrownBy(() -> CsatAccumulator.create(new CsatDefinition(SurveyScale.ONE_TO_FIVE, 1)))
                .isInstanceOf(MetricInputException.class);
    }

    @Test
    void badAnswersAndIncompatibleMergesAreRefusedWithoutChangingState() {
        CsatAccumulator accumulator = CsatAccumulator.create().add(5);
        assertThatThrownBy(() -> accumulator.add(0)).isInstanceOf(MetricInputException.class)
                .hasMessage("answer: 0 must be an integer on the CSAT scale 1-5");
        assertThatThrownBy(() -> accumulator.addAll(new int[] {4, 9})).hasMessageStartingWith("answers[1]: 9");
        CsatAccumulator otherThreshold = CsatAccumulator.create(new CsatDefinition(SurveyScale.ONE_TO_FIVE, 5));
        assertThatThrownBy(() -> accumulator.merge(otherThreshold)).isInstanceOf(IncompatibleMergeException.class)
                .hasMessage("cannot merge CSAT accumulators of different configurations: 1-5, satisfied >= 4 and"
                        + " 1-5, satisfied >= 5");
        assertThat(accumulator.result().orElseThrow().responses()).isEqualTo(1);
        assertThat(CsatAccumulator.create().result()).isEmpty();
    }

    @Test
    void mergeLawsAndByteRoundTripHoldOnSeededRandomInput() {
        long seed = 99L;
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 30; round++) {
            int[] a = r.ints(r.nextInt(40), 1, 6).toArray();
            int[] b = r.ints(r.nextInt(40), 1, 6).toArray();
            int[] c = r.ints(r.nextInt(40), 1, 6).toArray();
            assertThat(csat(a).merge(csat(b)).merge(csat(c)).result()).as("seed %d round %d", seed, round)
                    .isEqualTo(csat(a).merge(csat(b).merge(csat(c))).result())
                    .isEqualTo(csat(b).merge(csat(c)).merge(csat(a)).result());
            assertThat(CsatAccumulator.create().merge(csat(a)).result()).isEqualTo(csat(a).result());
            assertThat(CsatAccumulator.fromBytes(csat(a).toBytes()).result()).isEqualTo(csat(a).result());
        }
    }

    private static CsatAccumulator csat(int[] answers) {
        return CsatAccumulator.create().addAll(answers);
    }

    @Test
    void resultReadsAsASentence() {
        assertThat(CsatResult.of(156, 200).toString())
                .isEqualTo("CSAT 78.0% (156 of 200 satisfied), 95% Wilson [71.8%, 83.2%]");
    }

    @Test
    void intStreamPathCountsLikeTheArrayPath() {
        assertThat(CsatAccumulator.create().addAll(java.util.stream.IntStream.of(5, 4, 1).parallel()).result())
                .contains(CsatResult.of(2, 3));
    }

    @Test
    void createWithoutADefinitionIsTopTwoBox() {
        assertThat(CsatAccumulator.create().definition()).isEqualTo(CsatDefinition.TOP_TWO_BOX)
                .isEqualTo(new CsatDefinition(SurveyScale.ONE_TO_FIVE, 4));
        assertThat(CsatDefinition.TOP_TWO_BOX).hasToString("1-5, satisfied >= 4");
    }

    @Test
    void bytesAreTheDocumentedLayout() {
        // Top-2-box: scale 1 to 5, threshold 4, then counts of {5, 4, 1, 1}: 2, 0, 0, 1, 1.
        ByteBuffer expected = ByteBuffer.allocate(4 + 12 + 5 * 8).put(new byte[] {'J', 'K', 4, 1}).putInt(1)
                .putInt(5).putInt(4).putLong(2).putLong(0).putLong(0).putLong(1).putLong(1);
        CsatAccumulator accumulator = CsatAccumulator.create().addAll(new int[] {5, 4, 1, 1});
        assertThat(accumulator.toBytes()).containsExactly(expected.array());
        assertThat(CsatAccumulator.fromBytes(expected.array()).result()).contains(CsatResult.of(2, 4));
    }

    @Test
    void aScaleOrThresholdOutsideTheLimitsIsRefusedOnRead() {
        // Maximum 1001 > SurveyScale.BOUND_LIMIT, at byte 8.
        byte[] wide = ByteBuffer.allocate(4 + 12).put(new byte[] {'J', 'K', 4, 1}).putInt(0).putInt(1001).putInt(5)
                .array();
        assertThatThrownBy(() -> CsatAccumulator.fromBytes(wide)).isInstanceOf(StateFormatException.class)
                .hasMessage("CSAT state at byte 8: 1001 scale maximum must be from 1 to 1000");
        // Threshold 1 on 1-5 would count every answer as satisfied, at byte 12.
        byte[] all = ByteBuffer.allocate(4 + 12 + 5 * 8).put(new byte[] {'J', 'K', 4, 1}).putInt(1).putInt(5)
                .putInt(1).array();
        assertThatThrownBy(() -> CsatAccumulator.fromBytes(all)).isInstanceOf(StateFormatException.class)
                .hasMessage("CSAT state at byte 12: 1 threshold must be from 2 to 5");
    }

    @Test
    void aCountNearLongMaxValueDoesNotWrap() {
        // Long.MAX_VALUE - 1 answers 5; one more reaches Long.MAX_VALUE, the next is refused, the state unchanged.
        byte[] bytes = ByteBuffer.allocate(4 + 12 + 5 * 8).put(new byte[] {'J', 'K', 4, 1}).putInt(1).putInt(5)
                .putInt(4).putLong(0).putLong(0).putLong(0).putLong(0).putLong(Long.MAX_VALUE - 1).array();
        CsatAccumulator accumulator = CsatAccumulator.fromBytes(bytes);
        accumulator.add(5);
        assertThatThrownBy(() -> accumulator.add(1)).isInstanceOf(MetricInputException.class)
                .hasMessage("CSAT count: 9223372036854775807 + 1 must not exceed 9223372036854775807"
                        + " (Long.MAX_VALUE)");
        assertThatThrownBy(() -> accumulator.addAll(new int[] {1})).isInstanceOf(MetricInputException.class);
        assertThat(accumulator.result()).contains(CsatResult.of(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void comparingTwoResultsWithoutSpreadHasNoZ() {
        // 10 of 10 against 20 of 20: pooled P = 1, SE = sqrt(1 x 0 x (1/10 + 1/20)) = 0, so z and p are undefined.
        Comparison comparison = CsatResult.of(10, 10).comparedWith(CsatResult.of(20, 20));
        assertThat(comparison.difference()).isZero();
        assertThat(comparison.z()).isEmpty();
        assertThat(comparison.isSignificant(0.95)).isFalse();
    }
}

