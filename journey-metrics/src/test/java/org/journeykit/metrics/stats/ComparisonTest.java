package org.journeykit.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void differenceZAndPValueFollowFromTheStandardError() {
        // 12 vs 7 with SE 5: z = 1, p = 2 (1 - Phi(1)) = 2 * 0.158655 = 0.317311; 95 % interval 5 +/- 9.79982.
        Comparison comparison = Comparison.of(12, 7, 5);
        assertThat(comparison.difference()).isEqualTo(5.0);
        assertThat(comparison.z()).hasValue(1.0);
        assertThat(comparison.pValue().getAsDouble()).isCloseTo(0.317311, within(0.000001));
        assertThat(comparison.differenceInterval(0.95).halfWidth()).isCloseTo(9.79982, within(0.00001));
        assertThat(comparison).hasToString("+5.00 (12.00 vs 7.00), z = 1.00, p = 0.3173");
    }

    @Test
    void zeroStandardErrorLeavesZAndPUndefinedRatherThanZeroOrInfinite() {
        // 0/0 and 10/0 are not numbers: both are empty, and neither difference is called significant.
        for (Comparison comparison : List.of(Comparison.of(100, 100, 0), Comparison.of(100, 90, 0))) {
            assertThat(comparison.z()).isEmpty();
            assertThat(comparison.pValue()).isEmpty();
            assertThat(comparison.isSignificant(0.95)).isFalse();
        }
        assertThat(Comparison.of(100, 90, 0).difference()).isEqualTo(10.0);
        assertThat(Comparison.of(100, 90, 0).differenceInterval(0.95)).isEqualTo(Interval.of(10, 10, 10, 0.95));
        assertThat(Comparison.of(100, 90, 0))
                .hasToString("+10.00 (100.00 vs 90.00), z and p undefined (standard error 0.0)");
    }

    @Test
    void aQuotientBeyondTheRangeOfADoubleIsUndefinedToo() {
        // 1e300 / 1e-300 = 1e600 > Double.MAX_VALUE (1.8e308): no finite z.
        Comparison comparison = Comparison.of(1e300, 0, 1e-300);
        assertThat(comparison.z()).isEmpty();
        assertThat(comparison.pValue()).isEmpty();
    }

    @Test
    void invalidInputsAreRejected() {
        assertThatThrownBy(() -> Comparison.of(1, 2, -1)).isInstanceOf(MetricInputException.class)
                .hasMessage("standardError: -1.0 must be finite and not negative");
        assertThatThrownBy(() -> Comparison.of(Double.NaN, 2, 1)).isInstanceOf(MetricInputException.class);
        // 1.5e308 - (-1.5e308) = 3e308 overflows to infinity.
        assertThatThrownBy(() -> Comparison.of(1.5e308, -1.5e308, 1)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("current - baseline: Infinity");
        assertThatThrownBy(() -> Interval.of(0, 2, 1, 0.95)).isInstanceOf(MetricInputException.class)
                .hasMessage("lower: 2.0 must be at most upper 1.0");
        assertThatThrownBy(() -> Interval.of(0, 0, 1, 1.0)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void intervalReadsWithItsLevel() {
        assertThat(Interval.of(9.7087, -6.2719, 25.6894, 0.95)).hasToString("9.71 [-6.27, 25.69] (95% CI)");
        assertThat(Interval.of(0, -1, 1, 0.995)).hasToString("0.00 [-1.00, 1.00] (99.5% CI)");
        assertThat(Interval.of(0, -1, 1, 0.9).contains(1.0)).isTrue();
    }
}
