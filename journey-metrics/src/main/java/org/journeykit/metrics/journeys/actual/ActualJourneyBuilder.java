package org.journeykit.metrics.journeys.actual;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.TimeLimits;
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
 * <p>Memory: the builder keeps every event, because events may arrive in any order: 17 bytes per event in
 * primitive columns (time, step code, customer number, outcome; 8 more once any event has a duration) plus one
 * map entry per customer; no event objects are kept. Steps are dictionary-coded as small ints. When the events
 * arrive grouped by customer (an export sorted by customer), {@link ActualJourneyStream} needs memory for the
 * current customers only.
 *
 * <p>A builder is not thread-safe; give each thread or partition its own and merge them. When partitions are
 * merged, a customer's events may come from several partitions.
 */
public final class ActualJourneyBuilder {

    static final byte NO_OUTCOME = 0;

    private final EventMapping mapping;
    private final long gapMillis;
    /** Whether the events arrive grouped by customer (the stream's chunks): a new run is a new customer. */
    private final boolean grouped;
    /** In grouped mode, the index of the first event of each customer's run. */
    private long[] firstIndex = new long[0];
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> customerNumbers = new HashMap<>();
    private final List<String> customerIds = new ArrayList<>();
    // The events in the order added, as columns.
    private long[] times = new long[64];
    private int[] steps = new int[64];
    private int[] customerOf = new int[64];
    private byte[] outcomes = new byte[64];
    private long @Nullable [] durations;
    private int size;
    private long added;
    private long skipped;
    private @Nullable String lastCustomer;
    private int lastNumber;

    private ActualJourneyBuilder(EventMapping mapping, long gapMillis, boolean grouped) {
        this.mapping = mapping;
        this.gapMillis = gapMillis;
        this.grouped = grouped;
    }

