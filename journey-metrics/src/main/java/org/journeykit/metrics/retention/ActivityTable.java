package org.journeykit.metrics.retention;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The state of cohort retention: the set of (customer key, period) pairs in which a customer was active, stored as
 * one 32-bit word of periods per customer and aligned block of 32 periods (block {@code period >> 5}, bit
 * {@code period & 31}). Memory is proportional to the (customer, block) pairs that hold activity, never to the span
 * between the first and last period: a customer active in 2026 and, by a typing error, in 0026 takes two entries,
 * not 2,000 years of bits.
 *
 * <p>Open addressing with linear probing and a load of at most one half, 16 bytes per slot: slot {@code s} holds the
 * customer key at {@code 2 s} and at {@code 2 s + 1} a word with the block in its top 29 bits (signed), three flags in
 * bits 32 to 34 and the period bits in its low 32 bits. A slot is free when its word is 0, since every entry holds at
 * least one period. The home slot depends only on the key, and entries are never removed, so all entries of a
 * customer lie between its home slot and the next free slot. The first of them in probe order is the customer's
 * <em>leader</em>; it carries a flag when the customer has further entries, so that most customers (one block) are
 * read in one step. A customer keeps at most {@link #NEAR_BLOCKS} blocks here, so that adding a block costs at most
 * that many probes; further blocks go to {@link FarBlocks}, keyed by customer and block, and the leader carries a
 * third flag.
 *
 * <p>The hash mixes the key with a seed drawn once per JVM before the Fibonacci multiplication, so that keys chosen
 * to collide (in hostile bytes given to {@code fromBytes}) cannot be prepared without knowing the seed. The seed
 * changes only the layout, never a result or a byte.
 *
 * <p>Mutable and not thread-safe.
 */
final class ActivityTable {

    /** The periods of one block: 32. */
    static final int BLOCK_SHIFT = 5;
    /** The most blocks of one customer in this table; more go to {@link FarBlocks}. */
    static final int NEAR_BLOCKS = 32;
    /** The most entries (customer and block pairs) one table holds: the capacity then is 2^29 slots. */
    static final int MAX_ENTRIES = 1 << 28;
    /** The bits of the hash that choose a partition of a bulk batch: the top bits, as for the slot. */
    static final int PARTITION_BITS = 7;

    private static final long SEED = new SplittableRandom().nextLong();
    private static final long LEADER = 1L << 32;
    private static final long MORE = 2L << 32;
    private static final long FAR = 4L << 32;
    private static final int BLOCK_AT = 35;
    private static final long PERIODS = 0xFFFF_FFFFL;
    private static final int MIN_CAPACITY = 16;
    private static final int MAX_CAPACITY = MAX_ENTRIES << 1;

    private long[] table;
    private int mask;
    private int shift;
    private int entries;
    private int nearEntries;
    private int customers;
    private final FarBlocks far = new FarBlocks();

    ActivityTable() {
        allocate(MIN_CAPACITY);
    }

    /** The hash of a key; slots and partitions are its top bits. */
    static long hash(long key) {
        return (key ^ SEED) * 0x9E3779B97F4A7C15L;
    }

    static int partitionOf(long key) {
        return (int) (hash(key) >>> (64 - PARTITION_BITS));
    }

    private void allocate(int capacity) {
        table = new long[capacity * 2];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        entries = far.size();
        nearEntries = 0;
        customers = 0;
    }

    /** The number of (customer, block) entries. */
    int entries() {
        return entries;
    }

    /** The number of distinct customers. */
    int customers() {
        return customers;
    }

    /** The number of slots; slots are numbered from 0. */
    int capacity() {
        return mask + 1;
    }

    /**
     * Checks that {@code more} new entries would fit, before anything changes.
     *
     * @throws MetricInputException if the table could exceed {@link #MAX_ENTRIES}
     */
    void checkRoom(long more) {
        if (entries + more > MAX_ENTRIES) {
            throw new MetricInputException("cohort retention customer blocks", entries + " + up to " + more,
                    "must not exceed " + MAX_ENTRIES + " (customers times 32-period blocks with activity)");
        }
    }

    /** Grows the table once so that {@code expected} entries fit without further growth. */
    void reserve(long expected) {
        long capacity = mask + 1L;
        while (capacity < 2 * expected + 2 && capacity < MAX_CAPACITY) {
            capacity <<= 1;
        }
        if (capacity > mask + 1L) {
            rehash((int) capacity);
        }
    }

    /** Records that a customer was active in a period. The caller has checked the room. */
    void addPeriod(long key, int period) {
        long[] t = table;
        int block = period >> BLOCK_SHIFT;
        int slot = (int) (hash(key) >>> shift);
        while (true) {
            int at = slot << 1;
            long word = t[at + 1];
            if (word == 0) {
                break;
            }
            if (t[at] == key && (int) (word >> BLOCK_AT) == block) {
                t[at + 1] = word | 1L << (period & 31);
                return;
            }
            slot = (slot + 1) & mask;
        }
        add(key, block, 1L << (period & 31));
    }

    /**
     * Adds period bits of one block to a customer. The caller has checked the room ({@link #checkRoom}).
     *
     * @param key the customer key
     * @param block the block, {@code period >> 5}
     * @param bits the periods of the block in the low 32 bits, not 0
     */
    void add(long key, int block, long bits) {
        long[] t = table;
        int slot = (int) (hash(key) >>> shift);
        int leader = -1;
        int near = 0;
        while (true) {
            int at = slot << 1;
            long word = t[at + 1];
            if (word == 0) {
                break;
            }
            if (t[at] == key) {
                if ((int) (word >> BLOCK_AT) == block) {
                    t[at + 1] = word | bits;
                    return;
                }
                if (leader < 0) {
                    leader = at;
                }
                near++;
            }
            slot = (slot + 1) & mask;
        }
        if (near >= NEAR_BLOCKS) {
            if (far.add(key, block, bits)) {
                entries++;
                t[leader + 1] |= FAR;
            }
            return;
        }
        if (nearEntries + 1 > (mask + 1) >>> 1) {
            if (mask + 1 >= MAX_CAPACITY) {
                checkRoom(1);
            }
            rehash((mask + 1) << 1);
            add(key, block, bits);
            return;
        }
        long word = (long) block << BLOCK_AT | bits;
        if (leader < 0) {
            word |= LEADER;
            customers++;
        } else {
            t[leader + 1] |= MORE;
        }
        int at = slot << 1;
        t[at] = key;
        t[at + 1] = word;
        entries++;
        nearEntries++;
    }

    private void rehash(int capacity) {
        long[] old = table;
        allocate(capacity);
        for (int at = 0; at < old.length; at += 2) {
            long word = old[at + 1];
            if (word != 0) {
                add(old[at], (int) (word >> BLOCK_AT), word & PERIODS);
            }
        }
        // The near entries go back near (at most NEAR_BLOCKS per customer); the far flag moves to the new leader.
        for (int at = 0; at < old.length; at += 2) {
            if ((old[at + 1] & FAR) != 0) {
                table[(leaderOf(old[at]) << 1) + 1] |= FAR;
            }
        }
    }

    /** Receives entries. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(long key, int block, long bits);
    }

    /**
     * Adds every entry of another table, mapping its keys.
     *
     * @param other the other table, not this one
     * @param keyMap the new key of each of the other's keys (dense keys from 0), or null to keep the keys
     */
    void addAll(ActivityTable other, long @Nullable [] keyMap) {
        long[] t = other.table;
        for (int at = 0; at < t.length; at += 2) {
            long word = t[at + 1];
            if (word != 0) {
                long key = keyMap == null ? t[at] : keyMap[(int) t[at]];
                add(key, (int) (word >> BLOCK_AT), word & PERIODS);
            }
        }
        other.far.forEach((key, block, bits) -> add(keyMap == null ? key : keyMap[(int) key], block, bits));
    }

    /** Whether a slot holds an entry. */
    boolean used(int slot) {
        return table[(slot << 1) + 1] != 0;
    }

    /** Whether a slot holds the first entry of its customer in probe order. */
    boolean leader(int slot) {
        return (table[(slot << 1) + 1] & LEADER) != 0;
    }

    /** Whether the leader in a slot has further entries, near or far. */
    boolean more(int slot) {
        return (table[(slot << 1) + 1] & (MORE | FAR)) != 0;
    }

    long key(int slot) {
        return table[slot << 1];
    }

    int block(int slot) {
        return (int) (table[(slot << 1) + 1] >> BLOCK_AT);
    }

    /** The periods of the entry in a slot, in the low 32 bits. */
    long bits(int slot) {
        return table[(slot << 1) + 1] & PERIODS;
    }

    /** The slot of a customer's leader, or -1 when the key is not in the table. */
    int leaderOf(long key) {
        int slot = (int) (hash(key) >>> shift);
        while (used(slot)) {
            if (key(slot) == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Gathers all entries of the customer whose leader is in a slot, sorted by block.
     *
     * @param leaderSlot the leader's slot
     * @param blocks receives the blocks
     * @return the number of entries, at least 1
     */
    int entriesOf(int leaderSlot, Blocks blocks) {
        long key = key(leaderSlot);
        if (!more(leaderSlot)) {
            blocks.set(0, block(leaderSlot), bits(leaderSlot));
            return 1;
        }
        int count = 0;
        for (int slot = leaderSlot; used(slot); slot = (slot + 1) & mask) {
            if (key(slot) == key) {
                blocks.set(count++, block(slot), bits(slot));
            }
        }
        if ((table[(leaderSlot << 1) + 1] & FAR) != 0) {
            count = far.appendTo(key, blocks, count);
        }
        blocks.sort(count);
        return count;
    }

    /** A reusable buffer of one customer's blocks and bits. */
    static final class Blocks {

        int[] block = new int[4];
        long[] bits = new long[4];

        void set(int index, int b, long w) {
            if (index == block.length) {
                block = Arrays.copyOf(block, index * 2);
                bits = Arrays.copyOf(bits, index * 2);
            }
            block[index] = b;
            bits[index] = w;
        }

        /** Sorts the first {@code count} entries by block (an insertion sort: a customer has few blocks). */
        void sort(int count) {
            if (count > 32) {
                Integer[] order = new Integer[count];
                for (int i = 0; i < count; i++) {
                    order[i] = i;
                }
                int[] b = block;
                Arrays.sort(order, (x, y) -> Integer.compare(b[x], b[y]));
                int[] sortedBlocks = new int[block.length];
                long[] sortedBits = new long[bits.length];
                for (int i = 0; i < count; i++) {
                    sortedBlocks[i] = block[order[i]];
                    sortedBits[i] = bits[order[i]];
                }
                block = sortedBlocks;
                bits = sortedBits;
                return;
            }
            for (int i = 1; i < count; i++) {
                int b = block[i];
                long w = bits[i];
                int j = i - 1;
                while (j >= 0 && block[j] > b) {
                    block[j + 1] = block[j];
                    bits[j + 1] = bits[j];
                    j--;
                }
                block[j + 1] = b;
                bits[j + 1] = w;
            }
        }
    }
}
