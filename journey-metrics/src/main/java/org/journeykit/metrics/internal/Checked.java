package org.journeykit.metrics.internal;

import org.journeykit.metrics.MetricInputException;

/**
 * Checked arithmetic for counts, sums and durations: an overflow is a {@link MetricInputException} naming the
 * metric and the limit, never a silent wrap or a bare {@link ArithmeticException}.
 */
public final class Checked {

    private Checked() {}

    /**
     * Adds two counts.
     *
     * @param a the first count
     * @param b the second count
     * @param metric the metric, for the message, such as {@code "NPS"}
     * @return {@code a + b}
     * @throws MetricInputException if the sum exceeds {@link Long#MAX_VALUE} or falls below {@link Long#MIN_VALUE}
     */
    public static long add(long a, long b, String metric) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw overflow(metric, a, b);
        }
        return sum;
    }

    /**
     * Multiplies two longs.
     *
     * @param a the first factor
     * @param b the second factor
     * @param metric the metric, for the message
     * @return {@code a * b}
     * @throws MetricInputException if the product does not fit in a long
     */
    public static long multiply(long a, long b, String metric) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new MetricInputException(metric + " count", a + " x " + b,
                    "must not exceed " + Long.MAX_VALUE + " (Long.MAX_VALUE)", e);
        }
    }

    /**
     * The sum of counts.
     *
     * @param counts the counts, not null
     * @param metric the metric, for the message
     * @return the sum
     * @throws MetricInputException if the sum exceeds {@link Long#MAX_VALUE}
     */
    public static long sum(long[] counts, String metric) {
        long total = 0;
        for (long count : counts) {
            total = add(total, count, metric);
        }
        return total;
    }

    /**
     * The exception for an overflowing sum.
     *
     * @param metric the metric
     * @param a the first operand
     * @param b the second operand
     * @return the exception to throw
     */
    public static MetricInputException overflow(String metric, long a, long b) {
        return new MetricInputException(metric + " count", a + " + " + b,
                "must not exceed " + Long.MAX_VALUE + " (Long.MAX_VALUE)");
    }
}
