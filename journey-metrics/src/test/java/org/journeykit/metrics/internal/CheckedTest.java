package org.journeykit.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class CheckedTest {

    @Test
    void addsWithinRange() {
        assertThat(Checked.add(Long.MAX_VALUE - 1, 1, "NPS")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void overflowNamesTheMetricAndTheLimit() {
        assertThatThrownBy(() -> Checked.add(Long.MAX_VALUE, 1, "NPS")).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("NPS").hasMessageContaining("Long.MAX_VALUE");
        assertThatThrownBy(() -> Checked.sum(new long[] {Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1}, "CES"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("CES");
        assertThatThrownBy(() -> Checked.multiply(Long.MAX_VALUE, 2, "CSAT")).isInstanceOf(MetricInputException.class);
    }
}
