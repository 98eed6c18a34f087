package org.journeykit.metrics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates resolution times (how long a contact took from opening to resolution) for their mean, median and
 * percentiles. Times are kept in whole milliseconds (a {@link Duration} is rounded down), from 0 to
 * {@link #MAX_MILLIS}, the span of {@link TimeLimits}.
 *
 * <h2>Exact, then sketched</h2>
 * While the accumulator holds at most its exact limit of times ({@value #DEFAULT_EXACT_LIMIT} by default, see
 * {@link #create(int)}), it keeps every time and its percentiles are exact, by the library's nearest-rank
 * definition (see {@link ResolutionTimeResult}). As soon as it holds more, by an add or a merge, the times move
 * into a KLL quantile sketch (Karnin, Lang and Liberty, "Optimal quantile approximation in streams", FOCS 2016)
 * with {@code k = 200}: a few kilobytes whatever the count, and a normalized rank error of about 1.33 % with 99 %
 * confidence for any one percentile ({@link ResolutionTimeResult#rankError()}). An accumulator is therefore exact
 * exactly when its count is at most its exact limit, whatever the order of adds and merges. Count, sum, mean,
 * minimum and maximum are always exact.
 *
 * <h2>Determinism and merge order</h2>
 * The sketch is the library's own KLL implementation with a deterministic compaction (see the package-private
 * {@code QuantileSketch}), not DataSketches' {@code KllDoublesSketch}: that one draws its compaction coins from an
 * unseeded random generator shared by the whole JVM (the median of the same input moved from run to run), and its
 * serialization needs the {@code jdk.incubator.foreign} module, which Java 17 must be told to add and Java 21 and
 * later no longer have. Here the same adds and merges in the same order give the same state and the same
 * percentiles on every run, and {@link #toBytes()} writes the sketch itself, so a state read back behaves exactly
 * as the original: shipping states between every add or merge changes nothing. What still depends on the order:
 * in sketch mode, which times the sketch keeps depends on the order of adds and the grouping of merges, so two
 * orders of the same times may give percentiles that differ, each within the rank error of the truth. Exact mode,
 * the count, the sum, the minimum and the maximum never depend on the order.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class ResolutionTimeAccumulator implements MetricAccumulator<ResolutionTimeAccumulator,
        ResolutionTimeResult> {

    /** The default number of times kept exactly before switching to the sketch. */
    public static final int DEFAULT_EXACT_LIMIT = 4096;

    /** The largest exact limit: a million times, 8 MB. */
    public static final int MAX_EXACT_LIMIT = 1_000_000;

    /** The longest time accepted, in milliseconds: from {@link TimeLimits#EARLIEST} to {@link TimeLimits#LATEST}. */
    public static final long MAX_MILLIS = TimeLimits.LATEST_EPOCH_MILLI - TimeLimits.EARLIEST_EPOCH_MILLI;

    private static final Duration MAX_DURATION = Duration.ofMillis(MAX_MILLIS);
    private static final String METRIC = "resolution time";
    private static final int FORMAT_VERSION = 1;

    private final int exactLimit;
    private final int k;
    private long[] exact = new long[0];
    private int exactSize;
    private @Nullable QuantileSketch sketch;
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    private ResolutionTimeAccumulator(int exactLimit, int k) {
        this.exactLimit = exactLimit;
        this.k = k;
    }

    /**
     * An empty accumulator that is exact up to {@value #DEFAULT_EXACT_LIMIT} times.
     *
     * @return a new accumulator, not null
     */
    public static ResolutionTimeAccumulator create() {
        return new ResolutionTimeAccumulator(DEFAULT_EXACT_LIMIT, QuantileSketch.DEFAULT_K);
    }

    /**
     * An empty accumulator that is exact up to a number of times. The exact limit is the accumulator's
     * configuration: accumulators of different limits do not merge.
     *
     * @param exactLimit the number of times kept exactly, 0 to {@value #MAX_EXACT_LIMIT} (0 sketches from the
     *     first time)
     * @return a new accumulator, not null
     * @throws MetricInputException if the limit is out of range
     */
    public static ResolutionTimeAccumulator create(int exactLimit) {
        return create(exactLimit, QuantileSketch.DEFAULT_K);
    }

    /** For tests: a sketch with a smaller {@code k} compacts after a few dozen times. */
    static ResolutionTimeAccumulator create(int exactLimit, int k) {
        if (exactLimit < 0 || exactLimit > MAX_EXACT_LIMIT) {
            throw new MetricInputException("exactLimit", exactLimit, "must be from 0 to " + MAX_EXACT_LIMIT);
        }
        if (k < QuantileSketch.MIN_K || k > QuantileSketch.MAX_K) {
            throw new MetricInputException("k", k, "must be from " + QuantileSketch.MIN_K + " to "
                    + QuantileSketch.MAX_K);
        }
        return new ResolutionTimeAccumulator(exactLimit, k);
    }

    /**
     * The number of times kept exactly before switching to the sketch.
     *
     * @return the limit, 0 to {@value #MAX_EXACT_LIMIT}
     */
    public int exactLimit() {
        return exactLimit;
    }

    /**
     * Adds one resolution time, rounded down to the millisecond.
     *
     * @param time the time to resolution, not null, from zero to {@link #MAX_MILLIS} milliseconds
     * @return this accumulator
     * @throws MetricInputException if the time is null, negative or longer than {@link #MAX_MILLIS} ms, or the
     *     count or the sum would exceed {@code Long.MAX_VALUE}; the state is unchanged
     */
    public ResolutionTimeAccumulator add(@Nullable Duration time) {
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        if (time.isNegative() || time.compareTo(MAX_DURATION) > 0) {
            throw new MetricInputException("time", time, "must be from zero to " + MAX_DURATION
                    + " (the span of TimeLimits)");
        }
        return addMillis(time.toMillis());
    }

    /**
     * Adds the time between a contact's opening and its resolution, rounded down to the millisecond.
     *
     * @param opened when the contact was opened, not null, within {@link TimeLimits}
     * @param resolved when it was resolved, not null, within {@link TimeLimits}, not before {@code opened}
     * @return this accumulator
     * @throws MetricInputException if an instant is null or outside {@link TimeLimits}, the resolution comes before
     *     the opening (events out of time order), or the count or the sum would exceed {@code Long.MAX_VALUE}; the
     *     state is unchanged
     */
    public ResolutionTimeAccumulator add(@Nullable Instant opened, @Nullable Instant resolved) {
        if (opened == null) {
            throw new MetricInputException("opened", null, "must not be null");
        }
        if (resolved == null) {
            throw new MetricInputException("resolved", null, "must not be null");
        }
        if (!TimeLimits.isSupported(opened)) {
            throw new MetricInputException("opened", opened, TimeLimits.RULE);
        }
        if (!TimeLimits.isSupported(resolved)) {
            throw new MetricInputException("resolved", resolved, TimeLimits.RULE);
        }
        if (resolved.isBefore(opened)) {
            throw new MetricInputException("resolved", resolved, "must not be before opened " + opened);
        }
        return add(Duration.between(opened, resolved));
    }

    /**
     * Adds one resolution time in milliseconds, without creating a {@link Duration}.
     *
     * @param millis the time in milliseconds, 0 to {@link #MAX_MILLIS}
     * @return this accumulator
     * @throws MetricInputException if the time is out of range, or the count or the sum would exceed
     *     {@code Long.MAX_VALUE}; the state is unchanged
     */
    public ResolutionTimeAccumulator addMillis(long millis) {
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new MetricInputException("millis", millis, "must be from 0 to " + MAX_MILLIS
                    + " (the span of TimeLimits)");
        }
        long newCount = Checked.add(count, 1, METRIC);
        long newSum = addSum(sum, millis);
        count = newCount;
        sum = newSum;
        min = Math.min(min, millis);
        max = Math.max(max, millis);
        QuantileSketch target = sketch;
        if (target != null) {
            target.update(millis);
        } else if (exactSize < exactLimit) {
            if (exactSize == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(exactLimit, Math.max(16, exactSize * 2)));
            }
            exact[exactSize++] = millis;
        } else {
            toSketch().update(millis);
        }
        return this;
    }

    private static long addSum(long a, long b) {
        long total = a + b;
        if (((a ^ total) & (b ^ total)) < 0) {
            throw new MetricInputException(METRIC + " sum", a + " ms + " + b + " ms",
                    "must not exceed " + Long.MAX_VALUE + " milliseconds (Long.MAX_VALUE)");
        }
        return total;
    }

    /** Moves the exact times into a new sketch, in ascending order so that the switch does not depend on order. */
    private QuantileSketch toSketch() {
        QuantileSketch created = QuantileSketch.create(k);
        long[] sorted = Arrays.copyOf(exact, exactSize);
        Arrays.sort(sorted);
        for (long time : sorted) {
            created.update(time);
        }
        exact = new long[0];
        exactSize = 0;
        sketch = created;
        return created;
    }

    /**
     * Adds another accumulator's times; merging an accumulator with itself doubles it. The result stays exact
     * while the two together hold at most the exact limit; otherwise it is a sketch (see the class documentation
     * for what then depends on the merge order).
     *
     * @param other the other accumulator, not null, with the same exact limit; it is not changed unless it is this
     *     accumulator
     * @return this accumulator
     * @throws IncompatibleMergeException if the exact limits differ; the state is unchanged
     * @throws MetricInputException if the count or the sum would exceed {@code Long.MAX_VALUE}; the state is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public ResolutionTimeAccumulator merge(ResolutionTimeAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other.exactLimit != exactLimit || other.k != k) {
            throw new IncompatibleMergeException(METRIC, configuration(), other.configuration());
        }
        long newCount = Checked.add(count, other.count, METRIC);
        long newSum = addSum(sum, other.sum);
        // Snapshot first: when other is this accumulator, its times must not be read while they are written.
        long[] otherExact = Arrays.copyOf(other.exact, other.exactSize);
        QuantileSketch otherSketch = other.sketch;
        if (otherSketch != null && otherSketch == sketch) {
            otherSketch = otherSketch.copy();
        }
        count = newCount;
        sum = newSum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (sketch == null && otherSketch == null && exactSize + otherExact.length <= exactLimit) {
            if (exactSize + otherExact.length > exact.length) {
                exact = Arrays.copyOf(exact, exactSize + otherExact.length);
            }
            System.arraycopy(otherExact, 0, exact, exactSize, otherExact.length);
            exactSize += otherExact.length;
            return this;
        }
        QuantileSketch target = sketch != null ? sketch : toSketch();
        if (otherSketch != null) {
            target.merge(otherSketch);
        } else {
            Arrays.sort(otherExact);
            for (long time : otherExact) {
                target.update(time);
            }
        }
        return this;
    }

    private String configuration() {
        return k == QuantileSketch.DEFAULT_K ? "exact limit " + exactLimit
                : "exact limit " + exactLimit + ", k " + k;
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
     * Whether percentiles are still exact: the count is at most the exact limit.
     *
     * @return true while exact
     */
    public boolean isExact() {
        return sketch == null;
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no time was added; not null
     */
    @Override
    public Optional<ResolutionTimeResult> result() {
        if (count == 0) {
            return Optional.empty();
        }
        QuantileSketch current = sketch;
        if (current == null) {
            long[] sorted = Arrays.copyOf(exact, exactSize);
            Arrays.sort(sorted);
            return Optional.of(ResolutionTimeResult.exact(sum, sorted));
        }
        return Optional.of(ResolutionTimeResult.sketched(count, sum, min, max, current));
    }

    /** Whether the product of two values that are not negative fits in a long. */
    private static boolean fitsInLong(long a, long b) {
        return Math.multiplyHigh(a, b) == 0 && a * b >= 0;
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: header {@code 'J' 'K'}, tag 7 (resolution time),
     * format version 1, then the payload, big-endian, times in milliseconds:
     * <pre>
     * exact limit        int, 0 to 1,000,000
     * k                  int, 8 to 65,535 (200 unless configured for tests)
     * count              long, 0 to Long.MAX_VALUE
     * sum                long, 0 to Long.MAX_VALUE, from count x minimum to count x maximum
     * minimum, maximum   two longs, 0 to MAX_MILLIS, minimum &lt;= maximum (both 0 when the count is 0)
     * mode               byte: 0 exact (count &lt;= exact limit), 1 sketch (count &gt; exact limit)
     * exact mode:        int n = count, then the n times ascending, adding up to the sum, the first the minimum
     *                    and the last the maximum
     * sketch mode:       int levels L, 1 to 63; long guaranteed rank error (not negative); then for each level
     *                    h from 0: int size, then size times ascending from minimum to maximum, each weighing
     *                    2^h; at most the sketch's total capacity of items; the weights add up to the count
     * </pre>
     * The sketch is written whole (every retained item at its level), so {@link #fromBytes(byte[])} restores it
     * exactly; equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        QuantileSketch current = sketch;
        int size = 45 + (current == null ? 4 + 8 * exactSize : current.serializedSize());
        StateWriter writer = StateWriter.start(StateTag.RESOLUTION_TIME, FORMAT_VERSION, size)
                .writeInt(exactLimit)
                .writeInt(k)
                .writeLong(count)
                .writeLong(sum)
                .writeLong(count == 0 ? 0 : min)
                .writeLong(count == 0 ? 0 : max)
                .writeBoolean(current != null);
        if (current == null) {
            long[] sorted = Arrays.copyOf(exact, exactSize);
            Arrays.sort(sorted);
            writer.writeInt(sorted.length);
            for (long time : sorted) {
                writer.writeLong(time);
            }
        } else {
            current.write(writer);
        }
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, checking every rule of the layout before allocating.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws StateFormatException if the bytes are not a resolution-time state of a known version, or break a rule
     *     of the layout (a limit out of range, a negative count or time, a sum, minimum or maximum that does not
     *     fit the times, a mode that does not fit the count, times out of order, sketch weights that do not add up
     *     to the count, more items than the sketch holds, bytes missing or left over)
     * @throws NullPointerException if {@code bytes} is null
     */
    public static ResolutionTimeAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.RESOLUTION_TIME, FORMAT_VERSION);
        int exactLimit = reader.readInt("exact limit", 0, MAX_EXACT_LIMIT);
        int k = reader.readInt("k", QuantileSketch.MIN_K, QuantileSketch.MAX_K);
        ResolutionTimeAccumulator accumulator = new ResolutionTimeAccumulator(exactLimit, k);
        long count = reader.readCount("count");
        int sumAt = reader.offset();
        long sum = reader.readCount("sum");
        long min = reader.readLong("minimum", 0, count == 0 ? 0 : MAX_MILLIS);
        long max = reader.readLong("maximum", min, count == 0 ? 0 : MAX_MILLIS);
        if (count == 0 && sum != 0) {
            throw reader.problem(sumAt, sum, "sum must be 0 without times");
        }
        boolean atLeastCountTimesMin = fitsInLong(count, min) && count * min <= sum;
        boolean atMostCountTimesMax = !fitsInLong(count, max) || count * max >= sum;
        if (count > 0 && !(atLeastCountTimesMin && atMostCountTimesMax)) {
            throw reader.problem(sumAt, sum, "sum must lie from count x minimum to count x maximum");
        }
        int modeAt = reader.offset();
        boolean sketched = reader.readBoolean("mode");
        if (sketched != count > exactLimit) {
            throw reader.problem(modeAt, sketched ? 1 : 0, "mode must be 1 (sketch) exactly when the count "
                    + count + " exceeds the exact limit " + exactLimit);
        }
        if (!sketched) {
            int size = reader.readSize("time", exactLimit, 8);
            if (size != count) {
                throw reader.problem(reader.offset() - 4, size, "time count must equal the count " + count);
            }
            long[] times = new long[size];
            long total = 0;
            long previous = min;
            for (int i = 0; i < size; i++) {
                times[i] = reader.readLong("time", previous, max);
                previous = times[i];
                total += times[i];
                if (total < 0) {
                    throw reader.problem(sumAt, sum, "sum must be the sum of the times");
                }
            }
            if (size > 0 && (times[0] != min || times[size - 1] != max || total != sum)) {
                throw reader.problem(sumAt, sum, "sum, minimum and maximum must be those of the times");
            }
            accumulator.exact = times;
            accumulator.exactSize = size;
        } else {
            accumulator.sketch = QuantileSketch.read(reader, k, count, min, max);
        }
        reader.end();
        accumulator.count = count;
        accumulator.sum = sum;
        accumulator.min = count == 0 ? Long.MAX_VALUE : min;
        accumulator.max = count == 0 ? Long.MIN_VALUE : max;
        return accumulator;
    }
}
