package org.journeykit.metrics.journeys.paths;

import java.util.List;
import java.util.Objects;

/**
 * One variant: a distinct ordered sequence of steps, how many journeys followed it, and their share.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param steps the steps of the variant, in order, not null, not empty; copied unmodifiable
 * @param count how many journeys followed exactly this sequence, one or more
 * @param share the variant's share of all journeys: count divided by the number of journeys, in (0, 1]
 */
public record Variant(List<String> steps, long count, double share) {

    /**
     * Checks and copies the components.
     *
     * @param steps the steps, as described on the record
     * @param count the count, as described on the record
     * @param share the share, as described on the record
     * @throws NullPointerException if the steps or one of them is null
     * @throws IllegalArgumentException if the steps are empty, the count is below 1 or the share is not in (0, 1]
     */
    public Variant {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a variant needs at least one step");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a variant count must be at least 1: " + count);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a variant share must be in (0, 1]: " + share);
        }
    }

    /**
     * The variant as text.
     *
     * @return the steps joined with {@code " > "} and the count, for example {@code "a > b x2"}, not null
     */
    @Override
    public String toString() {
        return String.join(" > ", steps) + " x" + count;
    }
}
