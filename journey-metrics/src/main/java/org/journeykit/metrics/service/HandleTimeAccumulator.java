package org.journeykit.metrics.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates average handle time (AHT): {@code (talk + hold + after-contact work) / handled contacts}. Each
 * contact's handle time is added as one duration (for an {@link InteractionEvent}, its {@code duration}).
 *
 * <p>State: a count and an exact total (whole seconds and nanoseconds), constant memory. The count is at most
 * {@code Long.MAX_VALUE} and the total at most {@code Long.MAX_VALUE} seconds plus 999,999,999 nanoseconds (the
 * largest {@link Duration}); an add or merge that would pass either raises {@link MetricInputException}.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class HandleTimeAccumulator implements MetricAccumulator<HandleTimeAccumulator, Duration> {

    private static final String METRIC = "handle time";
    private static final int FORMAT_VERSION = 1;
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private long contacts;
    private long totalSeconds;
    private int totalNanos;

    private HandleTimeAccumulator() {
        // zero
    }

    /**
     * An empty accumulator: the identity of {@link #merge}. Handle time needs no configuration.
     *
     * @return a new accumulator, not null
     */
    public static HandleTimeAccumulator create() {
        return new HandleTimeAccumulator();
    }

    /**
     * Adds one contact's handle time.
     *
     * @param handleTime talk, hold and wrap-up time together, not null, not negative
     * @return this accumulator
     * @throws MetricInputException if the time is null or negative, or the count or the total would exceed its
     *     limit (see the class documentation); the state is unchanged
     */
    public HandleTimeAccumulator add(@Nullable Duration handleTime) {
        if (handleTime == null) {
            throw new MetricInputException("handleTime", null, "must not be null");
        }
        if (handleTime.isNegative()) {
            throw new MetricInputException("handleTime", handleTime, "must not be negative");
        }
        long newContacts = Checked.add(contacts, 1, METRIC);
        long carry = (long) totalNanos + handleTime.getNano() >= NANOS_PER_SECOND ? 1 : 0;
        long newSeconds = addSeconds(addSeconds(totalSeconds, handleTime.getSeconds()), carry);
        totalNanos = (int) (((long) totalNanos + handleTime.getNano()) % NANOS_PER_SECOND);
        totalSeconds = newSeconds;
        contacts = newContacts;
        return this;
    }

    private static long addSeconds(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw new MetricInputException(METRIC + " total", a + " s + " + b + " s",
                    "must not exceed " + Long.MAX_VALUE + " seconds (Long.MAX_VALUE, the largest Duration)");
        }
        return sum;
    }

    /**
     * Adds the duration of a handled interaction.
     *
     * @param event the event, not null, with a duration
     * @return this accumulator
     * @throws MetricInputException if the event is null or has no duration, or the count or the total would exceed
     *     its limit; the state is unchanged
     */
    public HandleTimeAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getDuration().orElseThrow(() -> new MetricInputException("event.duration", null,
                "must be set to count the event's handle time")));
    }

    /**
     * Adds another accumulator's contacts; merging an accumulator with itself doubles its count and total.
     *
     * @param other the other accumulator, not null; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws MetricInputException if the count or the total would exceed its limit; the state is unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public HandleTimeAccumulator merge(HandleTimeAccumulator other) {
        Objects.requireNonNull(other, "other");
        long newContacts = Checked.add(contacts, other.contacts, METRIC);
        long nanos = (long) totalNanos + other.totalNanos;
        long newSeconds = addSeconds(addSeconds(totalSeconds, other.totalSeconds), nanos / NANOS_PER_SECOND);
        contacts = newContacts;
        totalSeconds = newSeconds;
        totalNanos = (int) (nanos % NANOS_PER_SECOND);
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
     * The total handle time added, exact.
     *
     * @return the total, not null, not negative
     */
    public Duration total() {
        return Duration.ofSeconds(totalSeconds, totalNanos);
    }

    /**
     * The average handle time, {@code total / contacts}, rounded down to the nanosecond.
     *
     * @return the average, or empty when no contact was added; not null
     */
    @Override
    public Optional<Duration> result() {
        return contacts == 0 ? Optional.empty() : Optional.of(total().dividedBy(contacts));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: header {@code 'J' 'K'}, tag 6 (handle time), format
     * version 1, then the payload, big-endian:
     * <pre>
     * offset 4   contacts         long, 0 to Long.MAX_VALUE
     * offset 12  total seconds    long, 0 to Long.MAX_VALUE
     * offset 20  total nanoseconds int, 0 to 999,999,999
     * </pre>
     * 24 bytes in all. A state without contacts has a zero total.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        return StateWriter.start(StateTag.HANDLE_TIME, FORMAT_VERSION, 24)
                .writeLong(contacts)
                .writeLong(totalSeconds)
                .writeInt(totalNanos)
                .toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws StateFormatException if the bytes are not a handle-time state of a known version, or break a rule of
     *     the layout (a negative count or total, nanoseconds out of range, a total without contacts, bytes missing
     *     or left over)
     * @throws NullPointerException if {@code bytes} is null
     */
    public static HandleTimeAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.HANDLE_TIME, FORMAT_VERSION);
        long contacts = reader.readCount("contacts");
        int at = reader.offset();
        long seconds = reader.readCount("total seconds");
        int nanos = reader.readInt("total nanoseconds", 0, NANOS_PER_SECOND - 1);
        if (contacts == 0 && (seconds != 0 || nanos != 0)) {
            throw reader.problem(at, Duration.ofSeconds(seconds, nanos), "total must be zero without contacts");
        }
        reader.end();
        HandleTimeAccumulator accumulator = new HandleTimeAccumulator();
        accumulator.contacts = contacts;
        accumulator.totalSeconds = seconds;
        accumulator.totalNanos = nanos;
        return accumulator;
    }
}
