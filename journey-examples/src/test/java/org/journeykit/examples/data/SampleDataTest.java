package org.journeykit.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.journeykit.analysis.CompletenessCheck;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    @Test
    void theSameSeedGivesTheSameData() {
        assertThat(SampleData.shopEvents(200, 7)).isEqualTo(SampleData.shopEvents(200, 7));
        assertThat(SampleData.surveys(300, 7)).isEqualTo(SampleData.surveys(300, 7));
        assertThat(SampleData.serviceContacts(300, 7)).isEqualTo(SampleData.serviceContacts(300, 7));
        assertThat(SampleData.purchases(100, 7)).isEqualTo(SampleData.purchases(100, 7));
        assertThat(SampleData.shopEvents(200, 8)).isNotEqualTo(SampleData.shopEvents(200, 7));
    }

    @Test
    void eventsAreSortedByTimeAndUseThePlannedTouchpoints() {
        List<InteractionEvent> events = SampleData.shopEvents(500, 1);
        assertThat(events).isSortedAccordingTo(Comparator.comparing(InteractionEvent::getTime));
        assertThat(events).allSatisfy(event -> assertThat(SampleData.SHOP_STEPS)
                .contains(event.getTouchpointId().orElseThrow()));
        assertThat(SampleData.onlineShop().findJourney("online-purchase").orElseThrow().getTouchpoints())
                .extracting(t -> t.getId()).containsExactlyElementsOf(SampleData.SHOP_STEPS);
    }

    @Test
    void theShopMapIsComplete() {
        assertThat(CompletenessCheck.of(SampleData.onlineShop()).getFindings()).isEmpty();
    }

    @Test
    void surveysSplitEvenlyOverTheThreeQuestionsWithinTheYear() {
        List<SurveyResponse> answers = SampleData.surveys(3000, 3);
        Map<SurveyKind, Long> byKind = answers.stream()
                .collect(Collectors.groupingBy(SurveyResponse::getKind, Collectors.counting()));
        assertThat(byKind).containsEntry(SurveyKind.NPS, 1000L).containsEntry(SurveyKind.CES, 1000L)
                .containsEntry(SurveyKind.CSAT, 1000L);
        assertThat(answers).allSatisfy(a -> assertThat(a.getTime())
                .isBetween(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
    }

    @Test
    void contactsCarryReasonAgentAndHandleTime() {
        assertThat(SampleData.serviceContacts(100, 5)).allSatisfy(contact -> {
            assertThat(contact.getActivity()).isPresent();
            assertThat(contact.getAttributes()).containsKey("resolutionMinutes");
            assertThat(contact.getAgentId()).isPresent();
            assertThat(contact.getDuration()).isPresent();
            assertThat(contact.getOutcome()).isPresent();
        });
    }

    @Test
    void refusesEmptySizes() {
        assertThatThrownBy(() -> SampleData.shopEvents(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customers must be at least 1, was 0");
    }
}