    /**
     * Creates an empty builder that keeps each customer's events in one journey.
     *
     * @param mapping how an event becomes a step, not null
     * @return the builder, not null
     * @throws NullPointerException if mapping is null
     */
    public static ActualJourneyBuilder create(EventMapping mapping) {
        return new ActualJourneyBuilder(Objects.requireNonNull(mapping, "mapping"), Long.MAX_VALUE, false);
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
            throw new JourneyAnalyticsException("the inactivity period must be positive", "was " + inactivity);
        }
        return new ActualJourneyBuilder(mapping, inactivity.toMillis(), false);
    }

    /**
     * Adds one event, mapped to its step by this builder's {@link EventMapping}.
     *
     * @param event the event, not null
     * @return this builder
     * @throws NullPointerException if event is null
     * @throws JourneyAnalyticsException if a strict mapping cannot map the event, or its step is longer than
     *     {@value ActualJourneys#MAX_STEP_LENGTH} characters (the message names its index)
     */
    public ActualJourneyBuilder add(InteractionEvent event) {
        Objects.requireNonNull(event, "event");
        long index = added++;
        String step = mapping.stepOf(event, index);
        if (step == null) {
            skipped++;
            return this;
        }
        long millis = event.getTime().toEpochMilli();
        check(index, millis, step);
        byte outcome = event.getOutcome().map(o -> (byte) (o.ordinal() + 1)).orElse(NO_OUTCOME);
        long duration = event.getDuration().map(Duration::toMillis).orElse(-1L);
        append(event.getCustomerId(), millis, code(step), outcome, duration);
        return this;
    }

    /**
     * Adds one event given by its parts, bypassing the mapping: the hot path for bulk loads.
     *
     * @param customerId the customer, not null, not blank
     * @param time when the event happened, not null
     * @param step the step name (a touchpoint id, phase id, channel id or activity), not null, not blank, at most
     *     {@value ActualJourneys#MAX_STEP_LENGTH} characters
     * @return this builder
     * @throws JourneyAnalyticsException if the customer id or the step is null or blank, the step is too long, or
     *     the time is null or outside {@link TimeLimits} (rule {@link TimeLimits#RULE}; the message names the
     *     event's index)
     */
    public ActualJourneyBuilder add(@Nullable String customerId, @Nullable Instant time, @Nullable String step) {
        long index = added;
        if (time == null) {
            added++;
            throw new JourneyAnalyticsException(index, "every event needs a time", "time was missing");
        }
        if (!TimeLimits.isSupported(time)) {
            added++;
            throw new JourneyAnalyticsException(index, TimeLimits.RULE, "time " + time);
        }
        return addMillis(customerId, time.toEpochMilli(), step);
    }

    /**
     * Adds one event given by its parts with the time in epoch milliseconds: the allocation-free hot path.
     *
     * @param customerId the customer, not null, not blank
     * @param epochMillis when the event happened, milliseconds since 1970-01-01T00:00Z, within {@link TimeLimits}
     * @param step the step name, not null, not blank, at most {@value ActualJourneys#MAX_STEP_LENGTH} characters
     * @return this builder
     * @throws JourneyAnalyticsException if the customer id or the step is null or blank, the step is too long, or
     *     the time is outside {@link TimeLimits} (rule {@link TimeLimits#RULE}); the message names the event's
     *     index
     */
    public ActualJourneyBuilder addMillis(@Nullable String customerId, long epochMillis, @Nullable String step) {
        long index = added++;
        if (customerId == null || customerId.isBlank()) {
            throw new JourneyAnalyticsException(index, "every event needs a customer id", "customer id was missing");
        }
        if (step == null || step.isBlank()) {
            throw new JourneyAnalyticsException(index, "every event needs a step", "step was missing");
        }
        check(index, epochMillis, step);
        append(customerId, epochMillis, code(step), NO_OUTCOME, -1L);
        return this;
    }

    /** Checks an event's time and step length. */
    private static void check(long index, long epochMillis, String step) {
        if (!TimeLimits.isSupportedEpochMilli(epochMillis)) {
            throw new JourneyAnalyticsException(index, TimeLimits.RULE, "time " + epochMillis + " ms");
        }
        if (step.length() > ActualJourneys.MAX_STEP_LENGTH) {
            throw new JourneyAnalyticsException(index, "a step has at most " + ActualJourneys.MAX_STEP_LENGTH
                    + " characters", step.length() + " characters");
        }
    }

    /**
     * Adds every event of another builder to this one, after this builder's own events. Merging a builder into
     * itself doubles its events.
     *
     * @param other the other builder, not null, left unchanged unless it is this builder
     * @return this builder
     * @throws NullPointerException if other is null
     * @throws IncompatibleMergeException if the two builders split journeys by different inactivity periods
     * @throws JourneyAnalyticsException if the merged builder would hold more than 2^31 events
     */
    public ActualJourneyBuilder merge(ActualJourneyBuilder other) {
        Objects.requireNonNull(other, "other");
        if (other.gapMillis != gapMillis) {
            throw new IncompatibleMergeException("actual journey builder", "inactivity " + gapMillis + " ms",
                    "inactivity " + other.gapMillis + " ms");
        }
        int count = other.size;
        long otherAdded = other.added;
        long otherSkipped = other.skipped;
        if ((long) size + count > Integer.MAX_VALUE - 16) {
            throw new JourneyAnalyticsException("at most 2^31 events fit in one builder",
                    size + " + " + count + " events");
        }
        int[] translate = new int[other.names.size()];
        for (int i = 0; i < translate.length; i++) {
            translate[i] = code(other.names.get(i));
        }
        for (int i = 0; i < count; i++) {
            append(other.customerIds.get(other.customerOf[i]), other.times[i], translate[other.steps[i]],
                    other.outcomes[i], other.durations == null ? -1L : other.durations[i]);
        }
        added = Checked.add(added, otherAdded, "actual journey builder");
        skipped += otherSkipped;
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
        int n = size;
        // Group by customer with a stable counting sort: customers in the order of their first event, and each
        // customer's events in the order added.
        int customerCount = customerIds.size();
        int[] order = new int[n];
        int[] next = new int[customerCount + 1];
        for (int i = 0; i < n; i++) {
            next[customerOf[i] + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            next[c + 1] += next[c];
        }
        int[] bounds = next.clone();
        for (int i = 0; i < n; i++) {
            order[next[customerOf[i]]++] = i;
        }
        int[] journeySteps = new int[n];
        long[] journeyTimes = new long[n];
        byte[] journeyOutcomes = new byte[n];
        long[] journeyDurations = durations == null ? null : new long[n];
        List<String> journeyCustomers = new ArrayList<>();
        int[] starts = new int[16];
        int journeyCount = 0;
        int[] scratch = new int[0];
        for (int c = 0; c < customerCount; c++) {
            int from = bounds[c];
            int to = bounds[c + 1];
            if (!inOrder(order, from, to, rank)) {
                if (scratch.length < to - from) {
                    scratch = new int[Math.max(to - from, 2 * scratch.length)];
                }
                sort(order, from, to, rank, scratch);
            }
            for (int k = from; k < to; k++) {
                int i = order[k];
                if (k == from || times[i] - journeyTimes[k - 1] > gapMillis) {
                    if (journeyCount + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[journeyCount++] = k;
                    journeyCustomers.add(customerIds.get(c));
                }
                journeySteps[k] = steps[i];
                journeyTimes[k] = times[i];
                journeyOutcomes[k] = outcomes[i];
                if (journeyDurations != null && durations != null) {
                    journeyDurations[k] = durations[i];
                }
            }
        }
        starts[journeyCount] = n;
        return new ActualJourneys(dictionary, journeyCustomers.toArray(new String[0]),
                Arrays.copyOf(starts, journeyCount + 1), journeySteps, journeyTimes, journeyOutcomes,
                journeyDurations);
    }

    /** How many customers the builder holds events of (for {@link ActualJourneyStream}). */
    int customerCount() {
        return customerIds.size();
    }

    /** How many events the builder holds (for {@link ActualJourneyStream}). */
    int size() {
        return size;
    }

    /**
     * An empty builder with this builder's mapping and inactivity period for events that arrive grouped by
     * customer (for the streams): each run of one customer's events is taken as a new customer, without a map
     * lookup, and the index of its first event is kept; the stream checks that no customer comes back.
     */
    ActualJourneyBuilder emptyGrouped() {
        return new ActualJourneyBuilder(mapping, gapMillis, true);
    }

    /** The customer id of a customer number (a run, in grouped mode). */
    String customerIdAt(int number) {
        return customerIds.get(number);
    }

    /** In grouped mode, the index of the first event of a customer number's run. */
    long firstIndexAt(int number) {
        return firstIndex[number];
    }

    /** Continues the event numbering and counts of the builder of the previous chunk (for the stream). */
    void continueFrom(ActualJourneyBuilder previous) {
        added = previous.added;
        skipped = previous.skipped;
    }

    /** Forgets the events and customers held, keeps the counts and the step dictionary's capacity. */
    void clear() {
        customerNumbers.clear();
        customerIds.clear();
        codes.clear();
        names.clear();
        durations = null;
        size = 0;
        lastCustomer = null;
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
        // Exports are often sorted by customer: reuse the previous event's customer without a map lookup.
        int number;
        if (customerId.equals(lastCustomer)) {
            number = lastNumber;
        } else if (grouped) {
            number = customerIds.size();
            customerIds.add(customerId);
            if (number == firstIndex.length) {
                firstIndex = Arrays.copyOf(firstIndex, Math.max(64, 2 * number));
            }
            firstIndex[number] = added - 1;
            lastCustomer = customerId;
            lastNumber = number;
        } else {
            Integer known = customerNumbers.get(customerId);
            if (known == null) {
                number = customerIds.size();
                customerNumbers.put(customerId, number);
                customerIds.add(customerId);
            } else {
                number = known;
            }
            lastCustomer = customerId;
            lastNumber = number;
        }
        if (size == times.length) {
            if (size > Integer.MAX_VALUE - 16) {
                throw new JourneyAnalyticsException(added - 1, "at most 2^31 events fit in one builder",
                        size + " events");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size);
            times = Arrays.copyOf(times, capacity);
            steps = Arrays.copyOf(steps, capacity);
            customerOf = Arrays.copyOf(customerOf, capacity);
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
        customerOf[size] = number;
        outcomes[size] = outcome;
        if (durations != null) {
            durations[size] = duration;
        }
        size++;
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

    /** Whether a customer's events order[from..to) are already in (time, step rank, input) order. */
    private boolean inOrder(int[] order, int from, int to, int[] rank) {
        for (int k = from + 1; k < to; k++) {
            if (after(order[k - 1], order[k], rank)) {
                return false;
            }
        }
        return true;
    }

    /** Sorts order[from..to) by (time, step rank, input order): insertion sort when short, else merge sort. */
    private void sort(int[] order, int from, int to, int[] rank, int[] scratch) {
        int n = to - from;
        if (n <= 32) {
            for (int k = from + 1; k < to; k++) {
                int value = order[k];
                int j = k - 1;
                while (j >= from && after(order[j], value, rank)) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = value;
            }
            return;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                int a = lo;
                int b = mid;
                int k = 0;
                while (a < mid && b < hi) {
                    scratch[k++] = after(order[a], order[b], rank) ? order[b++] : order[a++];
                }
                while (a < mid) {
                    scratch[k++] = order[a++];
                }
                while (b < hi) {
                    scratch[k++] = order[b++];
                }
                System.arraycopy(scratch, 0, order, lo, hi - lo);
            }
        }
    }

    /** Whether event x sorts strictly after event y (ties on time and step keep input order). */
    private boolean after(int x, int y, int[] rank) {
        long tx = times[x];
        long ty = times[y];
        if (tx != ty) {
            return tx > ty;
        }
        int rx = rank[steps[x]];
        int ry = rank[steps[y]];
        if (rx != ry) {
            return rx > ry;
        }
        return x > y;
    }

    static Outcome outcomeOf(byte code) {
        return Outcome.values()[code - 1];
    }
}
