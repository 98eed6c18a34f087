package org.journeykit.metrics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.datasketches.kll.KllDoublesSketch;
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
 * <p>Times are kept as milliseconds.
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
