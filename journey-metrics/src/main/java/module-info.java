/**
 * JourneyKit metrics: mergeable calculators for survey, retention and service metrics.
 *
 * <p>Every metric is an accumulator (create, add, merge, result) with an immutable result value; see
 * {@link org.journeykit.metrics.MetricAccumulator}.
 */
module org.journeykit.metrics {
    requires transitive org.journeykit.core;
    // No "requires" for Hipparchus (optimisation, special functions, integration): its jars have no module name,
    // so jlink would refuse them. The build relocates the classes it uses into the concealed package
    // org.journeykit.metrics.internal.hipparchus of this jar (see journey-metrics/pom.xml); it is not exported.

    exports org.journeykit.metrics;
    exports org.journeykit.metrics.stats;
    exports org.journeykit.metrics.survey;
    exports org.journeykit.metrics.retention;
    exports org.journeykit.metrics.service;
    exports org.journeykit.metrics.breakdown;
    exports org.journeykit.metrics.experience;
    exports org.journeykit.metrics.lifetime;

    exports org.journeykit.metrics.journeys.actual;
    exports org.journeykit.metrics.journeys.funnel;
    exports org.journeykit.metrics.journeys.paths;
    exports org.journeykit.metrics.journeys.conformance;
    exports org.journeykit.metrics.journeys.attribution;
}
