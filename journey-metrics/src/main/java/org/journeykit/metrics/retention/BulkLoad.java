package org.journeykit.metrics.retention;

import java.util.Arrays;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.TimeLimits;

/**
 * Adds a bulk batch of numeric-key activity to an {@link ActivityTable}. Batches of 65536 events or more are first
 * scattered into partitions by the top bits of the customer hash, which are also the top bits of the slot, so that
 * each partition then updates a cache-sized slice of the table; this takes a temporary 12 bytes per event.
 */
final class BulkLoad {

    /** Bulk adds of at least this many events are partitioned by customer hash first. */
    static final int PARTITION_THRESHOLD = 1 << 16;

    private BulkLoad() {}

    /**
     * Adds the events, all or nothing: every instant is checked before the table changes (in the pass that
     * scatters a large batch, so that the check costs no extra pass over the events). The caller has checked the
     * room.
     *
     * @param table the state
     * @param cal the calendar of the state's definition
     * @param customers the customer keys
     * @param epochMillis the instants, as many as keys
     * @throws MetricInputException if an instant lies outside {@link TimeLimits}; the table is unchanged
     */
    static void addAll(ActivityTable table, PeriodCalendar cal, long[] customers, long[] epochMillis) {
        int n = customers.length;
        if (n < PARTITION_THRESHOLD) {
            check(epochMillis, 0);
            for (int i = 0; i < n; i++) {
                table.addPeriod(customers[i], cal.period(epochMillis[i]));
            }
            return;
        }
        // One pass scatters the events into fixed-size partition buffers (hash-uniform, so 1/8 slack suffices
        // unless a few customers dominate; then the plain path takes over).
        int parts = 1 << ActivityTable.PARTITION_BITS;
        int capacity = n / parts + n / parts / 8 + 64;
        long[] keys = new long[capacity * parts];
        int[] periods = new int[capacity * parts];
        int[] fill = new int[parts];
        for (int i = 0; i < n; i++) {
            long key = customers[i];
            long t = epochMillis[i];
            if (t < TimeLimits.EARLIEST_EPOCH_MILLI || t > TimeLimits.LATEST_EPOCH_MILLI) {
                throw outside(i, t);
            }
            int part = ActivityTable.partitionOf(key);
            int at = fill[part]++;
            if (at < capacity) {
                at += part * capacity;
                keys[at] = key;
                periods[at] = cal.period(t);
            } else {
                check(epochMillis, i + 1);
                for (int j = 0; j < n; j++) {
                    table.addPeriod(customers[j], cal.period(epochMillis[j]));
                }
                return;
            }
        }
        presize(table, keys, fill[0]);
        for (int part = 0; part < parts; part++) {
            int from = part * capacity;
            int to = from + fill[part];
            for (int at = from; at < to; at++) {
                table.addPeriod(keys[at], periods[at]);
            }
        }
    }

    private static void check(long[] epochMillis, int from) {
        for (int i = from; i < epochMillis.length; i++) {
            if (!TimeLimits.isSupportedEpochMilli(epochMillis[i])) {
                throw outside(i, epochMillis[i]);
            }
        }
    }

    private static MetricInputException outside(int index, long epochMilli) {
        return new MetricInputException("epochMillis[" + index + "]", epochMilli, TimeLimits.RULE);
    }

    /**
     * Grows the table once for the customers a partitioned batch will add: the distinct keys of its first
     * partition, times the number of partitions, estimate the distinct keys of the batch.
     */
    private static void presize(ActivityTable table, long[] keys, int firstPartitionEnd) {
        long[] sample = Arrays.copyOf(keys, firstPartitionEnd);
        Arrays.sort(sample);
        long distinct = 0;
        for (int i = 0; i < sample.length; i++) {
            if (i == 0 || sample[i] != sample[i - 1]) {
                distinct++;
            }
        }
        table.reserve(table.entries() + (distinct << ActivityTable.PARTITION_BITS));
    }
}
