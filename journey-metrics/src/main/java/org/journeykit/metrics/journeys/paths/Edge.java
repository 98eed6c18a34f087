package org.journeykit.metrics.journeys.paths;

import java.time.Duration;
import java.util.Objects;

/**
 * One edge of a directly-follows graph: how often step {@code to} directly followed step {@code from} inside a
 * journey, and the total time between the two events over all those occurrences.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param from the step the edge leaves, not null
 * @param to the step the edge enters, not null
 * @param count how many times {@code to} directly followed {@code from}, one or more
 * @param totalTime the sum of the times from the {@code from} event to the {@code to} event over all occurrences,
 *     whole milliseconds, zero or more, not null
 */
public record Edge(String from, String to, long count, Duration totalTime) {

    /**
     * Checks the components.
     *
     * @param from the from, as described on the record
     * @param to the to, as described on the record
     * @param count the count, as described on the record
     * @param totalTime the total time, as described on the record
     * @throws NullPointerException if a step or the total time is null
     * @throws IllegalArgumentException if the count is below 1 or the total time is negative
     */
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(totalTime, "totalTime");
        if (count < 1) {
            throw new IllegalArgumentException("an edge count must be at least 1: " + count);
        }
        if (totalTime.isNegative()) {
            throw new IllegalArgumentException("an edge's total time must not be negative: " + totalTime);
        }
    }

    /**
     * The mean time from the {@code from} event to the {@code to} event, rounded down to the millisecond.
     *
     * @return the total time's milliseconds divided by the count, zero or more, not null
     */
    public Duration meanTime() {
        return Duration.ofMillis(totalTime.toMillis() / count);
    }

    /**
     * The edge as text.
     *
     * @return for example {@code "a -> b x3"}, not null
     */
    @Override
    public String toString() {
        return from + " -> " + to + " x" + count;
    }
}
