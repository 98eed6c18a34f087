package org.journeykit.metrics.journeys.conformance;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Conformance aggregated over many actual journeys: where the real journey leaves the map.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConformanceSummary {

    private final long journeys;
    private final double contentScore;
    private final double sequenceScore;
    private final OptionalDouble timingScore;
    private final List<TouchpointDeviations> touchpoints;
    private final Map<String, Long> adHoc;

    ConformanceSummary(long journeys, double contentScore, double sequenceScore, OptionalDouble timingScore,
            List<TouchpointDeviations> touchpoints, Map<String, Long> adHoc) {
        this.journeys = journeys;
        this.contentScore = contentScore;
        this.sequenceScore = sequenceScore;
        this.timingScore = timingScore;
        this.touchpoints = List.copyOf(touchpoints);
        this.adHoc = adHoc;
    }

    /**
     * How many journeys were checked.
     *
     * @return the count, zero or more
     */
    public long journeyCount() {
        return journeys;
    }

    /**
     * The mean content score over the journeys.
     *
     * @return in [0, 1]; 0 when no journey was checked
     */
    public double meanContentScore() {
        return contentScore;
    }

    /**
     * The mean sequence score over the journeys.
     *
     * @return in [0, 1]; 0 when no journey was checked
     */
    public double meanSequenceScore() {
        return sequenceScore;
    }

    /**
     * The mean timing score over the journeys that have one.
     *
     * @return in [0, 1], or empty when no journey could be checked for timing
     */
    public OptionalDouble meanTimingScore() {
        return timingScore;
    }

    /**
     * Deviation counts per planned touchpoint.
     *
     * @return one entry per planned touchpoint, in plan order, unmodifiable, not null
     */
    public List<TouchpointDeviations> touchpoints() {
        return touchpoints;
    }

    /**
     * In how many journeys each ad-hoc (unplanned) step occurred.
     *
     * @return step to journey count, ordered by step, unmodifiable, not null
     */
    public Map<String, Long> adHocCounts() {
        return adHoc;
    }
}
