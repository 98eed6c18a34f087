package org.journeykit.metrics.retention;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates purchases per customer for the repeat-purchase rate: the share of purchasing customers who bought
 * at least twice, {@code customers with >= 2 purchases / customers with >= 1 purchase}.
 *
 * <p>State: one count per distinct customer (memory grows with the number of customers, not of purchases).
 * Merging sums the counts per customer, so {@code a.merge(a)} doubles every customer's purchases.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class RepeatPurchaseAccumulator
        implements MetricAccumulator<RepeatPurchaseAccumulator, RepeatPurchaseAccumulator.Rate> {

    /** The metric's name in messages. */
    static final String METRIC = "repeat purchase";

    private static final int VERSION = 1;

    private final Map<String, Long> purchases = new HashMap<>();

    private RepeatPurchaseAccumulator() {}

    /**
     * Creates an empty accumulator: the identity of {@link #merge}.
     *
     * @return the accumulator, not null
     */
    public static RepeatPurchaseAccumulator create() {
        return new RepeatPurchaseAccumulator();
    }

    /**
     * Records one purchase of a customer.
     *
     * @param customerId the customer, not null, not blank, at most 128 characters, well-formed (no lone surrogate)
     * @return this accumulator
     * @throws MetricInputException if the id is null or breaks its rule, or the customer's purchases would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     */
    public RepeatPurchaseAccumulator add(@Nullable String customerId) {
        Long count = purchases.get(CustomerIds.check("customerId", customerId));
        purchases.put(customerId, count == null ? 1L : Checked.add(count, 1, METRIC));
        return this;
    }

    /**
     * Adds another accumulator's purchases; a customer's purchases are summed. Merging an accumulator with itself
     * doubles every count.
     *
     * @param other the other accumulator, not null; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws MetricInputException if a customer's purchases would exceed {@link Long#MAX_VALUE}; this accumulator
     *     is unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public RepeatPurchaseAccumulator merge(RepeatPurchaseAccumulator other) {
        // Compute every new count before writing any: the map read may be the map written (a.merge(a)), and an
        // overflow must leave the state unchanged.
        Map<String, Long> sums = new HashMap<>(other.purchases.size() * 2);
        for (Map.Entry<String, Long> entry : other.purchases.entrySet()) {
            Long mine = purchases.get(entry.getKey());
            sums.put(entry.getKey(), mine == null ? entry.getValue() : Checked.add(mine, entry.getValue(), METRIC));
        }
        purchases.putAll(sums);
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
        long repeat = 0;
        for (long count : purchases.values()) {
            if (count >= 2) {
                repeat++;
            }
        }
        return Optional.of(new Rate(purchases.size(), repeat));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator} (tag 9, format version 1). Equal states give equal
     * bytes. The payload, numbers big-endian, texts as an int byte length and UTF-8:
     * <pre>
     * customers      int, not negative
     * per customer, strictly ascending by id (String.compareTo):
     *   id           text of 1 to 384 bytes: 1 to 128 characters, not blank
     *   purchases    long, at least 1
     * </pre>
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        // Ascending by id (String.compareTo), the order the format fixes.
        Map<String, Long> byId = new TreeMap<>(purchases);
        StateWriter out = StateWriter.start(StateTag.REPEAT_PURCHASE, VERSION, 8 + byId.size() * 24);
        out.writeInt(byId.size());
        for (Map.Entry<String, Long> customer : byId.entrySet()) {
            out.writeString(customer.getKey());
            out.writeLong(customer.getValue());
        }
        return out.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile.
     *
     * @param bytes the state, not null
     * @return a new accumulator with the same state, not null
     * @throws StateFormatException if the bytes are not a repeat-purchase state this version can read: another
     *     accumulator's, a newer format version, truncated, with trailing bytes, or breaking a rule of the layout
     *     (ids out of order or breaking the id rule, a count below 1)
     * @throws NullPointerException if the bytes are null
     */
    public static RepeatPurchaseAccumulator fromBytes(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.REPEAT_PURCHASE, VERSION);
        int customers = in.readSize("customers", Integer.MAX_VALUE, 4 + 1 + 8);
        RepeatPurchaseAccumulator accumulator = new RepeatPurchaseAccumulator();
        @Nullable String previous = null;
        for (int i = 0; i < customers; i++) {
            int at = in.offset();
            String id = in.readString("customer id", CustomerIds.MAX_UTF8_BYTES);
            String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
            if (!CustomerIds.isValid(id)) {
                throw in.problem(at, shown, "customer id " + CustomerIds.RULE);
            }
            if (previous != null && id.compareTo(previous) <= 0) {
                throw in.problem(at, shown, "customer ids must be strictly ascending");
            }
            previous = id;
            at = in.offset();
            long count = in.readLong("purchases");
            if (count < 1) {
                throw in.problem(at, count, "purchases must be at least 1");
            }
            accumulator.purchases.put(id, count);
        }
        in.end();
        return accumulator;
    }

    @Override
    public String toString() {
        return "RepeatPurchaseAccumulator[" + purchases.size() + " customers]";
    }

    /**
     * The repeat-purchase rate: purchasing customers and those among them who bought at least twice.
     *
     * <p>This class is immutable and thread-safe.
     *
     * @param customers the customers with at least one purchase, at least 1
     * @param repeatCustomers the customers with at least two purchases, from 0 to {@code customers}
     */
    public record Rate(long customers, long repeatCustomers) {

        /**
         * Checks the counts.
         *
         * @param customers the customers with at least one purchase, at least 1
         * @param repeatCustomers the customers with at least two purchases, from 0 to {@code customers}
         * @throws MetricInputException if {@code customers < 1} or {@code repeatCustomers} is out of range
         */
        public Rate {
            if (customers < 1) {
                throw new MetricInputException("customers", customers, "must be at least 1");
            }
            if (repeatCustomers < 0 || repeatCustomers > customers) {
                throw new MetricInputException("repeatCustomers", repeatCustomers,
                        "must be from 0 to customers " + customers);
            }
        }

        /**
         * The repeat-purchase rate {@code repeatCustomers / customers}.
         *
         * @return the rate, from 0 to 1
         */
        public double rate() {
            return repeatCustomers / (double) customers;
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
