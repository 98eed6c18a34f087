package org.journeykit.spark;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.observed.SurveyScale;
import org.journeykit.spark.internal.MergeAggregator;
import org.journeykit.spark.internal.MetricAggregator;
import org.journeykit.spark.internal.MetricFunction;
import org.journeykit.spark.internal.Metrics;
import org.journeykit.spark.internal.StateAggregator;

/**
 * JourneyKit's survey and service metrics as Spark SQL aggregate functions, registered on a session with one call:
 *
 * <pre>{@code
 * JourneyKitFunctions.register(spark);
 * spark.sql("SELECT channel, nps(score).score AS nps FROM answers GROUP BY channel").show();
 * }</pre>
 *
 * <p>Each metric {@code m} comes as four functions, like Spark's own {@code hll_sketch_agg} /
 * {@code hll_union_agg} / {@code hll_sketch_estimate}:
 * <ul>
 *   <li>{@code m(args)}: aggregate over raw rows, returning the result struct;</li>
 *   <li>{@code m_state(args)}: aggregate over raw rows, returning the accumulator's binary state (its
 *       {@code toBytes} form), to store for example per day;</li>
 *   <li>{@code m_merge(state)}: aggregate over stored states, returning the merged state (a month from its
 *       days, without the raw rows);</li>
 *   <li>{@code m_result(state)}: scalar, the result struct of a state.</li>
 * </ul>
 *
 * <table>
 *   <caption>The metrics and their arguments</caption>
 *   <tr><th>m</th><th>arguments</th><th>result struct</th></tr>
 *   <tr><td>nps</td><td>score: whole number 0-10</td><td>score, wald_lower, wald_upper, standard_error,
 *       effective_sample_size, responses, promoters, passives, detractors</td></tr>
 *   <tr><td>weighted_nps</td><td>score 0-10, weight: finite, not negative</td><td>as nps</td></tr>
 *   <tr><td>ces</td><td>answer: CES 2.0, 1-7 (higher is easier)</td><td>mean, mean_lower, mean_upper,
 *       standard_deviation, share_easy, share_difficult, net_ease, responses, distribution</td></tr>
 *   <tr><td>ces_v1</td><td>answer: CES 1.0, 1-5 (lower is easier)</td><td>as ces</td></tr>
 *   <tr><td>csat</td><td>answer: 1-5, satisfied from 4 (top two box)</td><td>share, wilson_lower,
 *       wilson_upper, successes (satisfied), trials (responses)</td></tr>
 *   <tr><td>first_contact_resolution</td><td>resolved: boolean</td><td>as csat</td></tr>
 *   <tr><td>handle_time</td><td>millis: handle time in milliseconds, not negative</td><td>mean_millis,
 *       total_millis, contacts</td></tr>
 *   <tr><td>resolution_time</td><td>millis: resolution time in milliseconds, not negative</td><td>count, exact,
 *       rank_error, mean_millis, min_millis, median_millis, p90_millis, p95_millis, p99_millis, max_millis</td></tr>
 *   <tr><td>contact_volume</td><td>time: timestamp, channel: string or null, reason: string or null</td>
 *       <td>total, hourly (24 counts, in the session time zone), by_weekday (Monday first), by_channel,
 *       by_reason</td></tr>
 *   <tr><td>repeat_purchase</td><td>customer_id: one row per purchase, not null</td><td>rate, customers,
 *       repeat_customers</td></tr>
 * </table>
 * Intervals are at the 95 % level. Scores given as DOUBLE or DECIMAL must be whole numbers. Over no rows the
 * result's values are null and its counts 0 (as {@code avg} is null over no rows).
 *
 * <p>Bad input (a null argument, an out-of-range score, a state of another metric or corrupted bytes) fails the
 * query; the {@code SparkException}'s cause chain holds a {@link SparkFunctionException} naming the function and the
 * library's rule.
 *
 * <p>The aggregation buffer holds the live accumulator; it is serialized (as the accumulator's byte form) only when
 * Spark moves it between stages, never per row, with either of Spark's serializers and no Kryo registration.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyKitFunctions {

    private JourneyKitFunctions() {}

    /**
     * Registers every function, with the default configurations above, as temporary functions of the session.
     * Contact volume counts hours and weekdays in the session time zone ({@code spark.sql.session.timeZone}) as it
     * is now.
     *
     * @param spark the session, not null
     * @return the names registered, in order, not null
     * @throws NullPointerException if {@code spark} is null
     */
    public static List<String> register(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        ZoneId zone = ZoneId.of(spark.conf().get("spark.sql.session.timeZone"));
        List<String> names = new ArrayList<>();
        for (MetricFunction<?> metric : Metrics.all(zone)) {
            names.addAll(register(spark, metric));
        }
        return List.copyOf(names);
    }

    /**
     * Registers the CES functions of a scale under another name ({@code name}, {@code name_state}, ...).
     *
     * @param spark the session, not null
     * @param name the function name, a SQL identifier, not null
     * @param scale the CES scale, not null
     * @return the names registered, not null
     * @throws NullPointerException if an argument is null
     */
    public static List<String> registerCes(SparkSession spark, String name, CesScale scale) {
        return register(spark, Metrics.ces(Objects.requireNonNull(name, "name"), Objects.requireNonNull(scale,
                "scale")));
    }

    /**
     * Registers the CSAT functions of a definition under another name ({@code name}, {@code name_state}, ...).
     *
     * @param spark the session, not null
     * @param name the function name, a SQL identifier, not null
     * @param scale the answer scale, not null
     * @param threshold the lowest answer that counts as satisfied, on the scale
     * @return the names registered, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.metrics.MetricInputException if the threshold is not on the scale
     */
    public static List<String> registerCsat(SparkSession spark, String name, SurveyScale scale, int threshold) {
        return register(spark, Metrics.csat(Objects.requireNonNull(name, "name"), scale, threshold));
    }

    /**
     * The aggregate over raw rows of a registered metric, for the Dataset API, such as
     * {@code answers.groupBy("channel").agg(JourneyKitFunctions.aggregate("nps").apply(col("score")))}.
     *
     * @param name the metric's SQL name, such as {@code "nps"}, not null
     * @return the function, not null
     * @throws IllegalArgumentException if no metric has that name
     */
    public static UserDefinedFunction aggregate(String name) {
        return aggregate(metric(name));
    }

    private static MetricFunction<?> metric(String name) {
        return Metrics.all(ZoneId.of("UTC")).stream().filter(metric -> metric.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no JourneyKit metric named " + name));
    }

    private static <A extends MetricAccumulator<A, ?>> UserDefinedFunction aggregate(MetricFunction<A> metric) {
        return functions.udaf(new MetricAggregator<>(metric), Encoders.row(metric.input())).withName(metric.name());
    }

    private static <A extends MetricAccumulator<A, ?>> List<String> register(SparkSession spark,
            MetricFunction<A> metric) {
        String name = metric.name();
        spark.udf().register(name, aggregate(metric));
        spark.udf().register(name + "_state",
                functions.udaf(new StateAggregator<>(metric), Encoders.row(metric.input())));
        spark.udf().register(name + "_merge", functions.udaf(new MergeAggregator<>(metric), Encoders.BINARY()));
        String result = name + "_result";
        spark.udf().register(result, (UDF1<byte[], Row>) state -> metric.result(metric.read(state, result)),
                metric.output());
        return List.of(name, name + "_state", name + "_merge", result);
    }
}
