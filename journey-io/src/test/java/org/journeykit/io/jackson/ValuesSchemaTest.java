package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.journeykit.io.JourneyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped values schema and the writer agree, checked with a real draft 2020-12 validator. */
class ValuesSchemaTest {

    static final String VALUES_ID = "https://journeykit.org/schema/journey-values/1.json";
    private static final String DOCUMENT_ID = "https://journeykit.org/schema/journey-document/1.json";
    private static final ObjectMapper MAPPER = ResultJsonRoundTripTest.PLAIN;

    /** A validator that finds both schemas by their ids (the module's resources are not on the class path). */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> {
                String text = iri.toString().equals(VALUES_ID) ? JourneyModule.valuesSchema()
                        : iri.toString().equals(DOCUMENT_ID) ? JourneyJson.schema() : null;
                return text == null ? null
                        : (InputStreamSource) () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            })));

    /** The definition each kind of value is checked against; maps are checked value by value. */
    private static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("Interval", "interval"), Map.entry("Proportion", "proportion"),
            Map.entry("Comparison", "comparison"), Map.entry("TwoProportionTest", "twoProportionTest"),
            Map.entry("NpsResult", "npsResult"), Map.entry("CesResult", "cesResult"),
            Map.entry("CsatResult", "csatResult"), Map.entry("ContactVolume", "contactVolume"),
            Map.entry("ResolutionTimeResult", "resolutionTimeResult"), Map.entry("Trend<NpsResult>", "trend"),
            Map.entry("Trend<CsatResult>", "trend"), Map.entry("Trend<CesResult>", "trend"),
            Map.entry("corrected Trend<NpsResult>", "trend"), Map.entry("corrected Trend<CsatResult>", "trend"),
            Map.entry("corrected Trend<CesResult>", "trend"),
            Map.entry("SegmentComparison<String>", "segmentComparison"),
            Map.entry("SegmentComparison<PeriodKey>", "segmentComparison"),
            Map.entry("Map<String, NpsResult>", "npsResult"), Map.entry("Map<PeriodKey, CsatResult>", "csatResult"),
            Map.entry("Funnel", "funnel"), Map.entry("FunnelResult", "funnelResult"),
            Map.entry("FunnelComparison", "funnelComparison"), Map.entry("BgNbdFit", "bgNbdFit"),
            Map.entry("ShiftedBetaGeometricFit", "shiftedBetaGeometricFit"), Map.entry("SurvivalCurve", "survivalCurve"),
            Map.entry("PurchaseHistory", "purchaseHistory"), Map.entry("CohortTable", "cohortTable"),
            Map.entry("Cohort", "cohort"), Map.entry("PeriodRetention", "periodRetention"),
            Map.entry("Rate", "repeatPurchaseRate"), Map.entry("PathResult", "pathResult"),
            Map.entry("Variant", "variant"), Map.entry("Edge", "edge"),
            Map.entry("ConformanceChecker", "conformanceChecker"), Map.entry("ConformanceSummary", "conformanceSummary"),
            Map.entry("JourneyConformance", "journeyConformance"), Map.entry("ChannelPaths", "channelPaths"),
            Map.entry("ChannelPath", "channelPath"), Map.entry("AttributionResult", "attributionResult"),
            Map.entry("TransitionMatrix", "transitionMatrix"), Map.entry("MarkovAttribution", "markovAttribution"),
            Map.entry("HigherOrderMarkovAttribution", "higherOrderMarkovAttribution"),
            Map.entry("ShapleyAttribution", "shapleyAttribution"), Map.entry("SurveyResponse", "surveyResponse"),
            Map.entry("InteractionEvent", "interactionEvent"));

    static JsonSchema definition(String name) {
        return FACTORY.getSchema(SchemaLocation.of(VALUES_ID + "#/$defs/" + name));
    }

    static Stream<Arguments> kindsAndSeeds() {
        return ResultJsonRoundTripTest.kinds().stream().flatMap(kind -> Stream.of(1L, 2L, 3L, 4L, 5L)
                .map(seed -> Arguments.of(kind, seed)));
    }

    @Test
    void everyKindOfValueHasADefinition() {
        assertThat(ResultJsonRoundTripTest.kinds()).extracting(ResultJsonRoundTripTest.Kind::name)
                .allMatch(DEFINITIONS::containsKey);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("kindsAndSeeds")
    void everyWrittenValueValidatesAgainstItsDefinition(ResultJsonRoundTripTest.Kind kind, long seed)
            throws Exception {
        JsonNode written = MAPPER.readTree(MAPPER.writerFor(kind.type())
                .writeValueAsString(ResultJsonRoundTripTest.random(kind, seed)));
        JsonSchema schema = definition(DEFINITIONS.get(kind.name()));
        if (kind.name().startsWith("Map<")) {
            for (JsonNode value : written) {
                assertThat(schema.validate(value)).as(value.toString()).isEmpty();
            }
        } else {
            assertThat(schema.validate(written)).as(written.toString()).isEmpty();
        }
    }

    /** Values wrong in shape: the schema and the reader both refuse each. */
    @ParameterizedTest
    @ValueSource(strings = {
        "npsResult {\"promoters\":1,\"passives\":0,\"detractors\":0}",
        "npsResult {\"promoters\":-1,\"passives\":0,\"detractors\":3,\"weighted\":false}",
        "npsResult {\"promoters\":1,\"passives\":0,\"detractors\":0,\"weighted\":true}",
        "npsResult {\"promoters\":1,\"passives\":0,\"detractors\":0,\"weighted\":false,\"extra\":1}",
        "csatResult {\"satisfied\":1,\"responses\":0}",
        "proportion {\"successes\":\"1\",\"trials\":2}",
        "interval {\"estimate\":0,\"lower\":0,\"upper\":1,\"level\":1}",
        "cesResult {\"scale\":\"ces-3\",\"counts\":[1,2,3,4,5]}",
        "contactVolume {\"zone\":\"Z\",\"hourly\":[1],\"byWeekday\":{},\"byChannel\":{},\"byReason\":{}}",
        "funnel {\"steps\":[],\"window\":\"PT1H\",\"counting\":\"all-attempts\",\"order\":\"loose\"}",
        "trend {\"points\":[{\"period\":\"2026-Q5\",\"result\":{\"satisfied\":1,\"responses\":2},\"value\":50}]}",
        // An adjusted p-value without a correction.
        "trend {\"points\":[{\"period\":\"2026-Q1\",\"result\":{\"satisfied\":1,\"responses\":2},\"value\":50,"
                + "\"adjustedPValue\":0.5}]}",
        "trend {\"correction\":\"bonferroni\",\"points\":[]}",
        "segmentComparison {\"baseline\":\"a\",\"entries\":[]}",
        "segmentComparison {\"baseline\":\"a\",\"correction\":\"holm\",\"entries\":[{\"segment\":\"b\"}]}",
        "segmentComparison {\"baseline\":\"a\",\"correction\":\"holm\",\"entries\":[{\"segment\":\"b\","
                + "\"comparison\":{\"current\":1,\"baseline\":0,\"standardError\":1},\"adjustedPValue\":1.5}]}",
        "touchpoint {\"id\":\"t\",\"name\":\"T\",\"phaseId\":\"p\",\"emotion\":{\"value\":1}}",
        "cohortTable {\"granularity\":\"month\",\"zone\":\"Z\",\"lastPeriod\":672,\"cohorts\":[]}",
        "cohortTable {\"granularity\":\"year\",\"zone\":\"Z\",\"lastPeriod\":672,\"cohorts\":[{\"period\":672,"
                + "\"cells\":[{\"offset\":0,\"active\":1,\"activeOrLater\":1}]}]}",
        "cohort {\"granularity\":\"month\",\"period\":672,\"offsets\":0,\"cells\":[{\"offset\":0,\"active\":1,"
                + "\"activeOrLater\":1}]}",
        "periodRetention {\"start\":10,\"end\":-1,\"acquired\":0}",
        "variant {\"steps\":[\"home\"],\"count\":1,\"share\":0}",
        "edge {\"from\":\"a\",\"to\":\"b\",\"count\":1,\"totalTime\":\"-PT1S\"}",
        "conformanceChecker {\"journeyId\":\"a b\",\"touchpointIds\":[],\"expectedDurations\":{},\"tolerance\":0}",
        "channelPath {\"channels\":[],\"conversions\":1,\"value\":0,\"nulls\":0}",
        "transitionMatrix {\"states\":[\"(start)\",\"(conversion)\",\"(null)\"],\"probabilities\":[]}",
        "shapleyAttribution {\"coalitionValue\":\"revenue\",\"shapleyValues\":{},\"attribution\":{\"conversions\":{},"
                + "\"value\":{}}}",
        "surveyResponse {\"kind\":\"ces\",\"score\":3,\"time\":\"2026-03-01T09:00:00Z\"}",
        "interactionEvent {\"customerId\":\"c1\",\"time\":\"2026-03-01T09:00:00Z\"}",
    })
    void aValueWrongInShapeFailsTheSchemaAndTheReader(String example) throws Exception {
        String name = example.substring(0, example.indexOf(' '));
        String json = example.substring(example.indexOf(' ') + 1);
        assertThat(definition(name).validate(MAPPER.readTree(json))).isNotEmpty();
        Class<?> type = name.equals("trend") ? org.journeykit.metrics.breakdown.Trend.class
                : name.equals("segmentComparison") ? org.journeykit.metrics.breakdown.SegmentComparison.class
                : ValuesSchemaTest.class.getClassLoader().loadClass(TYPES.get(name));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MAPPER.readValue(json, type))
                .isInstanceOf(JourneyMappingException.class);
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("npsResult", "org.journeykit.metrics.survey.NpsResult"),
            Map.entry("csatResult", "org.journeykit.metrics.survey.CsatResult"),
            Map.entry("cesResult", "org.journeykit.metrics.survey.CesResult"),
            Map.entry("proportion", "org.journeykit.metrics.stats.Proportion"),
            Map.entry("interval", "org.journeykit.metrics.stats.Interval"),
            Map.entry("contactVolume", "org.journeykit.metrics.service.ContactVolume"),
            Map.entry("funnel", "org.journeykit.metrics.journeys.funnel.Funnel"),
            Map.entry("touchpoint", "org.journeykit.model.Touchpoint"),
            Map.entry("cohortTable", "org.journeykit.metrics.retention.CohortTable"),
            Map.entry("cohort", "org.journeykit.metrics.retention.Cohort"),
            Map.entry("periodRetention", "org.journeykit.metrics.retention.PeriodRetention"),
            Map.entry("variant", "org.journeykit.metrics.journeys.paths.Variant"),
            Map.entry("edge", "org.journeykit.metrics.journeys.paths.Edge"),
            Map.entry("conformanceChecker", "org.journeykit.metrics.journeys.conformance.ConformanceChecker"),
            Map.entry("channelPath", "org.journeykit.metrics.journeys.attribution.ChannelPath"),
            Map.entry("transitionMatrix", "org.journeykit.metrics.journeys.attribution.TransitionMatrix"),
            Map.entry("shapleyAttribution", "org.journeykit.metrics.journeys.attribution.ShapleyAttribution"),
            Map.entry("surveyResponse", "org.journeykit.observed.SurveyResponse"),
            Map.entry("interactionEvent", "org.journeykit.observed.InteractionEvent"));
}
