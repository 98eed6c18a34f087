package org.journeykit.metrics.retention;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates customer activity into cohort retention: a customer's cohort is the period (day, ISO week or month
 * in a configured time zone) of their first activity; the result {@link CohortTable} counts, per cohort and per
 * period offset k, the customers active in period k (classic retention) and active in period k or any later period
 * (unbounded retention).
 *
 * <p>State: per customer one bit per period between the first and last period seen (a word of 64 periods per
 * customer for most data). Events may arrive in any order: the cohort is the earliest period seen, also after a
 * merge. Customers are identified either by a {@code long} key ({@link #add(long, long)}, the fast path) or by a
 * string id ({@link #add(String, Instant)}, {@link #add(InteractionEvent)}); one accumulator uses one kind.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CohortRetentionAccumulator implements MetricAccumulator<CohortRetentionAccumulator, CohortTable> {

    private static final int MAX_PERIODS = 1 << 16;
    private static final int MAGIC = 0x434F4831; // "COH1"
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Bulk adds of at least this many events are partitioned by customer hash first. */
    private static final int PARTITION_THRESHOLD = 1 << 16;
    private static final int PARTITION_BITS = 7;

    private final Granularity granularity;
    private final ZoneId zone;
    private final PeriodCalendar calendar;

    /**
     * Open addressing: slot s holds the key at s * stride and the period bits in the next {@code words} longs; a
     * slot is in use when any of its bits is set (every stored customer has at least one active period).
     */
    private long[] table;
    private int words = 1;
    private int stride = 2;
    private int mask;
    /** 64 - log2(capacity): the slot of a key is the top bits of its Fibonacci hash. */
    private int shift;
    private int size;
    /** The period of bit 0; valid once {@code hasBase}. */
    private int base;
    private boolean hasBase;
    /** String ids to keys, null in key mode. */
    private @Nullable Map<String, Long> ids;
    private boolean keyMode;

    private CohortRetentionAccumulator(Granularity granularity, ZoneId zone) {
        this.granularity = granularity;
        this.zone = zone;
        this.calendar = new PeriodCalendar(granularity, zone);
        allocate(1024);
    }

    /**
     * Creates an empty accumulator: the identity of {@link #merge} for this granularity and zone.
     *
     * @param granularity the period length, not null
     * @param zone the time zone periods are counted in, not null
     * @return the accumulator, not null
     */
    public static CohortRetentionAccumulator of(Granularity granularity, ZoneId zone) {
        return new CohortRetentionAccumulator(Objects.requireNonNull(granularity, "granularity"),
                Objects.requireNonNull(zone, "zone"));
    }

    /**
     * A collector of interaction events (customer id and time) into their cohort table.
     *
     * @param granularity the period length, not null
     * @param zone the time zone periods are counted in, not null
     * @return the collector, not null; empty result for no events; it throws {@link MetricInputException} for a
     *     null event
     */
    public static Collector<InteractionEvent, ?, Optional<CohortTable>> collector(Granularity granularity,
            ZoneId zone) {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        return Collector.of(() -> of(granularity, zone), CohortRetentionAccumulator::add,
                CohortRetentionAccumulator::merge, CohortRetentionAccumulator::result,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The period length.
     *
     * @return the granularity, not null
     */
    public Granularity granularity() {
        return granularity;
    }

    /**
     * The time zone periods are counted in.
     *
     * @return the zone, not null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The number of distinct customers seen.
     *
     * @return the count, not negative
     */
    public int customers() {
        return size;
    }

    /**
     * Records that a customer, identified by a numeric key, was active at an instant. The fast path: no boxing,
     * no allocation except when the tables grow.
     *
     * @param customer the customer key, any value
     * @param epochMilli the instant of the activity, in milliseconds since 1970-01-01T00:00Z
     * @return this accumulator
     * @throws MetricInputException if this accumulator already holds string ids, or the activity lies more than
     *     65536 periods away from the others; the state is unchanged
     */
    public CohortRetentionAccumulator add(long customer, long epochMilli) {
        if (ids != null) {
            throw new MetricInputException("customer", customer,
                    "must be a string id: this accumulator identifies customers by string");
        }
        keyMode = true;
        record(customer, calendar.period(epochMilli));
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
     * @param epochMillis the instants in milliseconds since the epoch, not null, as long as {@code customers}
     * @return this accumulator
     * @throws MetricInputException if the arrays differ in length, the accumulator holds string ids, or the
     *     activities span more than 65536 periods; the state is unchanged
     */
    public CohortRetentionAccumulator addAll(long[] customers, long[] epochMillis) {
        int n = customers.length;
        if (n != epochMillis.length) {
            throw new MetricInputException("epochMillis", epochMillis.length + " values",
                    "must be as many as customers (" + n + ")");
        }
        if (ids != null) {
            throw new MetricInputException("customers", n + " keys",
                    "must be string ids: this accumulator identifies customers by string");
        }
        if (n == 0) {
            return this;
        }
        PeriodCalendar cal = calendar;
        if (n < PARTITION_THRESHOLD) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                int period = cal.period(epochMillis[i]);
                lo = Math.min(lo, period);
                hi = Math.max(hi, period);
            }
            checkSpan(lo, hi);
            keyMode = true;
            widen(lo);
            widen(hi);
            for (int i = 0; i < n; i++) {
                insert(customers[i], cal.period(epochMillis[i]) - base);
            }
            return this;
        }
        // One pass scatters the events into fixed-size partition buffers (hash-uniform, so 1/8 slack suffices
        // unless a few customers dominate; then the plain path below takes over). Nothing in the state changes
        // until the periods have been checked.
        int parts = 1 << PARTITION_BITS;
        int capacity = n / parts + n / parts / 8 + 64;
        long[] keys = new long[capacity * parts];
        int[] offsets = new int[capacity * parts];
        int[] fill = new int[parts];
        int reference = cal.period(epochMillis[0]);
        int lo = reference;
        int hi = reference;
        boolean overflow = false;
        for (int i = 0; i < n; i++) {
            int period = cal.period(epochMillis[i]);
            lo = Math.min(lo, period);
            hi = Math.max(hi, period);
            long key = customers[i];
            int part = (int) ((key * GOLDEN) >>> (64 - PARTITION_BITS));
            int at = fill[part]++;
            if (at < capacity) {
                at += part * capacity;
                keys[at] = key;
                offsets[at] = period - reference;
            } else {
                overflow = true;
            }
        }
        checkSpan(lo, hi);
        keyMode = true;
        widen(lo);
        widen(hi);
        if (overflow) {
            for (int i = 0; i < n; i++) {
                insert(customers[i], cal.period(epochMillis[i]) - base);
            }
            return this;
        }
        presize(keys, fill[0]);
        int shiftToBase = reference - base;
        for (int part = 0; part < parts; part++) {
            int from = part * capacity;
            int to = from + fill[part];
            for (int at = from; at < to; at++) {
                insert(keys[at], offsets[at] + shiftToBase);
            }
        }
        return this;
    }

    private void insert(long key, int bit) {
        if (stride == 2) {
            // One word per customer (64 periods): key and bits side by side, a slot is free when its bits are 0.
            long[] t = table;
            int slot = slotOf(key);
            while (true) {
                int at = slot << 1;
                long bits = t[at + 1];
                if (bits == 0) {
                    break;
                }
                if (t[at] == key) {
                    t[at + 1] = bits | 1L << bit;
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }
        int slot = slotFor(key);
        table[slot * stride + 1 + (bit >>> 6)] |= 1L << bit;
    }

    /**
     * Grows the table once for the customers a partitioned batch will add: the distinct keys of its first
     * partition, times the number of partitions, estimate the distinct keys of the batch.
     */
    private void presize(long[] keys, int firstPartitionEnd) {
        long[] sample = Arrays.copyOf(keys, firstPartitionEnd);
        Arrays.sort(sample);
        long distinct = 0;
        for (int i = 0; i < sample.length; i++) {
            if (i == 0 || sample[i] != sample[i - 1]) {
                distinct++;
            }
        }
        long expected = size + (distinct << PARTITION_BITS);
        long capacity = mask + 1L;
        while (capacity < 2 * expected + 2 && capacity < (1 << 29)) {
            capacity <<= 1;
        }
        if (capacity > mask + 1L) {
            rehash((int) capacity, words, base);
        }
    }

    /**
     * Records that a customer, identified by a string id, was active at an instant.
     *
     * @param customerId the customer id, not null
     * @param time the instant of the activity, not null
     * @return this accumulator
     * @throws MetricInputException if an argument is null, this accumulator holds numeric keys, or the activity
     *     lies more than 65536 periods from the others; the state is unchanged
     */
    public CohortRetentionAccumulator add(@Nullable String customerId, @Nullable Instant time) {
        if (customerId == null) {
            throw new MetricInputException("customerId", null, "must not be null");
        }
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        if (keyMode) {
            throw new MetricInputException("customerId", customerId,
                    "must be a numeric key: this accumulator identifies customers by long keys");
        }
        int period = calendar.period(time.toEpochMilli());
        checkRange(period);
        Map<String, Long> dictionary = ids;
        if (dictionary == null) {
            dictionary = new HashMap<>();
            ids = dictionary;
        }
        Long key = dictionary.get(customerId);
        if (key == null) {
            key = (long) dictionary.size();
            dictionary.put(customerId, key);
        }
        record(key, period);
        return this;
    }

    /**
     * Records an interaction event as activity of its customer at its time.
     *
     * @param event the event, not null
     * @return this accumulator
     * @throws MetricInputException if the event is null or this accumulator holds numeric keys
     */
    public CohortRetentionAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getCustomerId(), event.getTime());
    }

    private void checkRange(int period) {
        checkSpan(period, period);
    }

    private void checkSpan(int from, int to) {
        long lo = hasBase ? Math.min(base, from) : from;
        long hi = hasBase ? Math.max((long) base + 64L * words - 1, to) : to;
        if (hi - lo + 1 > MAX_PERIODS) {
            throw new MetricInputException("period", granularity.label(hi - to > from - lo ? from : to),
                    "must lie within " + MAX_PERIODS + " periods of the other activity (from "
                    + granularity.label((int) lo) + ")");
        }
    }

    private void record(long key, int period) {
        int bit = period - base;
        if (!hasBase || bit < 0 || bit >= words << 6) {
            checkRange(period);
            widen(period);
            bit = period - base;
        }
        int slot = slotFor(key);
        table[slot * stride + 1 + (bit >>> 6)] |= 1L << bit;
    }

    private int slotFor(long key) {
        int slot = slotOf(key);
        while (isUsed(slot)) {
            if (table[slot * stride] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (size + 1 > (mask + 1) >>> 1) {
            rehash((mask + 1) << 1, words, base);
            return slotFor(key);
        }
        table[slot * stride] = key;
        size++;
        return slot;
    }

    private boolean isUsed(int slot) {
        int at = slot * stride + 1;
        for (int w = 0; w < words; w++) {
            if (table[at + w] != 0) {
                return true;
            }
        }
        return false;
    }

    private int findSlot(long key) {
        int slot = slotOf(key);
        while (isUsed(slot)) {
            if (table[slot * stride] == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Fibonacci hashing: the top bits of {@code key * 2^64 / phi}, so a partition of keys maps to a slot range. */
    private int slotOf(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private static int partitionOf(long key) {
        return (int) ((key * GOLDEN) >>> (64 - PARTITION_BITS));
    }

    private void allocate(int capacity) {
        table = new long[capacity * stride];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    /** Makes the bit range cover {@code period}, doubling the words per customer as needed. */
    private void widen(int period) {
        if (hasBase && period >= base && period - base < words << 6) {
            return;
        }
        if (!hasBase) {
            // Centre the first window on the first period seen: activity may come in any order.
            base = period - 31;
            hasBase = true;
            return;
        }
        int lo = Math.min(base, period);
        int hi = Math.max(base + (words << 6) - 1, period);
        int newWords = words;
        while ((newWords << 6) < hi - lo + 1) {
            newWords <<= 1;
        }
        // Growing downwards keeps the top and puts the spare room below; growing upwards keeps the base.
        int newBase = period < base ? hi - (newWords << 6) + 1 : base;
        rehash(mask + 1, newWords, newBase);
    }

    private void rehash(int capacity, int newWords, int newBase) {
        long[] oldTable = table;
        int oldCapacity = mask + 1;
        int oldStride = stride;
        int oldWords = words;
        int shift = base - newBase;
        words = newWords;
        stride = newWords + 1;
        base = newBase;
        allocate(capacity);
        for (int s = 0; s < oldCapacity; s++) {
            int at = s * oldStride;
            boolean inUse = false;
            for (int w = 0; w < oldWords; w++) {
                inUse |= oldTable[at + 1 + w] != 0;
            }
            if (!inUse) {
                continue;
            }
            int slot = slotFor(oldTable[at]);
            int to = slot * stride + 1;
            for (int w = 0; w < oldWords; w++) {
                long bits = oldTable[at + 1 + w];
                while (bits != 0) {
                    int b = (w << 6) + Long.numberOfTrailingZeros(bits) + shift;
                    table[to + (b >>> 6)] |= 1L << b;
                    bits &= bits - 1;
                }
            }
        }
    }

    /**
     * Adds another accumulator's activity to this one; customers seen by both keep their earliest period as
     * cohort.
     *
     * @param other the other accumulator, not null, of the same granularity, zone and kind of customer
     *     identification; it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if granularity, zone or kind of identification differ
     * @throws MetricInputException if the combined activity spans more than 65536 periods
     */
    @Override
    public CohortRetentionAccumulator merge(CohortRetentionAccumulator other) {
        if (other.granularity != granularity || !other.zone.equals(zone)) {
            throw new IncompatibleMergeException("cohort retention", granularity + " in " + zone,
                    other.granularity + " in " + other.zone);
        }
        if (other.size == 0) {
            return this;
        }
        if ((other.ids != null && keyMode) || (other.keyMode && ids != null)) {
            throw new IncompatibleMergeException("cohort retention", keyMode ? "numeric keys" : "string ids",
                    other.keyMode ? "numeric keys" : "string ids");
        }
        int otherLo = other.base;
        int otherHi = other.base + (other.words << 6) - 1;
        checkSpan(otherLo, otherHi);
        Map<String, Long> otherIds = other.ids;
        if (otherIds != null) {
            Map<String, Long> dictionary = ids;
            if (dictionary == null) {
                dictionary = new HashMap<>();
                ids = dictionary;
            }
            for (Map.Entry<String, Long> entry : otherIds.entrySet()) {
                Long key = dictionary.get(entry.getKey());
                if (key == null) {
                    key = (long) dictionary.size();
                    dictionary.put(entry.getKey(), key);
                }
                copyBits(other, other.findSlot(entry.getValue()), key);
            }
        } else {
            keyMode = true;
            for (int s = 0; s <= other.mask; s++) {
                if (other.isUsed(s)) {
                    copyBits(other, s, other.table[s * other.stride]);
                }
            }
        }
        return this;
    }

    private void copyBits(CohortRetentionAccumulator other, int otherSlot, long key) {
        int at = otherSlot * other.stride + 1;
        for (int w = 0; w < other.words; w++) {
            long bits = other.table[at + w];
            while (bits != 0) {
                int period = other.base + (w << 6) + Long.numberOfTrailingZeros(bits);
                record(key, period);
                bits &= bits - 1;
            }
        }
    }

    /**
     * The cohort table over everything added so far.
     *
     * @return the table, or empty when no activity was added
     */
    @Override
    public Optional<CohortTable> result() {
        if (size == 0) {
            return Optional.empty();
        }
        // One pass over the table, counting by bit offset from the base; trimmed to the periods seen afterwards.
        int width = words << 6;
        long[][] activeByBit = new long[width][];
        long[][] spanByBit = new long[width][];
        int minBit = Integer.MAX_VALUE;
        int maxBit = Integer.MIN_VALUE;
        long[] t = table;
        int w = words;
        int st = stride;
        for (int s = 0; s <= mask; s++) {
            int at = s * st + 1;
            int first = -1;
            int last = -1;
            for (int i = 0; i < w; i++) {
                long bits = t[at + i];
                if (bits != 0) {
                    if (first < 0) {
                        first = (i << 6) + Long.numberOfTrailingZeros(bits);
                    }
                    last = (i << 6) + 63 - Long.numberOfLeadingZeros(bits);
                }
            }
            if (first < 0) {
                continue;
            }
            minBit = Math.min(minBit, first);
            maxBit = Math.max(maxBit, last);
            long[] row = activeByBit[first];
            if (row == null) {
                row = new long[width - first];
                activeByBit[first] = row;
                spanByBit[first] = new long[width - first];
            }
            spanByBit[first][last - first]++;
            for (int i = first >>> 6; i <= last >>> 6; i++) {
                long bits = t[at + i];
                while (bits != 0) {
                    row[(i << 6) + Long.numberOfTrailingZeros(bits) - first]++;
                    bits &= bits - 1;
                }
            }
        }
        int periods = maxBit - minBit + 1;
        long[] sizes = new long[periods];
        long[][] classic = new long[periods][];
        long[][] unbounded = new long[periods][];
        for (int p = 0; p < periods; p++) {
            long[] row = activeByBit[minBit + p];
            classic[p] = row == null ? new long[periods - p] : Arrays.copyOf(row, periods - p);
            unbounded[p] = row == null ? new long[periods - p] : Arrays.copyOf(spanByBit[minBit + p], periods - p);
            sizes[p] = classic[p][0];
            long[] suffix = unbounded[p];
            for (int k = suffix.length - 2; k >= 0; k--) {
                suffix[k] += suffix[k + 1];
            }
        }
        return Optional.of(new CohortTable(granularity, zone, base + minBit, sizes, classic, unbounded));
    }

    /**
     * The state as bytes, to ship between machines: granularity, zone, the kind of customer identification, the
     * period bits of every customer and, for string ids, the ids.
     *
     * @return the bytes, not null
     */
    public byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + size * 8 * (stride + 1));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeByte(granularity.ordinal());
            out.writeUTF(zone.getId());
            Map<String, Long> dictionary = ids;
            out.writeByte(dictionary != null ? 2 : keyMode ? 1 : 0);
            out.writeBoolean(hasBase);
            out.writeInt(base);
            out.writeInt(words);
            out.writeInt(size);
            for (int s = 0; s <= mask; s++) {
                if (isUsed(s)) {
                    int at = s * stride;
                    for (int i = 0; i < stride; i++) {
                        out.writeLong(table[at + i]);
                    }
                }
            }
            if (dictionary != null) {
                out.writeInt(dictionary.size());
                for (Map.Entry<String, Long> entry : dictionary.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeLong(entry.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    /**
     * Reads an accumulator written by {@link #toBytes()}.
     *
     * @param bytes the bytes, not null
     * @return a new accumulator with the same state, not null
     * @throws MetricInputException if the bytes are not a serialized cohort accumulator
     */
    public static CohortRetentionAccumulator fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new MetricInputException("bytes", bytes.length + " bytes",
                        "must be a serialized cohort retention accumulator");
            }
            int ordinal = in.readByte();
            if (ordinal < 0 || ordinal >= Granularity.values().length) {
                throw new MetricInputException("bytes.granularity", ordinal, "must be a known granularity");
            }
            CohortRetentionAccumulator accumulator = of(Granularity.values()[ordinal], ZoneId.of(in.readUTF()));
            int mode = in.readByte();
            boolean hasBase = in.readBoolean();
            int base = in.readInt();
            int words = in.readInt();
            int size = in.readInt();
            if (words < 1 || words > MAX_PERIODS / 64 || Integer.bitCount(words) != 1 || size < 0
                    || mode < 0 || mode > 2) {
                throw new MetricInputException("bytes", "words " + words + ", size " + size + ", mode " + mode,
                        "must describe a valid state");
            }
            accumulator.keyMode = mode == 1;
            accumulator.hasBase = hasBase;
            accumulator.base = base;
            accumulator.words = words;
            accumulator.stride = words + 1;
            int capacity = 1024;
            while (capacity < 2L * size + 2) {
                capacity <<= 1;
            }
            accumulator.allocate(capacity);
            for (int c = 0; c < size; c++) {
                long key = in.readLong();
                int slot = accumulator.slotFor(key);
                int at = slot * accumulator.stride + 1;
                long any = 0;
                for (int i = 0; i < words; i++) {
                    long bits = in.readLong();
                    accumulator.table[at + i] = bits;
                    any |= bits;
                }
                if (any == 0) {
                    throw new MetricInputException("bytes.customer", key, "must have at least one active period");
                }
            }
            if (mode == 2) {
                int entries = in.readInt();
                Map<String, Long> dictionary = new HashMap<>();
                for (int i = 0; i < entries; i++) {
                    dictionary.put(in.readUTF(), in.readLong());
                }
                accumulator.ids = dictionary;
            }
            if (in.available() > 0) {
                throw new MetricInputException("bytes", in.available() + " bytes", "must not follow the state");
            }
            return accumulator;
        } catch (IOException | DateTimeException e) {
            throw new MetricInputException("bytes", bytes.length + " bytes",
                    "must be a complete serialized cohort retention accumulator", e);
        }
    }

    @Override
    public String toString() {
        return "CohortRetentionAccumulator[" + granularity + " in " + zone + ", " + size + " customers]";
    }
}
