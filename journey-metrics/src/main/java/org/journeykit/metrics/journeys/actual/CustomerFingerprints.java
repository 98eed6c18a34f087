package org.journeykit.metrics.journeys.actual;

/**
 * A set of 64-bit fingerprints of customer ids, open addressing with linear probing; 0 marks a free slot. Two
 * different ids with the same fingerprint would raise a false alarm, with a probability below 10<sup>-5</sup> for
 * 10<sup>7</sup> customers. Memory: 16 to 32 bytes per id. Not thread-safe.
 */
final class CustomerFingerprints {

    private long[] slots = new long[1 << 12];
    private int count;

    /** Adds the id's fingerprint; false if it was there already. */
    boolean add(String id) {
        long fingerprint = fingerprint(id);
        int mask = slots.length - 1;
        int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = fingerprint;
        if (++count * 2 > slots.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                int i = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = fingerprint;
            }
        }
    }

    /** FNV-1a over the characters, 64 bits, finished with the SplitMix64 mixer; never 0. */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash == 0 ? 1 : hash;
    }
}
