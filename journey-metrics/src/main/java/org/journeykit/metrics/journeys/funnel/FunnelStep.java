package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one funnel step.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelStep {

    /** The name used in {@link #nextAfterDropOff()} when the journey ended after the last matched step. */
    public static final String END = "(end)";

    private final String step;
    private final long entered;
    private final long previousEntered;
    private final long firstEntered;
    private final long droppedOff;
    private final Optional<Duration> medianTimeToNext;
    private final Optional<Duration> meanTimeToNext;
    private final Map<String, Long> nextAfterDropOff;

    FunnelStep(String step, long entered, long previousEntered, long firstEntered, long droppedOff,
            Optional<Duration> medianTimeToNext, Optional<Duration> meanTimeToNext,
            Map<String, Long> nextAfterDropOff) {
        this.step = step;
        this.entered = entered;
        this.previousEntered = previousEntered;
        this.firstEntered = firstEntered;
        this.droppedOff = droppedOff;
        this.medianTimeToNext = medianTimeToNext;
        this.meanTimeToNext = meanTimeToNext;
        this.nextAfterDropOff = nextAfterDropOff;
    }

    /**
     * The step name.
     *
     * @return the step, not null
     */
    public String step() {
        return step;
    }

    /**
     * How many customers (or attempts) reached this step.
     *
     * @return the count, zero or more
     */
    public long entered() {
        return entered;
    }

    /**
     * The share of those who reached the previous step that reached this one.
     *
     * @return in [0, 1]; 1 for the first step; 0 when nobody reached the previous step
     */
    public double conversionFromPrevious() {
        return previousEntered == 0 ? 0.0 : (double) entered / previousEntered;
    }

    /**
     * The share of those who reached the first step that reached this one.
     *
     * @return in [0, 1]; 0 when nobody entered the funnel
     */
    public double conversionFromStart() {
        return firstEntered == 0 ? 0.0 : (double) entered / firstEntered;
    }

    /**
     * How many reached this step but not the next one; zero for the last step.
     *
     * @return the count, zero or more
     */
    public long droppedOff() {
        return droppedOff;
    }

    /**
     * The median time from this step to the next among those who reached the next.
     *
     * @return the median, or empty for the last step or when nobody reached the next step
     */
    public Optional<Duration> medianTimeToNext() {
        return medianTimeToNext;
    }

    /**
     * The mean time from this step to the next among those who reached the next, rounded down to the millisecond.
     *
     * @return the mean, or empty for the last step or when nobody reached the next step
     */
    public Optional<Duration> meanTimeToNext() {
        return meanTimeToNext;
    }

    /**
     * What those who dropped off after this step did next: the step of the following event, or {@value #END}.
     *
     * @return step name to count, ordered by count (highest first) then name, unmodifiable, not null
     */
    public Map<String, Long> nextAfterDropOff() {
        return nextAfterDropOff;
    }

    @Override
    public String toString() {
        return step + ": entered " + entered + ", dropped off " + droppedOff;
    }
}
