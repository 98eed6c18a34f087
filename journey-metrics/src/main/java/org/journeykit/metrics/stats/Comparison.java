package org.journeykit.metrics.stats;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * A two-sample comparison of one metric: the difference {@code current - baseline}, its standard error,
 * the z statistic {@code difference / standardError} and the two-sided p-value {@code 2 (1 - Phi(|z|))}.
 *
 * <p>Used for period-over-period (this half-year against the last) and segment-against-segment comparisons of
 * NPS and CSAT; the two samples must be independent (different respondents).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Comparison {

    private final double current;
    private final double baseline;
    private final double standardError;

    private Comparison(double current, double baseline, double standardError) {
        this.current = current;
        this.baseline = baseline;
        this.standardError = standardError;
    }

    /**
     * Creates a comparison from the two estimates and the standard error of their difference.
     *
     * @param current the estimate of the sample compared (this period, this segment), finite
     * @param baseline the estimate it is compared against (the previous period, the other segment), finite
     * @param standardError the standard error of {@code current - baseline}, finite, not negative
     * @return the comparison, not null
     * @throws MetricInputException if a value is not finite or the standard error is negative
     */
    public static Comparison of(double current, double baseline, double standardError) {
        if (!Double.isFinite(current)) {
            throw new MetricInputException("current", current, "must be finite");
        }
        if (!Double.isFinite(baseline)) {
            throw new MetricInputException("baseline", baseline, "must be finite");
        }
        if (!(standardError >= 0.0) || Double.isInfinite(standardError)) {
            throw new MetricInputException("standardError", standardError, "must be finite and not negative");
        }
        return new Comparison(current, baseline, standardError);
    }

    /**
     * The estimate of the sample compared.
     *
     * @return the current estimate
     */
    public double current() {
        return current;
    }

    /**
     * The estimate compared against.
     *
     * @return the baseline estimate
     */
    public double baseline() {
        return baseline;
    }

    /**
     * The difference {@code current - baseline}.
     *
     * @return the difference
     */
    public double difference() {
        return current - baseline;
    }

    /**
     * The standard error of the difference.
     *
     * @return the standard error, not negative
     */
    public double standardError() {
        return standardError;
    }

    /**
     * The z statistic {@code difference / standardError}; when the standard error is 0 (both samples without
     * spread) it is 0 for equal estimates and infinite otherwise.
     *
     * @return z
     */
    public double z() {
        double difference = difference();
        if (standardError == 0.0) {
            return difference == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / standardError;
    }

    /**
     * The two-sided p-value of the difference under the normal approximation.
     *
     * @return the p-value, in [0, 1]
     */
    public double pValue() {
        return Normal.twoSidedPValue(z());
    }

    /**
     * Whether the difference is significant at a level: {@code pValue() < 1 - level}.
     *
     * @param level the confidence level, such as 0.95, strictly between 0 and 1
     * @return true if significant
     * @throws MetricInputException if the level is out of range
     */
    public boolean isSignificant(double level) {
        Normal.checkLevel(level);
        return pValue() < 1.0 - level;
    }

    /**
     * The Wald confidence interval of the difference: {@code difference +/- z * standardError}.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval differenceInterval(double level) {
        double margin = Normal.criticalValue(level) * standardError;
        double difference = difference();
        return Interval.of(difference, difference - margin, difference + margin, level);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof Comparison)) {
            return false;
        }
        Comparison that = (Comparison) other;
        return Double.compare(current, that.current) == 0 && Double.compare(baseline, that.baseline) == 0
                && Double.compare(standardError, that.standardError) == 0;
    }

    @Override
    public int hashCode() {
        return (Double.hashCode(current) * 31 + Double.hashCode(baseline)) * 31 + Double.hashCode(standardError);
    }

    /**
     * A readable form, such as {@code "+5.00 (12.00 vs 7.00), z = 1.10, p = 0.2713"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%+.2f (%.2f vs %.2f), z = %.2f, p = %.4f", difference(), current,
                baseline, z(), pValue());
    }
}
