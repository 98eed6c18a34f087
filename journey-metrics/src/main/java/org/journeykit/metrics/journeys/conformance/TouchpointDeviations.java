package org.journeykit.metrics.journeys.conformance;

/**
 * Aggregate deviation counts for one planned touchpoint over many actual journeys.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TouchpointDeviations {

    private final String touchpointId;
    private final long completed;
    private final long failing;
    private final long missing;
    private final long outOfOrder;
    private final long late;

    TouchpointDeviations(String touchpointId, long[] counts) {
        this.touchpointId = touchpointId;
        this.completed = counts[0];
        this.failing = counts[1];
        this.missing = counts[2];
        this.outOfOrder = counts[3];
        this.late = counts[4];
    }

    /**
     * The planned touchpoint.
     *
     * @return the touchpoint id, not null
     */
    public String touchpointId() {
        return touchpointId;
    }

    /**
     * In how many journeys the touchpoint was completed.
     *
     * @return the count, zero or more
     */
    public long completed() {
        return completed;
    }

    /**
     * In how many journeys the touchpoint occurred but failed or was abandoned every time.
     *
     * @return the count, zero or more
     */
    public long failing() {
        return failing;
    }

    /**
     * In how many journeys the touchpoint was missing.
     *
     * @return the count, zero or more
     */
    public long missing() {
        return missing;
    }

    /**
     * In how many journeys the touchpoint occurred out of plan order.
     *
     * @return the count, zero or more
     */
    public long outOfOrder() {
        return outOfOrder;
    }

    /**
     * In how many journeys the touchpoint took longer than planned.
     *
     * @return the count, zero or more
     */
    public long late() {
        return late;
    }

    @Override
    public String toString() {
        return touchpointId + ": completed " + completed + ", failing " + failing + ", missing " + missing
                + ", out of order " + outOfOrder + ", late " + late;
    }
}
