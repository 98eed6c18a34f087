package org.journeykit.spark.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.spark.SparkJourneys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The funnel of {@link SparkJourneys} against the same first-entry funnel written in Spark SQL with window
 * functions, over cached events (10 events per customer). The target: at most the SQL's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"})
public class FunnelBenchmark {

    private static final List<String> STEPS = List.of("search", "product", "cart", "checkout");
    private static final long WINDOW_SECONDS = 86_400;

    /** Events; customers are a tenth of them. The figure is for 10 M events of 1 M customers. */
    @Param("10000000")
    public long events;

    private SparkSession spark;
    private Dataset<Row> table;
    private Funnel funnel;

    /** Starts Spark and caches the events: customer, time within 30 days, one of six steps. */
    @Setup(Level.Trial)
    public void setUp() {
        spark = SparkState.start();
        table = spark.sql("SELECT concat('c', CAST(id % " + (events / 10) + " AS STRING)) AS customer, "
                + "timestamp_seconds(1772323200 + pmod(hash(id), 2592000)) AS time, "
                + "element_at(array('home', 'search', 'product', 'cart', 'checkout', 'paid'), "
                + "CAST(pmod(hash(id, 3), 6) AS INT) + 1) AS step FROM range(" + events + ")").cache();
        table.createOrReplaceTempView("events");
        table.count();
        funnel = Funnel.of(STEPS, Duration.ofSeconds(WINDOW_SECONDS))
                .withCounting(Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY);
    }

    /** Stops Spark. */
    @TearDown(Level.Trial)
    public void tearDown() {
        spark.stop();
    }

    /**
     * JourneyKit's funnel: repartition by customer, stream each partition, merge the states.
     *
     * @return the result, against dead-code elimination
     */
    @Benchmark
    public Object journeyKitFunnel() {
        return SparkJourneys.of(table, "customer", "time", "step").funnel(funnel);
    }

    /**
     * The first-entry funnel in SQL: per customer, the first time of each step after the previous one within the
     * window, each a window function over the customer's events.
     *
     * @return the rows, against dead-code elimination
     */
    @Benchmark
    public Object sparkWindowFunnel() {
        return spark.sql("WITH s1 AS (SELECT customer, time, step, min(CASE WHEN step = 'search' THEN time END) "
                + "OVER (PARTITION BY customer) AS t1 FROM events), "
                + "s2 AS (SELECT *, min(CASE WHEN step = 'product' AND time >= t1 AND time <= t1 + INTERVAL "
                + WINDOW_SECONDS + " SECONDS THEN time END) OVER (PARTITION BY customer) AS t2 FROM s1), "
                + "s3 AS (SELECT *, min(CASE WHEN step = 'cart' AND time >= t2 AND time <= t1 + INTERVAL "
                + WINDOW_SECONDS + " SECONDS THEN time END) OVER (PARTITION BY customer) AS t3 FROM s2), "
                + "s4 AS (SELECT *, min(CASE WHEN step = 'checkout' AND time >= t3 AND time <= t1 + INTERVAL "
                + WINDOW_SECONDS + " SECONDS THEN time END) OVER (PARTITION BY customer) AS t4 FROM s3) "
                + "SELECT count(DISTINCT CASE WHEN t1 IS NOT NULL THEN customer END), "
                + "count(DISTINCT CASE WHEN t2 IS NOT NULL THEN customer END), "
                + "count(DISTINCT CASE WHEN t3 IS NOT NULL THEN customer END), "
                + "count(DISTINCT CASE WHEN t4 IS NOT NULL THEN customer END) FROM s4").collectAsList();
    }
}
