package org.journeykit.metrics.service;

import java.util.Objects;
import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.stats.Proportion;

/**
 * Accumulates first-contact resolution (FCR): the share of issues resolved at the first contact, among all
 * resolved-or-closed issues, {@code FCR = issues resolved with one contact / issues}. The result is a
 * {@link Proportion}, with a Wilson interval and a two-proportion comparison.
 *
 * <p>State: two counts (constant memory), each at most {@code Long.MAX_VALUE}; a count that would pass it raises
 * {@link MetricInputException}.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class FirstContactResolutionAccumulator
        implements MetricAccumulator<FirstContactResolutionAccumulator, Proportion> {

    private static final String METRIC = "first-contact resolution";
    private static final int FORMAT_VERSION = 1;

    private long issues;
    private long resolvedAtFirstContact;

    private FirstContactResolutionAccumulator() {
        // zero counts
    }

    /**
     * An empty accumulator: the identity of {@link #merge}. FCR needs no configuration.
     *
     * @return a new accumulator, not null
     */
    public static FirstContactResolutionAccumulator create() {
        return new FirstContactResolutionAccumulator();
    }

    /**
     * Counts one issue.
     *
     * @param resolvedAtFirstContact whether the first contact resolved it
     * @return this accumulator
     * @throws MetricInputException if the issue count would exceed {@code Long.MAX_VALUE}; the state is unchanged
     */
    public FirstContactResolutionAccumulator add(boolean resolvedAtFirstContact) {
        long newIssues = Checked.add(issues, 1, METRIC);
        issues = newIssues;
        if (resolvedAtFirstContact) {
            // Never overflows: resolvedAtFirstContact <= issues, which just grew without overflow.
            this.resolvedAtFirstContact++;
        }
        return this;
    }

    /**
     * Counts one issue by the number of contacts it took.
     *
     * @param contacts the number of contacts until resolution, at least 1
     * @return this accumulator
     * @throws MetricInputException if contacts is below 1, or the issue count would exceed {@code Long.MAX_VALUE};
     *     the state is unchanged
     */
    public FirstContactResolutionAccumulator addContacts(int contacts) {
        if (contacts < 1) {
            throw new MetricInputException("contacts", contacts, "must be at least 1");
        }
        return add(contacts == 1);
    }

    /**
     * Adds another accumulator's counts; merging an accumulator with itself doubles its counts.
     *
     * @param other the other accumulator, not null; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws MetricInputException if a count would exceed {@code Long.MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public FirstContactResolutionAccumulator merge(FirstContactResolutionAccumulator other) {
        Objects.requireNonNull(other, "other");
        long newIssues = Checked.add(issues, other.issues, METRIC);
        long newResolved = Checked.add(resolvedAtFirstContact, other.resolvedAtFirstContact, METRIC);
        issues = newIssues;
        resolvedAtFirstContact = newResolved;
        return this;
    }

    /**
     * The FCR rate: successes are issues resolved at the first contact, trials all issues.
     *
     * @return the proportion, or empty when no issue was added; not null
     */
    @Override
    public Optional<Proportion> result() {
        return issues == 0 ? Optional.empty() : Optional.of(Proportion.of(resolvedAtFirstContact, issues));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: header {@code 'J' 'K'}, tag 5 (first-contact
     * resolution), format version 1, then the payload, big-endian:
     * <pre>
     * offset 4   issues                    long, 0 to Long.MAX_VALUE
     * offset 12  resolved at first contact long, 0 to issues
     * </pre>
     * 20 bytes in all.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        return StateWriter.start(StateTag.FIRST_CONTACT_RESOLUTION, FORMAT_VERSION, 20)
                .writeLong(issues)
                .writeLong(resolvedAtFirstContact)
                .toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws StateFormatException if the bytes are not a first-contact resolution state of a known version, or
     *     break a rule of the layout (a negative count, more resolved issues than issues, bytes missing or left
     *     over)
     * @throws NullPointerException if {@code bytes} is null
     */
    public static FirstContactResolutionAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.FIRST_CONTACT_RESOLUTION, FORMAT_VERSION);
        long issues = reader.readCount("issues");
        long resolved = reader.readLong("resolved at first contact", 0, issues);
        reader.end();
        FirstContactResolutionAccumulator accumulator = new FirstContactResolutionAccumulator();
        accumulator.issues = issues;
        accumulator.resolvedAtFirstContact = resolved;
        return accumulator;
    }
}
