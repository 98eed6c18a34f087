package org.journeykit.spark.example;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.spark.JourneyKitFunctions;
import org.journeykit.spark.JourneyTables;
import org.journeykit.spark.SparkJourneys;

/**
 * Runs JourneyKit inside a local Spark session: NPS per channel in SQL, a month rolled up from daily states, and
 * the shop funnel and cohorts over an events Dataset. It generates seeded sample data (survey answers of March 2026
 * and shop events), so it needs no files.
 *
 * <p>Run it from the repository root with
 * {@code ./mvnw -B -q -pl journey-spark -am -DskipTests package exec:exec}.
 */
public final class SparkExample {

    private static final String[] CHANNELS = {"web", "phone", "chat", "store"};
    private static final String[] STEPS = {"home", "search", "product", "cart", "checkout", "paid"};

    private SparkExample() {}

    /**
     * Starts a local session, runs the examples and prints their results.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("journeykit-example")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark) {
        JourneyKitFunctions.register(spark);
        answers(spark, 20_000).createOrReplaceTempView("answers");

        System.out.println("NPS per channel, from raw rows:");
        spark.sql("SELECT channel, round(r.score, 1) AS nps, round(r.wald_lower, 1) AS lower, "
                + "round(r.wald_upper, 1) AS upper, r.responses FROM (SELECT channel, nps(score) AS r FROM answers "
                + "GROUP BY channel) ORDER BY channel").show();

        // A nightly job stores one binary state per channel and day; the month is merged from those states alone.
        spark.sql("SELECT channel, day, nps_state(score) AS nps FROM answers GROUP BY channel, day")
                .createOrReplaceTempView("daily_nps");
        System.out.println("NPS per channel for March 2026, merged from " + spark.table("daily_nps").count()
                + " daily states:");
        spark.sql("SELECT channel, round(nps_result(nps_merge(nps)).score, 1) AS nps FROM daily_nps "
                + "GROUP BY channel ORDER BY channel").show();

        SparkJourneys journeys = SparkJourneys.of(events(spark, 50_000), "customer_id", "event_time", "touchpoint");
        Funnel shop = Funnel.of(List.of("search", "product", "cart", "checkout", "paid"), Duration.ofDays(1));
        FunnelResult funnel = journeys.funnel(shop).orElseThrow();
        System.out.println("Shop funnel (" + funnel.converted() + " of " + funnel.steps().get(0).entered()
                + " customers paid):");
        JourneyTables.funnel(spark, funnel).show();

        System.out.println("Monthly cohorts:");
        journeys.cohorts(CohortDefinition.MONTHLY_UTC).ifPresent(table -> JourneyTables.cohorts(spark, table)
                .orderBy("cohort", "offset").show(12));
    }

    private static Dataset<Row> answers(SparkSession spark, int count) {
        Random random = new Random(2026);
        StructType schema = new StructType().add("channel", DataTypes.StringType).add("day", DataTypes.DateType)
                .add("score", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int channel = random.nextInt(CHANNELS.length);
            int score = Math.min(10, random.nextInt(11) + channel);
            rows.add(RowFactory.create(CHANNELS[channel],
                    java.sql.Date.valueOf(LocalDate.of(2026, 3, 1 + random.nextInt(31))), score));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Dataset<Row> events(SparkSession spark, int customers) {
        Random random = new Random(7);
        StructType schema = new StructType().add("customer_id", DataTypes.StringType)
                .add("event_time", DataTypes.TimestampType).add("touchpoint", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        Instant start = LocalDate.of(2026, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int c = 0; c < customers; c++) {
            Instant time = start.plusSeconds(random.nextInt(90 * 86_400));
            int at = 0;
            for (int e = 1 + random.nextInt(8); e > 0; e--) {
                at = Math.max(0, Math.min(STEPS.length - 1, at + random.nextInt(3) - (random.nextInt(4) == 0 ? 1
                        : 0)));
                rows.add(RowFactory.create("c" + c, Timestamp.from(time), STEPS[at]));
                time = time.plusSeconds(random.nextInt(3_600));
            }
        }
        return spark.createDataFrame(rows, schema);
    }
}
