package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.SegmentComparison;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.survey.CsatResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden JSON of corrected trends and segment comparisons, and input whose adjusted p-values contradict the rest
 * refused with pointer and rule code.
 *
 * <p>The figures are CSAT two-proportion tests with the pooled standard error, computed independently with SciPy
 * ({@code 2 * norm.sf(|z|)}): 36/40 against 30/40 gives SE 0.0849632, z 1.76547, p 0.0774849; 28/40 against
 * 36/40 gives SE 0.0894427, z -2.23607, p 0.0253473; 35/40 against 36/40 gives SE 0.0706554, z -0.353830,
 * p 0.723466.
 */
class CorrectionJsonTest {

    private static final ObjectMapper MAPPER = ResultJsonRoundTripTest.PLAIN;
    private static final Offset<Double> CLOSE = Offset.offset(1e-6);
    private static final TypeReference<Trend<CsatResult>> CSAT_TREND = new TypeReference<>() {};
    private static final TypeReference<SegmentComparison<String>> BY_NAME = new TypeReference<>() {};

    /** A golden file of src/test/resources/org/journeykit/io/values, without its final line break. */
    private static String golden(String name) throws IOException {
        try (InputStream in = CorrectionJsonTest.class.getResourceAsStream("/org/journeykit/io/values/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** CSAT 75 %, 90 %, 70 % in the first three quarters of 2026. */
    private static Trend<CsatResult> csatTrend() {
        Map<PeriodKey, CsatResult> byQuarter = new TreeMap<>();
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1), CsatResult.of(30, 40));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 2), CsatResult.of(36, 40));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 3), CsatResult.of(28, 40));
        return Trend.ofCsat(byQuarter);
    }

    /** CSAT of three agents against the team lead's 36/40. */
    private static SegmentComparison<String> agents(Correction correction) {
        Map<String, CsatResult> byAgent = Map.of("team-lead", CsatResult.of(36, 40), "ann", CsatResult.of(30, 40),
                "bob", CsatResult.of(28, 40), "cy", CsatResult.of(35, 40));
        return SegmentComparison.ofCsat(byAgent, "team-lead", correction);
    }

    @Test
    void anUncorrectedTrendIsWrittenWithoutCorrectionOrAdjustedPValues() throws Exception {
        String json = MAPPER.writeValueAsString(csatTrend());
        assertThat(json).doesNotContain("correction", "adjustedPValue")
                .isEqualTo(MAPPER.writeValueAsString(csatTrend().withCorrection(Correction.NONE)));
        assertThat(MAPPER.readValue(json, CSAT_TREND)).isEqualTo(csatTrend());
    }

    @Test
    void aCorrectedTrendIsWrittenWithItsCorrectionAndEachAdjustedPValue() throws Exception {
        Trend<CsatResult> holm = csatTrend().withCorrection(Correction.HOLM);
        String json = MAPPER.writeValueAsString(holm);
        assertThat(json).isEqualTo(golden("csat-trend-holm.golden.json"));
        // Holm, m = 2: sorted 0.0253473 (Q3), 0.0774849 (Q2): Q3 2 x 0.0253473 = 0.0506946;
        // Q2 max(0.0506946, 0.0774849) = 0.0774849.
        assertThat(holm.points().get(1).adjustedPValue().getAsDouble()).isCloseTo(0.0774849, CLOSE);
        assertThat(holm.points().get(2).adjustedPValue().getAsDouble()).isCloseTo(0.0506946, CLOSE);
        assertThat(MAPPER.readValue(json, CSAT_TREND)).isEqualTo(holm);
    }

    @Test
    void aTrendWithACorrectionButNoAdjustedPValuesReadsAsTheCorrectedTrend() throws Exception {
        String uncorrected = MAPPER.writeValueAsString(csatTrend());
        String json = "{\"correction\":\"benjamini-hochberg\"," + uncorrected.substring(1);
        assertThat(MAPPER.readValue(json, CSAT_TREND))
                .isEqualTo(csatTrend().withCorrection(Correction.BENJAMINI_HOCHBERG));
    }

    @Test
    void aSegmentComparisonIsWrittenWithBaselineCorrectionAndEntriesInSegmentOrder() throws Exception {
        SegmentComparison<String> bh = agents(Correction.BENJAMINI_HOCHBERG);
        String json = MAPPER.writeValueAsString(bh);
        assertThat(json).isEqualTo(golden("csat-by-agent-bh.golden.json"));
        // Benjamini-Hochberg, m = 3: sorted bob 0.0253473, ann 0.0774849, cy 0.723466: cy 0.723466;
        // ann min(0.723466, 3/2 x 0.0774849) = 0.116227; bob min(0.116227, 3 x 0.0253473) = 0.0760420.
        assertThat(bh.entries()).extracting(e -> e.adjustedPValue().getAsDouble())
                .satisfiesExactly(ann -> assertThat(ann).isCloseTo(0.116227, CLOSE),
                        bob -> assertThat(bob).isCloseTo(0.0760420, CLOSE),
                        cy -> assertThat(cy).isCloseTo(0.723466, CLOSE));
        assertThat(MAPPER.readValue(json, BY_NAME)).isEqualTo(bh);
    }

    @Test
    void segmentKeysOfOtherTypesAreWrittenAsTheMapperWritesThem() throws Exception {
        Map<PeriodKey, CsatResult> byQuarter = new TreeMap<>();
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1), CsatResult.of(30, 40));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 3), CsatResult.of(28, 40));
        SegmentComparison<PeriodKey> quarters = SegmentComparison.ofCsat(byQuarter,
                PeriodKey.of(CalendarPeriod.QUARTER, 2026, 3), Correction.HOLM);
        String json = MAPPER.writeValueAsString(quarters);
        assertThat(json).startsWith("{\"baseline\":\"2026-Q3\",\"correction\":\"holm\",\"entries\":[{\"segment\":"
                + "\"2026-Q1\",");
        assertThat(MAPPER.readValue(json, new TypeReference<SegmentComparison<PeriodKey>>() {}))
                .isEqualTo(quarters);
    }

    /**
     * The first two quarters of the CSAT trend above, with an adjusted p-value at Q2 (whose comparison has p
     * 0.0774849; the comparison marks the trend as a CSAT trend, recomputed when read).
     */
    private static String trendWith(String correction, String adjustedPValue) {
        return "{" + correction + "\"points\":[{\"period\":\"2026-Q1\",\"result\":{\"satisfied\":30,\"responses\":40},"
                + "\"value\":75.0},{\"period\":\"2026-Q2\",\"result\":{\"satisfied\":36,\"responses\":40},"
                + "\"value\":90.0,\"comparison\":{\"current\":0.9,\"baseline\":0.75,\"standardError\":0.085},"
                + "\"adjustedPValue\":" + adjustedPValue + "}]}";
    }

    static Stream<Arguments> contradictoryTrends() {
        return Stream.of(
                Arguments.of(trendWith("", "0.0774849"), "/points/1/adjustedPValue", RuleCode.CONFLICT,
                        "may be given only with a correction"),
                Arguments.of(trendWith("\"correction\":\"holm\",", "0.05"), "/points/1/adjustedPValue",
                        RuleCode.RANGE, "must be at least the comparison's p-value, 0.0774"),
                Arguments.of(trendWith("\"correction\":\"holm\",", "0.5"), "/points/1/adjustedPValue",
                        RuleCode.CONFLICT, "must be the holm adjusted p-value of the comparisons, 0.0774"),
                Arguments.of(trendWith("\"correction\":\"holm\",", "1.5"), "/points/1/adjustedPValue",
                        RuleCode.RANGE, "must be in [0, 1]"),
                Arguments.of(trendWith("\"correction\":\"holm\",", "\"0.08\""), "/points/1/adjustedPValue",
                        RuleCode.TYPE, "must be a"),
                Arguments.of(trendWith("\"correction\":\"bonferroni\",", "0.0774849"), "/correction",
                        RuleCode.FORMAT, "must be one of [none, holm, benjamini-hochberg]"),
                Arguments.of(trendWith("\"correction\":\"holm\",", "0.07748486513264466").replace("\"value\":75.0}",
                        "\"value\":75.0,\"adjustedPValue\":0.5}"), "/points/0/adjustedPValue", RuleCode.CONFLICT,
                        "may be given only with a comparison that has a p-value"));
    }

    @ParameterizedTest
    @MethodSource("contradictoryTrends")
    void aTrendWhoseAdjustedPValueContradictsTheRestIsRefused(String json, String pointer, RuleCode code,
            String rule) {
        assertThatThrownBy(() -> MAPPER.readValue(json, CSAT_TREND))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    assertThat(e.getReadException().getProblems()).singleElement().satisfies(problem -> {
                        assertThat(problem.getPointer()).isEqualTo(pointer);
                        assertThat(problem.getCode()).isEqualTo(code);
                        assertThat(problem.getRule()).startsWith(rule);
                    });
                    assertThat(e.getLocation().getLineNr()).isEqualTo(1);
                });
    }

    @Test
    void anAdjustedPValueWrittenWithTheRightCorrectionIsAccepted() throws Exception {
        // Holm over one comparison leaves its p-value: 0.0774849 as SciPy gives it, within the tolerance.
        assertThat(MAPPER.readValue(trendWith("\"correction\":\"holm\",", "0.07748486513264"), CSAT_TREND)
                .points().get(1).adjustedPValue().getAsDouble()).isCloseTo(0.0774849, CLOSE);
    }

    private static String entry(String segment, String adjustedPValue) {
        return "{\"segment\":" + segment + ",\"comparison\":{\"current\":0.75,\"baseline\":0.9,"
                + "\"standardError\":0.08496322733983215}" + adjustedPValue + "}";
    }

    static Stream<Arguments> contradictorySegmentComparisons() {
        String start = "{\"baseline\":\"team-lead\",\"correction\":\"holm\",\"entries\":[";
        return Stream.of(
                Arguments.of(start + entry("\"team-lead\"", "") + "]}", "/entries/0/segment", RuleCode.CONFLICT,
                        "must differ from the baseline"),
                Arguments.of(start + entry("\"ann\"", "") + "," + entry("\"ann\"", "") + "]}",
                        "/entries/1/segment", RuleCode.DUPLICATE, "must be unique within entries"),
                Arguments.of(start + entry("7", "") + "]}", "/entries/0/segment", RuleCode.TYPE,
                        "must be a segment key of the baseline's kind (String)"),
                Arguments.of(start + entry("{\"name\":\"ann\"}", "") + "]}", "/entries/0/segment", RuleCode.TYPE,
                        "must be a naturally ordered segment key"),
                Arguments.of(start + entry("\"ann\"", ",\"adjustedPValue\":0.9") + "]}",
                        "/entries/0/adjustedPValue", RuleCode.CONFLICT,
                        "must be the holm adjusted p-value of the comparisons, 0.0774"),
                Arguments.of(start + "{\"segment\":\"ann\"}]}", "/entries/0/comparison", RuleCode.REQUIRED,
                        "is required"),
                Arguments.of("{\"baseline\":\"team-lead\",\"entries\":[]}", "/correction", RuleCode.REQUIRED,
                        "is required"),
                Arguments.of("{\"correction\":\"none\",\"entries\":[]}", "/baseline", RuleCode.REQUIRED,
                        "is required"));
    }

    @ParameterizedTest
    @MethodSource("contradictorySegmentComparisons")
    void aSegmentComparisonThatContradictsItselfIsRefused(String json, String pointer, RuleCode code,
            String rule) {
        // Read as a raw SegmentComparison, so keys are whatever JSON gives (a string, a number, a map).
        assertThatThrownBy(() -> MAPPER.readValue(json, SegmentComparison.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(
                        e.getReadException().getProblems()).singleElement().satisfies(problem -> {
                            assertThat(problem.getPointer()).isEqualTo(pointer);
                            assertThat(problem.getCode()).isEqualTo(code);
                            assertThat(problem.getRule()).startsWith(rule);
                        }));
    }

    @Test
    void everyProblemOfASegmentComparisonIsReportedAtOnce() {
        String json = "{\n\"baseline\": \"team-lead\",\n\"correction\": \"bonferroni\",\n\"entries\": [\n"
                + entry("\"team-lead\"", "") + ",\n" + entry("\"ann\"", ",\"adjustedPValue\":\"high\"") + "\n]}";
        assertThatThrownBy(() -> MAPPER.readValue(json, BY_NAME))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    assertThat(e.getReadException().getProblems())
                            .extracting(ReadProblem::getPointer, ReadProblem::getCode, ReadProblem::getLine)
                            .containsExactly(tuple("/correction", RuleCode.FORMAT, 3L),
                                    tuple("/entries/0/segment", RuleCode.CONFLICT, 5L),
                                    tuple("/entries/1/adjustedPValue", RuleCode.TYPE, 6L));
                    assertThat(e.getLocation().getLineNr()).isEqualTo(3);
                });
    }

    @Test
    void theSchemaDescribesTheCorrectedValues() throws Exception {
        assertThat(ValuesSchemaTest.definition("trend").validate(MAPPER.readTree(
                MAPPER.writeValueAsString(csatTrend().withCorrection(Correction.HOLM))))).isEmpty();
        assertThat(ValuesSchemaTest.definition("segmentComparison").validate(MAPPER.readTree(
                MAPPER.writeValueAsString(agents(Correction.NONE))))).isEmpty();
        assertThat(ValuesSchemaTest.definition("trend").validate(MAPPER.readTree(
                trendWith("", "0.0774849")))).isNotEmpty();
    }
}
