package org.journeykit.metrics.journeys.paths;

import java.util.List;

/**
 * One variant: a distinct ordered sequence of steps, how many journeys followed it, and their share.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Variant {

    private final List<String> steps;
    private final long count;
    private final double share;

    Variant(List<String> steps, long count, double share) {
        this.steps = List.copyOf(steps);
        this.count = count;
        this.share = share;
    }

    /**
     * The steps of the variant, in order.
     *
     * @return the steps, unmodifiable, not empty
     */
    public List<String> steps() {
        return steps;
    }

    /**
     * How many journeys followed exactly this sequence.
     *
     * @return the count, one or more
     */
    public long count() {
        return count;
    }

    /**
     * The variant's share of all journeys.
     *
     * @return count divided by the number of journeys, in (0, 1]
     */
    public double share() {
        return share;
    }

    @Override
    public String toString() {
        return String.join(" > ", steps) + " x" + count;
    }
}
