package org.journeykit.examples.bench.journeys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneyStream;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.actual.ParallelJourneyStream;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.jspecify.annotations.Nullable;

/**
 * Journey analytics on {@code customers} customers with 10 events each (10 million events by default), against
 * DuckDB (in-process, in memory) running the equivalent SQL on the same rows, in the same run.
 *
 * <p>The rows are generated deterministically by a formula that Java and SQL both evaluate: for customer
 * {@code c} and event {@code i} (0..9), {@code h = (c * 2654435761 + i * 40503) mod 2^32}, the step is
 * {@code "s" + (h div 65536) mod 8} and the time is {@code i * 30 min + (h div 8) mod 20 min} (milliseconds), so a
 * customer's events are in {@code i} order without ties. From one event to the next the step stays or moves up by
 * one, so the funnel below converts: a simulation of the formula gives about 82 %, 70 % and 57 % of customers at
 * its three steps. (An earlier formula, {@code h mod 8}, made the steps fall by one per event, so no customer ever
 * reached s1 within the window and the funnel measured nothing past its first step.) The setup checks that DuckDB's
 * funnel counts equal the library's and that customers reach the last step.
 *
 * <p>The funnel is {@code s0 > s1 > s2} within 2 hours, unique customers, loose order. Its SQL finds, per
 * occurrence of s0, the earliest s1 after it within the window and the earliest s2 after that s1 within the
 * window, and takes each customer's furthest level: the library's rule for unique customers.
 *
 * <p>The funnel from raw events is measured twice: on the adding thread ({@link ActualJourneyStream}) and with
 * the chunks evaluated by worker threads, one per available processor ({@link ParallelJourneyStream}); DuckDB runs
 * with its default threads (one per processor) in the same run.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench -pl journey-examples -am verify -DskipTests -Dbench.args=JourneyAnalytics}.
 * A smoke run without JMH, on few customers, checking that DuckDB and every library variant agree:
 * {@link #main(String[])}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class JourneyAnalyticsBenchmark {

    private static final int EVENTS_PER_CUSTOMER = 10;
    private static final long WINDOW_MILLIS = 7_200_000L;
    private static final Funnel FUNNEL = Funnel.of(List.of("s0", "s1", "s2"), Duration.ofMillis(WINDOW_MILLIS));

    private static final String EVENTS_SQL = "CREATE TABLE events AS SELECT c AS customer, i AS seq, "
            + "'s' || CAST((((c * 2654435761 + i * 40503) % 4294967296) // 65536) % 8 AS VARCHAR) AS step, "
            + "i * 1800000 + (((c * 2654435761 + i * 40503) % 4294967296) // 8) % 1200000 AS ts "
            + "FROM range({customers}) a(c), range(10) b(i)";

    private static final String FUNNEL_SQL = "WITH a AS (SELECT customer, seq AS p0, ts AS t0 FROM events "
            + "WHERE step = 's0'), "
            + "b AS (SELECT a.customer, a.p0, a.t0, min(e.seq) AS p1 FROM a LEFT JOIN events e "
            + "ON e.customer = a.customer AND e.step = 's1' AND e.seq > a.p0 AND e.ts - a.t0 <= 7200000 "
            + "GROUP BY a.customer, a.p0, a.t0), "
            + "c AS (SELECT b.customer, min(e.seq) AS p2, b.p1 FROM b LEFT JOIN events e "
            + "ON e.customer = b.customer AND e.step = 's2' AND e.seq > b.p1 AND e.ts - b.t0 <= 7200000 "
            + "GROUP BY b.customer, b.p0, b.p1), "
            + "l AS (SELECT customer, max(CASE WHEN p2 IS NOT NULL THEN 3 WHEN p1 IS NOT NULL THEN 2 ELSE 1 END) "
            + "AS level FROM c GROUP BY customer) "
            + "SELECT count(*) FILTER (WHERE level >= 1), count(*) FILTER (WHERE level >= 2), "
            + "count(*) FILTER (WHERE level >= 3) FROM l";

    private static final String DFG_SQL = "SELECT step, nxt, count(*) FROM (SELECT step, lead(step) OVER "
            + "(PARTITION BY customer ORDER BY seq) AS nxt FROM events) WHERE nxt IS NOT NULL GROUP BY step, nxt";

    private static final String VARIANTS_SQL = "SELECT path, count(*) FROM (SELECT customer, "
            + "string_agg(step, '>' ORDER BY seq) AS path FROM events GROUP BY customer) GROUP BY path";

    /** How many customers; each has 10 events. */
    @Param({"1000000"})
    public int customers;

    private String[] customerIds = new String[0];
    private String[] stepNames = new String[0];
    private ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
            .result();
    private @Nullable Connection duckdb;

    /** Creates the benchmark state; JMH calls {@link #setUp()} before measuring. */
    public JourneyAnalyticsBenchmark() {}

    /**
     * Generates the rows, builds the actual journeys and loads DuckDB, then checks both give the same funnel.
     *
     * @throws SQLException if DuckDB fails
     * @throws IllegalStateException if DuckDB and the library disagree
     */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        customerIds = new String[customers];
        for (int c = 0; c < customers; c++) {
            customerIds[c] = "c" + c;
        }
        stepNames = new String[8];
        for (int s = 0; s < 8; s++) {
            stepNames[s] = "s" + s;
        }
        journeys = buildJourneys();
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb().createStatement()) {
            statement.execute(EVENTS_SQL.replace("{customers}", Integer.toString(customers)));
        }
        long[] sql = duckdbFunnelCounts();
        if (sql[2] == 0) {
            throw new IllegalStateException("nobody reaches the funnel's last step: the data measure nothing");
        }
        for (FunnelResult ours : List.of(funnel(), funnelFromRawEvents(), funnelFromRawEventsInParallel())) {
            for (int k = 0; k < 3; k++) {
                if (sql[k] != ours.steps().get(k).entered()) {
                    throw new IllegalStateException("DuckDB and JourneyKit disagree on step " + k + ": " + sql[k]
                            + " vs " + ours.steps().get(k).entered());
                }
            }
        }
    }

    /**
     * Closes DuckDB.
     *
     * @throws SQLException if closing fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (duckdb != null) {
            duckdb.close();
        }
    }

    private ActualJourneys buildJourneys() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int c = 0; c < customers; c++) {
            for (int i = 0; i < EVENTS_PER_CUSTOMER; i++) {
                long h = (c * 2654435761L + i * 40503L) % 4294967296L;
                builder.addMillis(customerIds[c], i * 1_800_000L + (h / 8) % 1_200_000L, stepNames[(int) ((h >>> 16) % 8)]);
            }
        }
        return builder.result();
    }

    /**
     * Groups, orders and encodes the 10 million events into actual journeys, holding them all (the batch builder,
     * for events in any order).
     *
     * @return the journeys
     */
    @Benchmark
    public ActualJourneys actualJourneys() {
        return buildJourneys();
    }

    /**
     * End to end from the raw rows, as DuckDB starts: the 10 million events, grouped by customer, stream into
     * actual journeys chunk by chunk and on into the funnel; nothing is kept per event.
     *
     * @return the funnel result
     */
    @Benchmark
    public FunnelResult funnelFromRawEvents() {
        FunnelAccumulator funnel = FunnelAccumulator.create(FUNNEL);
        try (ActualJourneyStream stream = ActualJourneyStream.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                funnel::add)) {
            addRawEvents(stream);
        }
        return funnel.result().orElseThrow();
    }

    /**
     * The same end to end from the raw rows, with the chunks ordered and evaluated by worker threads (one per
     * available processor), each into its own funnel accumulator, merged at the end; the adding thread only groups
     * the events into chunks.
     *
     * @return the funnel result
     */
    @Benchmark
    public FunnelResult funnelFromRawEventsInParallel() {
        ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(
                EventMapping.by(EventMapping.Source.TOUCHPOINT), () -> FunnelAccumulator.create(FUNNEL),
                FunnelAccumulator::add);
        try (stream) {
            for (int c = 0; c < customers; c++) {
                for (int i = 0; i < EVENTS_PER_CUSTOMER; i++) {
                    long h = (c * 2654435761L + i * 40503L) % 4294967296L;
                    stream.addMillis(customerIds[c], i * 1_800_000L + (h / 8) % 1_200_000L,
                            stepNames[(int) ((h >>> 16) % 8)]);
                }
            }
        }
        return stream.accumulator().result().orElseThrow();
    }

    /**
     * End to end from the raw rows: variants and the directly-follows graph, streaming.
     *
     * @return the path result
     */
    @Benchmark
    public PathResult variantsAndDirectlyFollowsGraphFromRawEvents() {
        PathAccumulator paths = PathAccumulator.create();
        try (ActualJourneyStream stream = ActualJourneyStream.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                paths::add)) {
            addRawEvents(stream);
        }
        return paths.result().orElseThrow();
    }

    private void addRawEvents(ActualJourneyStream stream) {
        for (int c = 0; c < customers; c++) {
            for (int i = 0; i < EVENTS_PER_CUSTOMER; i++) {
                long h = (c * 2654435761L + i * 40503L) % 4294967296L;
                stream.addMillis(customerIds[c], i * 1_800_000L + (h / 8) % 1_200_000L, stepNames[(int) ((h >>> 16) % 8)]);
            }
        }
    }

    /**
     * The funnel s0 &gt; s1 &gt; s2 within 2 hours, unique customers, loose order.
     *
     * @return the funnel result
     */
    @Benchmark
    public FunnelResult funnel() {
        return FunnelAccumulator.create(FUNNEL).add(journeys).result().orElseThrow();
    }

    /**
     * Variants and the directly-follows graph, computed together in one pass.
     *
     * @return the path result
     */
    @Benchmark
    public PathResult variantsAndDirectlyFollowsGraph() {
        return PathAccumulator.create().add(journeys).result().orElseThrow();
    }

    /**
     * The same funnel in DuckDB SQL, on the same rows.
     *
     * @return the per-step counts
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public long[] duckdbFunnel() throws SQLException {
        return duckdbFunnelCounts();
    }

    /**
     * The directly-follows counts in DuckDB SQL (window function lead), on the same rows.
     *
     * @return the number of edges
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public long duckdbDirectlyFollows() throws SQLException {
        return countRows(DFG_SQL);
    }

    /**
     * The variant counts in DuckDB SQL (ordered string_agg per customer, then group by), on the same rows.
     *
     * @return the number of variants
     * @throws SQLException if DuckDB fails
     */
    @Benchmark
    public long duckdbVariants() throws SQLException {
        return countRows(VARIANTS_SQL);
    }

    /**
     * A smoke run without JMH: sets up on few customers (which checks that DuckDB and the library agree on the
     * funnel, sequential and parallel), runs every benchmark once and prints its time. Not a measurement.
     *
     * @param args the number of customers, default 20,000
     * @throws SQLException if DuckDB fails
     */
    public static void main(String[] args) throws SQLException {
        JourneyAnalyticsBenchmark benchmark = new JourneyAnalyticsBenchmark();
        benchmark.customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        benchmark.setUp();
        try {
            time("actualJourneys", benchmark::actualJourneys);
            time("funnelFromRawEvents", benchmark::funnelFromRawEvents);
            time("funnelFromRawEventsInParallel", benchmark::funnelFromRawEventsInParallel);
            time("variantsAndDirectlyFollowsGraphFromRawEvents",
                    benchmark::variantsAndDirectlyFollowsGraphFromRawEvents);
            time("funnel", benchmark::funnel);
            time("variantsAndDirectlyFollowsGraph", benchmark::variantsAndDirectlyFollowsGraph);
            time("duckdbFunnel", benchmark::duckdbFunnelCounts);
            time("duckdbDirectlyFollows", () -> benchmark.countRows(DFG_SQL));
            time("duckdbVariants", () -> benchmark.countRows(VARIANTS_SQL));
        } finally {
            benchmark.tearDown();
        }
    }

    /** One benchmark body, for the smoke run. */
    private interface Body {
        Object run() throws SQLException;
    }

    private static void time(String name, Body body) throws SQLException {
        long start = System.nanoTime();
        Object result = body.run();
        System.out.printf(java.util.Locale.ROOT, "%-46s %8.1f ms  %s%n", name, (System.nanoTime() - start) / 1e6,
                result instanceof long[] counts ? java.util.Arrays.toString(counts)
                        : result instanceof FunnelResult funnel ? funnel.steps().stream().map(s -> s.entered()).toList()
                        : result.getClass().getSimpleName());
    }

    private Connection duckdb() {
        Connection connection = duckdb;
        if (connection == null) {
            throw new IllegalStateException("setUp() has not run");
        }
        return connection;
    }

    private long[] duckdbFunnelCounts() throws SQLException {
        try (Statement statement = duckdb().createStatement(); ResultSet rows = statement.executeQuery(FUNNEL_SQL)) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
        }
    }

    private long countRows(String sql) throws SQLException {
        long count = 0;
        try (Statement statement = duckdb().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                count++;
            }
        }
        return count;
    }
}
