package org.journeykit.metrics.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates customer activity into cohort retention: a customer's cohort is the period (day, ISO week or month
 * in a configured time zone, see {@link CohortDefinition}) of their first activity; the result {@link CohortTable}
 * counts, per cohort and per period offset k, the customers active in period k (classic retention) and active in
 * period k or any later period (unbounded retention).
 *
 * <p>State: the set of (customer, period) pairs with activity, one 32-bit word per customer and block of 32
 * periods in which the customer was active (16 bytes per entry in a half-full hash table). Memory follows the customers and the blocks they were active in, never
 * the span between the first and last activity: an activity typed with the year 0026 among data of 2026 costs one
 * entry more, and the table one cohort and one cell more. Any instant of {@link TimeLimits} is accepted. Events may
 * arrive in any order: the cohort is the earliest period seen, also after a merge.
 *
 * <p>Customers are identified either by a {@code long} key ({@link #add(long, long)}, {@link #addAll}, the fast
 * path) or by a string id ({@link #add(String, Instant)}, {@link #add(InteractionEvent)}); one accumulator uses one
 * kind, decided by its first customer. Merging is a union of the pairs, so {@code a.merge(a)} leaves {@code a} as it
 * is (the union of a state with a copy of itself).
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CohortRetentionAccumulator implements MetricAccumulator<CohortRetentionAccumulator, CohortTable> {

    private final CohortDefinition definition;
    private final PeriodCalendar calendar;
    private final ActivityTable state = new ActivityTable();
    /** String ids to keys, null until the first string id; then {@code idsByKey} lists the ids by key. */
    private @Nullable Map<String, Long> ids;
    private @Nullable List<String> idsByKey;

    private CohortRetentionAccumulator(CohortDefinition definition) {
        this.definition = definition;
        this.calendar = new PeriodCalendar(definition.granularity(), definition.zone());
    }

    /**
     * Creates an empty accumulator of monthly cohorts in UTC ({@link CohortDefinition#MONTHLY_UTC}).
     *
     * @return the accumulator, not null
     */
    public static CohortRetentionAccumulator create() {
        return create(CohortDefinition.MONTHLY_UTC);
    }

    /**
     * Creates an empty accumulator: the identity of {@link #merge} for its definition.
     *
     * @param definition the granularity and time zone, not null
     * @return the accumulator, not null
     * @throws NullPointerException if the definition is null
     */
    public static CohortRetentionAccumulator create(CohortDefinition definition) {
        return new CohortRetentionAccumulator(Objects.requireNonNull(definition, "definition"));
    }

    /**
     * A collector of interaction events (customer id and time) into their cohort table.
     *
     * @param definition the granularity and time zone, not null
     * @return the collector, not null; empty result for no events; it throws {@link MetricInputException} for a
     *     null event
     * @throws NullPointerException if the definition is null
     */
    public static Collector<InteractionEvent, ?, Optional<CohortTable>> collector(CohortDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return Collector.of(() -> create(definition), CohortRetentionAccumulator::add,
                CohortRetentionAccumulator::merge, CohortRetentionAccumulator::result,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The granularity and time zone.
     *
     * @return the definition, not null
     */
    public CohortDefinition definition() {
        return definition;
    }

    /**
     * The number of distinct customers seen.
     *
     * @return the count, not negative
     */
    public int customers() {
        return state.customers();
    }

    /**
     * Records that a customer, identified by a numeric key, was active at an instant. The fast path: no boxing,
     * no allocation except when the table grows.
     *
     * @param customer the customer key, any value
     * @param epochMilli the instant of the activity, in milliseconds since 1970-01-01T00:00Z, within
     *     {@link TimeLimits}
     * @return this accumulator
     * @throws MetricInputException if the instant lies outside {@link TimeLimits}, this accumulator holds string
     *     ids, or it holds 268,435,456 (2^28) customer blocks; the state is unchanged
     */
    public CohortRetentionAccumulator add(long customer, long epochMilli) {
        if (!TimeLimits.isSupportedEpochMilli(epochMilli)) {
            throw new MetricInputException("epochMilli", epochMilli, TimeLimits.RULE);
        }
        if (ids != null) {
            throw new MetricInputException("customer", customer,
                    "must be a string id: this accumulator identifies customers by string");
        }
        state.checkRoom(1);
        state.addPeriod(customer, calendar.period(epochMilli));
        return this;
    }

    /**
     * Records many activities of customers with numeric keys; {@code customers[i]} was active at
     * {@code epochMillis[i]}. All or nothing: bad input is found before any state changes.
     *
     * <p>Batches of 65536 events or more are first partitioned by customer hash so that each partition updates a
     * cache-sized slice of the state; this takes a temporary 12 bytes per event.
     *
     * @param customers the customer keys, not null
     * @param epochMillis the instants in milliseconds since the epoch, within {@link TimeLimits}, not null, as
     *     long as {@code customers}
     * @return this accumulator
     * @throws MetricInputException if the arrays differ in length, an instant lies outside {@link TimeLimits}, the
     *     accumulator holds string ids, or the customer blocks held plus the events could exceed
     *     268,435,456 (2^28); the state is unchanged
     * @throws NullPointerException if an array is null
     */
    public CohortRetentionAccumulator addAll(long[] customers, long[] epochMillis) {
        int n = customers.length;
        if (n != epochMillis.length) {
            throw new MetricInputException("epochMillis", epochMillis.length + " values",
                    "must be as many as customers (" + n + ")");
        }
        if (n == 0) {
            return this;
        }
        if (ids != null) {
            throw new MetricInputException("customers", n + " keys",
                    "must be string ids: this accumulator identifies customers by string");
        }
        state.checkRoom(n);
        BulkLoad.addAll(state, calendar, customers, epochMillis);
        return this;
    }

    /**
     * Records that a customer, identified by a string id, was active at an instant.
     *
     * @param customerId the customer id, not null, not blank, at most 128 characters, well-formed (no lone
     *     surrogate)
     * @param time the instant of the activity, not null, within {@link TimeLimits}
     * @return this accumulator
     * @throws MetricInputException if an argument is null or breaks its rule, this accumulator holds numeric keys,
     *     or it holds 268,435,456 (2^28) customer blocks; the state is unchanged
     */
    public CohortRetentionAccumulator add(@Nullable String customerId, @Nullable Instant time) {
        if (customerId == null) {
            throw new MetricInputException("customerId", null, "must not be null");
        }
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        if (!TimeLimits.isSupported(time)) {
            throw new MetricInputException("time", time, TimeLimits.RULE);
        }
        if (ids == null && state.customers() > 0) {
            throw new MetricInputException("customerId", customerId,
                    "must be a numeric key: this accumulator identifies customers by long keys");
        }
        Long key = ids == null ? null : ids.get(customerId);
        state.checkRoom(1);
        if (key == null) {
            CustomerIds.check("customerId", customerId);
            key = (long) newId(customerId);
        }
        state.addPeriod(key, calendar.period(time.toEpochMilli()));
        return this;
    }

    private int newId(String customerId) {
        Map<String, Long> dictionary = ids;
        List<String> list = idsByKey;
        if (dictionary == null || list == null) {
            dictionary = new HashMap<>();
            list = new ArrayList<>();
            ids = dictionary;
            idsByKey = list;
        }
        int key = list.size();
        dictionary.put(customerId, (long) key);
        list.add(customerId);
        return key;
    }

    /**
     * Records an interaction event as activity of its customer at its time.
     *
     * @param event the event, not null
     * @return this accumulator
     * @throws MetricInputException if the event is null or this accumulator holds numeric keys; the state is
     *     unchanged
     */
    public CohortRetentionAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getCustomerId(), event.getTime());
    }

    /**
     * Adds another accumulator's activity to this one; customers seen by both keep their earliest period as
     * cohort. Merging an accumulator with itself leaves it unchanged (a union).
     *
     * @param other the other accumulator, not null, of an equal definition and the same kind of customer
     *     identification (or empty); it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if the definitions or the kinds of identification differ; this accumulator
     *     is unchanged
     * @throws MetricInputException if the customer blocks of both could exceed 268,435,456 (2^28);
     *     this accumulator is unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public CohortRetentionAccumulator merge(CohortRetentionAccumulator other) {
        if (!other.definition.equals(definition)) {
            throw new IncompatibleMergeException("cohort retention", definition, other.definition);
        }
        if (other == this || other.state.customers() == 0) {
            return this;
        }
        if (state.customers() > 0 && (ids == null) != (other.ids == null)) {
            throw new IncompatibleMergeException("cohort retention", ids == null ? "numeric keys" : "string ids",
                    other.ids == null ? "numeric keys" : "string ids");
        }
        state.checkRoom(other.state.entries());
        List<String> otherIds = other.idsByKey;
        if (otherIds == null) {
            state.addAll(other.state, null);
            return this;
        }
        long[] keyMap = new long[otherIds.size()];
        for (int i = 0; i < keyMap.length; i++) {
            String id = otherIds.get(i);
            Long key = ids == null ? null : ids.get(id);
            keyMap[i] = key != null ? key : newId(id);
        }
        state.addAll(other.state, keyMap);
        return this;
    }

    /**
     * The cohort table over everything added so far.
     *
     * @return the table, or empty when no activity was added
     */
    @Override
    public Optional<CohortTable> result() {
        return CohortCounter.count(state, definition);
    }

    /**
     * The state in the byte form of {@link MetricAccumulator} (tag 10, format version 1). Equal states give equal
     * bytes: customers are written in order of key or id, not in the order they were added. The payload, all
     * numbers big-endian, texts as an int byte length and UTF-8:
     * <pre>
     * granularity      byte: 1 day, 2 ISO week, 3 month
     * zone             text, 1 to 64 bytes, as ZoneId.getId()
     * identification   byte: 0 no customer yet, 1 numeric keys, 2 string ids
     * customers        int, 0 exactly when identification is 0
     * per customer, strictly ascending by key (signed) or by id (String.compareTo):
     *   key            long (numeric keys) | id: text of 1 to 384 bytes, 1 to 128 characters, not blank
     *   blocks         int, at least 1
     *   per block, strictly ascending:
     *     block        int: periods block * 32 to block * 32 + 31, counted as {@link Granularity} documents
     *     periods      int, not 0: bit i set when the customer was active in period block * 32 + i;
     *                  every period set lies within {@link TimeLimits} in the zone
     * </pre>
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        return CohortRetentionBytes.write(this);
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile: every count is checked against
     * the bytes that remain before anything is allocated, and every rule of the layout is checked.
     *
     * @param bytes the state, not null
     * @return a new accumulator with the same state, not null
     * @throws StateFormatException if the bytes are not a cohort retention state this version can read: another
     *     accumulator's, a newer format version, truncated, with trailing bytes, or breaking a rule of the layout
     *     (an unknown granularity or zone, customers or blocks out of order, an empty block, a period outside
     *     {@link TimeLimits})
     * @throws NullPointerException if the bytes are null
     */
    public static CohortRetentionAccumulator fromBytes(byte[] bytes) {
        return CohortRetentionBytes.read(bytes);
    }

    /** The state, for the byte form. */
    ActivityTable state() {
        return state;
    }

    /** The calendar, for the byte form. */
    PeriodCalendar calendar() {
        return calendar;
    }

    /** The ids by key, or null in numeric-key mode or before the first customer. */
    @Nullable List<String> idsByKey() {
        return idsByKey;
    }

    /** Registers the next string id while reading bytes, which come in id order; returns its key. */
    int readId(String customerId) {
        return newId(customerId);
    }

    @Override
    public String toString() {
        return "CohortRetentionAccumulator[" + definition + ", " + state.customers() + " customers]";
    }
}
