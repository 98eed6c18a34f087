package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.io.internal.ModelStreamDecoder;
import org.journeykit.io.internal.Streamed;
import org.journeykit.model.AgeRange;
import org.journeykit.model.Channel;
import org.journeykit.model.Demographics;
import org.journeykit.model.IncomeRange;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.ResearchMethod;
import org.journeykit.model.ResearchSource;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of {@link JourneyJson#read(String)} (straight from the parser into the builders) reads every valid
 * document to the model it describes, whatever the field order, and gives up on everything else, which the
 * reporting path then reads exactly as before.
 */
class FastDocumentReadingTest {

    private static final JourneyJson JSON = JourneyJson.defaults();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private static JourneyModel fast(String json, boolean allowUnknownFields) throws Exception {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return new ModelStreamDecoder(new Streamed(parser, allowUnknownFields)).document();
        }
    }

    /** A model that sets every field of the format at least once. */
    static JourneyModel everyField() {
        Persona persona = Persona.builder().id("sanne").name("Sanne").description("New employee").quote("Just works")
                .demographics(Demographics.builder().age(AgeRange.of(25, 34)).gender("female").location("Utrecht")
                        .maritalStatus("single").householdIncome(IncomeRange.of(40_000, 60_000,
                                Currency.getInstance("EUR"))).build())
                .jobTitle("Analyst").addGoals("Work").addNeeds("Laptop").addExpectations("Fast")
                .addFrustrations("Waiting").addDrivers("Status").addPreferredChannelIds("email")
                .addProductsBought("Laptop").addContentInterests("IT news")
                .addResearch(ResearchSource.builder().method(ResearchMethod.FOCUS_GROUP).description("March")
                        .participants(8).build())
                .build();
        Journey current = Journey.builder().id("current").name("Now").addPersonaIds("sanne").scenario("s")
                .startPoint("a").endPoint("b").addPhases(Phase.of("p", "P", "Phase"))
                .addTouchpoints(Touchpoint.builder().id("t").name("T").phaseId("p").channelId("email")
                        .customerAction("asks").frontStage("desk").backStage("stock").department("IT")
                        .emotion(org.journeykit.model.EmotionScale.FIVE_POINT.emotion(-1.5))
                        .momentKind(MomentKind.CUSTOMER).rating(Rating.INSUFFICIENT).momentOfTruth(true)
                        .addPainPoints(PainPoint.of("slow", "Slow", 3))
                        .addOpportunities(Opportunity.builder().id("faster").description("Faster").impact(4)
                                .effort(2).addAddresses("slow").owner("IT").build())
                        .expectedDuration(Duration.ofMinutes(90)).build())
                .build();
        Journey future = Journey.builder().id("future").name("Later").state(JourneyState.FUTURE).improves("current")
                .addPhases(Phase.AWARENESS).build();
        return JourneyModel.builder().title("All").addPersonas(persona).addChannels(Channel.EMAIL)
                .addJourneys(current, future).build();
    }

    @Test
    void readsADocumentWithEveryFieldToTheModelItWasWrittenFrom() throws Exception {
        JourneyModel model = everyField();
        assertThat(fast(JSON.write(model), false)).isEqualTo(model);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void readsSeededRandomModelsToTheModelTheyWereWrittenFrom(long seed) throws Exception {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        JourneyModel model = JourneyJsonTest.randomModel(random);
        assertThat(fast(JSON.write(model), false)).as("seed %d", seed).isEqualTo(model);
    }

    @Test
    void fieldOrderAndExplicitNullsForAbsentFieldsDoNotMatter() throws Exception {
        JourneyModel model = everyField();
        JsonNode tree = MAPPER.readTree(JSON.write(model));
        JsonNode reordered = rewrite(tree, object -> {
            // Reverse every object's fields, except that a journey's scale stays before its touchpoints.
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            Collections.reverse(fields);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            if (object.has("emotionScale")) {
                copy.set("emotionScale", object.get("emotionScale"));
            }
            for (Map.Entry<String, JsonNode> field : fields) {
                copy.set(field.getKey(), field.getValue());
            }
            return copy;
        });
        ((ObjectNode) reordered.get("channels").get(0)).putNull("description");
        ((ObjectNode) reordered.get("journeys").get(1)).putNull("scenario");
        ((ObjectNode) reordered.get("journeys").get(1)).putNull("touchpoints");
        String json = MAPPER.writeValueAsString(reordered);
        assertThat(fast(json, false)).isEqualTo(model);
        assertThat(JSON.read(json)).isEqualTo(model);
    }

    @Test
    void allowedUnknownFieldsAreSkippedWithEverythingNestedInThem() throws Exception {
        JourneyModel model = everyField();
        JsonNode extended = rewrite(MAPPER.readTree(JSON.write(model)), object -> {
            object.putObject("x-extension").put("a", 1).putArray("list").addObject().putArray("deep").add(true);
            return object;
        });
        String json = MAPPER.writeValueAsString(extended);
        assertThat(fast(json, true)).isEqualTo(model);
        assertThatThrownBy(() -> fast(json, false)).isInstanceOf(Streamed.Fallback.class);
        assertThat(JSON.allowingUnknownFields().read(json)).isEqualTo(model);
    }

    @Test
    void touchpointsBeforeTheEmotionScaleAreLeftToTheTreeDecoderWhichReadsThemAll() throws Exception {
        JourneyModel model = everyField();
        ObjectNode tree = (ObjectNode) MAPPER.readTree(JSON.write(model));
        ObjectNode journey = (ObjectNode) tree.get("journeys").get(0);
        JsonNode scale = journey.remove("emotionScale");
        journey.set("emotionScale", scale);
        String json = MAPPER.writeValueAsString(tree);
        assertThatThrownBy(() -> fast(json, false)).isInstanceOf(Streamed.Fallback.class);
        assertThat(JSON.read(json)).isEqualTo(model);
    }

    /**
     * Each document breaks one rule; the fast path gives up on it and the reader reports the problem at the
     * pointer named here, as it did before there was a fast path.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/channels/0/id|{\"formatVersion\":1,\"channels\":[{\"id\":\"email\",\"id\":\"email\",\"name\":\"E-mail\","
                + "\"kind\":\"email\"}]}",
        "/channels/0/colour|{\"formatVersion\":1,\"channels\":[{\"id\":\"email\",\"name\":\"E-mail\","
                + "\"kind\":\"email\",\"colour\":\"red\"}]}",
        "/channels/0/name|{\"formatVersion\":1,\"channels\":[{\"id\":\"email\",\"name\":7,\"kind\":\"email\"}]}",
        "/channels/0/kind|{\"formatVersion\":1,\"channels\":[{\"id\":\"email\",\"name\":\"E\",\"kind\":\"fax\"}]}",
        "/formatVersion|{\"formatVersion\":2}",
        "/formatVersion|{\"title\":\"no version\"}",
        "/personas/0/demographics/householdIncome/currency|{\"formatVersion\":1,\"personas\":[{\"id\":\"p\","
                + "\"name\":\"P\",\"demographics\":{\"householdIncome\":{\"from\":1,\"to\":2,\"currency\":\"XYZ\"}}}]}",
        "/journeys/0/emotionScale|{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\"}]}",
        "/journeys/0/touchpoints/0/emotion/value|{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\","
                + "\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],"
                + "\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"phaseId\":\"p\",\"emotion\":{\"value\":3}}]}]}"
    })
    void documentsThatBreakARuleAreLeftToTheReportingPath(String pointerAndDocument) {
        String pointer = pointerAndDocument.substring(0, pointerAndDocument.indexOf('|'));
        String json = pointerAndDocument.substring(pointerAndDocument.indexOf('|') + 1);
        assertThatThrownBy(() -> fast(json, false)).isInstanceOf(Streamed.Fallback.class);
        assertThatThrownBy(() -> JSON.read(json)).isInstanceOfSatisfying(JourneyReadException.class,
                e -> assertThat(e.getProblems()).extracting(ReadProblem::getPointer).contains(pointer));
    }

    @Test
    void negativeZeroReadsAsTheReportingPathReadsIt() throws Exception {
        String json = "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\","
                + "\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],"
                + "\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"phaseId\":\"p\",\"emotion\":{\"value\":-0.0}}]}]}";
        // BigDecimal, through which the tree is read, has no negative zero: the value is 0.0 either way.
        double value = fast(json, false).getJourneys().get(0).getTouchpoints().get(0).getEmotion().orElseThrow()
                .getValue();
        assertThat(Double.doubleToRawLongBits(value)).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    private static JsonNode rewrite(JsonNode node, UnaryOperator<ObjectNode> change) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), rewrite(field.getValue(), change));
            }
            return change.apply(copy);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                copy.add(rewrite(element, change));
            }
            return copy;
        }
        return node;
    }

    @Test
    void theWriterPutsTheEmotionScaleBeforeTheTouchpointsSoWrittenDocumentsTakeTheFastPath() throws IOException {
        String json = JSON.write(everyField());
        assertThat(json.indexOf("\"emotionScale\"")).isLessThan(json.indexOf("\"touchpoints\""));
    }
}
