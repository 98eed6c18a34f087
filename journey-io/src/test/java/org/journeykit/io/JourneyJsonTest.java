package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.io.jackson.JourneyModule;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class JourneyJsonTest {

    private static final JourneyJson JSON = JourneyJson.defaults();

    static JourneyModel laptopModel() {
        EmotionScale five = EmotionScale.FIVE_POINT;
        Journey journey = Journey.builder().id("laptop-request").name("Request a new laptop").addPersonaIds("sanne")
                .scenario("A new laptop").addPhases(Phase.of("request", "Request"), Phase.of("approval", "Approval"))
                .addTouchpoints(
                        Touchpoint.builder().id("order-form").name("Fill in the form").phaseId("request")
                                .channelId("self-service-portal").department("Service desk")
                                .emotion(five.emotion(1)).momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT)
                                .expectedDuration(Duration.ofMinutes(10)).build(),
                        Touchpoint.builder().id("approval-wait").name("Wait for approval").phaseId("approval")
                                .channelId("email").emotion(five.emotion(-2)).momentOfTruth(true)
                                .addPainPoints(PainPoint.of("no-status", "No news", 4))
                                .addOpportunities(Opportunity.builder().id("status-mail").description("Mail status")
                                        .impact(4).effort(1).addAddresses("no-status").build())
                                .build())
                .build();
        return JourneyModel.builder().title("IT service desk")
                .addPersonas(Persona.builder().id("sanne").name("Sanne").addGoals("Work on day one")
                        .addPreferredChannelIds("email").build())
                .addChannels(Channel.SELF_SERVICE_PORTAL, Channel.EMAIL)
                .addJourneys(journey).build();
    }

    private static String golden() throws IOException {
        try (InputStream in = JourneyJsonTest.class.getResourceAsStream("laptop-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheGoldenDocumentByteForByte() throws IOException {
        assertThat(JSON.write(laptopModel())).isEqualTo(golden());
    }

    @Test
    void readsTheGoldenDocumentBackToAnEqualModel() throws IOException {
        assertThat(JSON.read(golden())).isEqualTo(laptopModel());
    }

    @Test
    void theModuleIsFoundByFindAndRegisterModulesAndReadsTheSameDocument() throws IOException {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        assertThat(mapper.getRegisteredModuleIds()).contains("JourneyModule");
        assertThat(mapper.readValue(golden(), JourneyModel.class)).isEqualTo(laptopModel());
        assertThat(JSON.read(mapper.writeValueAsString(laptopModel()))).isEqualTo(laptopModel());
    }

    @Test
    void theModuleReportsProblemsAsAMappingExceptionCarryingThePointers() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        assertThatThrownBy(() -> mapper.readValue("{\"formatVersion\":1,\"title\":7}", JourneyModel.class))
                .isInstanceOf(JsonMappingException.class)
                .cause().isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getRule)
                        .containsExactly(tuple("/title", "must be a string")));
    }

    @Test
    void reportsEveryProblemWithPointerLineAndColumn() {
        String json = "{\n"
                + "  \"formatVersion\": 1,\n"
                + "  \"channels\": [{\"id\": \"email\", \"name\": \"E-mail\", \"kind\": \"pigeon\"}],\n"
                + "  \"journeys\": [{\n"
                + "    \"id\": \"j\", \"name\": \"J\", \"emotionScale\": {\"min\": -2, \"max\": 2},\n"
                + "    \"phases\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
                + "    \"touchpoints\": [\n"
                + "      {\"id\": \"a\", \"name\": \"A\", \"phaseId\": \"p\", \"emotion\": {\"value\": 3}},\n"
                + "      {\"id\": \"b\", \"phaseId\": \"p\", \"colour\": \"red\"}\n"
                + "    ]\n"
                + "  }]\n"
                + "}\n";
        assertThatThrownBy(() -> JSON.read(json)).isInstanceOfSatisfying(JourneyReadException.class, e ->
                assertThat(e.getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getLine,
                                ReadProblem::getRule)
                        .containsExactly(
                                tuple("/channels/0/kind", 3L,
                                        "must be one of [assisted, self-service, automated, physical]"),
                                tuple("/journeys/0/touchpoints/0/emotion/value", 8L,
                                        "must lie on the emotion scale -2..2"),
                                tuple("/journeys/0/touchpoints/1/colour", 9L, "is not a field of this object; known "
                                        + "fields are [backStage, channelId, customerAction, department, emotion, "
                                        + "expectedDuration, frontStage, id, momentKind, momentOfTruth, name, "
                                        + "opportunities, painPoints, phaseId, rating]"),
                                tuple("/journeys/0/touchpoints/1/name", 9L, "is required")));
    }

    @Test
    void brokenReferencesGetThePointerOfTheReferencingField() {
        String json = "{\"formatVersion\":1,\"personas\":[{\"id\":\"p\",\"name\":\"P\"}],\"journeys\":[{\"id\":\"j\","
                + "\"name\":\"J\",\"personaIds\":[\"p\",\"ghost\"],\"emotionScale\":{\"min\":1,\"max\":5},"
                + "\"phases\":[{\"id\":\"x\",\"name\":\"X\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"x\",\"channelId\":\"fax\"}]}]}";
        assertThatThrownBy(() -> JSON.read(json)).isInstanceOfSatisfying(JourneyReadException.class, e ->
                assertThat(e.getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getValue)
                        .containsExactly(
                                tuple("/journeys/0/personaIds/1", java.util.Optional.of("ghost")),
                                tuple("/journeys/0/touchpoints/0/channelId", java.util.Optional.of("fax"))));
    }

    @Test
    void refusesANewerFormatVersion() {
        assertThatThrownBy(() -> JSON.read("{\"formatVersion\": 2, \"somethingNew\": true}"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.getPointer()).isEqualTo("/formatVersion");
                            assertThat(p.getRule()).startsWith("must be at most 1");
                        }));
    }

    @Test
    void rejectsMalformedJsonDuplicateKeysAndTrailingContent() {
        assertThatThrownBy(() -> JSON.read("{\"formatVersion\": 1, \"title\": }"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.getLine()).isEqualTo(1);
                            assertThat(p.getRule()).startsWith("must be well-formed JSON");
                        }));
        assertThatThrownBy(() -> JSON.read("{\"formatVersion\": 1, \"formatVersion\": 1}"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0).getRule())
                        .contains("Duplicate field 'formatVersion'"));
        assertThatThrownBy(() -> JSON.read("{\"formatVersion\": 1} {}"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0).getRule())
                        .isEqualTo("must hold one JSON value: found trailing content after it"));
    }

    @Test
    void enforcesTheNestingLimit() {
        String deep = "{\"formatVersion\":1,\"title\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThatThrownBy(() -> JSON.read(deep)).isInstanceOfSatisfying(JourneyReadException.class,
                e -> assertThat(e.getProblems().get(0).getRule()).contains("nesting depth"));
    }

    @Test
    void unknownFieldsCanBeAllowed() {
        assertThat(JSON.allowingUnknownFields().read("{\"formatVersion\":1,\"extension\":{\"a\":1}}").getJourneys())
                .isEmpty();
    }

    @RepeatedTest(30)
    void roundTripsSeededRandomModels(RepetitionInfo repetition) {
        long seed = 0xD0C5L * repetition.getCurrentRepetition();
        JourneyModel model = randomModel(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        String written = JSON.write(model);
        assertThat(JSON.read(written)).as("seed %d", seed).isEqualTo(model);
        assertThat(JSON.write(JSON.read(written))).as("seed %d: same model, same bytes", seed).isEqualTo(written);
    }

    static JourneyModel randomModel(RandomGenerator random) {
        List<Channel> channels = Channel.standardChannels();
        JourneyModel.Builder model = JourneyModel.builder().addAllChannels(channels);
        int personas = random.nextInt(1, 4);
        for (int p = 0; p < personas; p++) {
            model.addPersonas(Persona.builder().id("persona-" + p).name("Persona \"" + p + "\" <é>")
                    .addGoals("goal " + random.nextInt(100)).build());
        }
        int journeys = random.nextInt(0, 4);
        for (int j = 0; j < journeys; j++) {
            EmotionScale scale = List.of(EmotionScale.FIVE_POINT, EmotionScale.ONE_TO_TEN).get(random.nextInt(2));
            Journey.Builder journey = Journey.builder().id("journey-" + j).name("Journey " + j)
                    .addPersonaIds("persona-" + random.nextInt(personas)).emotionScale(scale)
                    .phases(Phase.standardPhases());
            int touchpoints = random.nextInt(0, 12);
            for (int t = 0; t < touchpoints; t++) {
                Touchpoint.Builder touchpoint = Touchpoint.builder().id("t" + t).name("Touchpoint\n" + t)
                        .phaseId(Phase.standardPhases().get(random.nextInt(6)).getId());
                if (random.nextBoolean()) {
                    touchpoint.channelId(channels.get(random.nextInt(channels.size())).getId());
                }
                if (random.nextBoolean()) {
                    touchpoint.emotion(scale.emotion(scale.getMin() + random.nextDouble() * (scale.getMax()
                            - scale.getMin())));
                }
                if (random.nextBoolean()) {
                    touchpoint.momentKind(MomentKind.values()[random.nextInt(4)])
                            .rating(Rating.values()[random.nextInt(3)]);
                }
                touchpoint.momentOfTruth(random.nextInt(5) == 0);
                journey.addTouchpoints(touchpoint.build());
            }
            if (j > 0 && random.nextBoolean()) {
                journey.state(JourneyState.FUTURE);
            }
            model.addJourneys(journey.build());
        }
        return model.build();
    }
}
