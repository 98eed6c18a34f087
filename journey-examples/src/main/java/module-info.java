/**
 * JourneyKit examples: runnable programs that show each capability on realistic data. (The JMH benchmarks are a
 * separate source set of this project, {@code src/bench/java}, outside this module.)
 */
module org.journeykit.examples {
    requires org.journeykit.core;
    requires org.journeykit.metrics;
    requires org.journeykit.io;
}
