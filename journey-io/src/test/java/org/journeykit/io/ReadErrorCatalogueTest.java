package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per kind of bad input the issue names: the document, the pointer the problem must have, and a fragment
 * of the rule it must state (the rules are the model's documented rules, quoted from its javadoc, or the
 * format's). Each document has exactly one problem, so the row pins it down.
 */
class ReadErrorCatalogueTest {

    /** A journey whose touchpoints are given, on the five-point scale with phases p and q. */
    private static String journey(String touchpoints) {
        return "{\"formatVersion\":1,\"channels\":[{\"id\":\"email\",\"name\":\"E-mail\",\"kind\":\"assisted\"}],"
                + "\"personas\":[{\"id\":\"sanne\",\"name\":\"Sanne\"}],"
                + "\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"personaIds\":[\"sanne\"],"
                + "\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"},{\"id\":\"q\",\"name\":\"Q\"}],"
                + "\"touchpoints\":[" + touchpoints + "]}]}";
    }

    private static final String OK_TOUCHPOINT = "{\"id\":\"t0\",\"name\":\"T0\",\"phaseId\":\"p\"}";

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                // wrong type: a number where a string belongs
                Arguments.of("{\"formatVersion\":1,\"title\":42}", "/title", "must be a string"),
                // wrong type: an object where an array belongs
                Arguments.of("{\"formatVersion\":1,\"personas\":{}}", "/personas", "must be an array"),
                // missing required field: a touchpoint needs its phase
                Arguments.of(journey(OK_TOUCHPOINT + ",{\"id\":\"t1\",\"name\":\"T1\"}"),
                        "/journeys/0/touchpoints/1/phaseId", "is required"),
                // out of range: severity is 1 to 5 (PainPoint javadoc)
                Arguments.of(journey("{\"id\":\"t0\",\"name\":\"T0\",\"phaseId\":\"p\",\"painPoints\":[{\"id\":\"w\","
                        + "\"description\":\"Waiting\",\"severity\":6}]}"),
                        "/journeys/0/touchpoints/0/painPoints/0/severity", "must be between 1 and 5"),
                // out of range: the emotion value must lie on the journey's scale -2..2
                Arguments.of(journey("{\"id\":\"t0\",\"name\":\"T0\",\"phaseId\":\"p\",\"emotion\":{\"value\":-3}}"),
                        "/journeys/0/touchpoints/0/emotion/value", "must lie on the emotion scale -2..2"),
                // an id that breaks the id pattern
                Arguments.of(journey("{\"id\":\"t 0\",\"name\":\"T0\",\"phaseId\":\"p\"}"),
                        "/journeys/0/touchpoints/0/id", "must be 1 to 128 characters"),
                // duplicate ids: the second touchpoint with id t0
                Arguments.of(journey(OK_TOUCHPOINT + "," + OK_TOUCHPOINT), "/journeys/0/touchpoints/1",
                        "must be unique within touchpoints"),
                // duplicate ids at the top: two personas sanne
                Arguments.of("{\"formatVersion\":1,\"personas\":[{\"id\":\"sanne\",\"name\":\"S\"},"
                        + "{\"id\":\"sanne\",\"name\":\"S2\"}]}", "/personas/1", "must be unique within personas"),
                // reference to an unknown phase
                Arguments.of(journey("{\"id\":\"t0\",\"name\":\"T0\",\"phaseId\":\"r\"}"),
                        "/journeys/0/touchpoints/0/phaseId", "must name one of the journey's phases [p, q]"),
                // reference to an unknown channel
                Arguments.of(journey("{\"id\":\"t0\",\"name\":\"T0\",\"phaseId\":\"p\",\"channelId\":\"fax\"}"),
                        "/journeys/0/touchpoints/0/channelId", "must name a channel of the model"),
                // reference to an unknown persona
                Arguments.of("{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"personaIds\":[\"ghost\"],"
                        + "\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[{\"id\":\"p\",\"name\":\"P\"}]}]}",
                        "/journeys/0/personaIds/0", "must name a persona of the model"),
                // a persona's preferred channel that does not exist
                Arguments.of("{\"formatVersion\":1,\"personas\":[{\"id\":\"s\",\"name\":\"S\","
                        + "\"preferredChannelIds\":[\"fax\"]}]}", "/personas/0/preferredChannelIds/0",
                        "must name a channel of the model"),
                // an unknown field (rejected by default)
                Arguments.of("{\"formatVersion\":1,\"colour\":\"red\"}", "/colour", "is not a field of this object"),
                // a newer format version
                Arguments.of("{\"formatVersion\":7}", "/formatVersion", "must be at most 1"),
                // malformed JSON: the pointer is where the parser stopped (after the field id)
                Arguments.of("{\"formatVersion\":1,\"personas\":[{\"id\":\"s\",]}", "/personas/0/id",
                        "must be well-formed JSON"),
                // duplicate key
                Arguments.of("{\"formatVersion\":1,\"title\":\"a\",\"title\":\"b\"}", "/title", "Duplicate field"),
                // trailing content
                Arguments.of("{\"formatVersion\":1} {}", "", "must hold one JSON value"));
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void eachKindOfBadInputGetsItsPointerAndRule(String document, String pointer, String rule) {
        assertThatThrownBy(() -> JourneyJson.defaults().read(document))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> {
                    assertThat(e.getProblems()).as(e.getMessage()).hasSize(1);
                    ReadProblem problem = e.getProblems().get(0);
                    assertThat(problem.getPointer()).as(e.getMessage()).isEqualTo(pointer);
                    assertThat(problem.getRule()).as(e.getMessage()).contains(rule);
                    assertThat(problem.getLine()).as("line of %s", e.getMessage()).isEqualTo(1L);
                    assertThat(e.getMessage()).contains(pointer.isEmpty() ? rule : pointer + " (line 1");
                });
    }

    @ParameterizedTest
    @MethodSource("limits")
    void theLimitsAreEnforcedWithAReadException(ReadLimits limits, String document, String rule) {
        assertThatThrownBy(() -> JourneyJson.defaults().withLimits(limits).read(document))
                .isInstanceOfSatisfying(JourneyReadException.class,
                        e -> assertThat(e.getProblems().get(0).getRule()).as(e.getMessage()).contains(rule));
    }

    static Stream<Arguments> limits() {
        String title = "{\"formatVersion\":1,\"title\":\"" + "x".repeat(50) + "\"}";
        return Stream.of(
                Arguments.of(ReadLimits.defaults().withMaxStringLength(20), title, "String value length"),
                Arguments.of(ReadLimits.defaults().withMaxNumberLength(5), "{\"formatVersion\":1000000001}",
                        "Number value length"),
                Arguments.of(ReadLimits.defaults().withMaxDocumentLength(30), title, "ocument length"),
                Arguments.of(ReadLimits.defaults().withMaxNestingDepth(3),
                        "{\"formatVersion\":1,\"personas\":[{\"demographics\":{}}]}", "nesting depth"));
    }
}
