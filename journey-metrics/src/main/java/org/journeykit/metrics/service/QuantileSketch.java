package org.journeykit.metrics.service;

import java.util.Arrays;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateWriter;

/**
 * A KLL quantile sketch of {@code long} items (Karnin, Lang and Liberty, "Optimal quantile approximation in
 * streams", FOCS 2016) in the lazy form of Apache DataSketches' {@code KllDoublesSketch}, with a deterministic
 * compaction: the same updates and merges in the same order always give the same state, on every run and every
 * JVM.
 *
 * <h2>Structure</h2>
 * Levels {@code 0 .. H-1} hold items of weight {@code 2^h}. Level {@code h} has the capacity
 * {@code max(8, round(k (2/3)^(H-1-h)))}, computed in integers. Level 0 takes updates unsorted; the other levels are
 * sorted. When the items retained pass the sum of the capacities, the lowest level at or above its capacity is
 * compacted: sorted; when its size is odd its smallest item stays; of the rest, the items at the even or the odd
 * positions (the coin) move one level up with double weight. This follows the lazy compaction of DataSketches
 * 7.0.1 (same {@code k}, level capacities and minimum width) except where it must be deterministic: the item that
 * stays is the smallest (DataSketches keeps the first in storage order), a merge appends the other's level 0 before
 * compacting, and the coin.
 *
 * <h2>The coin</h2>
 * DataSketches draws the coin from one unseeded {@link java.util.Random} shared by every sketch in the JVM, so
 * the same input gives different quantiles on every run, and no public API seeds it. Here the coin is a bit of a
 * SplitMix64 hash of the level, the number of items seen so far and the items compacted. The coins are
 * therefore fixed by the input, differ between compactions of one stream (the count grows) and between parts with
 * different data (the items differ), and behave as independent fair bits for any input that is not built against
 * this public hash, as DataSketches' own guarantee assumes inputs not built against its generator. The stated
 * rank error, {@link #normalizedRankError(int)}, is DataSketches' published 99 % bound for KLL with the same
 * {@code k}; the library's tests measure it on this implementation.
 *
 * <h2>Guaranteed bound</h2>
 * Each compaction at level {@code h} moves the estimated rank of any value by at most {@code 2^h}; the sketch adds
 * these up (saturating at {@code Long.MAX_VALUE}) into {@link #maxRankError()}: a bound that holds for every input,
 * far looser than the probabilistic one, used to compare sketches of the same input.
 *
 * <p>Not thread-safe.
 */
final class QuantileSketch {

    /** The accuracy parameter of the library: a normalized rank error of about 1.33 %. */
    static final int DEFAULT_K = 200;
    /** The smallest {@code k}, and the smallest capacity of a level, as in DataSketches. */
    static final int MIN_K = 8;
    /** The largest {@code k} a state may hold (DataSketches allows the same). */
    static final int MAX_K = 65_535;
    /** The most levels: an item of level 62 weighs {@code 2^62}, and a sketch holds at most Long.MAX_VALUE. */
    static final int MAX_LEVELS = 63;

    private static final long SEED = 0x4a4b_4b4c_4c00_0001L;
    private static final long[] POWERS_OF_THREE = new long[31];

    static {
        POWERS_OF_THREE[0] = 1;
        for (int i = 1; i < POWERS_OF_THREE.length; i++) {
            POWERS_OF_THREE[i] = 3 * POWERS_OF_THREE[i - 1];
        }
    }

    private final int k;
    private long[][] levels;
    private int[] sizes;
    private int numLevels;
    private long n;
    private int retained;
    private int capacity;
    private long maxRankError;

    private QuantileSketch(int k, int numLevels) {
        this.k = k;
        this.levels = new long[numLevels][];
        this.sizes = new int[numLevels];
        this.numLevels = numLevels;
        for (int h = 0; h < numLevels; h++) {
            levels[h] = new long[0];
        }
        this.capacity = totalCapacity(k, numLevels);
    }

