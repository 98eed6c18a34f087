package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Daily states stored in a table and merged for the month equal the month computed from the raw rows. */
class RollUpTest {

    private final SparkSession spark = SharedSpark.session();

    @Test
    void monthFromDailyStatesEqualsMonthFromRawRows() {
        List<TestData.Answer> answers = TestData.answers(7L, 6_000);
        TestData.answerFrame(spark, answers, 3, 7L).createOrReplaceTempView("rollup_answers");
        // The daily table: one row of binary states per channel and day, as a nightly job would store them.
        spark.sql("SELECT channel, day, nps_state(score) AS nps, csat_state(csat) AS csat, "
                + "resolution_time_state(resolution_ms) AS rt, contact_volume_state(time, channel, NULL) AS cv, "
                + "weighted_nps_state(score, weight) AS wnps, repeat_purchase_state(customer) AS rp "
                + "FROM rollup_answers GROUP BY channel, day").localCheckpoint().createOrReplaceTempView("daily");
        assertThat(spark.table("daily").count()).isEqualTo(4 * 31);

        List<Row> fromStates = spark.sql("SELECT channel, nps_result(nps_merge(nps)), csat_result(csat_merge(csat)), "
                + "resolution_time_result(resolution_time_merge(rt)), contact_volume_result(contact_volume_merge(cv)), "
                + "weighted_nps_result(weighted_nps_merge(wnps)), repeat_purchase_result(repeat_purchase_merge(rp)) "
                + "FROM daily GROUP BY channel ORDER BY channel")
                .collectAsList();
        List<Row> fromRows = spark.sql("SELECT channel, nps(score), csat(csat), resolution_time(resolution_ms), "
                + "contact_volume(time, channel, NULL), weighted_nps(score, weight), "
                + "repeat_purchase(customer) "
                + "FROM rollup_answers GROUP BY channel ORDER BY channel").collectAsList();

        assertThat(fromStates).hasSize(4);
        for (int i = 0; i < fromStates.size(); i++) {
            Row states = fromStates.get(i);
            Row rows = fromRows.get(i);
            assertThat(states.getString(0)).isEqualTo(rows.getString(0));
            for (int column = 1; column <= 6; column++) {
                if (column == 3) {
                    // Resolution time below the exact limit per channel: exact, so the whole struct is equal.
                    assertThat(states.getStruct(column).getBoolean(1)).isTrue();
                }
                assertThat(states.getStruct(column)).as("column %d of %s", column, states.getString(0))
                        .isEqualTo(rows.getStruct(column));
            }
        }
    }
}
