package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.fixtures.SeedJourneys;
import org.junit.jupiter.api.Test;

class JourneyModelTest {

    @Test
    void theSeedModelResolvesEveryReference() {
        JourneyModel model = SeedJourneys.model();
        assertThat(model.findPersona("sanne")).map(Persona::getJobTitle).contains(java.util.Optional.of("Project manager"));
        assertThat(model.findChannel("it-desk")).contains(SeedJourneys.IT_DESK);
        assertThat(model.journeysFor("sanne")).extracting(Journey::getId)
                .containsExactly("laptop-request", "laptop-request-improved");
        assertThat(model.improvementsOf("laptop-request")).extracting(Journey::getId)
                .containsExactly("laptop-request-improved");
        assertThat(model.findJourney("customer-service")).isPresent();
        assertThat(model.findJourney("nope")).isEmpty();
    }

    @Test
    void anEmptyModelIsValid() {
        assertThat(JourneyModel.builder().build().getJourneys()).isEmpty();
    }

    @Test
    void reportsEveryBrokenReferenceAtOnceWithItsFullPath() {
        Journey journey = Journey.builder().id("laptop-request").name("Laptop")
                .addPersonaIds("sanne", "ghost")
                .phases(SeedJourneys.laptopPhases())
                .addTouchpoints(Touchpoint.of("search", "Search", "request"),
                        Touchpoint.builder().id("order-form").name("Order").phaseId("request").channelId("fax")
                                .build())
                .build();
        Journey future = Journey.builder().id("better").name("Better").state(JourneyState.FUTURE)
                .improves("missing").addPhases(Phase.USAGE).build();
        assertThatThrownBy(() -> JourneyModel.builder()
                .addPersonas(Persona.builder().from(SeedJourneys.sanne()).preferredChannelIds(java.util.List.of("email", "pigeon")).build())
                .addChannels(Channel.EMAIL, Channel.SELF_SERVICE_PORTAL, Channel.EMAIL)
                .addJourneys(journey, future)
                .build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString).containsExactly(
                                "channels[email]: must be unique within channels: the id is used more than once "
                                        + "(was 'email')",
                                "personas[sanne].preferredChannelIds[1]: must name a channel of the model "
                                        + "(was 'pigeon')",
                                "journeys[laptop-request].personaIds[1]: must name a persona of the model "
                                        + "(was 'ghost')",
                                "journeys[laptop-request].touchpoints[order-form].channelId: must name a channel of "
                                        + "the model (was 'fax')",
                                "journeys[better].improves: must name a journey of the model (was 'missing')"));
    }

    @Test
    void aFutureJourneyMustImproveACurrentOne() {
        Journey first = Journey.builder().id("first").name("First").state(JourneyState.FUTURE)
                .addPhases(Phase.USAGE).build();
        Journey second = Journey.builder().id("second").name("Second").state(JourneyState.FUTURE)
                .improves("first").addPhases(Phase.USAGE).build();
        assertThatThrownBy(() -> JourneyModel.builder().addJourneys(first, second).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> {
                    assertThat(e.getProblems()).extracting(Problem::toString).containsExactly(
                            "journeys[second].improves: must name a CURRENT journey, it is FUTURE (was 'first')");
                    assertThat(e.getProblems().get(0).getPath())
                            .extracting(Problem.Segment::getIndex).containsExactly(1, -1);
                });
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        assertThatThrownBy(() -> JourneyModel.builder().title("Demo")
                .addPersonas(Persona.of("p", "P"), Persona.of("p", "Q")).build())
                .hasMessage("1 problem in JourneyModel 'Demo':\n"
                        + "  personas[p]: must be unique within personas: the id is used more than once (was 'p')");
    }
}
