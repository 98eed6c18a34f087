/**
 * JourneyKit examples: runnable programs that show each capability on realistic data.
 */
module org.journeykit.examples {
    requires org.journeykit.core;
    requires org.journeykit.metrics;
    requires org.journeykit.io;
}
