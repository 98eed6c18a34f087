package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.error.RuleCode;
import org.journeykit.io.jackson.JourneyMappingException;
import org.journeykit.io.jackson.JourneyModule;
import org.journeykit.metrics.experience.EmotionSummary;
import org.journeykit.metrics.experience.JourneyExperience;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The model's elements on their own, and the experience results computed from journeys: the same objects as inside
 * the document, {@code read(write(x)).equals(x)} over seeded random models and the model using every field.
 */
class ElementJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());

    private static <T> void roundTrips(T value, Class<T> type) throws Exception {
        String json = MAPPER.writeValueAsString(value);
        assertThat(MAPPER.readValue(json, type)).as(json).isEqualTo(value);
    }

    private static List<JourneyModel> models(long seed) {
        List<JourneyModel> models = new ArrayList<>();
        models.add(FastDocumentReadingTest.everyField());
        models.add(JourneyJsonTest.randomModel(RandomGeneratorFactory.of("L64X128MixRandom").create(seed)));
        return models;
    }

    @RepeatedTest(25)
    void everyElementAndExperienceReadBackEqualsTheOneWritten(RepetitionInfo repetition) throws Exception {
        for (JourneyModel model : models(0xE1E7L * repetition.getCurrentRepetition())) {
            for (Persona persona : model.getPersonas()) {
                roundTrips(persona, Persona.class);
            }
            for (Channel channel : model.getChannels()) {
                roundTrips(channel, Channel.class);
            }
            for (Journey journey : model.getJourneys()) {
                roundTrips(journey, Journey.class);
                for (Phase phase : journey.getPhases()) {
                    roundTrips(phase, Phase.class);
                }
                for (Touchpoint touchpoint : journey.getTouchpoints()) {
                    roundTrips(touchpoint, Touchpoint.class);
                }
                JourneyExperience.of(journey).ifPresent(experience -> {
                    try {
                        roundTrips(experience, JourneyExperience.class);
                        roundTrips(experience.overall(), EmotionSummary.class);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
    }

    @Test
    void anElementHasTheFieldsItHasInsideTheDocument() throws Exception {
        JourneyModel model = FastDocumentReadingTest.everyField();
        JsonNode document = MAPPER.readTree(JourneyJson.defaults().write(model));
        Journey journey = model.getJourneys().get(0);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(journey))).isEqualTo(document.get("journeys").get(0));
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(model.getPersonas().get(0))))
                .isEqualTo(document.get("personas").get(0));
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(model.getChannels().get(0))))
                .isEqualTo(document.get("channels").get(0));
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(journey.getPhases().get(0))))
                .isEqualTo(document.get("journeys").get(0).get("phases").get(0));
    }

    @Test
    void aTouchpointOnItsOwnCarriesTheScaleOfItsEmotion() throws Exception {
        Touchpoint touchpoint = Touchpoint.builder().id("t").name("Call").phaseId("support")
                .emotion(EmotionScale.ONE_TO_TEN.emotion(3)).build();
        assertThat(MAPPER.writeValueAsString(touchpoint)).isEqualTo("{\"id\":\"t\",\"name\":\"Call\","
                + "\"phaseId\":\"support\",\"emotionScale\":{\"min\":1,\"max\":10},\"emotion\":{\"value\":3}}");
        // Without the scale, 3 could be on -2..2 or 1..10: the reader does not guess.
        assertThatThrownBy(() -> MAPPER.readValue("{\"id\":\"t\",\"name\":\"Call\",\"phaseId\":\"support\","
                + "\"emotion\":{\"value\":3}}", Touchpoint.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/emotionScale", RuleCode.REQUIRED)));
        // Off its own scale: refused like an emotion off the journey's scale in a document.
        assertThatThrownBy(() -> MAPPER.readValue("{\"id\":\"t\",\"name\":\"Call\",\"phaseId\":\"support\","
                + "\"emotionScale\":{\"min\":-2,\"max\":2},\"emotion\":{\"value\":3}}", Touchpoint.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/emotion/value", RuleCode.RANGE)));
    }
}
