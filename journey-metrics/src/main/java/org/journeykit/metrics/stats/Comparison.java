package org.journeykit.metrics.stats;

import java.util.Locale;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * A two-sample comparison of one metric: the difference {@code current - baseline}, its standard error,
 * the z statistic {@code difference / standardError} and the two-sided p-value {@code 2 (1 - Phi(|z|))}.
 *
 * <p>The z statistic and the p-value are defined only for a positive standard error. When it is 0 (both samples
 * without spread, such as two results of only passives) there is nothing to measure the difference against: they
 * are empty, never a stand-in 0, infinity or NaN, and the difference is not called significant.
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
     * @throws MetricInputException if a value is not finite, the standard error is negative, or the difference
     *     {@code current - baseline} is not finite
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
        if (!Double.isFinite(current - baseline)) {
            throw new MetricInputException("current - baseline", current - baseline, "must be finite");
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
     * The z statistic {@code difference / standardError}.
     *
     * @return z, finite; empty when the standard error is 0 (undefined), or when the quotient exceeds the range of
     *     a double (a standard error below about 1e-308 of the difference)
     */
    public OptionalDouble z() {
        if (standardError == 0.0) {
            return OptionalDouble.empty();
        }
        double z = difference() / standardError;
        return Double.isFinite(z) ? OptionalDouble.of(z) : OptionalDouble.empty();
    }

    /**
     * The two-sided p-value of the difference under the normal approximation, {@code 2 (1 - Phi(|z|))}.
     *
     * @return the p-value, in [0, 1]; empty when {@link #z()} is
     */
    public OptionalDouble pValue() {
        OptionalDouble z = z();
        return z.isPresent() ? OptionalDouble.of(Normal.twoSidedPValue(z.getAsDouble())) : OptionalDouble.empty();
    }

    /**
     * Whether the difference is significant at a level: the p-value is defined and below {@code 1 - level}. A
     * comparison without a p-value (standard error 0) is not significant: no test was possible.
     *
     * @param level the confidence level, such as 0.95, strictly between 0 and 1
     * @return true if significant
     * @throws MetricInputException if the level is out of range
     */
    public boolean isSignificant(double level) {
        Normal.checkLevel(level);
        OptionalDouble p = pValue();
        return p.isPresent() && p.getAsDouble() < 1.0 - level;
    }

    /**
     * The Wald confidence interval of the difference: {@code difference +/- z * standardError}.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, not null
     * @throws MetricInputException if the level is out of range, or a bound exceeds the range of a double
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
     * A readable form, such as {@code "+5.00 (12.00 vs 7.00), z = 1.10, p = 0.2713"}, or
     * {@code "+100.00 (100.00 vs 0.00), z and p undefined (standard error 0.0)"} without a z statistic.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        String head = String.format(Locale.ROOT, "%+.2f (%.2f vs %.2f)", difference(), current, baseline);
        OptionalDouble z = z();
        if (z.isEmpty()) {
            return head + ", z and p undefined (standard error " + standardError + ")";
        }
        return head + String.format(Locale.ROOT, ", z = %.2f, p = %.4f", z.getAsDouble(),
                pValue().getAsDouble());
    }
}
