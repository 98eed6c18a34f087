package org.journeykit.metrics.journeys.actual;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates interaction events into {@link ActualJourneys}: create, {@linkplain #add(InteractionEvent) add},
 * {@linkplain #merge(ActualJourneyBuilder) merge}, {@linkplain #result() result}.
 *
 * <p>Events are grouped by customer id. Within a customer they are ordered by time (millisecond precision; finer
 * parts of an instant are dropped). <b>Equal timestamps</b> are ordered by step name (lexicographic, by
 * {@link String#compareTo}), then by the order in which the events were added (for merged builders: this
 * builder's events before the other's). With a {@linkplain #create(EventMapping, Duration) inactivity period},
 * a customer's events are split into separate journeys wherever two consecutive events are more than that period
 * apart (a gap exactly equal to the period does not split).
 *
 * <p>Memory: one entry per customer holding a primitive array of times, of step codes and of outcomes (plus
 * durations once any event has one): about 13 bytes per event and no event objects are kept. Steps are
 * dictionary-coded as small ints.
 *
 * <p>A builder is not thread-safe; give each thread or partition its own and merge them. When partitions are
 * merged, a customer's events may come from several partitions.
 */
public final class ActualJourneyBuilder {

    static final byte NO_OUTCOME = 0;

    private final EventMapping mapping;
    private final long gapMillis;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final LinkedHashMap<String, Buffer> customers = new LinkedHashMap<>();
    private long added;
    private long skipped;
    private @Nullable String lastCustomer;
    private @Nullable Buffer lastBuffer;

    private ActualJourneyBuilder(EventMapping mapping, long gapMillis) {
        this.mapping = mapping;
        this.gapMillis = gapMillis;
    }

    /**
     * Creates an empty builder that keeps each customer's events in one journey.
     *
     * @param mapping how an event becomes a step, not null
     * @return the builder, not null
     * @throws NullPointerException if mapping is null
     */
    public static ActualJourneyBuilder create(EventMapping mapping) {
        return new ActualJourneyBuilder(Objects.requireNonNull(mapping, "mapping"), Long.MAX_VALUE);
    }

    /**
     * Creates an empty builder that splits a customer's events into separate journeys after a period of inactivity.
     *
     * @param mapping how an event becomes a step, not null
     * @param inactivity the longest gap inside one journey, positive, not null
     * @return the builder, not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyAnalyticsException if the period is zero or negative
     */
    public static ActualJourneyBuilder create(EventMapping mapping, Duration inactivity) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(inactivity, "inactivity");
        if (inactivity.isZero() || inactivity.isNegative()) {
            throw new JourneyAnalyticsException(-1, "the inactivity period must be positive", "was " + inactivity);
        }
        return new ActualJourneyBuilder(mapping, inactivity.toMillis());
    }

    /**
     * Adds one event, mapped to its step by this builder's {@link EventMapping}.
     *
     * @param event the event, not null
     * @return this builder
     * @throws NullPointerException if event is null
     * @throws JourneyAnalyticsException if a strict mapping cannot map the event (the message names its index)
     */
    public ActualJourneyBuilder add(InteractionEvent event) {
        Objects.requireNonNull(event, "event");
        long index = added++;
        String step = mapping.stepOf(event, index);
        if (step == null) {
            skipped++;
            return this;
        }
        byte outcome = event.getOutcome().map(o -> (byte) (o.ordinal() + 1)).orElse(NO_OUTCOME);
        long duration = event.getDuration().map(Duration::toMillis).orElse(-1L);
        append(event.getCustomerId(), event.getTime().toEpochMilli(), code(step), outcome, duration);
        return this;
    }

    /**
     * Adds one event given by its parts, bypassing the mapping: the hot path for bulk loads.
     *
     * @param customerId the customer, not null, not blank
     * @param time when the event happened, not null
     * @param step the step name (a touchpoint id, phase id, channel id or activity), not null, not blank
     * @return this builder
     * @throws JourneyAnalyticsException if the customer id or the step is null or blank, or the time is null
     *     (the message names the event's index)
     */
    public ActualJourneyBuilder add(@Nullable String customerId, @Nullable Instant time, @Nullable String step) {
        long index = added;
        if (time == null) {
            added++;
            throw new JourneyAnalyticsException(index, "every event needs a time", "time was missing");
        }
        return addMillis(customerId, time.toEpochMilli(), step);
    }

    /**
     * Adds one event given by its parts with the time in epoch milliseconds: the allocation-free hot path.
     *
     * @param customerId the customer, not null, not blank
     * @param epochMillis when the event happened, milliseconds since 1970-01-01T00:00Z
     * @param step the step name, not null, not blank
     * @return this builder
     * @throws JourneyAnalyticsException if the customer id or the step is null or blank (the message names the
     *     event's index)
     */
    public ActualJourneyBuilder addMillis(@Nullable String customerId, long epochMillis, @Nullable String step) {
        long index = added++;
        if (customerId == null || customerId.isBlank()) {
            throw new JourneyAnalyticsException(index, "every event needs a customer id", "customer id was missing");
        }
        if (step == null || step.isBlank()) {
            throw new JourneyAnalyticsException(index, "every event needs a step", "step was missing");
        }
        append(customerId, epochMillis, code(step), NO_OUTCOME, -1L);
        return this;
    }

    /**
     * Adds every event of another builder to this one, after this builder's own events.
     *
     * @param other the other builder, not null, not this builder, left unchanged
     * @return this builder
     * @throws NullPointerException if other is null
     * @throws JourneyAnalyticsException if the two builders split journeys by different inactivity periods
     */
    public ActualJourneyBuilder merge(ActualJourneyBuilder other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            throw new JourneyAnalyticsException(-1, "a builder cannot be merged into itself", "same instance");
        }
        if (other.gapMillis != gapMillis) {
            throw new JourneyAnalyticsException(-1, "merged builders must use the same inactivity period",
                    gapMillis + " ms and " + other.gapMillis + " ms");
        }
        int[] translate = new int[other.names.size()];
        for (int i = 0; i < translate.length; i++) {
            translate[i] = code(other.names.get(i));
        }
        for (Map.Entry<String, Buffer> entry : other.customers.entrySet()) {
            Buffer source = entry.getValue();
            for (int i = 0; i < source.size; i++) {
                append(entry.getKey(), source.times[i], translate[source.steps[i]], source.outcomes[i],
                        source.durations == null ? -1L : source.durations[i]);
            }
        }
        added += other.added;
        skipped += other.skipped;
        return this;
    }

    /**
     * How many events were offered, including skipped ones.
     *
     * @return the count, zero or more
     */
    public long eventCount() {
        return added;
    }

    /**
     * How many events a lenient mapping skipped because it could not map them.
     *
     * @return the count, zero or more
     */
    public long skippedCount() {
        return skipped;
    }

    /**
     * Sorts and splits the accumulated events into journeys. The builder stays usable.
     *
     * @return the journeys, customers in the order of their first added event, not null
     */
    public ActualJourneys result() {
        String[] dictionary = names.toArray(new String[0]);
        int[] rank = lexicalRanks(dictionary);
        long total = 0;
        for (Buffer buffer : customers.values()) {
            total += buffer.size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new JourneyAnalyticsException(-1, "at most 2^31 events fit in one result", total + " events");
        }
        int n = (int) total;
        int[] steps = new int[n];
        long[] times = new long[n];
        byte[] outcomes = new byte[n];
        long[] durations = null;
        List<String> journeyCustomers = new ArrayList<>();
        int[] starts = new int[16];
        int journeyCount = 0;
        int position = 0;
        int[] order = new int[16];
        for (Map.Entry<String, Buffer> entry : customers.entrySet()) {
            Buffer buffer = entry.getValue();
            if (buffer.size > order.length) {
                order = new int[Math.max(buffer.size, order.length * 2)];
            }
            sort(buffer, rank, order);
            for (int k = 0; k < buffer.size; k++) {
                int i = order[k];
                if (k == 0 || buffer.times[i] - times[position - 1] > gapMillis) {
                    if (journeyCount + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[journeyCount++] = position;
                    journeyCustomers.add(entry.getKey());
                }
                steps[position] = buffer.steps[i];
                times[position] = buffer.times[i];
                outcomes[position] = buffer.outcomes[i];
                if (buffer.durations != null) {
                    if (durations == null) {
                        durations = new long[n];
                        Arrays.fill(durations, -1L);
                    }
                    durations[position] = buffer.durations[i];
                }
                position++;
            }
        }
        starts[journeyCount] = position;
        return new ActualJourneys(dictionary, journeyCustomers.toArray(new String[0]),
                Arrays.copyOf(starts, journeyCount + 1), steps, times, outcomes, durations);
    }

    private int code(String step) {
        Integer code = codes.get(step);
        if (code == null) {
            code = names.size();
            codes.put(step, code);
            names.add(step);
        }
        return code;
    }

    private void append(String customerId, long millis, int step, byte outcome, long duration) {
        // Exports are often sorted by customer: reuse the previous event's buffer without a map lookup.
        Buffer buffer = lastBuffer;
        if (buffer == null || !customerId.equals(lastCustomer)) {
            buffer = customers.get(customerId);
            if (buffer == null) {
                buffer = new Buffer();
                customers.put(customerId, buffer);
            }
            lastCustomer = customerId;
            lastBuffer = buffer;
        }
        buffer.add(millis, step, outcome, duration);
    }

    private static int[] lexicalRanks(String[] dictionary) {
        Integer[] byName = new Integer[dictionary.length];
        for (int i = 0; i < byName.length; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> dictionary[a].compareTo(dictionary[b]));
        int[] rank = new int[dictionary.length];
        for (int r = 0; r < byName.length; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    /** Sorts the buffer's positions into order[0..size) by (time, step rank, position): a stable merge sort. */
    private static void sort(Buffer buffer, int[] rank, int[] order) {
        int n = buffer.size;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n < 2) {
            return;
        }
        if (n <= 32) {
            for (int i = 1; i < n; i++) {
                int value = order[i];
                int j = i - 1;
                while (j >= 0 && after(buffer, rank, order[j], value)) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = value;
            }
            return;
        }
        int[] scratch = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    scratch[k++] = after(buffer, rank, order[a], order[b]) ? order[b++] : order[a++];
                }
                while (a < mid) {
                    scratch[k++] = order[a++];
                }
                while (b < hi) {
                    scratch[k++] = order[b++];
                }
                System.arraycopy(scratch, lo, order, lo, hi - lo);
            }
        }
    }

    /** Whether position x sorts strictly after position y (ties on time and step keep input order). */
    private static boolean after(Buffer buffer, int[] rank, int x, int y) {
        long tx = buffer.times[x];
        long ty = buffer.times[y];
        if (tx != ty) {
            return tx > ty;
        }
        int rx = rank[buffer.steps[x]];
        int ry = rank[buffer.steps[y]];
        if (rx != ry) {
            return rx > ry;
        }
        return x > y;
    }

    static Outcome outcomeOf(byte code) {
        return Outcome.values()[code - 1];
    }

    /** One customer's events in input order, as parallel primitive arrays. */
    private static final class Buffer {
        long[] times = new long[4];
        int[] steps = new int[4];
        byte[] outcomes = new byte[4];
        long @Nullable [] durations;
        int size;

        void add(long millis, int step, byte outcome, long duration) {
            if (size == times.length) {
                int capacity = size * 2;
                times = Arrays.copyOf(times, capacity);
                steps = Arrays.copyOf(steps, capacity);
                outcomes = Arrays.copyOf(outcomes, capacity);
                if (durations != null) {
                    durations = Arrays.copyOf(durations, capacity);
                }
            }
            if (duration >= 0 && durations == null) {
                durations = new long[times.length];
                Arrays.fill(durations, -1L);
            }
            times[size] = millis;
            steps[size] = step;
            outcomes[size] = outcome;
            if (durations != null) {
                durations[size] = duration;
            }
            size++;
        }
    }
}
