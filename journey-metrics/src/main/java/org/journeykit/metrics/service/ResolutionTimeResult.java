package org.journeykit.metrics.service;

import java.time.Duration;
import java.util.Locale;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Resolution times over at least one contact: count, mean, minimum, maximum and percentiles.
 *
 * <p>Percentiles follow the nearest-rank definition: the q-quantile is the smallest time {@code t} such that at
 * least a share {@code q} of the times is at most {@code t} (the {@code ceil(q n)}-th smallest; q = 0 gives the
 * minimum). When the result is exact, this is computed on the sorted times; otherwise it comes from the KLL
 * sketch, whose answer has a rank within {@link #rankError()} of q (with 99 % confidence).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ResolutionTimeResult {

    private final long count;
    private final double sum;
    private final double min;
    private final double max;
    private final double @Nullable [] sorted;
    private final @Nullable DoublesSortedView view;
    private final double rankError;

    private ResolutionTimeResult(long count, double sum, double min, double max, double @Nullable [] sorted,
            @Nullable DoublesSortedView view, double rankError) {
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.sorted = sorted;
        this.view = view;
        this.rankError = rankError;
    }

    static ResolutionTimeResult exact(double[] sorted, double sum) {
        return new ResolutionTimeResult(sorted.length, sum, sorted[0], sorted[sorted.length - 1], sorted, null, 0.0);
    }

    static ResolutionTimeResult sketched(long count, double sum, double min, double max, DoublesSortedView view,
            double rankError) {
        return new ResolutionTimeResult(count, sum, min, max, null, view, rankError);
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
        return sorted != null;
    }

    /**
     * The normalized rank error bound of the percentiles: 0 when exact, about 0.0133 for the KLL sketch (99 %
     * confidence that the returned time's rank is within this share of the requested one).
     *
     * @return the bound, in [0, 1)
     */
    public double rankError() {
        return rankError;
    }

    /**
     * The mean resolution time (always exact).
     *
     * @return the mean, not null
     */
    public Duration mean() {
        return millis(sum / count);
    }

    /**
     * The shortest resolution time (always exact).
     *
     * @return the minimum, not null
     */
    public Duration min() {
        return millis(min);
    }

    /**
     * The longest resolution time (always exact).
     *
     * @return the maximum, not null
     */
    public Duration max() {
        return millis(max);
    }

    /**
     * The median, {@code percentile(0.5)}.
     *
     * @return the median, not null
     */
    public Duration median() {
        return percentile(0.5);
    }

    /**
     * A percentile (nearest-rank definition).
     *
     * @param q the quantile, in [0, 1], such as 0.9 for the 90th percentile
     * @return the time, not null
     * @throws MetricInputException if q is outside [0, 1]
     */
    public Duration percentile(double q) {
        return millis(percentileMillis(q));
    }

    /**
     * A percentile in milliseconds, without creating a {@link Duration}.
     *
     * @param q the quantile, in [0, 1]
     * @return the time in milliseconds
     * @throws MetricInputException if q is outside [0, 1]
     */
    public double percentileMillis(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new MetricInputException("q", q, "must be a quantile in [0, 1]");
        }
        double[] values = sorted;
        if (values != null) {
            int rank = (int) Math.ceil(q * values.length);
            return values[Math.max(0, rank - 1)];
        }
        if (q == 0) {
            return min;
        }
        return java.util.Objects.requireNonNull(view).getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1e6));
    }

    /**
     * A readable form, such as {@code "n = 120, mean PT41M, median PT30M, p90 PT1H20M (exact)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n = %d, mean %s, median %s, p90 %s (%s)", count, mean(), median(),
                percentile(0.9), isExact() ? "exact" : String.format(Locale.ROOT, "KLL, rank error %.2f%%",
                        100 * rankError));
    }
}
