package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.fixtures.SeedJourneys;
import org.junit.jupiter.api.Test;

class JourneyTest {

    private static Journey.Builder laptop() {
        return Journey.builder().id("laptop-request").name("Request a new laptop")
                .phases(SeedJourneys.laptopPhases());
    }

    @Test
    void theLaptopRequestOfSeed001BuildsWithItsTimelineInOrder() {
        Journey journey = SeedJourneys.laptopRequest();
        assertThat(journey.getState()).isEqualTo(JourneyState.CURRENT);
        assertThat(journey.getEmotionScale()).isEqualTo(EmotionScale.FIVE_POINT);
        assertThat(journey.getTouchpoints()).extracting(Touchpoint::getId).containsExactly(
                "search-portal", "order-form", "approval-wait", "status-call", "pickup", "first-login");
        assertThat(journey.touchpointsIn("approval")).extracting(Touchpoint::getId)
                .containsExactly("approval-wait", "status-call");
        assertThat(journey.findTouchpoint("first-login").orElseThrow().isMomentOfTruth()).isTrue();
        assertThat(journey.findPhase("delivery")).map(Phase::getName).contains("Delivery");
        assertThat(journey.findTouchpoint("nope")).isEmpty();
    }

    @Test
    void aJourneyNeedsAtLeastOnePhase() {
        assertThatThrownBy(() -> Journey.builder().id("j").name("J").build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly("phases: must contain at least one phase (was '[]')"));
    }

    @Test
    void everyTouchpointMustSitInOneOfTheJourneysPhases() {
        assertThatThrownBy(() -> laptop().addTouchpoints(Touchpoint.of("order-form", "Order", "purchase")).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> {
                    assertThat(e.getSubject()).isEqualTo("Journey 'laptop-request'");
                    assertThat(e.getProblems()).extracting(Problem::toString).containsExactly(
                            "touchpoints[order-form].phaseId: must name one of the journey's phases "
                                    + "[request, approval, delivery, usage] (was 'purchase')");
                    assertThat(e.getProblems().get(0).getPath().get(0).getIndex()).isZero();
                });
    }

    @Test
    void emotionsMustBeRecordedOnTheJourneysDeclaredScale() {
        Touchpoint onSevenPoints = Touchpoint.builder().id("order-form").name("Order").phaseId("request")
                .emotion(EmotionScale.ONE_TO_SEVEN.emotion(6)).build();
        assertThatThrownBy(() -> laptop().addTouchpoints(onSevenPoints).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly(
                                "touchpoints[order-form].emotion: must be recorded on the journey's emotion scale "
                                        + "-2..2 (was '6.0 on scale 1..7')"));
        assertThat(laptop().emotionScale(EmotionScale.ONE_TO_SEVEN).addTouchpoints(onSevenPoints).build()
                .getTouchpoints()).hasSize(1);
    }

    @Test
    void reportsDuplicateIdsAndEveryOtherProblemTogether() {
        assertThatThrownBy(() -> laptop()
                .addPhases(Phase.of("request", "Again"))
                .addTouchpoints(Touchpoint.of("a", "A", "request"), Touchpoint.of("a", "A again", "request"))
                .addPersonaIds("sanne", "sanne")
                .improves("laptop-request")
                .build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString, Problem::getRule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("personaIds[1]", "must not repeat a persona"),
                                org.assertj.core.groups.Tuple.tuple("improves",
                                        "must name another journey, not the journey itself"),
                                org.assertj.core.groups.Tuple.tuple("improves",
                                        "may only be set on a FUTURE journey, the state is CURRENT"),
                                org.assertj.core.groups.Tuple.tuple("phases[request]",
                                        "must be unique within phases: the id is used more than once"),
                                org.assertj.core.groups.Tuple.tuple("touchpoints[a]",
                                        "must be unique within touchpoints: the id is used more than once")));
    }

    @Test
    void opportunitiesMayOnlyAddressPainPointsOfTheSameJourney() {
        Touchpoint touchpoint = Touchpoint.builder().id("order-form").name("Order").phaseId("request")
                .addOpportunities(Opportunity.builder().id("faster").description("Faster").impact(3).effort(2)
                        .addAddresses("no-such-pain").build())
                .build();
        assertThatThrownBy(() -> laptop().addTouchpoints(touchpoint).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly(
                                "touchpoints[order-form].opportunities[faster].addresses: must name a pain point of "
                                        + "this journey (was 'no-such-pain')"));
    }

    @Test
    void painPointIdsAreUniqueAcrossTheJourney() {
        assertThatThrownBy(() -> laptop().addTouchpoints(
                        Touchpoint.builder().id("a").name("A").phaseId("request")
                                .addPainPoints(PainPoint.of("slow", "Slow")).build(),
                        Touchpoint.builder().id("b").name("B").phaseId("request")
                                .addPainPoints(PainPoint.of("slow", "Slow again")).build())
                .build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("touchpoints[b].painPoints[slow]"));
    }

    @Test
    void copiesAreValidatedToo() {
        Journey journey = SeedJourneys.laptopRequest();
        assertThatThrownBy(() -> journey.withTouchpoints(java.util.List.of(Touchpoint.of("x", "X", "loyalty"))))
                .isInstanceOf(InvalidModelException.class);
        assertThat(journey.withState(JourneyState.FUTURE).getState()).isEqualTo(JourneyState.FUTURE);
    }
}
