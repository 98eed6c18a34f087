package org.journeykit.metrics.journeys.conformance;

import java.util.Objects;

/**
 * Aggregate deviation counts for one planned touchpoint over many actual journeys. Completed, failing and missing
 * add up to the journeys checked; out of order and late count among the journeys where the touchpoint occurred.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param touchpointId the planned touchpoint, not null
 * @param completed in how many journeys the touchpoint was completed, zero or more
 * @param failing in how many journeys the touchpoint occurred but failed or was abandoned every time, zero or more
 * @param missing in how many journeys the touchpoint was missing, zero or more
 * @param outOfOrder in how many journeys the touchpoint occurred out of plan order, zero or more
 * @param late in how many journeys the touchpoint took longer than planned, zero or more
 */
public record TouchpointDeviations(String touchpointId, long completed, long failing, long missing, long outOfOrder,
        long late) {

    /**
     * Checks the components.
     *
     * @param touchpointId the touchpoint id, as described on the record
     * @param completed the completed, as described on the record
     * @param failing the failing, as described on the record
     * @param missing the missing, as described on the record
     * @param outOfOrder the out of order, as described on the record
     * @param late the late, as described on the record
     * @throws NullPointerException if the touchpoint id is null
     * @throws IllegalArgumentException if a count is negative
     */
    public TouchpointDeviations {
        Objects.requireNonNull(touchpointId, "touchpointId");
        if (completed < 0 || failing < 0 || missing < 0 || outOfOrder < 0 || late < 0) {
            throw new IllegalArgumentException("deviation counts must not be negative: " + completed + ", " + failing
                    + ", " + missing + ", " + outOfOrder + ", " + late);
        }
    }

    /**
     * The counts as text.
     *
     * @return for example {@code "t1: completed 2, failing 0, missing 0, out of order 0, late 0"}, not null
     */
    @Override
    public String toString() {
        return touchpointId + ": completed " + completed + ", failing " + failing + ", missing " + missing
                + ", out of order " + outOfOrder + ", late " + late;
    }
}
