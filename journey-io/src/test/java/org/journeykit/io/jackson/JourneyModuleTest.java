package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyJson;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.model.JourneyModel;
import org.journeykit.observed.SurveyResponse;
import org.junit.jupiter.api.Test;

/** The module behaves like the facade: same problems and codes, Jackson's location and path at the problem. */
class JourneyModuleTest {

    private static final String TWO_PROBLEMS = "{\n"
            + "  \"formatVersion\": 1,\n"
            + "  \"journeys\": [{\"id\": \"j\", \"name\": \"J\", \"emotionScale\": {\"min\": -2, \"max\": 2},\n"
            + "    \"phases\": [{\"id\": \"p\", \"name\": \"P\"}],\n"
            + "    \"touchpoints\": [{\"id\": \"t\", \"name\": \"T\", \"phaseId\": \"p\",\n"
            + "      \"emotion\": {\"value\": 7}, \"rating\": \"superb\"}]}]\n"
            + "}";

    /** A caller's own structure holding journey documents (a map: the test module opens nothing to databind). */
    private static final TypeReference<Map<String, JourneyModel>> BY_TENANT = new TypeReference<>() {};

    @Test
    void theMapperReportsTheSameProblemsCodesAndTextAsTheFacade() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        JourneyReadException facade = catchRead(() -> JourneyJson.defaults().read(TWO_PROBLEMS));
        assertThatThrownBy(() -> mapper.readValue(TWO_PROBLEMS, JourneyModel.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    assertThat(e.getReadException().getProblems()).isEqualTo(facade.getProblems());
                    assertThat(e.getOriginalMessage()).isEqualTo(facade.getMessage());
                    assertThat(e.getCause()).isSameAs(e.getReadException());
                });
        // The emotion 7 is off the scale -2..2 (echoed as written, "7"); "superb" is not a rating.
        assertThat(facade.getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode,
                        p -> p.getValue().orElse(null))
                .containsExactly(
                        tuple("/journeys/0/touchpoints/0/emotion/value", RuleCode.RANGE, "7"),
                        tuple("/journeys/0/touchpoints/0/rating", RuleCode.FORMAT, "superb"));
    }

    @Test
    void theLocationAndPathAreThoseOfTheFirstProblemNotTheEndOfTheDocument() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        assertThatThrownBy(() -> mapper.readValue(TWO_PROBLEMS, JourneyModel.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    // Line 6 is 6 spaces, then "emotion": (columns 7-16), a space (17), { (18), "value": (19-26),
                    // a space (27): the 7 is in column 28.
                    assertThat(e.getLocation().getLineNr()).isEqualTo(6);
                    assertThat(e.getLocation().getColumnNr()).isEqualTo(28);
                    assertThat(e.getPathReference()).isEqualTo(
                            "UNKNOWN[\"journeys\"]->UNKNOWN[0]->UNKNOWN[\"touchpoints\"]->UNKNOWN[0]"
                                    + "->UNKNOWN[\"emotion\"]->UNKNOWN[\"value\"]");
                    assertThat(e.getPath()).extracting(JsonMappingException.Reference::getFieldName,
                                    JsonMappingException.Reference::getIndex)
                            .containsExactly(tuple("journeys", -1), tuple(null, 0), tuple("touchpoints", -1),
                                    tuple(null, 0), tuple("emotion", -1), tuple("value", -1));
                });
    }

    @Test
    void insideACallersObjectThePathStartsAtThatObject() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        String json = "{\"acme\":{\"formatVersion\":1,\"title\":42}}";
        assertThatThrownBy(() -> mapper.readValue(json, BY_TENANT))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getPath())
                        .extracting(JsonMappingException.Reference::getFieldName)
                        .containsExactly("acme", "title"));
    }

    @Test
    void aLiteralNullDocumentIsRefusedAsTheFacadeRefusesIt() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        JourneyReadException facade = catchRead(() -> JourneyJson.defaults().read("null"));
        assertThatThrownBy(() -> mapper.readValue("null", JourneyModel.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).isEqualTo(facade.getProblems()));
        assertThat(facade.getProblems()).extracting(ReadProblem::getCode).containsExactly(RuleCode.TYPE);
        assertThatThrownBy(() -> mapper.readValue("null", SurveyResponse.class))
                .isInstanceOf(JourneyMappingException.class);
    }

    @Test
    void aNullPropertyStaysNullAsForEveryType() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
        Map<String, JourneyModel> byTenant = mapper.readValue("{\"acme\":null}", BY_TENANT);
        assertThat(byTenant).containsEntry("acme", null);
    }

    @Test
    void trailingContentIsRefusedWhenTheMapperFailsOnTrailingTokens() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Jackson's own error for what follows the value, as for every type.
        assertThatThrownBy(() -> mapper.readValue("{\"formatVersion\":1} oops", JourneyModel.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JourneyJson.defaults().read("{\"formatVersion\":1} oops"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getCode).containsExactly(RuleCode.MALFORMED));
    }

    @Test
    void aConfiguredModuleSurvivesFindAndRegisterModulesInEitherOrder() throws Exception {
        String unknown = "{\"formatVersion\":1,\"title\":\"T\",\"colour\":\"red\"}";
        ObjectMapper before = new ObjectMapper().registerModule(JourneyModule.allowingUnknownFields())
                .findAndRegisterModules();
        ObjectMapper after = new ObjectMapper().findAndRegisterModules()
                .registerModule(JourneyModule.allowingUnknownFields());
        for (ObjectMapper mapper : List.of(before, after)) {
            assertThat(mapper.readValue(unknown, JourneyModel.class).getTitle()).hasValue("T");
            assertThat(mapper.getRegisteredModuleIds()).contains("JourneyModule/unknownFields=IGNORE");
        }
        assertThatThrownBy(() -> new ObjectMapper().findAndRegisterModules().readValue(unknown, JourneyModel.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getCode).containsExactly(RuleCode.UNKNOWN_FIELD));
    }

    @Test
    void theAsMapperPolicyFollowsFailOnUnknownProperties() throws Exception {
        String unknown = "{\"formatVersion\":1,\"colour\":\"red\"}";
        JourneyModule module = JourneyModule.withUnknownFields(JourneyModule.UnknownFields.AS_MAPPER);
        ObjectMapper springLike = new ObjectMapper().registerModule(module)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThat(springLike.readValue(unknown, JourneyModel.class)).isEqualTo(JourneyModel.builder().build());
        ObjectMapper plain = new ObjectMapper().registerModule(module);
        assertThatThrownBy(() -> plain.readValue(unknown, JourneyModel.class))
                .isInstanceOf(JourneyMappingException.class);
    }

    @Test
    void theVersionIsTheBuildsVersion() {
        assertThat(new JourneyModule().version().getArtifactId()).isEqualTo("journey-io");
        assertThat(new JourneyModule().version().getGroupId()).isEqualTo("org.journeykit");
        assertThat(new JourneyModule().version().isUnknownVersion()).isFalse();
        // The parent pom's version, through the filtered resource; the hand-written constant it replaces said 0.1.0.
        assertThat(new JourneyModule().version().toString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    private static JourneyReadException catchRead(Runnable read) {
        try {
            read.run();
        } catch (JourneyReadException e) {
            return e;
        }
        throw new AssertionError("no read exception");
    }
}
