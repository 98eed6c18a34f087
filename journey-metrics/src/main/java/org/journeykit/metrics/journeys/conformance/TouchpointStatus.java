package org.journeykit.metrics.journeys.conformance;

/** What happened to a planned touchpoint in an actual journey. */
public enum TouchpointStatus {
    /** It occurred at least once with an outcome other than failed or abandoned (or with no outcome recorded). */
    COMPLETED,
    /** It occurred, but every occurrence failed or was abandoned. */
    FAILING,
    /** It did not occur. */
    MISSING
}
