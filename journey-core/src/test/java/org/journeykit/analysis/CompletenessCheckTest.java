package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;

class CompletenessCheckTest {

    @Test
    void listsWhatTheSeedModelStillMisses() {
        // laptop-request: form-hard-to-find has no opportunity. The improved journey keeps search-portal with
        // the same pain point. customer-service: awareness, orientation and purchase have no touchpoints, and
        // none of its six touchpoints is classified. Every persona has a journey.
        CompletenessCheck check = CompletenessCheck.of(SeedJourneys.model());
        assertThat(check.getFindings()).extracting(Finding::getKind, Finding::getPath).containsExactly(
                tuple(Finding.Kind.PAIN_POINT_WITHOUT_OPPORTUNITY,
                        "journeys[laptop-request].touchpoints[search-portal].painPoints[form-hard-to-find]"),
                tuple(Finding.Kind.PAIN_POINT_WITHOUT_OPPORTUNITY,
                        "journeys[laptop-request-improved].touchpoints[search-portal].painPoints[form-hard-to-find]"),
                tuple(Finding.Kind.EMPTY_PHASE, "journeys[customer-service].phases[awareness]"),
                tuple(Finding.Kind.EMPTY_PHASE, "journeys[customer-service].phases[orientation]"),
                tuple(Finding.Kind.EMPTY_PHASE, "journeys[customer-service].phases[purchase]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED, "journeys[customer-service].touchpoints[notice-problem]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED, "journeys[customer-service].touchpoints[ask-chatbot]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED, "journeys[customer-service].touchpoints[live-chat]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED,
                        "journeys[customer-service].touchpoints[phone-escalation]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED,
                        "journeys[customer-service].touchpoints[resolution-mail]"),
                tuple(Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED, "journeys[customer-service].touchpoints[renewal]"));
        assertThat(check.isComplete()).isFalse();
        assertThat(check.findings(Finding.Kind.EMPTY_PHASE)).hasSize(3);
    }

    @Test
    void flagsABareDraftOnEveryCount() {
        Journey draft = Journey.builder().id("draft").name("Draft").state(JourneyState.FUTURE)
                .addPhases(Phase.SUPPORT)
                .addTouchpoints(Touchpoint.builder().id("call").name("Call").phaseId("support")
                        .momentKind(org.journeykit.model.MomentKind.TOP).build())
                .build();
        JourneyModel model = JourneyModel.builder().addPersonas(Persona.of("lonely", "Lonely")).addJourneys(draft)
                .build();
        assertThat(CompletenessCheck.of(model).getFindings()).extracting(Finding::getKind).containsExactly(
                Finding.Kind.JOURNEY_WITHOUT_PERSONA,
                Finding.Kind.FUTURE_JOURNEY_WITHOUT_BASELINE,
                Finding.Kind.TOUCHPOINT_WITHOUT_CHANNEL,
                Finding.Kind.TOUCHPOINT_WITHOUT_EMOTION,
                Finding.Kind.TOUCHPOINT_NOT_RATED,
                Finding.Kind.PERSONA_WITHOUT_JOURNEY);
        Journey empty = Journey.builder().id("e").name("E").addPersonaIds("x").addPhases(Phase.USAGE).build();
        assertThat(CompletenessCheck.of(empty).getFindings()).extracting(Finding::toString).containsExactly(
                "place the touchpoints on the timeline",
                "phases[usage]: add the touchpoints of this phase, or remove the phase");
    }
}
