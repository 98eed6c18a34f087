package org.journeykit.metrics;

import org.journeykit.error.JourneyKitException;

/**
 * Thrown when two accumulators with different configurations (scale, threshold, time zone, granularity) are
 * merged: their states do not describe the same quantity, so adding them would give a meaningless number.
 */
public class IncompatibleMergeException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param metric the metric being merged, such as {@code "CSAT"}, not null
     * @param mine this accumulator's configuration, not null
     * @param theirs the other accumulator's configuration, not null
     */
    public IncompatibleMergeException(String metric, Object mine, Object theirs) {
        super("cannot merge " + metric + " accumulators of different configurations: " + mine + " and " + theirs);
    }
}
