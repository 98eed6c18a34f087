package org.journeykit.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObservedDataTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void npsResponsesUseTheZeroToTenScale() {
        SurveyResponse response = SurveyResponse.nps(9, T);
        assertThat(response.getKind()).isEqualTo(SurveyKind.NPS);
        assertThat(response.getScale()).isEqualTo(SurveyScale.ZERO_TO_TEN).hasToString("0-10");
        assertThat(response.getScale().size()).isEqualTo(11);
    }

    static Stream<Arguments> invalidResponses() {
        return Stream.of(
                Arguments.of(SurveyKind.NPS, SurveyScale.ZERO_TO_TEN, 11,
                        "score: must lie on the scale 0-10 (was '11')"),
                Arguments.of(SurveyKind.NPS, SurveyScale.ONE_TO_TEN, 5,
                        "scale: must be 0-10 for an NPS response (was '1-10')"),
                Arguments.of(SurveyKind.CES, SurveyScale.ONE_TO_TEN, 5,
                        "scale: must be 1-5 (CES 1.0) or 1-7 (CES 2.0) for a CES response (was '1-10')"),
                Arguments.of(SurveyKind.CSAT, SurveyScale.ONE_TO_FIVE, 0,
                        "score: must lie on the scale 1-5 (was '0')"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("invalidResponses")
    void rejectsScoresAndScalesThatDoNotFitTheQuestion(SurveyKind kind, SurveyScale scale, int score, String problem) {
        assertThatThrownBy(() -> SurveyResponse.builder().kind(kind).scale(scale).score(score).time(T).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly(problem));
    }

    @Test
    void cesAcceptsBothOfItsScales() {
        assertThat(SurveyResponse.builder().kind(SurveyKind.CES).scale(SurveyScale.ONE_TO_FIVE).score(2).time(T)
                .build().getScore()).isEqualTo(2);
        assertThat(SurveyResponse.builder().kind(SurveyKind.CES).scale(SurveyScale.of(1, 7)).score(7).time(T)
                .agentId("agent-7").segment("smb").build().getAgentId()).contains("agent-7");
    }

    @Test
    void surveyScaleChecksItsBounds() {
        assertThatThrownBy(() -> SurveyScale.of(5, 5)).hasMessageContaining("max: must be greater than min 5");
        assertThat(SurveyScale.of(0, 10)).isSameAs(SurveyScale.ZERO_TO_TEN);
        assertThat(SurveyScale.ONE_TO_SEVEN.contains(0)).isFalse();
    }

    @Test
    void anEventNeedsATouchpointOrAnActivity() {
        assertThatThrownBy(() -> InteractionEvent.builder().customerId("c-1").time(T).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly("touchpointId: must be set, or activity must be set"));
        assertThat(InteractionEvent.builder().customerId("c-1").time(T).activity("invoice opened").build()
                .getTouchpointId()).isEmpty();
    }

    @Test
    void anEventWithoutCustomerOrTimeNamesTheMissingFields() {
        assertThatThrownBy(() -> InteractionEvent.builder().touchpointId("order-form").build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactlyInAnyOrder("customerId", "time"));
    }

    @Test
    void eventChecksDurationAndAttributes() {
        assertThatThrownBy(() -> InteractionEvent.builder().customerId(" ").time(T).touchpointId("x")
                .duration(Duration.ofSeconds(-1)).putAttribute("reason", "r".repeat(1001)).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString)
                        .containsExactly("customerId", "duration", "attributes.reason"));
        InteractionEvent event = InteractionEvent.builder().from(InteractionEvent.of("c-1", T, "order-form"))
                .outcome(Outcome.COMPLETED).build();
        assertThat(event.getOutcome()).contains(Outcome.COMPLETED);
    }
}
