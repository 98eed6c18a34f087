package org.journeykit.metrics.lifetime;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood over many customers: the distinct histories with their counts, ordered by frequency,
 * then recency, then age (as {@link Double#compare} orders them). Each distinct recency and age is kept once, so
 * that an evaluation takes the logarithm of each once, and the histories refer to them by index. The sum runs in
 * fixed chunks on the common fork-join pool, added in a fixed order, so the same histories give the same value on
 * every run, whatever the threads do. Instances are immutable and thread-safe.
 */
final class GroupedHistories {

    private static final int CHUNK = 1 << 16;

    final int[] frequencyIndex;
    final int[] recencyIndex;
    final int[] ageIndex;
    final double[] weight;
    final long[] frequencies;
    final double[] recencies;
    final double[] ages;
    final long maxFrequency;
    final double meanAge;

    private GroupedHistories(int[] frequencyIndex, int[] recencyIndex, int[] ageIndex, double[] weight,
            long[] frequencies, double[] recencies, double[] ages, double meanAge) {
        this.frequencyIndex = frequencyIndex;
        this.recencyIndex = recencyIndex;
        this.ageIndex = ageIndex;
        this.weight = weight;
        this.frequencies = frequencies;
        this.recencies = recencies;
        this.ages = ages;
        this.maxFrequency = frequencies[frequencies.length - 1];
        this.meanAge = meanAge;
    }

    /**
     * Groups the histories with primitive arrays only. Identical histories are counted in a hash table (one probe
     * per customer). The distinct recencies and ages are then numbered in ascending order, each distinct history
     * becomes the key {@code recency number x ages + age number} in the bucket of its frequency (a counting sort,
     * frequencies being at most {@link PurchaseHistory#MAX_FREQUENCY}), and each bucket is sorted.
     *
     * @param customers the histories, not null, none null, not empty
     * @return the grouped histories, not null
     * @throws NullPointerException if a history is null
     */
    static GroupedHistories of(Collection<PurchaseHistory> customers) {
        PurchaseHistory[] histories = customers.toArray(new PurchaseHistory[0]);
        int n = histories.length;
        Counter counter = new Counter();
        double ageSum = 0;
        for (PurchaseHistory history : histories) {
            Objects.requireNonNull(history, "customer");
            counter.add(history.frequency(), history.recency(), history.age());
            ageSum += history.age();
        }
        int m = counter.size;
        double[] recencies = distinctSorted(Arrays.copyOf(counter.recency, m));
        double[] ages = distinctSorted(Arrays.copyOf(counter.age, m));
        long maxFrequency = 0;
        for (int d = 0; d < m; d++) {
            maxFrequency = Math.max(maxFrequency, counter.frequency[d]);
        }
        int[] bucketStart = new int[(int) maxFrequency + 2];
        for (int d = 0; d < m; d++) {
            bucketStart[(int) counter.frequency[d] + 1]++;
        }
        int frequencyCount = 0;
        for (int x = 0; x <= maxFrequency; x++) {
            if (bucketStart[x + 1] > 0) {
                frequencyCount++;
            }
            bucketStart[x + 1] += bucketStart[x];
        }
        int[] fill = Arrays.copyOf(bucketStart, bucketStart.length - 1);
        long[] keys = new long[m];
        for (int d = 0; d < m; d++) {
            long key = (long) Arrays.binarySearch(recencies, counter.recency[d]) * ages.length
                    + Arrays.binarySearch(ages, counter.age[d]);
            keys[fill[(int) counter.frequency[d]]++] = key;
        }
        long[] frequencies = new long[frequencyCount];
        int[] frequencyIndex = new int[m];
        int[] recencyIndex = new int[m];
        int[] ageIndex = new int[m];
        double[] weight = new double[m];
        int distinct = 0;
        int g = -1;
        for (int x = 0; x <= maxFrequency; x++) {
            int from = bucketStart[x];
            int to = bucketStart[x + 1];
            if (from == to) {
                continue;
            }
            frequencies[++g] = x;
            Arrays.sort(keys, from, to);
            for (int k = from; k < to; k++) {
                int r = (int) (keys[k] / ages.length);
                int a = (int) (keys[k] % ages.length);
                frequencyIndex[distinct] = g;
                recencyIndex[distinct] = r;
                ageIndex[distinct] = a;
                weight[distinct] = counter.count(x, recencies[r], ages[a]);
                distinct++;
            }
        }
        return new GroupedHistories(frequencyIndex, recencyIndex, ageIndex, weight, frequencies, recencies, ages,
                ageSum / n);
    }

    /** The distinct values in ascending order of {@link Double#compare} (which {@link Arrays#sort} follows). */
    private static double[] distinctSorted(double[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || Double.compare(values[i], values[distinct - 1]) != 0) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /**
     * The log-likelihood of all histories, the sum of ln L of equation (6) of Fader, Hardie and Lee (2005) times
     * the counts.
     *
     * @param r the model's r, positive
     * @param alpha the model's alpha, positive
     * @param a the model's a, positive
     * @param b the model's b, positive
     * @return the log-likelihood, not positive; NaN or infinite where the parameters overflow
     */
    double logLikelihood(double r, double alpha, double a, double b) {
        int groups = frequencies.length;
        double[] constant = new double[groups];
        double[] shape = new double[groups];
        double[] dropout = new double[groups];
        double common = -Gamma.logGamma(r) + r * Math.log(alpha) - Beta.logBeta(a, b);
        for (int g = 0; g < groups; g++) {
            double x = frequencies[g];
            constant[g] = common + Gamma.logGamma(r + x) + Beta.logBeta(a, b + x);
            shape[g] = r + x;
            dropout[g] = x == 0 ? Double.NaN : Math.log(a) - Math.log(b + x - 1);
        }
        double[] logAge = logsOfSums(alpha, ages);
        double[] logRecency = logsOfSums(alpha, recencies);
        int n = weight.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double sum = 0;
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                int g = frequencyIndex[i];
                double a3 = -shape[g] * logAge[ageIndex[i]];
                double value;
                if (frequencies[g] == 0) {
                    value = a3;
                } else {
                    double a4 = dropout[g] - shape[g] * logRecency[recencyIndex[i]];
                    value = BgNbd.logSumExp(a3, a4);
                }
                sum += weight[i] * (constant[g] + value);
            }
            partial[c] = sum;
        });
        double total = 0;
        for (double value : partial) {
            total += value;
        }
        return total;
    }

    /** ln(alpha + v) for each v, in parallel chunks when there are many. */
    private static double[] logsOfSums(double alpha, double[] values) {
        double[] logs = new double[values.length];
        int chunks = (values.length + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = c * CHUNK, end = Math.min(values.length, i + CHUNK); i < end; i++) {
                logs[i] = Math.log(alpha + values[i]);
            }
        });
        return logs;
    }

    /**
     * Counts identical histories: open addressing with linear probing over (frequency, recency, age), doubled at
     * half full. Two histories are identical when their frequencies are equal and their recencies and ages have the
     * same bits, which is what {@link PurchaseHistory#equals} means for values that are never NaN.
     */
    private static final class Counter {
        long[] frequency = new long[1024];
        double[] recency = new double[1024];
        double[] age = new double[1024];
        double[] counts = new double[1024];
        int size;
        private int[] table = filled(2048);

        private static int[] filled(int capacity) {
            int[] table = new int[capacity];
            Arrays.fill(table, -1);
            return table;
        }

        private static int hash(long x, double recency, double age, int mask) {
            long h = x * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(recency);
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(age);
            h *= 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private int slot(long x, double r, double a) {
            int mask = table.length - 1;
            int slot = hash(x, r, a, mask);
            while (true) {
                int d = table[slot];
                if (d < 0 || frequency[d] == x && Double.compare(recency[d], r) == 0
                        && Double.compare(age[d], a) == 0) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        void add(long x, double r, double a) {
            int slot = slot(x, r, a);
            int d = table[slot];
            if (d >= 0) {
                counts[d]++;
                return;
            }
            if (size == frequency.length) {
                frequency = Arrays.copyOf(frequency, 2 * size);
                recency = Arrays.copyOf(recency, 2 * size);
                age = Arrays.copyOf(age, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
            }
            frequency[size] = x;
            recency[size] = r;
            age[size] = a;
            counts[size] = 1;
            table[slot] = size++;
            if (2 * size > table.length) {
                table = filled(2 * table.length);
                for (int e = 0; e < size; e++) {
                    table[slot(frequency[e], recency[e], age[e])] = e;
                }
            }
        }

        double count(long x, double r, double a) {
            return counts[table[slot(x, r, a)]];
        }
    }
}
