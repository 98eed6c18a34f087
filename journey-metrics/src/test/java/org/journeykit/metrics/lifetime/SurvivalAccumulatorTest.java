package org.journeykit.metrics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.lifetime.SurvivalCurve.Band;
import org.journeykit.metrics.lifetime.SurvivalCurve.Step;
import org.journeykit.metrics.stats.Interval;
import org.junit.jupiter.api.Test;

class SurvivalAccumulatorTest {

    /**
     * The 6-MP arm of Freireich et al.'s leukaemia remission trial (Gehan 1965), the textbook Kaplan-Meier example
     * (Kleinbaum and Klein, Survival Analysis; Klein and Moeschberger, Table 4.1A): weeks in remission, negative
     * for censored.
     */
    private static final int[] SIX_MP = {6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32,
        -32, -34, -35};

    private static SurvivalCurve sixMp() {
        SurvivalAccumulator accumulator = SurvivalAccumulator.create();
        for (int weeks : SIX_MP) {
            accumulator.add(Math.abs(weeks), weeks > 0);
        }
        return accumulator.result().orElseThrow();
    }

    @Test
    void sixMpArmReproducesTheTextbookTable() {
        SurvivalCurve curve = sixMp();

        // t = 6: 21 at risk, 3 relapse: S = 18/21 = 0.857143; Greenwood sum 3/(21 x 18) = 0.0079365,
        // Var = 0.857143^2 x 0.0079365 = 0.0058309, SE = 0.0764.
        // t = 7: 17 at risk (one censored at 6), 1 relapse: S = 0.857143 x 16/17 = 0.806723, sum + 1/(17 x 16)
        // = 0.0116130, SE = 0.806723 x sqrt(0.0116130) = 0.0869.
        // t = 10: 15 at risk, S = 0.806723 x 14/15 = 0.752941, sum + 1/210 = 0.0163749, SE = 0.0963.
        // t = 13: 12 at risk, S = 0.752941 x 11/12 = 0.690196, sum + 1/132 = 0.0239507, SE = 0.1068.
        // t = 16: 11 at risk, S = 0.690196 x 10/11 = 0.627451, sum + 1/110 = 0.0330416, SE = 0.1141.
        // t = 22: 7 at risk, S = 0.627451 x 6/7 = 0.537815, sum + 1/42 = 0.0568511, SE = 0.1282.
        // t = 23: 6 at risk, S = 0.537815 x 5/6 = 0.448179, sum + 1/30 = 0.0901845, SE = 0.1346.
        long[] times = {6, 7, 10, 13, 16, 22, 23};
        long[] atRisk = {21, 17, 15, 12, 11, 7, 6};
        double[] survival = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
        double[] standardError = {0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135};
        for (int i = 0; i < times.length; i++) {
            long time = times[i];
            Step step = curve.steps().stream().filter(s -> s.lifetime() == time).findFirst().orElseThrow();
            assertThat(step.atRisk()).as("n at %s", time).isEqualTo(atRisk[i]);
            assertThat(step.survival()).as("S(%s)", time).isCloseTo(survival[i], within(0.0005));
            assertThat(step.standardError()).as("SE(%s)", time).isCloseTo(standardError[i], within(0.0005));
        }
        assertThat(curve.steps().get(0).survival()).isCloseTo(18.0 / 21, within(1e-15));
        assertThat(curve.steps()).hasSize(16);
        assertThat(curve.customers()).isEqualTo(21);
    }

    @Test
    void medianIsTheFirstLifetimeWithSurvivalAtMostOneHalf() {
        // S(22) = 0.538 > 0.5, S(23) = 0.448: the median remission is 23 weeks, as in the textbook.
        assertThat(sixMp().medianLifetime()).hasValue(23);
        assertThat(sixMp().survivalAt(5)).isEqualTo(1.0);
        assertThat(sixMp().survivalAt(12)).isCloseTo(0.752941, within(1e-6));
    }

    @Test
    void medianIsEmptyWhenMostCustomersStay() {
        SurvivalCurve curve = SurvivalAccumulator.create().add(3, true).add(5, false).add(7, false).result()
                .orElseThrow();
        assertThat(curve.medianLifetime()).isEmpty();
    }

