package org.journeykit.metrics.retention;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates purchases per customer for the repeat-purchase rate: the share of purchasing customers who bought
 * at least twice, {@code customers with >= 2 purchases / customers with >= 1 purchase}.
 *
 * <p>State: one count per distinct customer (memory grows with the number of customers, not of purchases).
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class RepeatPurchaseAccumulator
        implements MetricAccumulator<RepeatPurchaseAccumulator, RepeatPurchaseAccumulator.Rate> {

    private final Map<String, Long> purchases = new HashMap<>();

    /** Creates an empty accumulator: the identity of {@link #merge}. */
    public RepeatPurchaseAccumulator() {
        // empty
    }

    /**
     * Records one purchase of a customer.
     *
     * @param customerId the customer, not null
     * @return this accumulator
     * @throws MetricInputException if the id is null
     */
    public RepeatPurchaseAccumulator add(@Nullable String customerId) {
        if (customerId == null) {
            throw new MetricInputException("customerId", null, "must not be null");
        }
        purchases.merge(customerId, 1L, Long::sum);
        return this;
    }

    /**
     * Adds another accumulator's purchases; a customer's purchases are summed.
     *
     * @param other the other accumulator, not null; it is not changed
     * @return this accumulator
     */
    @Override
    public RepeatPurchaseAccumulator merge(RepeatPurchaseAccumulator other) {
        other.purchases.forEach((id, count) -> purchases.merge(id, count, Long::sum));
        return this;
    }

    /**
     * The repeat-purchase rate over everything added.
     *
     * @return the rate, or empty when no purchase was added
     */
    @Override
    public Optional<Rate> result() {
        if (purchases.isEmpty()) {
            return Optional.empty();
        }
        long repeat = purchases.values().stream().filter(count -> count >= 2).count();
        return Optional.of(new Rate(purchases.size(), repeat));
    }

    /**
     * The repeat-purchase rate: purchasing customers and those among them who bought at least twice.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Rate {

        private final long customers;
        private final long repeatCustomers;

        private Rate(long customers, long repeatCustomers) {
            this.customers = customers;
            this.repeatCustomers = repeatCustomers;
        }

        /**
         * The customers with at least one purchase.
         *
         * @return at least 1
         */
        public long customers() {
            return customers;
        }

        /**
         * The customers with at least two purchases.
         *
         * @return the count, at most {@link #customers()}
         */
        public long repeatCustomers() {
            return repeatCustomers;
        }

        /**
         * The repeat-purchase rate {@code repeatCustomers / customers}.
         *
         * @return the rate, in [0, 1]
         */
        public double rate() {
            return repeatCustomers / (double) customers;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Rate && ((Rate) other).customers == customers
                    && ((Rate) other).repeatCustomers == repeatCustomers;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(customers) * 31 + Long.hashCode(repeatCustomers);
        }

        /**
         * A readable form, such as {@code "repeat purchase 40.0% (2 of 5 customers)"}.
         *
         * @return the text, not null
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "repeat purchase %.1f%% (%d of %d customers)", 100 * rate(),
                    repeatCustomers, customers);
        }
    }
}
