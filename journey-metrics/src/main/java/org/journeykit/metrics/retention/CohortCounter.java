package org.journeykit.metrics.retention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Counts an {@link ActivityTable} into a {@link CohortTable}: per customer its cohort (first active period) and last
 * active period, and per (cohort, offset) cell the customers active there and the customers whose last activity is
 * there (the unbounded counts are their suffix sums). Cells live in an open-addressing map keyed by
 * {@code cohort << 32 | offset}, so the work and memory follow the cells that hold customers, never the span.
 *
 * <p>Counts are bounded by the number of customers (at most {@link ActivityTable#MAX_ENTRIES}), so they cannot
 * overflow.
 */
final class CohortCounter {

    /** No packed key: cohort {@code Integer.MIN_VALUE} is far outside the periods of {@code TimeLimits}. */
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private long[] active;
    private long[] lasts;
    private int mask;
    private int shift;
    private int size;

    private CohortCounter() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        active = new long[capacity];
        lasts = new long[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    /**
     * The cohort table of a state.
     *
     * @param state the state, not null
     * @param definition the state's definition, not null
     * @return the table, or empty when the state holds no customer
     */
    static Optional<CohortTable> count(ActivityTable state, CohortDefinition definition) {
        if (state.customers() == 0) {
            return Optional.empty();
        }
        CohortCounter counter = new CohortCounter();
        int lastPeriod = Integer.MIN_VALUE;
        ActivityTable.Blocks blocks = new ActivityTable.Blocks();
        int capacity = state.capacity();
        for (int slot = 0; slot < capacity; slot++) {
            if (!state.used(slot) || !state.leader(slot)) {
                continue;
            }
            if (!state.more(slot)) {
                // One block: offsets are bit positions minus the first.
                long bits = state.bits(slot);
                int first = Long.numberOfTrailingZeros(bits);
                int last = 63 - Long.numberOfLeadingZeros(bits);
                int cohort = (state.block(slot) << ActivityTable.BLOCK_SHIFT) + first;
                long cohortKey = (long) cohort << 32;
                lastPeriod = Math.max(lastPeriod, cohort + last - first);
                counter.lastAt(cohortKey | (last - first));
                for (long rest = bits; rest != 0; rest &= rest - 1) {
                    counter.activeAt(cohortKey | (Long.numberOfTrailingZeros(rest) - first));
                }
                continue;
            }
            int count = state.entriesOf(slot, blocks);
            int cohort = (blocks.block[0] << ActivityTable.BLOCK_SHIFT) + Long.numberOfTrailingZeros(blocks.bits[0]);
            long cohortKey = (long) cohort << 32;
            int last = (blocks.block[count - 1] << ActivityTable.BLOCK_SHIFT) + 63
                    - Long.numberOfLeadingZeros(blocks.bits[count - 1]);
            lastPeriod = Math.max(lastPeriod, last);
            counter.lastAt(cohortKey | (last - cohort));
            for (int i = 0; i < count; i++) {
                int base = (blocks.block[i] << ActivityTable.BLOCK_SHIFT) - cohort;
                for (long rest = blocks.bits[i]; rest != 0; rest &= rest - 1) {
                    counter.activeAt(cohortKey | (base + Long.numberOfTrailingZeros(rest)));
                }
            }
        }
        return Optional.of(counter.table(definition, lastPeriod));
    }

    private int slotFor(long key) {
        int slot = (int) (ActivityTable.hash(key) >>> shift);
        while (true) {
            long have = keys[slot];
            if (have == key) {
                return slot;
            }
            if (have == EMPTY) {
                if (size + 1 > (mask + 1) >>> 1) {
                    grow();
                    return slotFor(key);
                }
                keys[slot] = key;
                size++;
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void activeAt(long key) {
        int slot = slotFor(key); // first: it may grow the arrays
        active[slot]++;
    }

    private void lastAt(long key) {
        int slot = slotFor(key);
        lasts[slot]++;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldActive = active;
        long[] oldLasts = lasts;
        allocate(keys.length << 1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotFor(oldKeys[i]);
                active[slot] = oldActive[i];
                lasts[slot] = oldLasts[i];
            }
        }
    }

    private CohortTable table(CohortDefinition definition, int lastPeriod) {
        long[] sorted = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                sorted[n++] = key;
            }
        }
        // Signed order of cohort << 32 | offset (offset >= 0) is the order by cohort, then offset.
        Arrays.sort(sorted);
        List<Cohort> cohorts = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int cohort = (int) (sorted[from] >> 32);
            int to = from;
            while (to < n && (int) (sorted[to] >> 32) == cohort) {
                to++;
            }
            int cells = to - from;
            int[] offsets = new int[cells];
            long[] activeCounts = new long[cells];
            long[] later = new long[cells];
            long suffix = 0;
            for (int i = cells - 1; i >= 0; i--) {
                int slot = slotFor(sorted[from + i]);
                offsets[i] = (int) sorted[from + i];
                activeCounts[i] = active[slot];
                suffix += lasts[slot];
                later[i] = suffix;
            }
            cohorts.add(new Cohort(definition.granularity(), cohort, lastPeriod - cohort + 1, offsets, activeCounts,
                    later));
            from = to;
        }
        return new CohortTable(definition, lastPeriod, cohorts);
    }
}
