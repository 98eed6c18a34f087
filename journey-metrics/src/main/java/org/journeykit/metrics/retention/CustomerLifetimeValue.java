package org.journeykit.metrics.retention;

import org.journeykit.metrics.MetricInputException;

/**
 * Customer lifetime value (CLV), in the currency of its inputs.
 *
 * <p>Two textbook formulas, each with its assumptions:
 * <ul>
 *   <li>{@link #simple}: {@code CLV = average order value x purchase frequency x gross margin x lifespan}.
 *       Assumes a constant order value, frequency and margin over the whole lifespan, and ignores the time value
 *       of money and churn within the lifespan (the lifespan is an average, often {@code 1 / churn rate}).</li>
 *   <li>{@link #retentionBased}: {@code CLV = m r / (1 + i - r)} (S. Gupta and D. R. Lehmann, "Customers as
 *       assets", Journal of Interactive Marketing 17(1), 2003). Assumes a constant margin {@code m} per period
 *       received at the end of each period the customer stays, a constant retention rate {@code r} per period,
 *       a constant discount rate {@code i} per period, and an infinite horizon; it values an existing customer
 *       from the next period on (without acquisition cost).</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CustomerLifetimeValue {

    private CustomerLifetimeValue() {}

    /**
     * The simple CLV: {@code averageOrderValue x purchasesPerPeriod x margin x lifespanPeriods}.
     * Example: 50 per order, 4 orders a year, 30 % margin, 5 years: 50 x 4 x 0.3 x 5 = 300.
     *
     * @param averageOrderValue the average revenue per order, finite, not negative
     * @param purchasesPerPeriod the average number of orders per period, finite, not negative
     * @param margin the gross margin as a fraction of revenue, in [0, 1]
     * @param lifespanPeriods the average customer lifespan in the same periods, finite, not negative
     * @return the lifetime value, finite, not negative
     * @throws MetricInputException if an argument is out of range, or the product exceeds the range of a double
     */
    public static double simple(double averageOrderValue, double purchasesPerPeriod, double margin,
            double lifespanPeriods) {
        nonNegative("averageOrderValue", averageOrderValue);
        nonNegative("purchasesPerPeriod", purchasesPerPeriod);
        nonNegative("lifespanPeriods", lifespanPeriods);
        if (!(margin >= 0 && margin <= 1)) {
            throw new MetricInputException("margin", margin, "must be a fraction in [0, 1]");
        }
        return finite(averageOrderValue * purchasesPerPeriod * margin * lifespanPeriods);
    }

    /**
     * The retention-based CLV of Gupta and Lehmann: {@code m r / (1 + i - r)}.
     * Example: m = 100 per year, r = 0.8, i = 0.1: 100 x 0.8 / 0.3 = 266.67.
     *
     * @param marginPerPeriod the margin a customer brings per period, finite (may be negative)
     * @param retentionRate the probability a customer stays another period, in [0, 1)
     * @param discountRate the discount rate per period, finite, not negative
     * @return the lifetime value, finite
     * @throws MetricInputException if an argument is out of range, or the value exceeds the range of a double
     *     (a huge margin with a retention rate close to 1 + the discount rate)
     */
    public static double retentionBased(double marginPerPeriod, double retentionRate, double discountRate) {
        if (!Double.isFinite(marginPerPeriod)) {
            throw new MetricInputException("marginPerPeriod", marginPerPeriod, "must be finite");
        }
        if (!(retentionRate >= 0 && retentionRate < 1)) {
            throw new MetricInputException("retentionRate", retentionRate, "must be in [0, 1)");
        }
        nonNegative("discountRate", discountRate);
        return finite(marginPerPeriod * retentionRate / (1 + discountRate - retentionRate));
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new MetricInputException("lifetime value", value,
                    "must be finite: the inputs multiply beyond the range of a double");
        }
        return value;
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new MetricInputException(name, value, "must be finite and not negative");
        }
    }
}
