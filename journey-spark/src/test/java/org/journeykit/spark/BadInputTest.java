package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input inside Spark fails the query with the library's typed error, naming the function and the rule. */
class BadInputTest {

    private final SparkSession spark = SharedSpark.session();

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("SELECT nps(s) FROM VALUES (9), (11) AS t(s)", "nps", "score", "11",
                        "must be an integer from 0 to 10 (NPS)"),
                Arguments.of("SELECT nps(s) FROM VALUES (9), (CAST(NULL AS INT)) AS t(s)", "nps", "score", null,
                        "must not be null"),
                Arguments.of("SELECT nps(s) FROM VALUES (9.5D) AS t(s)", "nps", "score", "9.5",
                        "must be a whole number"),
                Arguments.of("SELECT nps_state(s) FROM VALUES (-1) AS t(s)", "nps_state", "score", "-1",
                        "must be an integer from 0 to 10 (NPS)"),
                Arguments.of("SELECT weighted_nps(s, w) FROM VALUES (9, -1D) AS t(s, w)", "weighted_nps", "weight",
                        "-1.0", null),
                Arguments.of("SELECT ces(a) FROM VALUES (8) AS t(a)", "ces", "answer", "8", null),
                Arguments.of("SELECT csat(a) FROM VALUES (0) AS t(a)", "csat", "answer", "0", null),
                Arguments.of("SELECT resolution_time(m) FROM VALUES (-5L) AS t(m)", "resolution_time", null, "-5",
                        null),
                Arguments.of("SELECT contact_volume(t, 'web', '') FROM VALUES (TIMESTAMP'2026-03-01 10:00:00') "
                        + "AS v(t)", "contact_volume", "reason", "", "must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void badRowFailsTheQueryNamingFunctionAndRule(String sql, String function, String input, String value,
            String rule) {
        SparkFunctionException error = Failures.functionError(() -> spark.sql(sql).collect());
        assertThat(error.getFunction()).isEqualTo(function);
        assertThat(error.getCause()).isInstanceOf(MetricInputException.class);
        if (input != null) {
            assertThat(error.getInput()).isEqualTo(function + "(" + input + ")");
        }
        assertThat(error.getValue()).isEqualTo(value);
        if (rule != null) {
            assertThat(error.getRule()).isEqualTo(rule);
        }
        assertThat(error.getMessage()).startsWith(function + "(");
    }

    @Test
    void stateOfAnotherMetricFailsTheMerge() {
        SparkFunctionException error = Failures.functionError(() -> spark.sql(
                "SELECT csat_merge(st) FROM (SELECT nps_state(s) AS st FROM VALUES (9) AS t(s))").collect());
        assertThat(error.getFunction()).isEqualTo("csat_merge");
        assertThat(error.getCause()).isInstanceOf(StateFormatException.class);
        assertThat(((StateFormatException) error.getCause()).getOffset()).isEqualTo(2);
    }

    @Test
    void corruptedStateFailsTheResult() {
        // A valid NPS header ('J' 'K', tag 1, version 1) with a truncated payload.
        SparkFunctionException error = Failures.functionError(() -> spark.sql(
                "SELECT nps_result(X'4A4B0101000000')").collect());
        assertThat(error.getFunction()).isEqualTo("nps_result");
        assertThat(error.getCause()).isInstanceOf(StateFormatException.class);
        assertThat(((StateFormatException) error.getCause()).getAccumulator()).isEqualTo("NPS");
    }

    @Test
    void nullStateFailsTheMerge() {
        SparkFunctionException error = Failures.functionError(() -> spark.sql(
                "SELECT nps_merge(CAST(NULL AS BINARY))").collect());
        assertThat(error.getFunction()).isEqualTo("nps_merge");
        assertThat(error.getRule()).startsWith("must not be null");
    }

    @Test
    void stateOfAnotherScaleFailsTheMerge() {
        SparkFunctionException error = Failures.functionError(() -> spark.sql(
                "SELECT ces_merge(st) FROM (SELECT ces_v1_state(a) AS st FROM VALUES (2) AS t(a))").collect());
        assertThat(error.getFunction()).isEqualTo("ces_merge");
        assertThat(error.getRule()).isEqualTo("must have this function's configuration");
    }
}
