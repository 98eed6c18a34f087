package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.junit.jupiter.api.Test;

/** Golden JSON of results, and bad results refused with pointer, location and rule code. */
class ResultJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());

    @Test
    void anNpsResultIsWrittenWithItsCountsSharesAndScore() throws Exception {
        // 50 promoters, 30 passives, 20 detractors: p = 0.5, d = 0.2, NPS = 100 (p - d) = 30;
        // s^2 = p + d - (p - d)^2 = 0.61, SE = 100 sqrt(0.61 / 100) = 7.8102...
        String json = MAPPER.writeValueAsString(NpsResult.of(50, 30, 20));
        assertThat(json).isEqualTo("{\"promoters\":50,\"passives\":30,\"detractors\":20,\"weighted\":false,"
                + "\"promoterShare\":0.5,\"passiveShare\":0.3,\"detractorShare\":0.2,\"effectiveSampleSize\":100.0,"
                + "\"responses\":100,\"score\":30.0,\"standardError\":7.810249675906654}");
        assertThat(MAPPER.readValue(json, NpsResult.class)).isEqualTo(NpsResult.of(50, 30, 20));
    }

    @Test
    void derivedFieldsAreOptionalWhenRead() throws Exception {
        assertThat(MAPPER.readValue("{\"promoters\":50,\"passives\":30,\"detractors\":20,\"weighted\":false}",
                NpsResult.class)).isEqualTo(NpsResult.of(50, 30, 20));
        assertThat(MAPPER.readValue("{\"successes\":18,\"trials\":25}", Proportion.class))
                .isEqualTo(Proportion.of(18, 25));
    }

    @Test
    void aCsatTrendIsWrittenWithChangesAndComparisons() throws Exception {
        Map<PeriodKey, CsatResult> byQuarter = new TreeMap<>();
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1), CsatResult.of(30, 40));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 2), CsatResult.of(36, 40));
        Trend<CsatResult> trend = Trend.ofCsat(byQuarter);
        String json = MAPPER.writeValueAsString(trend);
        // 75% then 90%: change +15 points; pooled P = 66/80 = 0.825, SE = sqrt(0.825 x 0.175 x (2/40)) = 0.08496...
        assertThat(json).startsWith("{\"points\":[{\"period\":\"2026-Q1\",\"result\":{\"satisfied\":30,"
                + "\"responses\":40,\"share\":0.75},\"value\":75.0},{\"period\":\"2026-Q2\",\"result\":{\"satisfied\":36,"
                + "\"responses\":40,\"share\":0.9},\"value\":90.0,\"change\":15.0,\"comparison\":{\"current\":0.9,"
                + "\"baseline\":0.75,\"standardError\":0.0849");
        assertThat(MAPPER.readValue(json, new TypeReference<Trend<CsatResult>>() {})).isEqualTo(trend);
        assertThat(MAPPER.writeValueAsString(byQuarter)).startsWith("{\"2026-Q1\":{\"satisfied\":30,");
    }

    @Test
    void aBadResultIsRefusedWithEveryProblemItsPointerAndRuleCode() {
        String json = "{\n  \"promoters\": -1,\n  \"passives\": \"3\",\n  \"detractors\": 2,\n  \"weighted\": false,\n"
                + "  \"colour\": \"red\"\n}";
        assertThatThrownBy(() -> MAPPER.readValue(json, NpsResult.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    assertThat(e.getReadException().getProblems())
                            .extracting(ReadProblem::getPointer, ReadProblem::getCode, ReadProblem::getLine)
                            .containsExactly(tuple("/colour", RuleCode.UNKNOWN_FIELD, 6L),
                                    tuple("/passives", RuleCode.TYPE, 3L));
                    assertThat(e.getLocation().getLineNr()).isEqualTo(6);
                    assertThat(e.getPath()).extracting(r -> r.getFieldName()).containsExactly("colour");
                });
    }

    @Test
    void aFactoryRuleBecomesARangeProblemAtTheFieldItNames() {
        String json = "{\"promoters\": -1, \"passives\": 3, \"detractors\": 2, \"weighted\": false}";
        assertThatThrownBy(() -> MAPPER.readValue(json, NpsResult.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode,
                                ReadProblem::getRule, p -> p.getValue().orElse(null))
                        .containsExactly(tuple("/promoters", RuleCode.RANGE, "must not be negative", "-1")));
    }

    @Test
    void aResultInsideACallersObjectIsLocatedByItsWholePath() {
        String json = "{\"north\": {\"satisfied\": 5, \"responses\": 4}}";
        assertThatThrownBy(() -> MAPPER.readValue(json, new TypeReference<Map<String, CsatResult>>() {}))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> {
                    assertThat(e.getReadException().getProblems()).extracting(ReadProblem::getCode)
                            .containsExactly(RuleCode.RANGE);
                    assertThat(e.getPath()).extracting(r -> r.getFieldName()).startsWith("north");
                });
    }
}
