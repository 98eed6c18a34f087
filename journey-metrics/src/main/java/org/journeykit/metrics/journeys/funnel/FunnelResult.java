package org.journeykit.metrics.journeys.funnel;

import java.util.List;

/**
 * The result of a funnel: one {@link FunnelStep} per step, and how many customers or attempts were excluded.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelResult {

    private final Funnel funnel;
    private final List<FunnelStep> steps;
    private final long excluded;

    FunnelResult(Funnel funnel, List<FunnelStep> steps, long excluded) {
        this.funnel = funnel;
        this.steps = List.copyOf(steps);
        this.excluded = excluded;
    }

    /**
     * The funnel definition.
     *
     * @return the funnel, not null
     */
    public Funnel funnel() {
        return funnel;
    }

    /**
     * The figures per step, in funnel order.
     *
     * @return the steps, unmodifiable, as many as the funnel has
     */
    public List<FunnelStep> steps() {
        return steps;
    }

    /**
     * How many customers or attempts reached the last step.
     *
     * @return the count, zero or more
     */
    public long converted() {
        return steps.get(steps.size() - 1).entered();
    }

    /**
     * How many customers or attempts an exclusion step removed.
     *
     * @return the count, zero or more
     */
    public long excluded() {
        return excluded;
    }

    @Override
    public String toString() {
        return steps + (excluded > 0 ? " excluded " + excluded : "");
    }
}
