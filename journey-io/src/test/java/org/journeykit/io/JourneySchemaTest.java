package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schema and the reader/writer agree, checked with a real draft 2020-12 validator. */
class JourneySchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(JourneyJson.schema());
    private static final JourneyJson JSON = JourneyJson.defaults();

    private static Set<ValidationMessage> validate(String document) throws IOException {
        JsonNode node = MAPPER.readTree(document);
        return SCHEMA.validate(node);
    }

    @Test
    void theSchemaDeclaresDraft2020_12() throws IOException {
        assertThat(MAPPER.readTree(JourneyJson.schema()).get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void theGoldenDocumentValidates() throws IOException {
        try (InputStream in = JourneySchemaTest.class.getResourceAsStream("laptop-request.json")) {
            assertThat(validate(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEmpty();
        }
    }

    @Test
    void aDocumentUsingEveryFieldValidates() throws IOException {
        JourneyModel model = FastDocumentReadingTest.everyField();
        assertThat(validate(JSON.write(model))).isEmpty();
    }

    @RepeatedTest(30)
    void everyWrittenSeededRandomModelValidates(RepetitionInfo repetition) throws IOException {
        long seed = 0x5C4E3AL * repetition.getCurrentRepetition();
        JourneyModel model = JourneyJsonTest.randomModel(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        assertThat(validate(JSON.write(model))).as("seed %d", seed).isEmpty();
    }

    /**
     * Documents wrong in shape: each breaks one rule that the schema states and the reader checks. Both must reject
     * it.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"formatVersion\":\"1\"}",
        "{\"formatVersion\":2}",
        "{\"formatVersion\":1,\"extra\":true}",
        "{\"formatVersion\":1,\"title\":7}",
        "{\"formatVersion\":1,\"personas\":{}}",
        "{\"formatVersion\":1,\"personas\":[{\"id\":\"p\"}]}",
        "{\"formatVersion\":1,\"personas\":[{\"id\":\"p q\",\"name\":\"P\"}]}",
        "{\"formatVersion\":1,\"personas\":[{\"id\":\"p\",\"name\":\"  \"}]}",
        "{\"formatVersion\":1,\"personas\":[{\"id\":\"p\",\"name\":\"P\",\"demographics\":{\"age\":{\"from\":5,\"to\":200}}}]}",
        "{\"formatVersion\":1,\"channels\":[{\"id\":\"c\",\"name\":\"C\",\"kind\":\"fax\"}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"phases\":[{\"id\":\"p\",\"name\":\"P\"}]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\"}]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"p\",\"painPoints\":[{\"id\":\"x\",\"description\":\"D\",\"severity\":9}]}]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"p\",\"momentOfTruth\":\"yes\"}]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"p\",\"emotion\":{\"label\":\"happy\"}}]}]}",
        "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"p\",\"opportunities\":[{\"id\":\"o\",\"description\":\"D\",\"impact\":0,\"effort\":1}]}]}]}",
    })
    void documentsWrongInShapeFailBothTheReaderAndTheSchema(String document) throws IOException {
        assertThatThrownBy(() -> JSON.read(document)).isInstanceOf(JourneyReadException.class);
        assertThat(validate(document)).as(document).isNotEmpty();
    }
}
