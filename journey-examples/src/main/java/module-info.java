/**
 * JourneyKit examples: runnable programs that show each capability on realistic data.
 */
module org.journeykit.examples {
    requires org.journeykit.core;
    requires org.journeykit.metrics;
    requires org.journeykit.io;
    // JMH benchmarks; the DuckDB baseline is reached through JDBC (driver on the class path, bench profile).
    requires jmh.core;
    requires java.sql;
}