    @Test
    void bandsSurroundTheEstimate() {
        SurvivalCurve curve = sixMp();
        // Plain band at t = 6: 0.857143 +/- 1.959964 x 0.076360 = [0.707480, 1.006806] cut to 1.
        Interval plain = curve.band(0.95, Band.PLAIN).get(0);
        assertThat(plain.lower()).isCloseTo(0.857143 - 1.959964 * 0.076360, within(1e-5));
        assertThat(plain.upper()).isEqualTo(1.0);
        // Log-log at t = 6: spread = 1.959964 x 0.076360 / (0.857143 x 0.154151) = 1.132700;
        // lower = 0.857143^exp(1.1327) = 0.857143^3.104 = 0.6197, upper = 0.857143^exp(-1.1327) = 0.9516.
        Interval logLog = curve.band(0.95, Band.LOG_LOG).get(0);
        assertThat(logLog.lower()).isCloseTo(0.6197, within(0.0005));
        assertThat(logLog.upper()).isCloseTo(0.9516, within(0.0005));
        assertThat(curve.band(0.95, Band.LOG_LOG)).allSatisfy(i -> assertThat(i.lower()).isLessThanOrEqualTo(
                i.estimate()));
    }

    @Test
    void everyoneChurningEndsAtZeroWithoutNaN() {
        SurvivalCurve curve = SurvivalAccumulator.create().add(1, true).add(2, true).result().orElseThrow();
        // S(1) = 1/2, S(2) = 0: variance 0 from there on, never NaN.
        assertThat(curve.steps()).extracting(Step::survival).containsExactly(0.5, 0.0);
        assertThat(curve.steps().get(1).variance()).isZero();
        assertThat(curve.band(0.9, Band.LOG_LOG).get(1).lower()).isZero();
    }

    @Test
    void emptyAccumulatorHasNoCurve() {
        assertThat(SurvivalAccumulator.create().result()).isEmpty();
        assertThat(SurvivalAccumulator.create().add(3, 0, 0).result()).isEmpty();
    }

    @Test
    void badInputIsRefusedAndLeavesTheStateUnchanged() {
        SurvivalAccumulator accumulator = SurvivalAccumulator.create().add(3, true);
        byte[] before = accumulator.toBytes();
        assertThatThrownBy(() -> accumulator.add(-1, true)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.add(1, -1, 0)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.add(SurvivalAccumulator.MAX_LIFETIME + 1, true))
                .isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.add(4, Long.MAX_VALUE, 0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining(Long.toString(Long.MAX_VALUE));
        assertThat(accumulator.toBytes()).isEqualTo(before);
    }

    @Test
    void overflowingMergeLeavesTheStateUnchanged() {
        SurvivalAccumulator big = SurvivalAccumulator.create().add(1, Long.MAX_VALUE - 1, 0);
        byte[] before = big.toBytes();
        assertThatThrownBy(() -> big.merge(SurvivalAccumulator.create().add(2, 5, 0)))
                .isInstanceOf(MetricInputException.class);
        assertThat(big.toBytes()).isEqualTo(before);
    }

    @Test
    void bytesOutOfOrderOrEmptyAreRefused() {
        byte[] unordered = StateWriter.start(StateTag.SURVIVAL, 1, 64).writeInt(2).writeLong(5).writeLong(1)
                .writeLong(0).writeLong(4).writeLong(1).writeLong(0).toByteArray();
        assertThatThrownBy(() -> SurvivalAccumulator.fromBytes(unordered)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("strictly increasing");
        byte[] empty = StateWriter.start(StateTag.SURVIVAL, 1, 64).writeInt(1).writeLong(5).writeLong(0)
                .writeLong(0).toByteArray();
        assertThatThrownBy(() -> SurvivalAccumulator.fromBytes(empty)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("at least one customer");
        byte[] huge = StateWriter.start(StateTag.SURVIVAL, 1, 64).writeInt(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> SurvivalAccumulator.fromBytes(huge)).isInstanceOf(StateFormatException.class);
    }

    @Test
    void resultIsAValue() {
        assertThat(sixMp()).isEqualTo(sixMp()).hasSameHashCodeAs(sixMp());
        assertThat(sixMp().toString()).contains("21 customers", "median 23");
        assertThat(List.copyOf(sixMp().steps())).isEqualTo(sixMp().steps());
    }
}
