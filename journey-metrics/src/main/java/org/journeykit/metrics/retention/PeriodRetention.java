package org.journeykit.metrics.retention;

import java.util.Locale;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Customer retention over one period from three head counts: {@code S} customers at the start, {@code E} at the
 * end, {@code N} new customers acquired during the period.
 *
 * <p>Retention rate {@code CRR = 100 (E - N) / S} percent (the customers of the start still there at the end) and
 * churn rate {@code 100 - CRR}. Both are undefined when {@code S = 0}, and are then empty instead of a misleading 0.
 *
 * <p>Example: S = 200, E = 180, N = 20 gives CRR = 100 (180 - 20) / 200 = 80 % and churn 20 %.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PeriodRetention {

    private final long start;
    private final long end;
    private final long acquired;

    private PeriodRetention(long start, long end, long acquired) {
        this.start = start;
        this.end = end;
        this.acquired = acquired;
    }

    /**
     * Creates the counts of one period.
     *
     * @param start customers at the start, S, not negative
     * @param end customers at the end, E, not negative
     * @param acquired new customers during the period, N, from 0 to E, with {@code E - N <= S}
     * @return the value, not null
     * @throws MetricInputException if a count is negative, N exceeds E, or E - N exceeds S
     */
    public static PeriodRetention of(long start, long end, long acquired) {
        if (start < 0) {
            throw new MetricInputException("start", start, "must not be negative");
        }
        if (end < 0) {
            throw new MetricInputException("end", end, "must not be negative");
        }
        if (acquired < 0 || acquired > end) {
            throw new MetricInputException("acquired", acquired, "must be from 0 to end " + end);
        }
        if (end - acquired > start) {
            throw new MetricInputException("end", end, "minus acquired " + acquired
                    + " must not exceed start " + start + " (more customers kept than there were)");
        }
        return new PeriodRetention(start, end, acquired);
    }

    /**
     * Customers at the start.
     *
     * @return S
     */
    public long start() {
        return start;
    }

    /**
     * Customers at the end.
     *
     * @return E
     */
    public long end() {
        return end;
    }

    /**
     * New customers during the period.
     *
     * @return N
     */
    public long acquired() {
        return acquired;
    }

    /**
     * The retention rate {@code 100 (E - N) / S}.
     *
     * @return the percentage in [0, 100], or empty when S = 0
     */
    public OptionalDouble retentionRate() {
        return start == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (end - acquired) / start);
    }

    /**
     * The churn rate {@code 100 - retention rate}: the percentage of the start's customers lost.
     *
     * @return the percentage in [0, 100], or empty when S = 0
     */
    public OptionalDouble churnRate() {
        return start == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (start - (end - acquired)) / start);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PeriodRetention && ((PeriodRetention) other).start == start
                && ((PeriodRetention) other).end == end && ((PeriodRetention) other).acquired == acquired;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(start) * 31 + Long.hashCode(end)) * 31 + Long.hashCode(acquired);
    }

    /**
     * A readable form, such as {@code "retention 80.0%, churn 20.0% (S = 200, E = 180, N = 20)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        String counts = String.format(Locale.ROOT, "(S = %d, E = %d, N = %d)", start, end, acquired);
        if (start == 0) {
            return "retention undefined " + counts;
        }
        return String.format(Locale.ROOT, "retention %.1f%%, churn %.1f%% %s", retentionRate().getAsDouble(),
                churnRate().getAsDouble(), counts);
    }
}
