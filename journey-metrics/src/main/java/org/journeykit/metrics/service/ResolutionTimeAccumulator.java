package org.journeykit.metrics.service;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedViewIterator;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates resolution times (how long a contact took from opening to resolution) for their mean, median and
 * percentiles.
 *
 * <p>Up to {@value #DEFAULT_EXACT_LIMIT} values (or the configured limit) are kept and percentiles are exact.
 * Beyond that, and whenever a merge would exceed it, the values move into an Apache DataSketches KLL quantile
 * sketch (Karnin, Lang and Liberty, "Optimal quantile approximation in streams", FOCS 2016) with parameter
 * {@code k = 200}: constant memory (a few kilobytes), mergeable, and a normalized rank error of about 1.33 %
 * (99 % confidence), reported by {@link ResolutionTimeResult#rankError()}. Count, mean, minimum and maximum are
 * always exact.
 *
 * <p>Times are kept as milliseconds. {@link #toBytes()} and {@link #fromBytes(byte[])} ship the state between
 * machines. DataSketches' own serialization needs its memory library, which does not run on every JDK this library
 * supports (it needs an incubator module on Java 17 that later JDKs no longer have), so a sketch is written as its
 * retained items with their weights and read back by weighted updates into a new sketch of the same {@code k}: the
 * re-created sketch has the same retained items, weights and total weight, and the same rank-error bound.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class ResolutionTimeAccumulator implements MetricAccumulator<ResolutionTimeAccumulator,
        ResolutionTimeResult> {

    /** The default number of values kept exactly before switching to the sketch. */
    public static final int DEFAULT_EXACT_LIMIT = 4096;

    /** The KLL sketch's accuracy parameter. */
    static final int K = 200;

    private final int exactLimit;
    private double[] exact = new double[16];
    private int exactSize;
    private @Nullable KllDoublesSketch sketch;
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private ResolutionTimeAccumulator(int exactLimit) {
        this.exactLimit = exactLimit;
    }

    /**
     * An empty accumulator that is exact up to {@value #DEFAULT_EXACT_LIMIT} values.
     *
     * @return the accumulator, not null
     */
    public static ResolutionTimeAccumulator create() {
        return new ResolutionTimeAccumulator(DEFAULT_EXACT_LIMIT);
    }

    /**
     * An empty accumulator that is exact up to a number of values.
     *
     * @param exactLimit the number of values kept exactly, 0 to 1,000,000 (0 sketches from the first value)
     * @return the accumulator, not null
     * @throws MetricInputException if the limit is out of range
     */
    public static ResolutionTimeAccumulator withExactLimit(int exactLimit) {
        if (exactLimit < 0 || exactLimit > 1_000_000) {
            throw new MetricInputException("exactLimit", exactLimit, "must be from 0 to 1000000");
        }
        return new ResolutionTimeAccumulator(exactLimit);
    }

    /**
     * Adds one resolution time.
     *
     * @param time the time to resolution, not null, not negative
     * @return this accumulator
     * @throws MetricInputException if the time is null or negative; the state is unchanged
     */
    public ResolutionTimeAccumulator add(@Nullable Duration time) {
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        if (time.isNegative()) {
            throw new MetricInputException("time", time, "must not be negative");
        }
        return addMillis(time.toNanos() / 1e6);
    }

    /**
     * Adds the time between a contact's opening and its resolution.
     *
     * @param opened when the contact was opened, not null
     * @param resolved when it was resolved, not null, not before {@code opened}
     * @return this accumulator
     * @throws MetricInputException if an instant is null or the resolution comes before the opening (events out
     *     of time order); the state is unchanged
     */
    public ResolutionTimeAccumulator add(@Nullable Instant opened, @Nullable Instant resolved) {
        if (opened == null) {
            throw new MetricInputException("opened", null, "must not be null");
        }
        if (resolved == null) {
            throw new MetricInputException("resolved", null, "must not be null");
        }
        if (resolved.isBefore(opened)) {
            throw new MetricInputException("resolved", resolved, "must not be before opened " + opened);
        }
        return add(Duration.between(opened, resolved));
    }

    /**
     * Adds one resolution time in milliseconds, without boxing.
     *
     * @param millis the time in milliseconds, finite, not negative
     * @return this accumulator
     * @throws MetricInputException if the time is negative or not finite; the state is unchanged
     */
    public ResolutionTimeAccumulator addMillis(double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new MetricInputException("millis", millis, "must be finite and not negative");
        }
        count++;
        sum += millis;
        min = Math.min(min, millis);
        max = Math.max(max, millis);
        KllDoublesSketch target = sketch;
        if (target != null) {
            target.update(millis);
        } else if (exactSize < exactLimit) {
            if (exactSize == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(exactLimit, exactSize * 2));
            }
            exact[exactSize++] = millis;
        } else {
            toSketch().update(millis);
        }
        return this;
    }

    private KllDoublesSketch toSketch() {
        KllDoublesSketch created = KllDoublesSketch.newHeapInstance(K);
        for (int i = 0; i < exactSize; i++) {
            created.update(exact[i]);
        }
        exact = new double[0];
        exactSize = 0;
        sketch = created;
        return created;
    }

    /**
     * Adds another accumulator's times. The result stays exact while both are exact and together hold at most
     * the exact limit; otherwise it is a sketch.
     *
     * @param other the other accumulator, not null, with the same exact limit; it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if the exact limits differ
     */
    @Override
    public ResolutionTimeAccumulator merge(ResolutionTimeAccumulator other) {
        if (other.exactLimit != exactLimit) {
            throw new IncompatibleMergeException("resolution time", "exact limit " + exactLimit,
                    "exact limit " + other.exactLimit);
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        KllDoublesSketch otherSketch = other.sketch;
        if (sketch == null && otherSketch == null && exactSize + other.exactSize <= exactLimit) {
            if (exactSize + other.exactSize > exact.length) {
                exact = Arrays.copyOf(exact, exactSize + other.exactSize);
            }
            System.arraycopy(other.exact, 0, exact, exactSize, other.exactSize);
            exactSize += other.exactSize;
            return this;
        }
        KllDoublesSketch target = sketch != null ? sketch : toSketch();
        if (otherSketch != null) {
            target.merge(otherSketch);
        } else {
            for (int i = 0; i < other.exactSize; i++) {
                target.update(other.exact[i]);
            }
        }
        return this;
    }

    private static final int MAGIC = 0x52544D31; // "RTM1"

    /**
     * Writes the state to bytes: exact values while exact, otherwise the sketch's retained items and weights;
     * count, sum, minimum and maximum always.
     *
     * @return the bytes, not null
     */
    public byte[] toBytes() {
        KllDoublesSketch current = sketch;
        int items = exactSize;
        if (current != null) {
            items = 0;
            DoublesSortedViewIterator counting = current.getSortedView().iterator();
            while (counting.next()) {
                // The sorted view adds the exact minimum and maximum with weight 0 when they are not retained;
                // they are written separately.
                items += counting.getWeight() > 0 ? 1 : 0;
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 + 8 + 8 + 8 + 8 + 1 + 4 + items * (current == null ? 8 : 16));
        buffer.putInt(MAGIC).putInt(exactLimit).putLong(count).putDouble(sum).putDouble(min).putDouble(max);
        if (current == null) {
            buffer.put((byte) 0).putInt(exactSize);
            for (int i = 0; i < exactSize; i++) {
                buffer.putDouble(exact[i]);
            }
        } else {
            buffer.put((byte) 1).putInt(items);
            DoublesSortedViewIterator retained = current.getSortedView().iterator();
            while (retained.next()) {
                if (retained.getWeight() > 0) {
                    buffer.putDouble(retained.getQuantile()).putLong(retained.getWeight());
                }
            }
        }
        return buffer.array();
    }

    /**
     * Reads an accumulator written by {@link #toBytes()}.
     *
     * @param bytes the bytes, not null
     * @return the accumulator, not null
     * @throws MetricInputException if the bytes are not a serialized resolution-time accumulator or are
     *     inconsistent (a negative or non-finite time, weights that do not add up to the count)
     */
    public static ResolutionTimeAccumulator fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            if (buffer.getInt() != MAGIC) {
                throw new MetricInputException("bytes", bytes.length + " bytes",
                        "must be a serialized resolution-time accumulator (tag " + Integer.toHexString(MAGIC) + ")");
            }
            int limit = buffer.getInt();
            if (limit < 0) {
                throw new MetricInputException("bytes", limit, "exact limit must not be negative");
            }
            ResolutionTimeAccumulator accumulator = new ResolutionTimeAccumulator(limit);
            long count = buffer.getLong();
            double sum = buffer.getDouble();
            double min = buffer.getDouble();
            double max = buffer.getDouble();
            byte mode = buffer.get();
            int items = buffer.getInt();
            if (count < 0 || items < 0 || (mode != 0 && mode != 1)
                    || buffer.remaining() != (long) items * (mode == 0 ? 8 : 16)) {
                throw new MetricInputException("bytes", bytes.length + " bytes",
                        "must hold a consistent resolution-time state");
            }
            long weights = 0;
            if (mode == 0) {
                if (items != count || items > limit) {
                    throw new MetricInputException("bytes", items + " values",
                            "must hold one exact value per counted time, at most the exact limit");
                }
                accumulator.exact = new double[Math.max(16, items)];
                for (int i = 0; i < items; i++) {
                    accumulator.exact[i] = time(buffer.getDouble());
                }
                accumulator.exactSize = items;
            } else {
                KllDoublesSketch rebuilt = KllDoublesSketch.newHeapInstance(K);
                for (int i = 0; i < items; i++) {
                    double item = time(buffer.getDouble());
                    long weight = buffer.getLong();
                    if (weight <= 0) {
                        throw new MetricInputException("bytes", weight, "sketch weights must be positive");
                    }
                    rebuilt.update(item, weight);
                    weights += weight;
                }
                if (weights != count) {
                    throw new MetricInputException("bytes", weights, "sketch weights must add up to the count "
                            + count);
                }
                accumulator.exact = new double[0];
                accumulator.sketch = rebuilt;
            }
            accumulator.count = count;
            accumulator.sum = sum;
            accumulator.min = count == 0 ? Double.POSITIVE_INFINITY : time(min);
            accumulator.max = count == 0 ? Double.NEGATIVE_INFINITY : time(max);
            return accumulator;
        } catch (BufferUnderflowException e) {
            throw new MetricInputException("bytes", bytes.length + " bytes", "ends early", e);
        }
    }

    private static double time(double millis) {
        if (!(millis >= 0) || Double.isInfinite(millis)) {
            throw new MetricInputException("bytes", millis, "times must be finite and not negative");
        }
        return millis;
    }

    /**
     * The number of times added.
     *
     * @return the count, not negative
     */
    public long count() {
        return count;
    }

    /**
     * Whether percentiles are still exact (no sketch in use).
     *
     * @return true while exact
     */
    public boolean isExact() {
        return sketch == null;
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no time was added
     */
    @Override
    public Optional<ResolutionTimeResult> result() {
        if (count == 0) {
            return Optional.empty();
        }
        KllDoublesSketch current = sketch;
        if (current == null) {
            double[] sorted = Arrays.copyOf(exact, exactSize);
            Arrays.sort(sorted);
            return Optional.of(ResolutionTimeResult.exact(sorted, sum));
        }
        return Optional.of(ResolutionTimeResult.sketched(count, sum, min, max, current.getSortedView(),
                current.getNormalizedRankError(false)));
    }
}
