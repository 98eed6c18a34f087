package org.journeykit.metrics.journeys.paths;

import java.time.Duration;

/**
 * One edge of a directly-follows graph: how often step {@code to} directly followed step {@code from} inside a
 * journey, and the mean time between the two events.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Edge {

    private final String from;
    private final String to;
    private final long count;
    private final long totalMillis;

    Edge(String from, String to, long count, long totalMillis) {
        this.from = from;
        this.to = to;
        this.count = count;
        this.totalMillis = totalMillis;
    }

    /**
     * The step the edge leaves.
     *
     * @return the step name, not null
     */
    public String from() {
        return from;
    }

    /**
     * The step the edge enters.
     *
     * @return the step name, not null
     */
    public String to() {
        return to;
    }

    /**
     * How many times {@code to} directly followed {@code from}.
     *
     * @return the count, one or more
     */
    public long count() {
        return count;
    }

    /**
     * The mean time from the {@code from} event to the {@code to} event, rounded down to the millisecond.
     *
     * @return the mean duration, zero or more, not null
     */
    public Duration meanTime() {
        return Duration.ofMillis(totalMillis / count);
    }

    @Override
    public String toString() {
        return from + " -> " + to + " x" + count;
    }
}
