package org.journeykit.metrics.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;

/**
 * Accumulates the counts behind a Kaplan-Meier survival curve of customers: for each lifetime (the time from a
 * customer's first activity to churn, or to the end of observation for a customer not churned yet), how many
 * customers churned then and how many were still customers then (right-censored). The result is a
 * {@link SurvivalCurve}.
 *
 * <p>Lifetimes are whole numbers of a time unit the caller chooses (days, weeks, months) and counted exactly; the
 * state holds one entry per distinct lifetime, so its size is bounded by the longest lifetime in units, never by
 * the number of customers. {@link #create()}, {@link #add}, {@link #merge}, {@link #result()}; a merge is the
 * sum of the counts per lifetime.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class SurvivalAccumulator implements MetricAccumulator<SurvivalAccumulator, SurvivalCurve> {

    /** The longest lifetime accepted, in the caller's units: 1,000,000,000. */
    public static final long MAX_LIFETIME = 1_000_000_000L;

    /** The most distinct lifetimes a state may hold: 16,777,216 (2^24). */
    public static final int MAX_DISTINCT_LIFETIMES = 1 << 24;

    private static final String METRIC = "survival";
    private static final int VERSION = 1;

    /** Lifetime to {churned, censored}. */
    private final TreeMap<Long, long[]> counts = new TreeMap<>();
    private long customers;

    private SurvivalAccumulator() {}

    /**
     * Creates an empty accumulator.
     *
     * @return the accumulator, not null
     */
    public static SurvivalAccumulator create() {
        return new SurvivalAccumulator();
    }

    /**
     * Adds one customer.
     *
     * @param lifetime the time from first activity to churn, or to the end of observation when not churned, in
     *     whole units, 0 to {@link #MAX_LIFETIME}
     * @param churned true if the customer churned at that time, false if still a customer then (censored)
     * @return this accumulator
     * @throws MetricInputException if the lifetime is out of range, or the number of customers would exceed
     *     {@code Long.MAX_VALUE}; the state is unchanged
     */
    public SurvivalAccumulator add(long lifetime, boolean churned) {
        return add(lifetime, churned ? 1 : 0, churned ? 0 : 1);
    }

    /**
     * Adds customers with the same lifetime.
     *
     * @param lifetime the lifetime in whole units, 0 to {@link #MAX_LIFETIME}
     * @param churned how many churned at that time, not negative
     * @param censored how many were still customers at that time, not negative
     * @return this accumulator
     * @throws MetricInputException if the lifetime or a count is out of range, or a count would exceed
     *     {@code Long.MAX_VALUE}; the state is unchanged
     */
    public SurvivalAccumulator add(long lifetime, long churned, long censored) {
        if (lifetime < 0 || lifetime > MAX_LIFETIME) {
            throw new MetricInputException("lifetime", lifetime, "must be from 0 to " + MAX_LIFETIME + " units");
        }
        if (churned < 0 || censored < 0) {
            throw new MetricInputException("count", churned + " churned, " + censored + " censored",
                    "must not be negative");
        }
        long both = Checked.add(churned, censored, METRIC);
        if (both == 0) {
            return this;
        }
        long total = Checked.add(customers, both, METRIC);
        long[] old = counts.get(lifetime);
        if (old == null && counts.size() >= MAX_DISTINCT_LIFETIMES) {
            throw new MetricInputException("lifetime", lifetime, "would be distinct lifetime number "
                    + (MAX_DISTINCT_LIFETIMES + 1) + ", more than " + MAX_DISTINCT_LIFETIMES);
        }
        long[] updated = old == null ? new long[] {churned, censored}
                : new long[] {old[0] + churned, old[1] + censored};
        counts.put(lifetime, updated);
        customers = total;
        return this;
    }

    @Override
    public SurvivalAccumulator merge(SurvivalAccumulator other) {
        Objects.requireNonNull(other, "other");
        List<Map.Entry<Long, long[]>> incoming = new ArrayList<>(other.counts.size());
        for (Map.Entry<Long, long[]> entry : other.counts.entrySet()) {
            incoming.add(Map.entry(entry.getKey(), entry.getValue().clone()));
        }
        long total = Checked.add(customers, other.customers, METRIC);
        TreeMap<Long, long[]> merged = new TreeMap<>();
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            merged.put(entry.getKey(), entry.getValue().clone());
        }
        for (Map.Entry<Long, long[]> entry : incoming) {
            long[] own = merged.get(entry.getKey());
            if (own == null) {
                merged.put(entry.getKey(), entry.getValue());
            } else {
                own[0] = Checked.add(own[0], entry.getValue()[0], METRIC);
                own[1] = Checked.add(own[1], entry.getValue()[1], METRIC);
            }
        }
        if (merged.size() > MAX_DISTINCT_LIFETIMES) {
            throw new MetricInputException("distinct lifetimes", merged.size(), "must be at most "
                    + MAX_DISTINCT_LIFETIMES);
        }
        counts.clear();
        counts.putAll(merged);
        customers = total;
        return this;
    }

    /**
     * The Kaplan-Meier curve of the customers added.
     *
     * @return the curve, or empty when no customer was added
     */
    @Override
    public Optional<SurvivalCurve> result() {
        if (customers == 0) {
            return Optional.empty();
        }
        return Optional.of(SurvivalCurve.of(counts, customers));
    }

    /**
     * The state, after the header of {@link MetricAccumulator} (tag 16, version 1):
     * <pre>
     * int   n, the number of distinct lifetimes, 0 to 2^24
     * n x { long lifetime (0 to 1e9, strictly increasing), long churned, long censored (counts, not negative,
     *       not both 0) }
     * </pre>
     * The sum of all counts must not exceed {@code Long.MAX_VALUE}.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter writer = StateWriter.start(StateTag.SURVIVAL, VERSION, 8 + counts.size() * 24);
        writer.writeInt(counts.size());
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            writer.writeLong(entry.getKey()).writeLong(entry.getValue()[0]).writeLong(entry.getValue()[1]);
        }
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, checking every rule of its layout.
     *
     * @param bytes the state, not null
     * @return the accumulator, not null
     * @throws StateFormatException if the bytes are not a valid survival state of a known version
     * @throws NullPointerException if bytes is null
     */
    public static SurvivalAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.SURVIVAL, VERSION);
        int n = reader.readSize("lifetime", MAX_DISTINCT_LIFETIMES, 24);
        SurvivalAccumulator accumulator = new SurvivalAccumulator();
        long previous = -1;
        long total = 0;
        for (int i = 0; i < n; i++) {
            int at = reader.offset();
            long lifetime = reader.readLong("lifetime", 0, MAX_LIFETIME);
            if (lifetime <= previous) {
                throw reader.problem(at, lifetime, "lifetimes must be strictly increasing");
            }
            long churned = reader.readCount("churned");
            long censored = reader.readCount("censored");
            if (churned == 0 && censored == 0) {
                throw reader.problem(at, lifetime, "a lifetime must hold at least one customer");
            }
            if (Long.MAX_VALUE - total < churned || Long.MAX_VALUE - total - churned < censored) {
                throw reader.problem(at, lifetime, "the customers must not exceed Long.MAX_VALUE in total");
            }
            total += churned + censored;
            accumulator.counts.put(lifetime, new long[] {churned, censored});
            previous = lifetime;
        }
        reader.end();
        accumulator.customers = total;
        return accumulator;
    }
}
