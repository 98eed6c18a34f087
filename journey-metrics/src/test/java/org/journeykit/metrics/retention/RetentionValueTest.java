package org.journeykit.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class RetentionValueTest {

    @Test
    void periodRetentionIsEndMinusNewOverStart() {
        // S = 200, E = 180, N = 20: 100 (180 - 20) / 200 = 80 %, churn 20 %.
        PeriodRetention retention = PeriodRetention.of(200, 180, 20);
        assertThat(retention.retentionRate()).hasValue(80.0);
        assertThat(retention.churnRate()).hasValue(20.0);
        assertThat(retention).hasToString("retention 80.0%, churn 20.0% (S = 200, E = 180, N = 20)");
    }

    @Test
    void periodRetentionIsUndefinedWithoutStartingCustomers() {
        PeriodRetention retention = PeriodRetention.of(0, 15, 15);
        assertThat(retention.retentionRate()).isEmpty();
        assertThat(retention.churnRate()).isEmpty();
    }

    @Test
    void impossibleHeadCountsAreRejected() {
        assertThatThrownBy(() -> PeriodRetention.of(-1, 0, 0)).isInstanceOf(MetricInputException.class)
                .hasMessage("start: -1 must not be negative");
        assertThatThrownBy(() -> PeriodRetention.of(10, 5, 6)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("acquired: 6");
        assertThatThrownBy(() -> PeriodRetention.of(10, 30, 5)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("more customers kept than there were");
    }

    @Test
    void simpleLifetimeValueMultipliesItsFactors() {
        // 50 per order x 4 orders a year x 0.3 margin x 5 years = 300.
        assertThat(CustomerLifetimeValue.simple(50, 4, 0.3, 5)).isCloseTo(300.0, within(1e-9));
        assertThatThrownBy(() -> CustomerLifetimeValue.simple(50, 4, 1.3, 5)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("margin: 1.3");
    }

    @Test
    void lifetimeValuesBeyondTheRangeOfADoubleAreRefusedNotInfinite() {
        // 1e200 x 1e200 = 1e400 > Double.MAX_VALUE (1.8e308): was Infinity.
        assertThatThrownBy(() -> CustomerLifetimeValue.simple(1e200, 1e200, 1, 1))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("lifetime value: Infinity");
        // m r / (1 + i - r) = 1e308 x 0.9 / 0.1 = 9e308 > Double.MAX_VALUE.
        assertThatThrownBy(() -> CustomerLifetimeValue.retentionBased(1e308, 0.9, 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("must be finite");
    }

    @Test
    void retentionBasedLifetimeValueFollowsGuptaAndLehmann() {
        // m = 100, r = 0.8, i = 0.1: 100 x 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3 = 266.667.
        assertThat(CustomerLifetimeValue.retentionBased(100, 0.8, 0.1)).isCloseTo(266.667, within(0.001));
        // r = 0 keeps nobody: value 0.
        assertThat(CustomerLifetimeValue.retentionBased(100, 0, 0.1)).isZero();
        assertThatThrownBy(() -> CustomerLifetimeValue.retentionBased(100, 1.0, 0.0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("retentionRate: 1.0");
    }

    @Test
    void repeatPurchaseRateCountsCustomersWithTwoOrMorePurchases() {
        // ann 3, bob 1, cy 2, dee 1, eve 1: 2 of 5 customers repeat = 40 %.
        RepeatPurchaseAccumulator left = RepeatPurchaseAccumulator.create().add("ann").add("ann").add("bob").add("cy");
        RepeatPurchaseAccumulator right = RepeatPurchaseAccumulator.create().add("ann").add("cy").add("dee").add("eve");
        RepeatPurchaseAccumulator.Rate rate = left.merge(right).result().orElseThrow();
        assertThat(rate.customers()).isEqualTo(5);
        assertThat(rate.repeatCustomers()).isEqualTo(2);
        assertThat(rate.rate()).isEqualTo(0.4);
        assertThat(rate).hasToString("repeat purchase 40.0% (2 of 5 customers)");
        assertThat(RepeatPurchaseAccumulator.create().result()).isEmpty();
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.create().add(null)).isInstanceOf(MetricInputException.class);
    }
}
