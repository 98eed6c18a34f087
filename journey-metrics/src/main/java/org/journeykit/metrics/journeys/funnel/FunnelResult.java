package org.journeykit.metrics.journeys.funnel;

import java.util.List;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;

/**
 * The result of a funnel: the funnel itself, one {@link FunnelStep} per step in funnel order, and how many customers
 * or attempts an exclusion step removed.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param funnel the funnel definition, not null
 * @param steps the figures per step, in funnel order, as many as the funnel has steps, not null; copied
 * @param excluded how many customers or attempts an exclusion step removed, zero or more
 */
public record FunnelResult(Funnel funnel, List<FunnelStep> steps, long excluded) {

    /**
     * Checks and copies the figures.
     *
     * @param funnel the funnel definition, not null
     * @param steps the figures per step, in funnel order, not null
     * @param excluded how many an exclusion step removed, zero or more
     * @throws NullPointerException if an argument or a step is null
     * @throws MetricInputException if the steps do not match the funnel's steps in number and name, or
     *     {@code excluded} is negative
     */
    public FunnelResult {
        Objects.requireNonNull(funnel, "funnel");
        steps = List.copyOf(steps);
        if (steps.size() != funnel.steps().size()) {
            throw new MetricInputException("steps", steps.size() + " steps",
                    "must be one per funnel step (" + funnel.steps().size() + ")");
        }
        for (int k = 0; k < steps.size(); k++) {
            if (!steps.get(k).step().equals(funnel.steps().get(k))) {
                throw new MetricInputException("steps[" + k + "]", steps.get(k).step(),
                        "must be the funnel's step '" + funnel.steps().get(k) + "'");
            }
        }
        if (excluded < 0) {
            throw new MetricInputException("excluded", excluded, "must not be negative");
        }
    }

    /**
     * How many customers or attempts reached the last step.
     *
     * @return the count, zero or more
     */
    public long converted() {
        return steps.get(steps.size() - 1).entered();
    }
}
