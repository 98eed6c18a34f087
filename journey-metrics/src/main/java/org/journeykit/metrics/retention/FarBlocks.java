package org.journeykit.metrics.retention;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The blocks of customers active in more than {@link ActivityTable#NEAR_BLOCKS} blocks, beyond their first ones:
 * open addressing keyed by (customer, block), so that adding a block costs the same however many blocks a customer
 * has. In {@link ActivityTable} a customer's blocks share one home slot, and without this table a customer active in
 * 100,000 blocks (a long daily history, or hostile bytes) would cost 100,000 probes per block added.
 *
 * <p>Slot {@code s} holds the key at {@code 2 s} and at {@code 2 s + 1} the block in the top 32 bits and the period
 * bits in the low 32; free when that word is 0. For reading a customer's blocks the entries are sorted once by
 * (key, block) and kept sorted until the next change.
 *
 * <p>Mutable and not thread-safe.
 */
final class FarBlocks {

    private static final long PERIODS = 0xFFFF_FFFFL;

    private long[] table = new long[0];
    private int mask = -1;
    private int shift = 64;
    private int size;
    /** Sorted copies for reading, or null after a change. */
    private long @Nullable [] sortedKeys;
    private long[] sortedWords = new long[0];

    private static long hash(long key, int block) {
        return (ActivityTable.hash(key) + block) * 0xBF58476D1CE4E5B9L;
    }

    int size() {
        return size;
    }

    /**
     * Adds period bits of a block to a customer.
     *
     * @return true when the (customer, block) entry is new
     */
    boolean add(long key, int block, long bits) {
        if (size + 1 > (mask + 1) >>> 1) {
            grow();
        }
        sortedKeys = null;
        long[] t = table;
        int slot = (int) (hash(key, block) >>> shift);
        while (true) {
            int at = slot << 1;
            long word = t[at + 1];
            if (word == 0) {
                t[at] = key;
                t[at + 1] = (long) block << 32 | bits;
                size++;
                return true;
            }
            if (t[at] == key && (int) (word >> 32) == block) {
                t[at + 1] = word | bits;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        int capacity = Math.max(16, (mask + 1) << 1);
        table = new long[capacity * 2];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
        for (int at = 0; at < old.length; at += 2) {
            long word = old[at + 1];
            if (word != 0) {
                add(old[at], (int) (word >> 32), word & PERIODS);
            }
        }
    }

    /** Visits every entry as (key, block, bits). */
    void forEach(ActivityTable.EntryVisitor visitor) {
        long[] t = table;
        for (int at = 0; at < t.length; at += 2) {
            long word = t[at + 1];
            if (word != 0) {
                visitor.visit(t[at], (int) (word >> 32), word & PERIODS);
            }
        }
    }

    /**
     * Appends a customer's far blocks to a buffer, in block order.
     *
     * @return the new count in the buffer
     */
    int appendTo(long key, ActivityTable.Blocks blocks, int count) {
        long[] keys = sortedKeys;
        if (keys == null) {
            keys = sort();
        }
        int at = Arrays.binarySearch(keys, key);
        if (at < 0) {
            return count;
        }
        while (at > 0 && keys[at - 1] == key) {
            at--;
        }
        for (; at < keys.length && keys[at] == key; at++) {
            long word = sortedWords[at];
            blocks.set(count++, (int) (word >> 32), word & PERIODS);
        }
        return count;
    }

    /** Sorts the entries by key, then block (the signed order of the word is the order of its block). */
    private long[] sort() {
        Integer[] order = new Integer[size];
        long[] keys = new long[size];
        long[] words = new long[size];
        int n = 0;
        for (int at = 0; at < table.length; at += 2) {
            if (table[at + 1] != 0) {
                keys[n] = table[at];
                words[n] = table[at + 1];
                order[n] = n;
                n++;
            }
        }
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b])
                : Long.compare(words[a], words[b]));
        long[] sorted = new long[size];
        sortedWords = new long[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = keys[order[i]];
            sortedWords[i] = words[order[i]];
        }
        sortedKeys = sorted;
        return sorted;
    }
}
