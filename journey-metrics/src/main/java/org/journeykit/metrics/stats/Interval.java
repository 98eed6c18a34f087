package org.journeykit.metrics.stats;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * A confidence interval: a point estimate, a lower and an upper bound, and the confidence level.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Interval {

    private final double estimate;
    private final double lower;
    private final double upper;
    private final double level;

    private Interval(double estimate, double lower, double upper, double level) {
        this.estimate = estimate;
        this.lower = lower;
        this.upper = upper;
        this.level = level;
    }

    /**
     * Creates an interval.
     *
     * @param estimate the point estimate the interval is built around (for adjusted intervals the adjusted
     *     estimate), finite
     * @param lower the lower bound, finite, at most upper
     * @param upper the upper bound, finite
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, not null
     * @throws MetricInputException if a bound is not finite, lower exceeds upper, or the level is out of range
     */
    public static Interval of(double estimate, double lower, double upper, double level) {
        if (!Double.isFinite(estimate)) {
            throw new MetricInputException("estimate", estimate, "must be finite");
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new MetricInputException("bounds", lower + ", " + upper, "must be finite");
        }
        if (lower > upper) {
            throw new MetricInputException("lower", lower, "must be at most upper " + upper);
        }
        Normal.checkLevel(level);
        return new Interval(estimate, lower, upper, level);
    }

    /**
     * The point estimate.
     *
     * @return the estimate
     */
    public double estimate() {
        return estimate;
    }

    /**
     * The lower bound.
     *
     * @return the lower bound
     */
    public double lower() {
        return lower;
    }

    /**
     * The upper bound.
     *
     * @return the upper bound
     */
    public double upper() {
        return upper;
    }

    /**
     * The confidence level, such as 0.95.
     *
     * @return the level, strictly between 0 and 1
     */
    public double level() {
        return level;
    }

    /**
     * Half the width: the margin of error when the interval is symmetric around its estimate.
     *
     * @return {@code (upper - lower) / 2}, not negative
     */
    public double halfWidth() {
        return (upper - lower) / 2.0;
    }

    /**
     * Whether a value lies in the interval, bounds included.
     *
     * @param value the value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof Interval)) {
            return false;
        }
        Interval that = (Interval) other;
        return Double.compare(estimate, that.estimate) == 0 && Double.compare(lower, that.lower) == 0
                && Double.compare(upper, that.upper) == 0 && Double.compare(level, that.level) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(estimate) * 31 * 31 * 31 + Double.hashCode(lower) * 31 * 31
                + Double.hashCode(upper) * 31 + Double.hashCode(level);
    }

    /**
     * A readable form, such as {@code "9.71 [-6.27, 25.69] (95% CI)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (%s%% CI)", estimate, lower, upper,
                trim(level * 100.0));
    }

    private static String trim(double percent) {
        String text = String.format(Locale.ROOT, "%.4f", percent);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
