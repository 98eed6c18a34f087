package org.journeykit.metrics.journeys.conformance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Conformance aggregated over many actual journeys: where the real journey leaves the map.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param journeyCount how many journeys were checked, one or more
 * @param meanContentScore the mean content score over the journeys, in [0, 1]
 * @param meanSequenceScore the mean sequence score over the journeys, in [0, 1]
 * @param meanTimingScore the mean timing score over the journeys that have one, in [0, 1], or empty when no
 *     journey could be checked for timing, not null
 * @param touchpoints deviation counts per planned touchpoint, one per planned touchpoint in plan order, not null;
 *     copied unmodifiable
 * @param adHocCounts in how many journeys each ad-hoc (unplanned) step occurred, not null; copied unmodifiable,
 *     ordered by step
 */
public record ConformanceSummary(long journeyCount, double meanContentScore, double meanSequenceScore,
        OptionalDouble meanTimingScore, List<TouchpointDeviations> touchpoints, Map<String, Long> adHocCounts) {

    /**
     * Checks and copies the components.
     *
     * @param journeyCount the journey count, as described on the record
     * @param meanContentScore the mean content score, as described on the record
     * @param meanSequenceScore the mean sequence score, as described on the record
     * @param meanTimingScore the mean timing score, as described on the record
     * @param touchpoints the touchpoints, as described on the record
     * @param adHocCounts the ad hoc counts, as described on the record
     * @throws NullPointerException if a component, an element, a key or a value is null
     * @throws IllegalArgumentException if the journey count is below 1 or a score is outside [0, 1]
     */
    public ConformanceSummary {
        if (journeyCount < 1) {
            throw new IllegalArgumentException("a conformance summary needs at least one journey: " + journeyCount);
        }
        Objects.requireNonNull(meanTimingScore, "meanTimingScore");
        if (!isScore(meanContentScore) || !isScore(meanSequenceScore)
                || meanTimingScore.isPresent() && !isScore(meanTimingScore.getAsDouble())) {
            throw new IllegalArgumentException("scores must be in [0, 1]: " + meanContentScore + ", "
                    + meanSequenceScore + ", " + meanTimingScore);
        }
        touchpoints = List.copyOf(Objects.requireNonNull(touchpoints, "touchpoints"));
        TreeMap<String, Long> copy = new TreeMap<>();
        Objects.requireNonNull(adHocCounts, "adHocCounts").forEach((step, count) -> copy.put(
                Objects.requireNonNull(step, "adHocCounts"), Objects.requireNonNull(count, "adHocCounts")));
        adHocCounts = Collections.unmodifiableMap(copy);
    }

    private static boolean isScore(double score) {
        return score >= 0 && score <= 1;
    }
}