    /**
     * An empty sketch.
     *
     * @param k the accuracy parameter, {@link #MIN_K} to {@link #MAX_K}
     * @return the sketch
     */
    static QuantileSketch create(int k) {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k must be from " + MIN_K + " to " + MAX_K + ": " + k);
        }
        return new QuantileSketch(k, 1);
    }

    /**
     * A deep copy.
     *
     * @return the copy
     */
    QuantileSketch copy() {
        QuantileSketch copy = new QuantileSketch(k, numLevels);
        for (int h = 0; h < numLevels; h++) {
            copy.levels[h] = Arrays.copyOf(levels[h], sizes[h]);
            copy.sizes[h] = sizes[h];
        }
        copy.n = n;
        copy.retained = retained;
        copy.maxRankError = maxRankError;
        return copy;
    }

    /**
     * The 99 % normalized rank error of a single quantile or rank query, as DataSketches publishes it for KLL:
     * {@code 2.296 / k^0.9723}, about 0.0133 for {@code k = 200}.
     *
     * @param k the accuracy parameter
     * @return the error, a share of the count
     */
    static double normalizedRankError(int k) {
        return 2.296 / StrictMath.pow(k, 0.9723);
    }

    /**
     * The capacity of a level.
     *
     * @param k the accuracy parameter
     * @param numLevels the number of levels
     * @param h the level
     * @return {@code max(8, round(k (2/3)^(numLevels-1-h)))}
     */
    static int levelCapacity(int k, int numLevels, int h) {
        int depth = numLevels - 1 - h;
        if (depth >= POWERS_OF_THREE.length) {
            return MIN_K;
        }
        long power = POWERS_OF_THREE[depth];
        long rounded = ((long) k << (depth + 1)) / power;
        return (int) Math.max(MIN_K, (rounded + 1) / 2);
    }

    private static int totalCapacity(int k, int numLevels) {
        int total = 0;
        for (int h = 0; h < numLevels; h++) {
            total += levelCapacity(k, numLevels, h);
        }
        return total;
    }

    /** The accuracy parameter. */
    int k() {
        return k;
    }

    /** The number of items seen. */
    long n() {
        return n;
    }

    /** The guaranteed bound on the rank error of any query, in items; see the class documentation. */
    long maxRankError() {
        return maxRankError;
    }

    /**
     * Adds one item.
     *
     * @param item the item
     */
    void update(long item) {
        append(0, item);
        n++;
        retained++;
        compress();
    }

    private void append(int h, long item) {
        if (sizes[h] == levels[h].length) {
            levels[h] = Arrays.copyOf(levels[h], Math.max(8, 2 * sizes[h]));
        }
        levels[h][sizes[h]++] = item;
    }

    /**
     * Adds another sketch of the same {@code k} into this one; the other is not changed unless it is this sketch,
     * which then doubles. The caller checks that the counts add up without overflow.
     *
     * @param other the other sketch
     */
    void merge(QuantileSketch other) {
        QuantileSketch source = other == this ? copy() : other;
        while (numLevels < source.numLevels) {
            addLevel();
        }
        for (int h = 0; h < source.numLevels; h++) {
            if (h == 0) {
                for (int i = 0; i < source.sizes[0]; i++) {
                    append(0, source.levels[0][i]);
                }
            } else {
                mergeSorted(h, source.levels[h], source.sizes[h]);
            }
        }
        n += source.n;
        retained += source.retained;
        maxRankError = saturatedAdd(maxRankError, source.maxRankError);
        compress();
    }

    private void addLevel() {
        levels = Arrays.copyOf(levels, numLevels + 1);
        sizes = Arrays.copyOf(sizes, numLevels + 1);
        levels[numLevels] = new long[0];
        numLevels++;
        capacity = totalCapacity(k, numLevels);
    }

    /** Merges sorted items into a sorted level, in place from the end. */
    private void mergeSorted(int h, long[] items, int count) {
        if (count == 0) {
            return;
        }
        int size = sizes[h];
        if (levels[h].length < size + count) {
            levels[h] = Arrays.copyOf(levels[h], Math.max(size + count, 2 * levels[h].length));
        }
        long[] level = levels[h];
        int i = size - 1;
        int j = count - 1;
        int out = size + count - 1;
        while (j >= 0) {
            level[out--] = i >= 0 && level[i] > items[j] ? level[i--] : items[j--];
        }
        sizes[h] = size + count;
    }

    private void compress() {
        while (retained > capacity) {
            int h = 0;
            while (sizes[h] < levelCapacity(k, numLevels, h)) {
                h++;
            }
            compact(h);
        }
    }

    private void compact(int h) {
        long[] items = levels[h];
        int size = sizes[h];
        if (h == 0) {
            Arrays.sort(items, 0, size);
        }
        int stays = size & 1;
        int moving = (size - stays) / 2;
        int coin = coin(h, items, stays, size);
        long[] promoted = new long[moving];
        for (int i = 0; i < moving; i++) {
            promoted[i] = items[stays + 2 * i + coin];
        }
        sizes[h] = stays;
        if (h + 1 == numLevels) {
            addLevel();
        }
        mergeSorted(h + 1, promoted, moving);
        retained -= moving;
        maxRankError = saturatedAdd(maxRankError, 1L << h);
    }

    private int coin(int h, long[] items, int from, int to) {
        long hash = mix(SEED + 0x9e37_79b9_7f4a_7c15L * (h + 1));
        hash = mix(hash ^ n);
        for (int i = from; i < to; i++) {
            hash = mix(hash ^ items[i]);
        }
        return (int) (hash >>> 63);
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood, OOPSLA 2014). */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * The retained items sorted, equal items collapsed, with their cumulative weights.
     *
     * @return two arrays of the same length: items ascending, and for each the total weight of the items up to it
     */
    long[][] sortedView() {
        long[] items = new long[retained];
        long[] weights = new long[retained];
        int filled = 0;
        for (int h = 0; h < numLevels; h++) {
            long[] level = Arrays.copyOf(levels[h], sizes[h]);
            if (h == 0) {
                Arrays.sort(level);
            }
            filled = mergeInto(items, weights, filled, level, 1L << h);
        }
        return cumulative(items, weights, filled);
    }

    private static int mergeInto(long[] items, long[] weights, int filled, long[] level, long weight) {
        long[] oldItems = Arrays.copyOf(items, filled);
        long[] oldWeights = Arrays.copyOf(weights, filled);
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < filled || j < level.length) {
            if (j == level.length || (i < filled && oldItems[i] <= level[j])) {
                items[out] = oldItems[i];
                weights[out++] = oldWeights[i++];
            } else {
                items[out] = level[j++];
                weights[out++] = weight;
            }
        }
        return out;
    }

    /**
     * Collapses equal neighbours of sorted items and accumulates their weights.
     *
     * @param items sorted items
     * @param weights their weights
     * @param size the number of items to use
     * @return the distinct items and their cumulative weights
     */
    static long[][] cumulative(long[] items, long[] weights, int size) {
        long[] distinct = new long[size];
        long[] cumulative = new long[size];
        int out = -1;
        long running = 0;
        for (int i = 0; i < size; i++) {
            running += weights[i];
            if (out >= 0 && distinct[out] == items[i]) {
                cumulative[out] = running;
            } else {
                out++;
                distinct[out] = items[i];
                cumulative[out] = running;
            }
        }
        return new long[][] {Arrays.copyOf(distinct, out + 1), Arrays.copyOf(cumulative, out + 1)};
    }

    /**
     * Writes the sketch: the number of levels (int), the guaranteed bound (long), then per level the number of
     * items (int) and the items (longs) ascending. {@code n} and {@code k} are written by the caller.
     *
     * @param writer the writer
     */
    void write(StateWriter writer) {
        writer.writeInt(numLevels).writeLong(maxRankError);
        for (int h = 0; h < numLevels; h++) {
            long[] level = Arrays.copyOf(levels[h], sizes[h]);
            if (h == 0) {
                Arrays.sort(level);
            }
            writer.writeInt(level.length);
            for (long item : level) {
                writer.writeLong(item);
            }
        }
    }

    /**
     * The number of bytes {@link #write} writes.
     *
     * @return the size
     */
    int serializedSize() {
        return 12 + 4 * numLevels + 8 * retained;
    }

    /**
     * Reads a sketch written by {@link #write}, checking every rule: 1 to {@link #MAX_LEVELS} levels, at most the
     * total capacity of items, each level ascending, every item from {@code min} to {@code max}, the weights
     * {@code 2^h} adding up to {@code n}.
     *
     * @param reader the reader, positioned at the sketch
     * @param k the accuracy parameter, already checked
     * @param n the number of items the sketch must weigh, at least 1
     * @param min the smallest item allowed
     * @param max the largest item allowed
     * @return the sketch
     * @throws StateFormatException if a rule is broken
     */
    static QuantileSketch read(StateReader reader, int k, long n, long min, long max) {
        int numLevels = reader.readInt("sketch levels", 1, MAX_LEVELS);
        long bound = reader.readCount("sketch guaranteed rank error");
        QuantileSketch sketch = new QuantileSketch(k, numLevels);
        long weight = 0;
        int retained = 0;
        for (int h = 0; h < numLevels; h++) {
            int size = reader.readSize("sketch level " + h + " item", sketch.capacity - retained, 8);
            long[] level = new long[size];
            long previous = min;
            for (int i = 0; i < size; i++) {
                long item = reader.readLong("sketch item", previous, max);
                level[i] = item;
                previous = item;
            }
            if (size > 0 && (size > (Long.MAX_VALUE >> h) || weight > Long.MAX_VALUE - ((long) size << h))) {
                throw reader.problem(reader.offset(), "level " + h, "sketch weights must add up to the count " + n);
            }
            weight += (long) size << h;
            retained += size;
            sketch.levels[h] = level;
            sketch.sizes[h] = size;
        }
        if (weight != n) {
            throw reader.problem(reader.offset(), weight, "sketch weights must add up to the count " + n);
        }
        sketch.n = n;
        sketch.retained = retained;
        sketch.maxRankError = bound;
        return sketch;
    }
}
