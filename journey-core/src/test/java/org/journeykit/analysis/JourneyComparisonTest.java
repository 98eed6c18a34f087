package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.MomentKind;
import org.junit.jupiter.api.Test;

class JourneyComparisonTest {

    private final JourneyComparison comparison =
            JourneyComparison.of(SeedJourneys.laptopRequest(), SeedJourneys.improvedLaptopRequest());

    @Test
    void listsAddedAndRemovedTouchpoints() {
        assertThat(comparison.getAdded()).containsExactly("auto-approval");
        assertThat(comparison.getRemoved()).containsExactly("approval-wait", "status-call");
        assertThat(comparison.getSuperfluousRemoved()).containsExactly("approval-wait", "status-call");
    }

    @Test
    void comparesKeptTouchpointsFieldByField() {
        assertThat(comparison.getKept()).extracting(TouchpointChange::getTouchpointId)
                .containsExactly("search-portal", "order-form", "pickup", "first-login");
        assertThat(comparison.getChanged()).singleElement().satisfies(change -> {
            assertThat(change.getTouchpointId()).isEqualTo("search-portal");
            assertThat(change.getChangedFields()).containsExactly("channelId", "emotion");
            // -1 -> 0 on five points: -0.5 -> 0, change +0.5
            assertThat(change.getEmotionChange().getAsDouble()).isCloseTo(0.5, within(1e-12));
            assertThat(change.getChannelShift()).map(Gap.Handoff::toString)
                    .contains("self-service-portal -> chatbot");
            assertThat(change.getCurrentKind()).contains(MomentKind.CUSTOMER);
        });
        assertThat(comparison.getChannelShifts()).hasSize(1);
        assertThat(comparison.getKept().get(1).getEmotionChange().getAsDouble()).isZero();
    }

    @Test
    void peakEndImprovesByOne() {
        // Current: 0 (see EmotionCurveTest). Future normalised: 0, 0.5, 0.5, 0, 1 -> most intense and end are
        // first-login (+1): (1 + 1) / 2 = 1. Change +1.
        assertThat(comparison.getFutureCurve().getPeakEndScore().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(comparison.getPeakEndChange().getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(comparison).hasToString(
                "JourneyComparison[laptop-request -> laptop-request-improved, added=1, removed=2, changed=1]");
    }
}
