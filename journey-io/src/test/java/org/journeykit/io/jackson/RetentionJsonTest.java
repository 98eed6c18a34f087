package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.retention.Cohort;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.PeriodRetention;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.junit.jupiter.api.Test;

/** Golden JSON of the retention results, worked by hand, and bad cohort tables refused where they are wrong. */
class RetentionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());

    private static Instant day(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    /**
     * Monthly cohorts in UTC of a: Jan, Feb, Apr; b: Jan, Mar; d: Jan; c: Feb, Mar (2026). January is period
     * (2026 - 1970) x 12 = 672, April 675. Jan cohort {a, b, d}: active +0 3, +1 1 (a), +2 1 (b), +3 1 (a); active
     * then or later 3, 2 (a, b), 2 (a, b), 1 (a). Feb cohort {c}: +0 1, +1 1; 3 offsets (Feb to Apr). Nobody started
     * in March or April: those cohorts are not written.
     */
    static final String TABLE = "{\"granularity\":\"month\",\"zone\":\"Z\",\"firstPeriod\":672,\"lastPeriod\":675,"
            + "\"periods\":4,\"customers\":4,\"cohorts\":["
            + "{\"period\":672,\"label\":\"2026-01\",\"start\":\"2026-01-01\",\"size\":3,\"offsets\":4,\"cells\":["
            + "{\"offset\":0,\"active\":3,\"activeOrLater\":3},{\"offset\":1,\"active\":1,\"activeOrLater\":2},"
            + "{\"offset\":2,\"active\":1,\"activeOrLater\":2},{\"offset\":3,\"active\":1,\"activeOrLater\":1}]},"
            + "{\"period\":673,\"label\":\"2026-02\",\"start\":\"2026-02-01\",\"size\":1,\"offsets\":3,\"cells\":["
            + "{\"offset\":0,\"active\":1,\"activeOrLater\":1},{\"offset\":1,\"active\":1,\"activeOrLater\":1}]}]}";

    private static CohortTable handExample() {
        return CohortRetentionAccumulator.create().add("a", day("2026-01-05")).add("a", day("2026-02-10"))
                .add("a", day("2026-04-02")).add("b", day("2026-01-31")).add("b", day("2026-03-31"))
                .add("d", day("2026-01-01")).add("c", day("2026-02-01")).add("c", day("2026-03-15")).result()
                .orElseThrow();
    }

    @Test
    void aCohortTableIsWrittenSparseWithItsCells() throws Exception {
        CohortTable table = handExample();
        assertThat(MAPPER.writeValueAsString(table)).isEqualTo(TABLE);
        assertThat(MAPPER.readValue(TABLE, CohortTable.class)).isEqualTo(table);
    }

    @Test
    void aCohortOnItsOwnCarriesItsGranularity() throws Exception {
        Cohort february = handExample().cohorts().get(1);
        String json = "{\"granularity\":\"month\",\"period\":673,\"label\":\"2026-02\",\"start\":\"2026-02-01\","
                + "\"size\":1,\"offsets\":3,\"cells\":[{\"offset\":0,\"active\":1,\"activeOrLater\":1},"
                + "{\"offset\":1,\"active\":1,\"activeOrLater\":1}]}";
        assertThat(MAPPER.writeValueAsString(february)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, Cohort.class)).isEqualTo(february);
    }

    @Test
    void aPeriodRetentionIsWrittenWithItsRatesWhenDefined() throws Exception {
        // S = 200, E = 180, N = 20: retention 100 (180 - 20) / 200 = 80 %, churn 20 %.
        assertThat(MAPPER.writeValueAsString(PeriodRetention.of(200, 180, 20))).isEqualTo(
                "{\"start\":200,\"end\":180,\"acquired\":20,\"retentionRate\":80.0,\"churnRate\":20.0}");
        // Nobody at the start: both rates undefined, left out.
        assertThat(MAPPER.writeValueAsString(PeriodRetention.of(0, 5, 5)))
                .isEqualTo("{\"start\":0,\"end\":5,\"acquired\":5}");
        assertThat(MAPPER.readValue("{\"start\":0,\"end\":5,\"acquired\":5}", PeriodRetention.class))
                .isEqualTo(PeriodRetention.of(0, 5, 5));
    }

    @Test
    void aRepeatPurchaseRateIsWrittenWithItsRate() throws Exception {
        // a buys twice, b once, c three times: 2 of 3 customers bought again.
        RepeatPurchaseAccumulator.Rate rate = RepeatPurchaseAccumulator.create().add("a").add("a").add("b").add("c")
                .add("c").add("c").result().orElseThrow();
        String json = "{\"customers\":3,\"repeatCustomers\":2,\"rate\":0.6666666666666666}";
        assertThat(MAPPER.writeValueAsString(rate)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, RepeatPurchaseAccumulator.Rate.class)).isEqualTo(rate);
    }

    @Test
    void cellsNoCustomersCouldMakeAreRefusedAtTheirCohort() {
        // The January cohort's second cell claims 4 customers active later, more than the 3 of the cohort.
        String json = TABLE.replace("{\"offset\":1,\"active\":1,\"activeOrLater\":2}",
                "{\"offset\":1,\"active\":1,\"activeOrLater\":4}");
        assertThatThrownBy(() -> MAPPER.readValue(json, CohortTable.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/cohorts/0", RuleCode.RANGE)));
    }

    @Test
    void aCohortAfterTheLastPeriodIsRefusedAtItsPeriod() {
        String json = TABLE.replace("\"period\":673", "\"period\":676");
        assertThatThrownBy(() -> MAPPER.readValue(json, CohortTable.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/cohorts/1/period", RuleCode.RANGE)));
    }
}
