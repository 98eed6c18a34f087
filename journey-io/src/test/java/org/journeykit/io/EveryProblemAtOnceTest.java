package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.journeykit.error.RuleCode;
import org.journeykit.io.jackson.JourneyMappingException;
import org.journeykit.io.jackson.JourneyModule;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;

/**
 * Reference problems are reported together with the shape and range problems that keep a journey or the model from
 * being built (issue 14), by every way in: string, stream, reader, mapper.
 */
class EveryProblemAtOnceTest {

    // One line: the column of a value is its offset in this text plus one.
    private static final String THREE_PROBLEMS = "{\"formatVersion\":1,"
            + "\"channels\":[{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"self-service\"}],"
            + "\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
            + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],"
            + "\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"phaseId\":\"nowhere\",\"channelId\":\"fax\","
            + "\"emotion\":{\"value\":7}}]}]}";

    private static long columnOf(String document, String written) {
        return document.indexOf(written) + 1L;
    }

    /**
     * The emotion 7 lies off the scale -2..2 (found building the emotion); "nowhere" is no phase of the journey
     * (found at the journey, which could not be built); "fax" is no channel of the model (found at the model).
     */
    private static List<Tuple> threeProblems() {
        return List.of(
                tuple("/journeys/0/touchpoints/0/emotion/value", RuleCode.RANGE, "must lie on the emotion scale -2..2",
                        "7", columnOf(THREE_PROBLEMS, "7}")),
                tuple("/journeys/0/touchpoints/0/phaseId", RuleCode.REFERENCE, "must name one of the journey's phases [p]",
                        "nowhere", columnOf(THREE_PROBLEMS, "\"nowhere\"")),
                tuple("/journeys/0/touchpoints/0/channelId", RuleCode.REFERENCE, "must name a channel of the model",
                        "fax", columnOf(THREE_PROBLEMS, "\"fax\"")));
    }

    private static void assertThreeProblems(JourneyReadException e) {
        assertThat(e.getProblems())
                .extracting(ReadProblem::getPointer, ReadProblem::getCode, ReadProblem::getRule,
                        p -> p.getValue().orElse(null), ReadProblem::getColumn)
                .containsExactlyElementsOf(threeProblems());
        assertThat(e.getProblems()).extracting(ReadProblem::getLine).containsOnly(1L);
    }

    @Test
    void anEmotionOffItsScaleAnUnknownPhaseAndAnUnknownChannelAreThreeProblems() {
        assertThatThrownBy(() -> JourneyJson.defaults().read(THREE_PROBLEMS))
                .isInstanceOfSatisfying(JourneyReadException.class, EveryProblemAtOnceTest::assertThreeProblems);
    }

    @Test
    void aStreamAndAReaderReportTheSameThreeProblems() {
        byte[] bytes = THREE_PROBLEMS.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JourneyJson.defaults().read(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(JourneyReadException.class, EveryProblemAtOnceTest::assertThreeProblems);
        assertThatThrownBy(() -> JourneyJson.defaults().read(new StringReader(THREE_PROBLEMS)))
                .isInstanceOfSatisfying(JourneyReadException.class, EveryProblemAtOnceTest::assertThreeProblems);
    }

    @Test
    void theMapperReportsTheSameThreeProblems() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        assertThatThrownBy(() -> mapper.readValue(THREE_PROBLEMS, JourneyModel.class))
                .isInstanceOfSatisfying(JourneyMappingException.class,
                        e -> assertThreeProblems(e.getReadException()));
    }

    @Test
    void unknownPersonasAndPainPointsAreReportedBesideABlankName() {
        // The blank persona name keeps the model from being built; the journey names a persona "bob" the model
        // lacks, and its opportunity addresses a pain point "slow" no touchpoint has, while the journey itself is
        // kept from being built by its touchpoint's missing name.
        String document = "{\"formatVersion\":1,\"personas\":[{\"id\":\"ann\",\"name\":\" \"}],"
                + "\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"personaIds\":[\"ann\",\"bob\"],"
                + "\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],"
                + "\"touchpoints\":[{\"id\":\"t\",\"phaseId\":\"p\",\"opportunities\":[{\"id\":\"o\","
                + "\"description\":\"Faster\",\"impact\":3,\"effort\":2,\"addresses\":[\"slow\"]}]}]}]}";
        assertThatThrownBy(() -> JourneyJson.defaults().read(document))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getCode, p -> p.getValue().orElse(null))
                        .containsExactly(
                                tuple("/personas/0/name", RuleCode.BLANK, " "),
                                tuple("/journeys/0/touchpoints/0/name", RuleCode.REQUIRED, null),
                                tuple("/journeys/0/touchpoints/0/opportunities/0/addresses", RuleCode.REFERENCE,
                                        "slow"),
                                tuple("/journeys/0/personaIds/1", RuleCode.REFERENCE, "bob")));
    }

    @Test
    void aReferenceThatIsNoWellFormedIdIsReportedOnlyForItsForm() {
        String document = THREE_PROBLEMS.replace("\"fax\"", "\"fax machine\"");
        assertThatThrownBy(() -> JourneyJson.defaults().read(document))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .contains(tuple("/journeys/0/touchpoints/0/phaseId", RuleCode.REFERENCE))
                        .doesNotContain(tuple("/journeys/0/touchpoints/0/channelId", RuleCode.REFERENCE)));
    }
}
