/**
 * JourneyKit metrics: mergeable calculators for survey, retention and service metrics.
 */
module org.journeykit.metrics {
    requires transitive org.journeykit.core;
}
