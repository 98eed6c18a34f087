package org.journeykit.io.html;

import java.util.Objects;

/**
 * One period of a {@link TrendSeries}: a label such as "2026-H1", the value, and its confidence interval.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendPoint {

    private final String period;
    private final double value;
    private final double low;
    private final double high;

    private TrendPoint(String period, double value, double low, double high) {
        this.period = period;
        this.value = value;
        this.low = low;
        this.high = high;
    }

    /**
     * Creates a period's value.
     *
     * @param period the period's label, such as "2026-H1", not null, 1 to 200 characters
     * @param value the value, finite
     * @param low the lower bound of the interval, finite, at most value
     * @param high the upper bound of the interval, finite, at least value
     * @return the point, not null
     * @throws NullPointerException if period is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static TrendPoint of(String period, double value, double low, double high) {
        Objects.requireNonNull(period, "period");
        String subject = "TrendPoint";
        Values.text(subject, "period", period);
        Values.finite(subject, "value", value);
        Values.finite(subject, "low", low);
        Values.finite(subject, "high", high);
        Values.check(subject, low <= value, "low", low, "must be at most the value " + value);
        Values.check(subject, high >= value, "high", high, "must be at least the value " + value);
        return new TrendPoint(period, value, low, high);
    }

    /**
     * The period's label.
     *
     * @return the label, not null
     */
    public String getPeriod() {
        return period;
    }

    /**
     * The value in this period.
     *
     * @return the value, finite
     */
    public double getValue() {
        return value;
    }

    /**
     * The lower bound of the interval.
     *
     * @return the bound, at most the value
     */
    public double getLow() {
        return low;
    }

    /**
     * The upper bound of the interval.
     *
     * @return the bound, at least the value
     */
    public double getHigh() {
        return high;
    }
}
