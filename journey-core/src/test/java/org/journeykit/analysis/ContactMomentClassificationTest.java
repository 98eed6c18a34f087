package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Rating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactMomentClassificationTest {

    static Stream<Arguments> strategyMatrix() {
        return Stream.of(
                Arguments.of(MomentKind.TOP, Rating.INSUFFICIENT, ImprovementStrategy.REPAIR_URGENTLY),
                Arguments.of(MomentKind.TOP, Rating.SUFFICIENT, ImprovementStrategy.EXCEL),
                Arguments.of(MomentKind.TOP, Rating.GOOD, ImprovementStrategy.SAFEGUARD),
                Arguments.of(MomentKind.CUSTOMER, Rating.INSUFFICIENT, ImprovementStrategy.REPAIR),
                Arguments.of(MomentKind.CUSTOMER, Rating.SUFFICIENT, ImprovementStrategy.STREAMLINE),
                Arguments.of(MomentKind.CUSTOMER, Rating.GOOD, ImprovementStrategy.MAINTAIN),
                Arguments.of(MomentKind.BRAND, Rating.INSUFFICIENT, ImprovementStrategy.REPAIR),
                Arguments.of(MomentKind.BRAND, Rating.SUFFICIENT, ImprovementStrategy.MAKE_RELEVANT),
                Arguments.of(MomentKind.BRAND, Rating.GOOD, ImprovementStrategy.MAKE_RELEVANT),
                Arguments.of(MomentKind.SUPERFLUOUS, Rating.INSUFFICIENT, ImprovementStrategy.PREVENT),
                Arguments.of(MomentKind.SUPERFLUOUS, Rating.SUFFICIENT, ImprovementStrategy.PREVENT),
                Arguments.of(MomentKind.SUPERFLUOUS, Rating.GOOD, ImprovementStrategy.PREVENT));
    }

    @ParameterizedTest(name = "{0} rated {1} asks {2}")
    @MethodSource("strategyMatrix")
    void everyKindAndRatingHasItsDocumentedStrategy(MomentKind kind, Rating rating, ImprovementStrategy expected) {
        assertThat(ImprovementStrategy.of(kind, rating)).isEqualTo(expected);
        assertThat(expected.getAdvice()).isNotBlank();
    }

    @Test
    void classifiesTheLaptopRequest() {
        ContactMomentClassification classification = ContactMomentClassification.of(SeedJourneys.laptopRequest());
        assertThat(classification.getUnclassified()).isEmpty();
        assertThat(classification.countByKind()).containsExactly(
                org.assertj.core.api.Assertions.entry(MomentKind.TOP, 3),
                org.assertj.core.api.Assertions.entry(MomentKind.BRAND, 0),
                org.assertj.core.api.Assertions.entry(MomentKind.CUSTOMER, 1),
                org.assertj.core.api.Assertions.entry(MomentKind.SUPERFLUOUS, 2));
        assertThat(classification.count(MomentKind.TOP, Rating.SUFFICIENT)).isEqualTo(2);
        assertThat(classification.count(MomentKind.SUPERFLUOUS, Rating.INSUFFICIENT)).isEqualTo(2);
        assertThat(classification.momentsOf(MomentKind.TOP)).extracting(ClassifiedMoment::getTouchpointId)
                .containsExactly("order-form", "pickup", "first-login");
        // Most urgent first: REPAIR (search-portal), PREVENT (approval-wait, status-call), EXCEL (order-form,
        // pickup), SAFEGUARD (first-login).
        assertThat(classification.worklist()).extracting(ClassifiedMoment::getTouchpointId, m -> m.getStrategy().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("search-portal", ImprovementStrategy.REPAIR),
                        org.assertj.core.groups.Tuple.tuple("approval-wait", ImprovementStrategy.PREVENT),
                        org.assertj.core.groups.Tuple.tuple("status-call", ImprovementStrategy.PREVENT),
                        org.assertj.core.groups.Tuple.tuple("order-form", ImprovementStrategy.EXCEL),
                        org.assertj.core.groups.Tuple.tuple("pickup", ImprovementStrategy.EXCEL),
                        org.assertj.core.groups.Tuple.tuple("first-login", ImprovementStrategy.SAFEGUARD));
    }

    @Test
    void unclassifiedTouchpointsAreListedAndUnratedOnesHaveNoStrategyUnlessSuperfluous() {
        ContactMomentClassification service = ContactMomentClassification.of(SeedJourneys.customerService());
        assertThat(service.getMoments()).isEmpty();
        assertThat(service.getUnclassified()).containsExactly("notice-problem", "ask-chatbot", "live-chat",
                "phone-escalation", "resolution-mail", "renewal");

        org.journeykit.model.Journey journey = org.journeykit.model.Journey.builder().id("j").name("J")
                .addPhases(org.journeykit.model.Phase.SUPPORT)
                .addTouchpoints(
                        org.journeykit.model.Touchpoint.builder().id("a").name("A").phaseId("support")
                                .momentKind(MomentKind.TOP).build(),
                        org.journeykit.model.Touchpoint.builder().id("b").name("B").phaseId("support")
                                .momentKind(MomentKind.SUPERFLUOUS).build())
                .build();
        assertThat(ContactMomentClassification.of(journey).getMoments())
                .extracting(ClassifiedMoment::getStrategy)
                .containsExactly(java.util.Optional.empty(), java.util.Optional.of(ImprovementStrategy.PREVENT));
    }
}
