package org.journeykit.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.Granularity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Monthly cohort retention (classic and unbounded) over 10 million events of 1 million customers: the library,
 * a hand-written array baseline, and DuckDB running the same computation as SQL over the same rows (query time
 * only; the load is timed in set-up and printed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CohortBenchmark {

    /**
     * The SQL: distinct (customer, month) activity, each customer's first and last month, classic counts per
     * cohort and offset, and the spans (last - first) from which unbounded counts follow.
     */
    static final String QUERY = "WITH act AS (SELECT DISTINCT customer, date_trunc('month', ts) AS m FROM events), "
            + "firsts AS (SELECT customer, min(m) AS cohort, max(m) AS last FROM act GROUP BY customer) "
            + "SELECT 'active' AS kind, f.cohort, datediff('month', f.cohort, a.m) AS k, count(*) AS n "
            + "FROM act a JOIN firsts f USING (customer) GROUP BY ALL "
            + "UNION ALL SELECT 'span', cohort, datediff('month', cohort, last), count(*) FROM firsts GROUP BY ALL";

    /** Creates the benchmark (JMH instantiates it). */
    public CohortBenchmark() {
        // state lives in the nested State classes
    }

    /** The events as two primitive arrays. */
    @State(Scope.Benchmark)
    public static class Events {

        long[] customers = new long[0];
        long[] times = new long[0];

        /** Creates the state (JMH instantiates it). */
        public Events() {
            // filled in setUp
        }

        /** Generates the events with a fixed seed. */
        @Setup
        public void setUp() {
            CohortEvents events = new CohortEvents();
            customers = events.customers;
            times = events.times;
        }
    }

    /** The same events loaded into an in-memory DuckDB table {@code events(customer BIGINT, ts TIMESTAMP)}. */
    @State(Scope.Benchmark)
    public static class DuckDb {

        Connection connection;

        /** Creates the state (JMH instantiates it). */
        public DuckDb() {
            // opened in setUp
        }

        /**
         * Writes the events to a CSV file, loads it into DuckDB and prints the load time.
         *
         * @throws SQLException if DuckDB fails
         * @throws IOException if the temporary file cannot be written
         */
        @Setup(Level.Trial)
        public void setUp() throws SQLException, IOException {
            CohortEvents events = new CohortEvents();
            Path csv = Files.createTempFile("journeykit-cohort-events", ".csv");
            try {
                try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
                    for (int i = 0; i < CohortEvents.EVENTS; i++) {
                        writer.write(Long.toString(events.customers[i]));
                        writer.write(',');
                        writer.write(Long.toString(events.times[i]));
                        writer.write('\n');
                    }
                }
                connection = DriverManager.getConnection("jdbc:duckdb:");
                long start = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE events AS SELECT customer, epoch_ms(ts) AS ts FROM read_csv('"
                            + csv.toAbsolutePath() + "', header = false, "
                            + "columns = {'customer': 'BIGINT', 'ts': 'BIGINT'})");
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                System.out.println("DuckDB load of " + CohortEvents.EVENTS + " rows from CSV: " + millis + " ms");
            } finally {
                Files.deleteIfExists(csv);
            }
        }

        /**
         * Closes the connection.
         *
         * @throws SQLException if closing fails
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    /**
     * Baseline: customers are dense indexes into a {@code long[]} of month bits; the month comes from a binary
     * search over the 13 month boundaries of 2025 (UTC); then classic and unbounded counts per cohort.
     *
     * @param events the events
     * @return the counts, so the work is not eliminated
     */
    @Benchmark
    public long[][] baselineArrays(Events events) {
        long[] bounds = new long[13];
        for (int m = 0; m <= 12; m++) {
            bounds[m] = Instant.parse(String.format("%04d-%02d-01T00:00:00Z", 2025 + m / 12, m % 12 + 1))
                    .toEpochMilli();
        }
        long[] bits = new long[CohortEvents.CUSTOMERS];
        long[] customers = events.customers;
        long[] times = events.times;
        for (int i = 0; i < customers.length; i++) {
            int month = Arrays.binarySearch(bounds, times[i]);
            if (month < 0) {
                month = -month - 2;
            }
            bits[(int) customers[i]] |= 1L << month;
        }
        long[][] counts = new long[24][12];
        for (long b : bits) {
            if (b == 0) {
                continue;
            }
            int first = Long.numberOfTrailingZeros(b);
            int last = 63 - Long.numberOfLeadingZeros(b);
            counts[12 + first][last - first]++;
            for (long rest = b; rest != 0; rest &= rest - 1) {
                counts[first][Long.numberOfTrailingZeros(rest) - first]++;
            }
        }
        return counts;
    }

    /**
     * The library's accumulator over the same arrays.
     *
     * @param events the events
     * @return the cohort table
     */
    @Benchmark
    public Optional<CohortTable> accumulator(Events events) {
        return CohortRetentionAccumulator.create(new CohortDefinition(Granularity.MONTH, ZoneOffset.UTC))
                .addAll(events.customers, events.times).result();
    }

    /**
     * DuckDB running {@link #QUERY} and reading every result row.
     *
     * @param duckDb the loaded database
     * @return a checksum of the result
     * @throws SQLException if the query fails
     */
    @Benchmark
    public long duckDbSql(DuckDb duckDb) throws SQLException {
        long checksum = 0;
        try (Statement statement = duckDb.connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                checksum += rows.getLong(3) * 31 + rows.getLong(4);
            }
        }
        return checksum;
    }

}
