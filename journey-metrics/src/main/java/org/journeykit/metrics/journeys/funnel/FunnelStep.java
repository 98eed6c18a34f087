package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.journeykit.metrics.MetricInputException;

/**
 * The figures of one funnel step: how many customers (or attempts, with {@link Funnel.Counting#ALL_ATTEMPTS})
 * reached it, how many reached the previous and the first step, how many dropped off after it, the times to the
 * next step and what those who dropped off did next. The conversion rates are derived from the counts.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param step the step name, not null, not blank
 * @param entered how many reached this step, zero or more
 * @param previousStepEntered how many reached the previous step (for the first step: this step), at least
 *     {@code entered}
 * @param firstStepEntered how many reached the first step, at least {@code previousStepEntered}
 * @param droppedOff how many reached this step but not the next one, from zero to {@code entered}; zero for the last
 *     step
 * @param medianTimeToNext the nearest-rank median time from this step to the next among those who reached the next
 *     (the lower middle of an even count), not null; empty for the last step or when nobody reached the next step
 * @param meanTimeToNext the mean of the same times, rounded down to the millisecond, not null; empty when the
 *     median is
 * @param nextAfterDropOff what those who dropped off after this step did next: the step of the following event,
 *     or {@value #END}, to its count (at least 1), not null; copied, sorted by step name
 */
public record FunnelStep(String step, long entered, long previousStepEntered, long firstStepEntered,
        long droppedOff, Optional<Duration> medianTimeToNext, Optional<Duration> meanTimeToNext,
        SortedMap<String, Long> nextAfterDropOff) {

    /** The name used in {@link #nextAfterDropOff()} when the journey ended after the last matched step. */
    public static final String END = "(end)";

    /**
     * Checks and copies the figures.
     *
     * @param step the step name, not null, not blank
     * @param entered how many reached this step, zero or more
     * @param previousStepEntered how many reached the previous step, at least {@code entered}
     * @param firstStepEntered how many reached the first step, at least {@code previousStepEntered}
     * @param droppedOff how many reached this step but not the next one, from zero to {@code entered}
     * @param medianTimeToNext the median time to the next step, not null, possibly empty
     * @param meanTimeToNext the mean time to the next step, not null, empty exactly when the median is
     * @param nextAfterDropOff what those who dropped off did next, to its count, not null
     * @throws NullPointerException if an argument or a map key or value is null
     * @throws MetricInputException if the step is blank, a count is negative, the counts are not ordered as
     *     documented, a time is negative, or a drop-off count is below 1
     */
    public FunnelStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(medianTimeToNext, "medianTimeToNext");
        Objects.requireNonNull(meanTimeToNext, "meanTimeToNext");
        Objects.requireNonNull(nextAfterDropOff, "nextAfterDropOff");
        if (step.isBlank()) {
            throw new MetricInputException("step", step, "must not be blank");
        }
        if (entered < 0 || entered > previousStepEntered || previousStepEntered > firstStepEntered) {
            throw new MetricInputException("entered", entered + " of " + previousStepEntered + " of "
                    + firstStepEntered, "must be 0 <= entered <= previous step's <= first step's");
        }
        if (droppedOff < 0 || droppedOff > entered) {
            throw new MetricInputException("droppedOff", droppedOff, "must be from 0 to entered (" + entered + ")");
        }
        if (medianTimeToNext.isPresent() != meanTimeToNext.isPresent()
                || medianTimeToNext.filter(Duration::isNegative).isPresent()
                || meanTimeToNext.filter(Duration::isNegative).isPresent()) {
            throw new MetricInputException("timeToNext", medianTimeToNext + " / " + meanTimeToNext,
                    "median and mean must both be present or both empty, and not negative");
        }
        TreeMap<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, Long> entry : nextAfterDropOff.entrySet()) {
            long count = Objects.requireNonNull(entry.getValue(), "count");
            if (count < 1) {
                throw new MetricInputException("nextAfterDropOff", entry, "counts must be at least 1");
            }
            copy.put(Objects.requireNonNull(entry.getKey(), "step"), count);
        }
        nextAfterDropOff = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The share of those who reached the previous step that reached this one.
     *
     * @return from 0 to 1 (1 for the first step), or empty when nobody reached the previous step
     */
    public OptionalDouble conversionFromPrevious() {
        return previousStepEntered == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) entered / previousStepEntered);
    }

    /**
     * The share of those who reached the first step that reached this one.
     *
     * @return from 0 to 1, or empty when nobody reached the first step (every attempt was excluded)
     */
    public OptionalDouble conversionFromStart() {
        return firstStepEntered == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) entered / firstStepEntered);
    }
}
