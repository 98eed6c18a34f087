package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;
import org.journeykit.spark.TestData.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every SQL function gives the single-JVM result of its accumulator over the same seeded rows, whatever the number of
 * partitions and the row order.
 */
class MetricFunctionsTest {

    private static final long SEED = 20_260_301L;
    /** More resolution times than the exact limit (4,096): the sketch's rank error applies. */
    private static final List<Answer> ANSWERS = TestData.answers(SEED, 12_000);

    private final SparkSession spark = SharedSpark.session();

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void everyFunctionPerChannelEqualsTheSingleJvmResult(int partitions) {
        Dataset<Row> answers = TestData.answerFrame(spark, ANSWERS, partitions, SEED + partitions);
        answers.createOrReplaceTempView("answers_" + partitions);
        List<Row> rows = spark.sql("SELECT channel, nps(score) AS nps, weighted_nps(score, weight) AS wnps, "
                + "ces(ces) AS ces, ces_v1(ces1) AS ces1, csat(csat) AS csat, "
                + "first_contact_resolution(resolved) AS fcr, handle_time(handle_ms) AS ht, "
                + "resolution_time(resolution_ms) AS rt, contact_volume(time, channel, NULL) AS cv, "
                + "repeat_purchase(customer) AS rp FROM answers_" + partitions + " GROUP BY channel").collectAsList();

        assertThat(rows).hasSize(TestData.CHANNELS.length);
        for (Row row : rows) {
            String channel = row.getString(0);
            List<Answer> mine = ANSWERS.stream().filter(a -> a.channel().equals(channel)).toList();
            assertNps(row.getStruct(1), mine);
            assertWeightedNps(row.getStruct(2), mine);
            assertCes(row.getStruct(3), mine, CesScale.CES_2_0, false);
            assertCes(row.getStruct(4), mine, CesScale.CES_1_0, true);
            assertCsat(row.getStruct(5), mine);
            assertFirstContactResolution(row.getStruct(6), mine);
            assertHandleTime(row.getStruct(7), mine);
            assertResolutionTime(row.getStruct(8), mine);
            assertContactVolume(row.getStruct(9), mine, channel);
            assertRepeatPurchase(row.getStruct(10), mine);
        }
        // All 12,000 times: more than the exact limit of 4,096, so the sketch answers.
        Row all = spark.sql("SELECT resolution_time(resolution_ms) FROM answers_" + partitions).first();
        assertThat(all.getStruct(0).getBoolean(1)).isFalse();
        assertResolutionTime(all.getStruct(0), ANSWERS);
    }

    @Test
    void resultsOverNoRowsAreNullWithZeroCounts() {
        Row row = spark.sql("SELECT nps(s), resolution_time(CAST(s AS BIGINT)) FROM VALUES (1) AS t(s) WHERE s > 1")
                .first();
        Row nps = row.getStruct(0);
        assertThat(nps.isNullAt(nps.fieldIndex("score"))).isTrue();
        assertThat(nps.getLong(nps.fieldIndex("responses"))).isZero();
        Row rt = row.getStruct(1);
        assertThat(rt.getLong(rt.fieldIndex("count"))).isZero();
        assertThat(rt.isNullAt(rt.fieldIndex("median_millis"))).isTrue();
    }

    @Test
    void handWorkedNpsOfFiveAnswers() {
        // 10 and 9 are promoters, 7 passive, 3 and 0 detractors: NPS = 100 (2/5 - 2/5) = 0;
        // s^2 = p + d - (p - d)^2 = 0.8, SE = 100 sqrt(0.8 / 5) = 40, Wald 95 %: +/- 1.959964 * 40 = 78.3986.
        Row nps = spark.sql("SELECT nps(s) FROM VALUES (10), (9), (7), (3), (0) AS t(s)").first().getStruct(0);
        assertThat(nps.getDouble(0)).isEqualTo(0.0);
        assertThat(nps.getDouble(nps.fieldIndex("standard_error"))).isCloseTo(40.0, within(1e-12));
        assertThat(nps.getDouble(nps.fieldIndex("wald_upper"))).isCloseTo(78.3986, within(1e-4));
        assertThat(nps.getLong(nps.fieldIndex("promoters"))).isEqualTo(2);
    }

    @Test
    void datasetApiAggregateEqualsSql() {
        Dataset<Row> answers = TestData.answerFrame(spark, ANSWERS, 2, SEED);
        Row viaApi = answers.agg(JourneyKitFunctions.aggregate("nps").apply(answers.col("score"))).first();
        NpsResult expected = NpsAccumulator.create().addAll(ANSWERS.stream().mapToInt(Answer::score)).result()
                .orElseThrow();
        assertThat(viaApi.getStruct(0).getDouble(0)).isEqualTo(expected.score());
    }

