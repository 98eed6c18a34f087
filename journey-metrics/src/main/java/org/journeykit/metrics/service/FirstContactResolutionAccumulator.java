package org.journeykit.metrics.service;

import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Proportion;

/**
 * Accumulates first-contact resolution (FCR): the share of issues resolved at the first contact, among all
 * resolved-or-closed issues, {@code FCR = issues resolved with one contact / issues}. The result is a
 * {@link Proportion}, with a Wilson interval and a two-proportion comparison.
 *
 * <p>State: two counts (constant memory).
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class FirstContactResolutionAccumulator
        implements MetricAccumulator<FirstContactResolutionAccumulator, Proportion> {

    private long issues;
    private long resolvedAtFirstContact;

    /** Creates an empty accumulator: the identity of {@link #merge}. */
    public FirstContactResolutionAccumulator() {
        // zero counts
    }

    /**
     * Counts one issue.
     *
     * @param resolvedAtFirstContact whether the first contact resolved it
     * @return this accumulator
     */
    public FirstContactResolutionAccumulator add(boolean resolvedAtFirstContact) {
        issues++;
        if (resolvedAtFirstContact) {
            this.resolvedAtFirstContact++;
        }
        return this;
    }

    /**
     * Counts one issue by the number of contacts it took.
     *
     * @param contacts the number of contacts until resolution, at least 1
     * @return this accumulator
     * @throws MetricInputException if contacts is below 1; the state is unchanged
     */
    public FirstContactResolutionAccumulator addContacts(int contacts) {
        if (contacts < 1) {
            throw new MetricInputException("contacts", contacts, "must be at least 1");
        }
        return add(contacts == 1);
    }

    /**
     * Adds another accumulator's counts.
     *
     * @param other the other accumulator, not null; it is not changed
     * @return this accumulator
     */
    @Override
    public FirstContactResolutionAccumulator merge(FirstContactResolutionAccumulator other) {
        issues += other.issues;
        resolvedAtFirstContact += other.resolvedAtFirstContact;
        return this;
    }

    /**
     * The FCR rate: successes are issues resolved at the first contact, trials all issues.
     *
     * @return the proportion, or empty when no issue was added
     */
    @Override
    public Optional<Proportion> result() {
        return issues == 0 ? Optional.empty() : Optional.of(Proportion.of(resolvedAtFirstContact, issues));
    }
}
