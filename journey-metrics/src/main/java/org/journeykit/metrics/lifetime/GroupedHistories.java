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
 * every run, whatever the threads do. {@link #derivatives} gives the gradient and Hessian in the same pass, for
 * the gradient optimiser. Instances are immutable and thread-safe.
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
    /** The number of customers with each frequency (the sum of the weights of its histories). */
    final double[] frequencyWeight;

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
        this.frequencyWeight = new double[frequencies.length];
        for (int i = 0; i < weight.length; i++) {
            frequencyWeight[frequencyIndex[i]] += weight[i];
        }
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

    /** The number of entries {@link #derivatives} returns: the value, 4 gradient and 10 Hessian entries. */
    static final int DERIVATIVES = 15;

    /**
     * The log-likelihood with its gradient and Hessian with respect to the logarithms of the parameters, u = (ln
     * r, ln alpha, ln a, ln b), in one pass over the histories. Per history, with s = r + x, L_T = ln(alpha + T),
     * L_t = ln(alpha + t_x), k = 1 / (b + x - 1), ln L = C_x + ln(e^A3 + e^A4), A3 = -s L_T, A4 = ln a + ln k - s
     * L_t (equation (6) of Fader, Hardie and Lee 2005), and C_x = ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln
     * B(a, b + x) - ln B(a, b). The derivatives of C_x are digamma and trigamma differences (Hipparchus); those of
     * the log-sum-exp are w3 grad A3 + w4 grad A4 and w3 hess A3 + w4 hess A4 + w3 w4 d d', with w4 = 1 / (1 +
     * e^(A3 - A4)), w3 = 1 - w4 and d = grad A3 - grad A4. A customer without repeat purchases has ln L = r ln alpha
     * - r L_T. With respect to u, g_u = theta g and H_u = diag(theta) H diag(theta) + diag(theta g). The sum runs in
     * the same fixed chunks and order as {@link #logLikelihood}.
     *
     * @param r the model's r, positive
     * @param alpha the model's alpha, positive
     * @param a the model's a, positive
     * @param b the model's b, positive
     * @return {@link #DERIVATIVES} values: the log-likelihood, the gradient (r, alpha, a, b order) and the Hessian's
     *     upper triangle row by row (rr, r alpha, ra, rb, alpha alpha, alpha a, alpha b, aa, ab, bb), all with
     *     respect to the logarithms of the parameters; NaN or infinite where the parameters overflow
     */
    double[] derivatives(double r, double alpha, double a, double b) {
        int groups = frequencies.length;
        double[] shape = new double[groups];
        double[] dropout = new double[groups];
        double[] inverse = new double[groups];
        for (int g = 0; g < groups; g++) {
            double x = frequencies[g];
            shape[g] = r + x;
            inverse[g] = x == 0 ? 0 : 1 / (b + x - 1);
            dropout[g] = x == 0 ? Double.NaN : Math.log(a) + Math.log(inverse[g]);
        }
        double[] logAge = logsOfSums(alpha, ages);
        double[] logRecency = logsOfSums(alpha, recencies);
        double[] invAge = inverseSums(alpha, ages);
        double[] invRecency = inverseSums(alpha, recencies);
        int n = weight.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> partial[c] = rowSums(c * CHUNK,
                Math.min(n, c * CHUNK + CHUNK), shape, dropout, inverse, logAge, logRecency, invAge, invRecency));
        double[] t = new double[DERIVATIVES];
        for (double[] sums : partial) {
            for (int k = 0; k < DERIVATIVES; k++) {
                t[k] += sums[k];
            }
        }
        // t holds the log-sum-exp parts: value, -(grad r), -(grad alpha)..., see rowSums; turn them into the
        // derivatives with respect to (r, alpha, a, b), then add C_x's.
        double value = t[0];
        double gr = t[1];
        double gAlpha = t[2];
        double ga = t[3] / a;
        double gb = -t[4];
        double hrr = t[5];
        double hrAlpha = t[6];
        double hra = -t[7] / a;
        double hrb = t[8];
        double hAlphaAlpha = t[9];
        double hAlphaA = -t[10] / a;
        double hAlphaB = t[11];
        double haa = (t[12] - t[3]) / (a * a);
        double hab = -t[13] / a;
        double hbb = t[14];
        double common = -Gamma.logGamma(r) + r * Math.log(alpha) - Beta.logBeta(a, b);
        double digammaR = Gamma.digamma(r);
        double trigammaR = Gamma.trigamma(r);
        double digammaAb = Gamma.digamma(a + b);
        double trigammaAb = Gamma.trigamma(a + b);
        double digammaB = Gamma.digamma(b);
        double trigammaB = Gamma.trigamma(b);
        for (int g = 0; g < groups; g++) {
            double x = frequencies[g];
            double w = frequencyWeight[g];
            value += w * (common + Gamma.logGamma(r + x) + Beta.logBeta(a, b + x));
            gr += w * (Gamma.digamma(r + x) - digammaR + Math.log(alpha));
            gAlpha += w * r / alpha;
            hrr += w * (Gamma.trigamma(r + x) - trigammaR);
            hrAlpha += w / alpha;
            hAlphaAlpha -= w * r / (alpha * alpha);
            if (x > 0) {
                double digammaAbx = Gamma.digamma(a + b + x);
                double trigammaAbx = Gamma.trigamma(a + b + x);
                ga += w * (digammaAb - digammaAbx);
                gb += w * (digammaAb - digammaB + Gamma.digamma(b + x) - digammaAbx);
                haa += w * (trigammaAb - trigammaAbx);
                hab += w * (trigammaAb - trigammaAbx);
                hbb += w * (trigammaAb - trigammaB + Gamma.trigamma(b + x) - trigammaAbx);
            }
        }
        double[] theta = {r, alpha, a, b};
        double[] gradient = {gr, gAlpha, ga, gb};
        double[][] hessian = {{hrr, hrAlpha, hra, hrb}, {hrAlpha, hAlphaAlpha, hAlphaA, hAlphaB},
            {hra, hAlphaA, haa, hab}, {hrb, hAlphaB, hab, hbb}};
        double[] result = new double[DERIVATIVES];
        result[0] = value;
        int k = 5;
        for (int i = 0; i < 4; i++) {
            result[1 + i] = theta[i] * gradient[i];
            for (int j = i; j < 4; j++) {
                result[k++] = theta[i] * theta[j] * hessian[i][j] + (i == j ? theta[i] * gradient[i] : 0);
            }
        }
        return result;
    }

    /**
     * The log-sum-exp parts of {@link #derivatives} over the rows from one to another: [0] sum w lse, [1] d/dr,
     * [2] d/dalpha, [3] sum w w4 (d/da times a), [4] sum w w4 k (-d/db), [5] rr, [6] r alpha, [7] sum v Delta (-ra
     * times a), [8] rb, [9] alpha alpha, [10] sum v s E (-alpha a times a), [11] alpha b, [12] sum v (aa times a^2
     * plus [3]), [13] sum v k (-ab times a), [14] bb; with v = w w3 w4, Delta = L_t - L_T and E = 1 / (alpha + t_x) - 1
     * / (alpha + T).
     */
    private double[] rowSums(int from, int to, double[] shape, double[] dropout, double[] inverse,
            double[] logAge, double[] logRecency, double[] invAge, double[] invRecency) {
        double[] t = new double[DERIVATIVES];
        for (int i = from; i < to; i++) {
            int g = frequencyIndex[i];
            double w = weight[i];
            double s = shape[g];
            double logT = logAge[ageIndex[i]];
            double invT = invAge[ageIndex[i]];
            if (frequencies[g] == 0) {
                t[0] -= w * s * logT;
                t[1] -= w * logT;
                t[2] -= w * s * invT;
                t[6] -= w * invT;
                t[9] += w * s * invT * invT;
                continue;
            }
            double k = inverse[g];
            double logt = logRecency[recencyIndex[i]];
            double invt = invRecency[recencyIndex[i]];
            double a3 = -s * logT;
            double a4 = dropout[g] - s * logt;
            double e = Math.exp(-Math.abs(a4 - a3));
            double w4 = a4 > a3 ? 1 / (1 + e) : e / (1 + e);
            double delta = logt - logT;
            double diff = invt - invT;
            double ww4 = w * w4;
            double v = ww4 * (1 - w4);
            double vDelta = v * delta;
            double vsE = v * s * diff;
            t[0] += w * (Math.max(a3, a4) + Math.log1p(e));
            t[1] -= w * logT + ww4 * delta;
            t[2] -= s * (w * invT + ww4 * diff);
            t[3] += ww4;
            t[4] += ww4 * k;
            t[5] += vDelta * delta;
            t[6] += vDelta * s * diff - (w * invT + ww4 * diff);
            t[7] += vDelta;
            t[8] += vDelta * k;
            t[9] += s * (w * invT * invT + ww4 * (invt * invt - invT * invT)) + vsE * s * diff;
            t[10] += vsE;
            t[11] += vsE * k;
            t[12] += v;
            t[13] += v * k;
            t[14] += (ww4 + v) * k * k;
        }
        return t;
    }

    /** 1 / (alpha + v) for each v. */
    private static double[] inverseSums(double alpha, double[] values) {
        double[] inverses = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            inverses[i] = 1 / (alpha + values[i]);
        }
        return inverses;
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

        /**
         * A multiply-and-add chain finished by the 64-bit finaliser of MurmurHash3, so that every bit of the key
         * reaches the low bits the mask keeps. Without the finaliser a multiplication carries low bits upwards
         * only: times in whole days divided by 7 differ mostly in their high bits, and 107,000 distinct histories
         * of the benchmark fell into 7,900 slots.
         */
        private static int hash(long x, double recency, double age, int mask) {
            long h = x * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(recency);
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(age);
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return (int) h & mask;
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