    static void assertNps(Row actual, List<Answer> answers) {
        NpsResult expected = NpsAccumulator.create().addAll(answers.stream().mapToInt(Answer::score)).result()
                .orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.score());
        assertThat(actual.getDouble(1)).isEqualTo(expected.wald(0.95).lower());
        assertThat(actual.getDouble(2)).isEqualTo(expected.wald(0.95).upper());
        assertThat(actual.getDouble(3)).isEqualTo(expected.standardError());
        assertThat(actual.getLong(5)).isEqualTo(answers.size());
        assertThat(List.of(actual.getLong(6), actual.getLong(7), actual.getLong(8)))
                .containsExactly(expected.promoters(), expected.passives(), expected.detractors());
    }

    private static void assertWeightedNps(Row actual, List<Answer> answers) {
        WeightedNpsAccumulator accumulator = WeightedNpsAccumulator.create();
        answers.forEach(a -> accumulator.add(a.score(), a.weight()));
        NpsResult expected = accumulator.result().orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.score());
        assertThat(actual.getDouble(4)).isEqualTo(expected.effectiveSampleSize());
        assertThat(actual.getDouble(1)).isEqualTo(expected.wald(0.95).lower());
    }

    private static void assertCes(Row actual, List<Answer> answers, CesScale scale, boolean v1) {
        CesResult expected = CesAccumulator.create(scale)
                .addAll(answers.stream().mapToInt(v1 ? Answer::ces1 : Answer::ces)).result().orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.mean());
        assertThat(actual.getDouble(1)).isEqualTo(expected.meanInterval(0.95).orElseThrow().lower());
        assertThat(actual.getDouble(6)).isEqualTo(expected.netEase());
        assertThat(actual.getLong(7)).isEqualTo(expected.responses());
        long[] distribution = CollectionConverters.asJava(actual.<Long>getSeq(8)).stream()
                .mapToLong(Long::longValue).toArray();
        assertThat(distribution).containsExactly(expected.distribution());
    }

    private static void assertCsat(Row actual, List<Answer> answers) {
        CsatResult expected = CsatAccumulator.create().addAll(answers.stream().mapToInt(Answer::csat)).result()
                .orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.share());
        assertThat(actual.getDouble(1)).isEqualTo(expected.wilson(0.95).lower());
        assertThat(actual.getDouble(2)).isEqualTo(expected.wilson(0.95).upper());
        assertThat(actual.getLong(3)).isEqualTo(expected.satisfied());
        assertThat(actual.getLong(4)).isEqualTo(expected.responses());
    }

    private static void assertFirstContactResolution(Row actual, List<Answer> answers) {
        FirstContactResolutionAccumulator accumulator = FirstContactResolutionAccumulator.create();
        answers.forEach(a -> accumulator.add(a.resolved()));
        Proportion expected = accumulator.result().orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.share());
        assertThat(actual.getLong(3)).isEqualTo(expected.successes());
        assertThat(actual.getLong(4)).isEqualTo(expected.trials());
    }

    private static void assertHandleTime(Row actual, List<Answer> answers) {
        HandleTimeAccumulator accumulator = HandleTimeAccumulator.create();
        answers.forEach(a -> accumulator.add(Duration.ofMillis(a.handleMillis())));
        Duration mean = accumulator.result().orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(mean.getSeconds() * 1000.0 + mean.getNano() / 1e6);
        assertThat(actual.getLong(1)).isEqualTo(answers.stream().mapToLong(Answer::handleMillis).sum());
        assertThat(actual.getLong(2)).isEqualTo(answers.size());
    }

    /** Count, mean, min and max exactly; percentiles within the sketch's stated rank error of the true rank. */
    private static void assertResolutionTime(Row actual, List<Answer> answers) {
        ResolutionTimeAccumulator accumulator = ResolutionTimeAccumulator.create();
        answers.forEach(a -> accumulator.addMillis(a.resolutionMillis()));
        ResolutionTimeResult expected = accumulator.result().orElseThrow();
        long[] sorted = answers.stream().mapToLong(Answer::resolutionMillis).sorted().toArray();
        assertThat(actual.getLong(0)).isEqualTo(sorted.length);
        assertThat(actual.getBoolean(1)).isEqualTo(expected.isExact());
        assertThat(actual.getDouble(3)).isEqualTo(expected.mean().getSeconds() * 1000.0
                + expected.mean().getNano() / 1e6);
        assertThat(actual.getLong(4)).isEqualTo(sorted[0]);
        assertThat(actual.getLong(9)).isEqualTo(sorted[sorted.length - 1]);
        double rankError = actual.getDouble(2);
        double[] quantiles = {0.5, 0.9, 0.95, 0.99};
        for (int i = 0; i < quantiles.length; i++) {
            long value = actual.getLong(5 + i);
            // The normalised rank of the returned value must lie within the rank error of q.
            int below = lowerBound(sorted, value);
            int atOrBelow = lowerBound(sorted, value + 1);
            double q = quantiles[i];
            assertThat(q).as("rank of p%s = %d", q, value)
                    .isBetween((double) below / sorted.length - rankError,
                            (double) atOrBelow / sorted.length + rankError);
        }
    }

    private static void assertContactVolume(Row actual, List<Answer> answers, String channel) {
        ContactVolumeAccumulator accumulator = ContactVolumeAccumulator.create(ZoneOffset.UTC);
        answers.forEach(a -> accumulator.add(a.time(), a.channel(), null));
        ContactVolume expected = accumulator.result().orElseThrow();
        assertThat(actual.getLong(0)).isEqualTo(expected.total());
        long[] hourly = CollectionConverters.asJava(actual.<Long>getSeq(1)).stream().mapToLong(Long::longValue)
                .toArray();
        assertThat(hourly).containsExactly(expected.hourly());
        Map<String, Long> byChannel = new HashMap<>(CollectionConverters.asJava(actual.<String, Long>getMap(3)));
        assertThat(byChannel).containsExactlyEntriesOf(new TreeMap<>(Map.of(channel, (long) answers.size())));
        assertThat(Arrays.stream(hourly).sum()).isEqualTo(answers.size());
    }

    private static void assertRepeatPurchase(Row actual, List<Answer> answers) {
        RepeatPurchaseAccumulator accumulator = RepeatPurchaseAccumulator.create();
        answers.forEach(a -> accumulator.add(a.customer()));
        RepeatPurchaseAccumulator.Rate expected = accumulator.result().orElseThrow();
        assertThat(actual.getDouble(0)).isEqualTo(expected.rate());
        assertThat(actual.getLong(1)).isEqualTo(expected.customers());
        assertThat(actual.getLong(2)).isEqualTo(expected.repeatCustomers()).isPositive();
    }

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
