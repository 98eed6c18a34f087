package org.journeykit.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    @Test
    void handWorkedExample() {
        TwoProportionTest test = new TwoProportionTest(45, 100, 30, 100);

        // P = 75 / 200 = 0.375; SE = sqrt(0.375 x 0.625 x (1/100 + 1/100)) = sqrt(0.0046875) = 0.0684653;
        // z = 0.15 / 0.0684653 = 2.190890; p = 2 (1 - Phi(2.190890)) = 0.028459.
        assertThat(test.difference()).isCloseTo(0.15, within(1e-15));
        assertThat(test.pooledStandardError()).isCloseTo(0.0684653, within(1e-7));
        assertThat(test.z()).isCloseTo(2.190890, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.028459, within(1e-6));
        // Unpooled SE = sqrt(0.45 x 0.55 / 100 + 0.3 x 0.7 / 100) = sqrt(0.004575) = 0.0676387; 95 %:
        // 0.15 +/- 1.959964 x 0.0676387 = [0.017430, 0.282570].
        Interval interval = test.differenceInterval(0.95);
        assertThat(interval.lower()).isCloseTo(0.017430, within(1e-6));
        assertThat(interval.upper()).isCloseTo(0.282570, within(1e-6));
        assertThat(test.toString()).isEqualTo("45/100 vs 30/100: +15.0 points, z = 2.19, p = 0.0285");
    }

    @Test
    void equalExtremeSharesGiveNoEvidenceInsteadOfNaN() {
        TwoProportionTest test = new TwoProportionTest(0, 10, 0, 20);
        assertThat(test.z()).isZero();
        assertThat(test.pValue()).isEqualTo(1.0);
    }

    @Test
    void badCountsAreRefused() {
        assertThatThrownBy(() -> new TwoProportionTest(1, 0, 0, 1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new TwoProportionTest(3, 2, 0, 1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new TwoProportionTest(0, 1, -1, 1)).isInstanceOf(MetricInputException.class);
    }
}
