package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Currency;
import java.util.stream.Stream;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.MissingFieldException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void standardChannelCatalogueHasTheElevenChannelsOfTheArticlesWithUniqueIds() {
        assertThat(Channel.standardChannels()).extracting(Channel::getId).containsExactly(
                "phone", "email", "live-chat", "social-media", "self-service-portal", "chatbot", "website",
                "mobile-app", "store", "messaging", "letter");
        assertThat(Channel.CHATBOT.getKind()).isEqualTo(ChannelKind.AUTOMATED);
        assertThat(Channel.STORE.getKind()).isEqualTo(ChannelKind.PHYSICAL);
        assertThat(Channel.SELF_SERVICE_PORTAL.getKind()).isEqualTo(ChannelKind.SELF_SERVICE);
    }

    @Test
    void standardPhasesAreTheSixLifecyclePhasesInOrder() {
        assertThat(Phase.standardPhases()).extracting(Phase::getId).containsExactly(
                "awareness", "orientation", "purchase", "usage", "support", "loyalty");
    }

    @Test
    void customChannelsAndPhasesAreAllowed() {
        Channel desk = Channel.of("it-desk", "IT desk", ChannelKind.PHYSICAL);
        assertThat(desk.withName("IT pick-up point").getName()).isEqualTo("IT pick-up point");
        assertThat(desk.withName("IT pick-up point").getId()).isEqualTo("it-desk");
        assertThat(Phase.of("approval", "Approval").getDescription()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-leading-dash", "has space", "ümlaut", "a/b"})
    void rejectsIdsThatBreakTheIdRule(String id) {
        assertThatThrownBy(() -> Channel.of(id, "Name", ChannelKind.ASSISTED))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> {
                    assertThat(e.getSubject()).isEqualTo("Channel '" + id + "'");
                    assertThat(e.getProblems()).singleElement().satisfies(problem -> {
                        assertThat(problem.getPathString()).isEqualTo("id");
                        assertThat(problem.getValue()).contains(id);
                        assertThat(problem.getRule()).startsWith("must be 1 to 128 characters");
                    });
                });
    }

    @Test
    void acceptsIdsOfUpTo128Characters() {
        assertThat(Phase.of("a".repeat(128), "Long").getId()).hasSize(128);
        assertThatThrownBy(() -> Phase.of("a".repeat(129), "Too long")).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void aBuilderMissingRequiredFieldsNamesEachOfThem() {
        assertThatThrownBy(() -> Touchpoint.builder().name("Order").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> {
                    assertThat(e.getSubject()).isEqualTo("Touchpoint");
                    assertThat(e.getProblems()).extracting(Problem::getPathString)
                            .containsExactlyInAnyOrder("id", "phaseId");
                    assertThat(e.getProblems()).allSatisfy(p -> {
                        assertThat(p.getRule()).isEqualTo("is required");
                        assertThat(p.getValue()).isEmpty();
                    });
                });
    }

    @Test
    void aNullArgumentOfAFactoryIsAProgrammingErrorNamingTheField() {
        assertThatThrownBy(() -> Touchpoint.of("order", null, "request"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
    }

    @Test
    void aNullGivenToABuilderLeavesTheFieldUnsetAndTheBuildNamesIt() {
        assertThatThrownBy(() -> Touchpoint.builder().id("order").name(null).phaseId("request").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly("name: is required"));
    }

    @Test
    void aTouchpointBuilderWithABadIdABlankNameAndNoPhaseReportsAllThree() {
        // Issue 14: the builder used to stop at the missing phase before the checks saw the id and the name.
        assertThatThrownBy(() -> Touchpoint.builder().id("order form").name("  ").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> {
                    assertThat(e.getSubject()).isEqualTo("Touchpoint 'order form'");
                    assertThat(e.getProblems()).extracting(Problem::getPathString, Problem::getCode)
                            .containsExactly(tuple("id", RuleCode.ID_PATTERN), tuple("name", RuleCode.BLANK),
                                    tuple("phaseId", RuleCode.REQUIRED));
                });
    }

    @Test
    void aMissingRequiredNumberIsReportedNotTakenAsZero() {
        // 0 would be a valid emotion on -2..2 and a valid NPS score: the builders must not fill it in.
        assertThatThrownBy(() -> Emotion.builder().scale(EmotionScale.FIVE_POINT).build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly("value: is required"));
        assertThatThrownBy(() -> Opportunity.builder().id("o").description("Faster").effort(9).build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly("impact: is required", "effort: must be between 1 and 5 (was '9')"));
        assertThatThrownBy(() -> org.journeykit.observed.SurveyResponse.builder()
                .kind(org.journeykit.observed.SurveyKind.NPS)
                .scale(org.journeykit.observed.SurveyScale.ZERO_TO_TEN).time(java.time.Instant.EPOCH).build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly("score: is required"));
    }

    @Test
    void everyModelTypeReportsAllItsMissingFieldsAtOnce() {
        assertThatThrownBy(() -> Channel.builder().name(" ").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly("id: is required", "name: must not be blank (was ' ')", "kind: is required"));
        assertThatThrownBy(() -> Journey.builder().name("J").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("id", "phases"));
        assertThatThrownBy(() -> PainPoint.builder().build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("id", "description"));
        assertThatThrownBy(() -> Persona.builder().build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("id", "name"));
        assertThatThrownBy(() -> Phase.builder().id("p").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("name"));
        assertThatThrownBy(() -> ResearchSource.builder().participants(0).build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("method", "participants"));
        assertThatThrownBy(() -> org.journeykit.observed.InteractionEvent.builder().activity("visit").build())
                .isInstanceOfSatisfying(MissingFieldException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("customerId", "time"));
    }

    @Test
    void touchpointReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> Touchpoint.builder().id("order form").name(" ").phaseId("request")
                .department("").expectedDuration(Duration.ofMinutes(-5)).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly(
                                "id: must be 1 to 128 characters: a letter or digit, then letters, digits, '.', '_', "
                                        + "':' or '-' (was 'order form')",
                                "name: must not be blank (was ' ')",
                                "department: must not be blank (was '')",
                                "expectedDuration: must be positive (was 'PT-5M')"));
    }

    @Test
    void touchpointRejectsDuplicatePainPointIds() {
        assertThatThrownBy(() -> Touchpoint.builder().id("t").name("T").phaseId("p")
                .addPainPoints(PainPoint.of("slow", "Slow"), PainPoint.of("slow", "Also slow")).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("painPoints[slow]"));
    }

    @Test
    void classificationAnswersGiveTheFourMomentKinds() {
        assertThat(MomentKind.of(true, true)).isEqualTo(MomentKind.TOP);
        assertThat(MomentKind.of(false, true)).isEqualTo(MomentKind.BRAND);
        assertThat(MomentKind.of(true, false)).isEqualTo(MomentKind.CUSTOMER);
        assertThat(MomentKind.of(false, false)).isEqualTo(MomentKind.SUPERFLUOUS);
        for (MomentKind kind : MomentKind.values()) {
            assertThat(MomentKind.of(kind.isImportantToCustomer(), kind.isStrengtheningBrand())).isEqualTo(kind);
        }
        Touchpoint classified = Touchpoint.builder().id("t").name("T").phaseId("p").classification(false, true)
                .build();
        assertThat(classified.getMomentKind()).contains(MomentKind.BRAND);
    }

    @Test
    void emotionMustLieOnItsScale() {
        assertThatThrownBy(() -> EmotionScale.FIVE_POINT.emotion(2.5))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly("value: must lie on the emotion scale -2..2 (was '2.5')"));
        assertThatThrownBy(() -> EmotionScale.FIVE_POINT.emotion(Double.NaN))
                .isInstanceOf(InvalidModelException.class);
        Emotion relieved = Emotion.of(EmotionScale.ONE_TO_SEVEN, 6, "relieved").withQuote("Finally!");
        assertThat(relieved.getLabel()).contains("relieved");
        assertThat(relieved.getQuote()).contains("Finally!");
    }

    static Stream<Arguments> opportunityQuadrants() {
        return Stream.of(
                Arguments.of(5, 1, Opportunity.Priority.QUICK_WIN),
                Arguments.of(3, 2, Opportunity.Priority.QUICK_WIN),
                Arguments.of(3, 3, Opportunity.Priority.MAJOR_PROJECT),
                Arguments.of(2, 2, Opportunity.Priority.FILL_IN),
                Arguments.of(1, 5, Opportunity.Priority.THANKLESS_TASK));
    }

    @ParameterizedTest(name = "impact {0}, effort {1} is a {2}")
    @MethodSource("opportunityQuadrants")
    void opportunitiesFallInTheImpactEffortMatrix(int impact, int effort, Opportunity.Priority expected) {
        assertThat(Opportunity.of("o", "Do it", impact, effort).getPriority()).isEqualTo(expected);
    }

    @Test
    void opportunitiesSortByHigherImpactThenLowerEffort() {
        Opportunity a = Opportunity.of("a", "A", 3, 3);
        Opportunity b = Opportunity.of("b", "B", 5, 4);
        Opportunity c = Opportunity.of("c", "C", 5, 1);
        Opportunity d = Opportunity.of("d", "D", 3, 3);
        assertThat(Stream.of(a, b, c, d).sorted(Opportunity.BY_PRIORITY)).containsExactly(c, b, a, d);
    }

    @Test
    void opportunityRejectsImpactAndEffortOutsideOneToFive() {
        assertThatThrownBy(() -> Opportunity.of("o", "O", 0, 6))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("impact", "effort"));
    }

    @Test
    void painPointSeverityDefaultsToThreeAndMustLieBetweenOneAndFive() {
        assertThat(PainPoint.of("p", "Pain").getSeverity()).isEqualTo(3);
        assertThatThrownBy(() -> PainPoint.of("p", "Pain", 6)).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void ageAndIncomeRangesCheckTheirBounds() {
        assertThat(AgeRange.exactly(34)).hasToString("34");
        assertThat(AgeRange.of(30, 39)).hasToString("30-39").isEqualTo(AgeRange.of(30, 39));
        assertThatThrownBy(() -> AgeRange.of(40, 30)).hasMessageContaining("to: must not be less than from 40");
        assertThatThrownBy(() -> AgeRange.of(-1, 200)).isInstanceOfSatisfying(InvalidModelException.class,
                e -> assertThat(e.getProblems()).hasSize(2));
        Currency euro = Currency.getInstance("EUR");
        assertThat(IncomeRange.of(40_000, 60_000, euro)).hasToString("40000-60000 EUR");
        assertThatThrownBy(() -> IncomeRange.of(10, 5, euro)).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void personaListsRejectBlankEntriesByPosition() {
        assertThatThrownBy(() -> Persona.builder().id("p").name("P").addGoals("Work", " ").build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getPathString).containsExactly("goals[1]"));
    }

    @Test
    void researchSourceParticipantsMustBePositive() {
        assertThatThrownBy(() -> ResearchSource.builder().method(ResearchMethod.INTERVIEW).participants(0).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly("participants: must be positive (was '0')"));
    }
}
