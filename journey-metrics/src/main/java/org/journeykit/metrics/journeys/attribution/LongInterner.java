package org.journeykit.metrics.journeys.attribution;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2, ... in the order they are first seen: an open-addressing hash table
 * of primitive keys (linear probing, Fibonacci hashing, doubled at half full), so interning a key allocates
 * nothing and boxes nothing. The attribution models use it to turn Markov states and transitions into array
 * indices. Not thread-safe: each computation owns its interners.
 */
final class LongInterner {

    /** The most keys: indices must fit an {@code int} and the table a Java array. */
    static final int MAX_KEYS = 1 << 29;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] indices;
    private int shift;
    private int size;

    /**
     * An empty interner.
     *
     * @param expected the number of keys expected, 0 or more (the table grows past it)
     */
    LongInterner(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(MAX_KEYS, expected) * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        indices = new int[capacity];
        Arrays.fill(indices, -1);
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /**
     * The number of distinct keys seen.
     *
     * @return the count, 0 or more
     */
    int size() {
        return size;
    }

    /**
     * The index of a key, numbering it if it is new: a new key gets the index {@link #size()} had before the call.
     *
     * @param key any value
     * @return the index, 0 to {@code size() - 1} after the call
     * @throws IllegalStateException if {@link #MAX_KEYS} keys are interned already
     */
    int intern(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * GOLDEN) >>> shift);
        while (true) {
            int index = indices[slot];
            if (index < 0) {
                break;
            }
            if (keys[slot] == key) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_KEYS) {
            throw new IllegalStateException("more than " + MAX_KEYS + " distinct keys");
        }
        keys[slot] = key;
        indices[slot] = size;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIndices = indices;
        allocate(keys.length * 2);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIndices[i] >= 0) {
                int slot = (int) ((oldKeys[i] * GOLDEN) >>> shift);
                while (indices[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                indices[slot] = oldIndices[i];
            }
        }
    }
}
