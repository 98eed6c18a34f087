package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void npsOfTenAnswers() {
        SparkSession spark = SharedSpark.session();
        Row row = spark.sql("SELECT nps(s) AS r FROM VALUES (10), (9), (7), (3), (0) AS t(s)").first();
        System.out.println(row);
        Row r = row.getStruct(0);
        assertThat(r.getDouble(0)).isEqualTo(0.0);
        Row merged = spark.sql("SELECT nps_result(nps_merge(st)) FROM (SELECT g, nps_state(s) st FROM VALUES "
                + "(1, 10), (1, 9), (2, 3) AS t(g, s) GROUP BY g)").first();
        System.out.println(merged);
        System.out.println(spark.sql("SELECT contact_volume(current_timestamp(), 'phone', null), "
                + "ces(5), csat(5), resolution_time(1000L), handle_time(5L), first_contact_resolution(true)").first());
    }
}
