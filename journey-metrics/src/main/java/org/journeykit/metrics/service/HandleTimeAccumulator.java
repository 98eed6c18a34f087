package org.journeykit.metrics.service;

import java.time.Duration;
import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates average handle time (AHT): {@code (talk + hold + after-contact work) / handled contacts}. Each
 * contact's handle time is added as one duration (for an {@link InteractionEvent}, its {@code duration}).
 *
 * <p>State: a count and a sum of nanoseconds (constant memory).
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class HandleTimeAccumulator implements MetricAccumulator<HandleTimeAccumulator, Duration> {

    private long contacts;
    private Duration total = Duration.ZERO;

    /** Creates an empty accumulator: the identity of {@link #merge}. */
    public HandleTimeAccumulator() {
        // zero
    }

    /**
     * Adds one contact's handle time.
     *
     * @param handleTime talk, hold and wrap-up time together, not null, not negative
     * @return this accumulator
     * @throws MetricInputException if the time is null or negative; the state is unchanged
     */
    public HandleTimeAccumulator add(@Nullable Duration handleTime) {
        if (handleTime == null) {
            throw new MetricInputException("handleTime", null, "must not be null");
        }
        if (handleTime.isNegative()) {
            throw new MetricInputException("handleTime", handleTime, "must not be negative");
        }
        total = total.plus(handleTime);
        contacts++;
        return this;
    }

    /**
     * Adds the duration of a handled interaction.
     *
     * @param event the event, not null, with a duration
     * @return this accumulator
     * @throws MetricInputException if the event is null or has no duration; the state is unchanged
     */
    public HandleTimeAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getDuration().orElseThrow(() -> new MetricInputException("event.duration", null,
                "must be set to count the event's handle time")));
    }

    /**
     * Adds another accumulator's contacts.
     *
     * @param other the other accumulator, not null; it is not changed
     * @return this accumulator
     */
    @Override
    public HandleTimeAccumulator merge(HandleTimeAccumulator other) {
        total = total.plus(other.total);
        contacts += other.contacts;
        return this;
    }

    /**
     * The number of contacts added.
     *
     * @return the count, not negative
     */
    public long contacts() {
        return contacts;
    }

    /**
     * The total handle time added.
     *
     * @return the total, not null, not negative
     */
    public Duration total() {
        return total;
    }

    /**
     * The average handle time, {@code total / contacts}, truncated to the nanosecond.
     *
     * @return the average, or empty when no contact was added
     */
    @Override
    public Optional<Duration> result() {
        return contacts == 0 ? Optional.empty() : Optional.of(total.dividedBy(contacts));
    }
}
