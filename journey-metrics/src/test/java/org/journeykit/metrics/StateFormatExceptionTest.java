package org.journeykit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.journeykit.error.JourneyKitException;
import org.junit.jupiter.api.Test;

class StateFormatExceptionTest {

    @Test
    void namesTheAccumulatorTheOffsetAndTheRule() {
        StateFormatException e = new StateFormatException("NPS", 12, -5, "count must be a count, not negative");
        assertThat(e).hasMessage("NPS state at byte 12: -5 count must be a count, not negative")
                .isInstanceOf(MetricInputException.class).isInstanceOf(JourneyKitException.class);
        assertThat(e.getAccumulator()).isEqualTo("NPS");
        assertThat(e.getOffset()).isEqualTo(12);
        assertThat(e.getValue()).isEqualTo("-5");
        assertThat(e.getRule()).isEqualTo("count must be a count, not negative");
    }
}
