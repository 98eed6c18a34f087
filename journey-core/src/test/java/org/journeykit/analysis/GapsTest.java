package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.journeykit.fixtures.SeedJourneys;
import org.junit.jupiter.api.Test;

class GapsTest {

    @Test
    void laptopRequestHasFourHandOffs() {
        // 0->1 same department and channel: no gap.
        // 1->2 Service desk -> Management, portal -> email, emotion 0.5 -> -1 (change -1.5).
        // 2->3 Management -> Service desk, email -> phone, -1 -> -1 (0).
        // 3->4 Service desk -> IT workplace, phone -> it-desk, -1 -> 0 (+1).
        // 4->5 same department, it-desk -> portal, 0 -> 1 (+1).
        List<Gap> gaps = Gaps.of(SeedJourneys.laptopRequest());
        assertThat(gaps).extracting(Gap::getFromTouchpointId, Gap::getToTouchpointId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("order-form", "approval-wait"),
                org.assertj.core.groups.Tuple.tuple("approval-wait", "status-call"),
                org.assertj.core.groups.Tuple.tuple("status-call", "pickup"),
                org.assertj.core.groups.Tuple.tuple("pickup", "first-login"));
        assertThat(gaps).extracting(g -> g.getEmotionChange().getAsDouble())
                .containsExactly(-1.5, 0.0, 1.0, 1.0);
        assertThat(gaps.get(0).getDepartmentHandoff()).map(Gap.Handoff::toString)
                .contains("Service desk -> Management");
        assertThat(gaps.get(0).getChannelSwitch()).map(Gap.Handoff::toString)
                .contains("self-service-portal -> email");
        assertThat(gaps.get(3).getDepartmentHandoff()).isEmpty();
        assertThat(gaps.get(3).getChannelSwitch()).map(Gap.Handoff::getTarget).contains("self-service-portal");
    }

    @Test
    void aDepartmentKnownOnOneSideOnlyIsNoHandOff() {
        // notice-problem has no department: 0->1 is a channel switch only (website -> chatbot), change
        // -5/9 - (-1/3) = -2/9. 4->5 is a department hand-off only (Back office -> Sales, email stays), change
        // 1 - 5/9 = 4/9.
        List<Gap> gaps = Gaps.of(SeedJourneys.customerService());
        assertThat(gaps).hasSize(5);
        assertThat(gaps.get(0).getDepartmentHandoff()).isEmpty();
        assertThat(gaps.get(0).getEmotionChange().getAsDouble()).isCloseTo(-2.0 / 9, within(1e-12));
        assertThat(gaps.get(4).getChannelSwitch()).isEqualTo(Optional.empty());
        assertThat(gaps.get(4).getDepartmentHandoff()).map(Gap.Handoff::toString).contains("Back office -> Sales");
        assertThat(gaps.get(4).getEmotionChange().getAsDouble()).isCloseTo(4.0 / 9, within(1e-12));
    }
}
