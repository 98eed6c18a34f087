/**
 * JourneyKit metrics: mergeable calculators for survey, retention and service metrics.
 */
module org.journeykit.metrics {
    requires transitive org.journeykit.core;

    exports org.journeykit.metrics.journeys.actual;
    exports org.journeykit.metrics.journeys.funnel;
    exports org.journeykit.metrics.journeys.paths;
    exports org.journeykit.metrics.journeys.conformance;
    exports org.journeykit.metrics.journeys.attribution;
}
