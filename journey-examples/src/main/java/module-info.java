/**
 * JourneyKit examples: runnable programs that show each capability on realistic data, and the JMH benchmarks
 * ({@code org.journeykit.examples.bench}).
 */
module org.journeykit.examples {
    requires org.journeykit.core;
    requires org.journeykit.metrics;
    requires org.journeykit.io;
    requires java.sql;
    requires jmh.core;
    requires java.management;
    // The event-format benchmark's plain baselines: Jackson's CSV parser and the JDK's StAX parser.
    requires com.fasterxml.jackson.dataformat.csv;
    requires java.xml;
}
