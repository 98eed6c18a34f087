package org.journeykit.metrics.service;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.NearestRank;
import org.jspecify.annotations.Nullable;

/**
 * Resolution times over at least one contact, in whole milliseconds: count, mean, minimum, maximum and percentiles.
 *
 * <p>Percentiles follow the library's nearest-rank definition ({@code NearestRank}): the q-quantile of {@code n}
 * times is the time of rank {@code max(1, ceil(q n))} in ascending order, with {@code ceil(q n)} computed exactly
 * from the shortest decimal form of {@code q}, so 0.07 of 100 times is the 7th; the median is the 0.5-quantile, for
 * an even count the lower of the two middle times. When the result is exact ({@link #isExact()}), this is computed
 * on all the times. Otherwise it comes from the accumulator's KLL sketch: the rank of the time returned is within
 * {@link #rankError()} {@code n} of the requested rank with 99 % confidence, and always within
 * {@link #guaranteedRankError()} {@code n}; the 0- and 1-quantiles are the exact minimum and maximum. Count, mean,
 * minimum and maximum are always exact.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ResolutionTimeResult {

    private final long count;
    private final long sumMillis;
    private final long min;
    private final long max;
    private final boolean exact;
    private final double rankError;
    private final long maxRankError;
    /** The distinct times, ascending. */
    private final long[] times;
    /** For each time, the number of times (or sketch weight) up to and including it; the last is the count. */
    private final long[] cumulative;

    private ResolutionTimeResult(long count, long sumMillis, long min, long max, boolean exact, double rankError,
            long maxRankError, long[][] view) {
        this.count = count;
        this.sumMillis = sumMillis;
        this.min = min;
        this.max = max;
        this.exact = exact;
        this.rankError = rankError;
        this.maxRankError = maxRankError;
        this.times = view[0];
        this.cumulative = view[1];
    }

    static ResolutionTimeResult exact(long sumMillis, long[] sorted) {
        long[] ones = new long[sorted.length];
        Arrays.fill(ones, 1);
        long[][] view = QuantileSketch.cumulative(sorted, ones, sorted.length);
        return new ResolutionTimeResult(sorted.length, sumMillis, sorted[0], sorted[sorted.length - 1], true, 0, 0,
                view);
    }

    static ResolutionTimeResult sketched(long count, long sumMillis, long min, long max, QuantileSketch sketch) {
        return new ResolutionTimeResult(count, sumMillis, min, max, false,
                QuantileSketch.normalizedRankError(sketch.k()), Math.min(count, sketch.maxRankError()),
                sketch.sortedView());
    }

    /**
     * Rebuilds a result from what its accessors and {@link #distribution()} give (for a stored result, such as its
     * JSON form).
     *
     * @param totalMillis the sum of all times in milliseconds, not negative
     * @param minMillis the shortest time in milliseconds, not negative
     * @param maxMillis the longest time in milliseconds, at least {@code minMillis}
     * @param exact whether the distribution holds every time ({@link #isExact()})
     * @param rankError the 99 % normalized rank error, 0 when exact, otherwise in (0, 1]
     * @param guaranteedRankError the guaranteed rank error in times (not normalized: {@link #guaranteedRankError()}
     *     times the count), 0 when exact, otherwise from 0 to the count
     * @param times the distinct times kept, in milliseconds, strictly ascending, from {@code minMillis} to
     *     {@code maxMillis}, at least one; not null, copied
     * @param weights the number of times (or sketch weight) each kept time stands for, one per time, each at least
     *     1, adding up to the count; not null, copied
     * @return the result, not null
     * @throws MetricInputException if a value is out of range, the arrays differ in length or are empty, the times
     *     are not strictly ascending within the minimum and maximum, an exact result's times do not start at the
     *     minimum and end at the maximum, or the weights add up to more than {@code Long.MAX_VALUE}
     * @throws NullPointerException if an array is null
     */
    public static ResolutionTimeResult of(long totalMillis, long minMillis, long maxMillis, boolean exact,
            double rankError, long guaranteedRankError, long[] times, long[] weights) {
        if (totalMillis < 0 || minMillis < 0 || maxMillis < minMillis) {
            throw new MetricInputException("total, min, max", totalMillis + ", " + minMillis + ", " + maxMillis,
                    "must not be negative, with min at most max");
        }
        if (times.length == 0 || times.length != weights.length) {
            throw new MetricInputException("times", times.length + " times, " + weights.length + " weights",
                    "must be at least one time, with one weight per time");
        }
        long[] cumulative = new long[weights.length];
        long running = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] < minMillis || times[i] > maxMillis || (i > 0 && times[i] <= times[i - 1])) {
                throw new MetricInputException("times[" + i + "]", times[i],
                        "must be strictly ascending from min " + minMillis + " to max " + maxMillis);
            }
            if (weights[i] < 1 || running > Long.MAX_VALUE - weights[i]) {
                throw new MetricInputException("weights[" + i + "]", weights[i],
                        "must be at least 1, the weights adding up to at most " + Long.MAX_VALUE);
            }
            running += weights[i];
            cumulative[i] = running;
        }
        if (exact ? rankError != 0 || guaranteedRankError != 0 || times[0] != minMillis
                || times[times.length - 1] != maxMillis
                : !(rankError > 0 && rankError <= 1) || guaranteedRankError < 0 || guaranteedRankError > running) {
            throw new MetricInputException("rankError", rankError + ", guaranteed " + guaranteedRankError,
                    exact ? "must be 0 for an exact result, whose times run from min to max"
                            : "must be in (0, 1], the guaranteed error from 0 to the count " + running);
        }
        return new ResolutionTimeResult(running, totalMillis, minMillis, maxMillis, exact, rankError,
                guaranteedRankError, new long[][] {times.clone(), cumulative});
    }

    /**
     * The kept distribution: the distinct times in milliseconds, ascending, each with the number of times (or the
     * sketch weight) it stands for. Exact results keep every distinct time; sketched ones a sample.
     *
     * @return two new arrays of equal length, {@code [0]} the times and {@code [1]} the weights (each at least 1,
     *     adding up to the count), not null
     */
    public long[][] distribution() {
        long[] weights = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            weights[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        return new long[][] {times.clone(), weights};
    }

    /**
     * The sum of all times (always exact).
     *
     * @return the sum in milliseconds, not negative
     */
    public long totalMillis() {
        return sumMillis;
    }

    /**
     * The guaranteed rank error in times rather than as a share: {@link #guaranteedRankError()} times the count.
     *
     * @return the error, 0 when exact, at most the count
     */
    public long guaranteedRankErrorTimes() {
        return maxRankError;
    }

    /**
     * The number of contacts.
     *
     * @return at least 1
     */
    public long count() {
        return count;
    }

    /**
     * Whether percentiles are exact.
     *
     * @return true if computed on all times, false if from the sketch
     */
    public boolean isExact() {
        return exact;
    }

    /**
     * The normalized rank error of a percentile with 99 % confidence: 0 when exact, about 0.0133 for the KLL sketch
     * ({@code 2.296 / k^0.9723} with {@code k = 200}, the bound Apache DataSketches publishes for KLL). A percentile
     * asked for rank {@code r} returns a time whose rank is within {@code rankError() * count()} of {@code r}.
     *
     * @return the share of the count, from 0 to 1
     */
    public double rankError() {
        return rankError;
    }

    /**
     * The normalized rank error that holds for every input, not only with 99 % confidence: 0 when exact, otherwise
     * the sum over the sketch's compactions of the weight each could shift a rank by, over the count (at most 1).
     * Far looser than {@link #rankError()}; useful to compare two sketches of the same times with certainty.
     *
     * @return the share of the count, from 0 to 1
     */
    public double guaranteedRankError() {
        return maxRankError / (double) count;
    }

    /**
     * The mean resolution time (always exact), rounded down to the nanosecond.
     *
     * @return the mean, not null, not negative
     */
    public Duration mean() {
        long whole = sumMillis / count;
        long nanos = BigInteger.valueOf(sumMillis % count).multiply(BigInteger.valueOf(1_000_000))
                .divide(BigInteger.valueOf(count)).longValueExact();
        return Duration.ofMillis(whole).plusNanos(nanos);
    }

    /**
     * The shortest resolution time (always exact).
     *
     * @return the minimum, not null, not negative
     */
    public Duration min() {
        return Duration.ofMillis(min);
    }

    /**
     * The longest resolution time (always exact).
     *
     * @return the maximum, not null, not negative
     */
    public Duration max() {
        return Duration.ofMillis(max);
    }

    /**
     * The median, {@code percentile(0.5)}: for an even count, the lower of the two middle times.
     *
     * @return the median, not null, not negative
     */
    public Duration median() {
        return percentile(0.5);
    }

    /**
     * A percentile (nearest-rank definition, see the class documentation).
     *
     * @param q the quantile, from 0 to 1, such as 0.9 for the 90th percentile
     * @return the time, not null, not negative
     * @throws MetricInputException if q is outside 0 to 1 or NaN
     */
    public Duration percentile(double q) {
        return Duration.ofMillis(percentileMillis(q));
    }

    /**
     * A percentile in milliseconds, without creating a {@link Duration}.
     *
     * @param q the quantile, from 0 to 1
     * @return the time in milliseconds, not negative
     * @throws MetricInputException if q is outside 0 to 1 or NaN
     */
    public long percentileMillis(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new MetricInputException("q", q, "must be a quantile from 0 to 1");
        }
        long rank = NearestRank.rank(q, count);
        if (rank == 1) {
            return min;
        }
        if (rank == count) {
            return max;
        }
        int at = Arrays.binarySearch(cumulative, rank);
        if (at < 0) {
            at = -at - 1;
        }
        return times[at];
    }

    /** The guaranteed rank error in times (0 when exact): for tests that compare sketches. */
    long maxRankError() {
        return maxRankError;
    }

    /**
     * The estimated number of times at most a value: the weight of the kept times up to it (exact when exact).
     *
     * @param millis the value in milliseconds
     * @return the estimated rank, 0 to the count
     */
    long estimatedRank(long millis) {
        int at = Arrays.binarySearch(times, millis);
        int last = at >= 0 ? at : -at - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /**
     * Whether another object is a result with the same count, sum, minimum, maximum, mode, error bounds and
     * percentiles.
     *
     * @param other the object, or null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof ResolutionTimeResult)) {
            return false;
        }
        ResolutionTimeResult that = (ResolutionTimeResult) other;
        return count == that.count && sumMillis == that.sumMillis && min == that.min && max == that.max
                && exact == that.exact && Double.compare(rankError, that.rankError) == 0
                && maxRankError == that.maxRankError && Arrays.equals(times, that.times)
                && Arrays.equals(cumulative, that.cumulative);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(count, sumMillis, min, max, exact, rankError, maxRankError, Arrays.hashCode(times),
                Arrays.hashCode(cumulative));
    }

    /**
     * A readable form, such as {@code "n = 120, mean PT41M, median PT30M, p90 PT1H20M (exact)"} or, from the
     * sketch, {@code "... (KLL sketch, rank error 1.33%)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n = %d, mean %s, median %s, p90 %s (%s)", count, mean(), median(),
                percentile(0.9), exact ? "exact" : String.format(Locale.ROOT, "KLL sketch, rank error %.2f%%",
                        100 * rankError));
    }
}
