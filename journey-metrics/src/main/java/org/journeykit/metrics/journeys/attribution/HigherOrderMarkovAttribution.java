package org.journeykit.metrics.journeys.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Markov-chain attribution by removal effect with a chain of order k = 1 to {@link #MAX_ORDER}: a state is the
 * last k channels touched (fewer at the start of a path), so the chance of the next touch, of a conversion or of
 * giving up depends on the last k channels, not only on the last one. Order 1 is the first-order model of
 * {@link MarkovAttribution}; higher orders follow the construction of E. Anderl, I. Becker, F. von Wangenheim and
 * J. H. Schumann, "Mapping the customer journey: lessons learned from graph-based online attribution modeling",
 * International Journal of Research in Marketing 33(3), 2016.
 *
 * <p>The chain: a path {@code c1 > ... > cm} converted v times and not converted u times adds v + u to the
 * transitions start&rarr;(c1)&rarr;(c1, c2)&rarr;...&rarr;(c(m-k+1), ..., cm) and v, u to the last state's
 * conversion and null; each row is divided by its total. The removal effect of channel c is
 * {@code 1 - P(conversion with c removed) / P(conversion)}, where removing c turns every state that contains c into
 * the null state. Each channel gets the total conversions (and value) times its removal effect over the sum of
 * the removal effects.
 *
 * <p>The absorption probabilities are computed on the absorbing chain without simulation: starting from 0, the
 * iteration {@code x <- Q x + r} (with each state's self-transition solved in closed form, {@code x_s = (sum over
 * t != s of Q(s, t) x_t + r_s) / (1 - Q(s, s))}) rises monotonically to the exact solution of
 * {@code (I - Q) x = r}, and {@code q <- Q q} from 1, the probability of not being absorbed yet, bounds the
 * remaining error. The iteration stops when that bound falls below 1e-14 at the start, so every probability is
 * within 1e-14 of the algebraic solution. A chain whose cycles keep customers for very long (the bound still
 * above 1e-14 after {@link #MAX_ITERATIONS} steps) raises {@link MetricInputException}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class HigherOrderMarkovAttribution {

    /** The highest order accepted: 4. */
    public static final int MAX_ORDER = 4;

    /** The most distinct channels accepted: 65,535. */
    public static final int MAX_CHANNELS = 65_535;

    /** The most iterations of the absorption computation: 1,000,000. */
    public static final int MAX_ITERATIONS = 1_000_000;

    private static final double TOLERANCE = 1e-14;

    private final int order;
    private final int states;
    private final double conversionProbability;
    private final Map<String, Double> removalEffects;
    private final AttributionResult attribution;

    private HigherOrderMarkovAttribution(int order, int states, double conversionProbability,
            Map<String, Double> removalEffects, AttributionResult attribution) {
        this.order = order;
        this.states = states;
        this.conversionProbability = conversionProbability;
        this.removalEffects = removalEffects;
        this.attribution = attribution;
    }

    /**
     * Fits the chain of the given order and computes removal effects and the attribution.
     *
     * @param paths the paths, not null, none null, with at least one conversion in total and at most
     *     {@link #MAX_CHANNELS} distinct channels
     * @param order the order k, 1 to {@link #MAX_ORDER}
     * @return the model, not null
     * @throws MetricInputException if the order is out of range, the paths hold no conversion or too many
     *     channels, or the chain absorbs too slowly
     * @throws NullPointerException if paths or a path is null
     */
    public static HigherOrderMarkovAttribution compute(List<ChannelPath> paths, int order) {
        Objects.requireNonNull(paths, "paths");
        if (order < 1 || order > MAX_ORDER) {
            throw new MetricInputException("order", order, "must be from 1 to " + MAX_ORDER);
        }
        java.util.HashSet<String> channelSet = new java.util.HashSet<>();
        long totalConversions = 0;
        double totalValue = 0;
        for (ChannelPath path : paths) {
            channelSet.addAll(Objects.requireNonNull(path, "path").channels());
            totalConversions = Math.addExact(totalConversions, path.conversions());
            totalValue += path.value();
        }
        if (totalConversions == 0) {
            throw new MetricInputException("paths", paths.size() + " paths without conversions",
                    "must hold at least one conversion for Markov attribution");
        }
        if (channelSet.size() > MAX_CHANNELS) {
            throw new MetricInputException("channels", channelSet.size(), "must be at most " + MAX_CHANNELS);
        }
        List<String> channels = new ArrayList<>(channelSet);
        Collections.sort(channels);
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            id.put(channels.get(i), i + 1);
        }
        Chain chain = Chain.build(paths, id, order);
        double base = chain.absorption(0);
        Map<String, Double> effects = new TreeMap<>();
        double effectSum = 0;
        for (int c = 1; c <= channels.size(); c++) {
            double effect = Math.max(0, 1.0 - chain.absorption(c) / base);
            effects.put(channels.get(c - 1), effect);
            effectSum += effect;
        }
        Map<String, Double> conversions = new HashMap<>();
        Map<String, Double> value = new HashMap<>();
        for (Map.Entry<String, Double> entry : effects.entrySet()) {
            double share = effectSum > 0 ? entry.getValue() / effectSum : 0.0;
            conversions.put(entry.getKey(), share * totalConversions);
            value.put(entry.getKey(), share * totalValue);
        }
        return new HigherOrderMarkovAttribution(order, chain.size(), base, Collections.unmodifiableMap(effects),
                new AttributionResult(conversions, value));
    }

    /**
     * Rebuilds a higher-order Markov attribution from its figures, as the accessors give them (for a stored result,
     * such as its JSON form).
     *
     * @param order the order k, 1 to {@link #MAX_ORDER}
     * @param states the number of transient states of the chain, the start included, at least 2
     * @param conversionProbability the probability of reaching conversion from the start, in (0, 1]
     * @param removalEffects channel to removal effect in [0, 1], not null, 1 to {@link #MAX_CHANNELS} channels
     * @param attribution the attributed conversions and value, not null, with exactly the channels of the effects
     * @return the model, not null
     * @throws NullPointerException if an argument, a key or a value is null
     * @throws MetricInputException if a rule above is broken
     */
    public static HigherOrderMarkovAttribution of(int order, int states, double conversionProbability,
            Map<String, Double> removalEffects, AttributionResult attribution) {
        Objects.requireNonNull(attribution, "attribution");
        if (order < 1 || order > MAX_ORDER) {
            throw new MetricInputException("order", order, "must be from 1 to " + MAX_ORDER);
        }
        if (states < 2) {
            throw new MetricInputException("states", states, "must be at least 2: the start and a channel");
        }
        if (!(conversionProbability > 0 && conversionProbability <= 1)) {
            throw new MetricInputException("conversionProbability", conversionProbability, "must be in (0, 1]");
        }
        Map<String, Double> effects = AttributionChecks.figures("removalEffects", removalEffects, 0, 1);
        if (effects.isEmpty() || effects.size() > MAX_CHANNELS) {
            throw new MetricInputException("removalEffects", effects.size() + " channels",
                    "must hold 1 to " + MAX_CHANNELS + " channels");
        }
        AttributionChecks.sameChannels(effects.keySet(), "removalEffects", effects, attribution);
        return new HigherOrderMarkovAttribution(order, states, conversionProbability,
                Collections.unmodifiableMap(effects), attribution);
    }

    /**
     * The order of the chain.
     *
     * @return k, 1 to {@link #MAX_ORDER}
     */
    public int order() {
        return order;
    }

    /**
     * The number of transient states of the chain, the start included.
     *
     * @return the count, at least 2
     */
    public int states() {
        return states;
    }

    /**
     * The probability of reaching conversion from the start.
     *
     * @return the probability, in (0, 1]
     */
    public double conversionProbability() {
        return conversionProbability;
    }

    /**
     * The removal effect of each channel.
     *
     * @return channel to removal effect in [0, 1], ordered by channel, unmodifiable, not null
     */
    public Map<String, Double> removalEffects() {
        return removalEffects;
    }

    /**
     * The conversions and value attributed in proportion to the removal effects.
     *
     * @return the attribution, not null
     */
    public AttributionResult attribution() {
        return attribution;
    }

    /**
     * Whether another object is a model of the same order and states with the same probability, effects and
     * attribution.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof HigherOrderMarkovAttribution that && order == that.order && states == that.states
                && Double.compare(conversionProbability, that.conversionProbability) == 0
                && removalEffects.equals(that.removalEffects) && attribution.equals(that.attribution);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(order, states, conversionProbability, removalEffects, attribution);
    }

    /**
     * The model as text: the order, the states and the attribution.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "Markov order " + order + " (" + states + " states) " + attribution;
    }

    /** The chain in compressed sparse rows: per state its successors, their counts and the absorbing counts. */
    private static final class Chain {
        final int order;
        final long[] keys;
        final int[] rowStart;
        final int[] column;
        final double[] probability;
        final double[] self;
        final double[] conversion;

        private Chain(int order, long[] keys, int[] rowStart, int[] column, double[] probability, double[] self,
                double[] conversion) {
            this.order = order;
            this.keys = keys;
            this.rowStart = rowStart;
            this.column = column;
            this.probability = probability;
            this.self = self;
            this.conversion = conversion;
        }

        int size() {
            return keys.length;
        }

        static Chain build(List<ChannelPath> paths, Map<String, Integer> id, int order) {
            Map<Long, Integer> index = new HashMap<>();
            List<Long> keys = new ArrayList<>();
            index.put(0L, 0);
            keys.add(0L);
            Map<Long, Double> edges = new HashMap<>();
            List<double[]> absorbing = new ArrayList<>();
            absorbing.add(new double[3]);
            long mask = order == 4 ? -1L : (1L << (16 * order)) - 1;
            for (ChannelPath path : paths) {
                double weight = (double) path.conversions() + path.nulls();
                if (weight == 0) {
                    continue;
                }
                long key = 0;
                int from = 0;
                for (String channel : path.channels()) {
                    key = ((key << 16) | id.get(channel)) & mask;
                    Integer to = index.get(key);
                    if (to == null) {
                        to = keys.size();
                        index.put(key, to);
                        keys.add(key);
                        absorbing.add(new double[3]);
                    }
                    edges.merge(((long) from << 32) | to, weight, Double::sum);
                    absorbing.get(from)[2] += weight;
                    from = to;
                }
                absorbing.get(from)[0] += path.conversions();
                absorbing.get(from)[1] += path.nulls();
                absorbing.get(from)[2] += weight;
            }
            int n = keys.size();
            int[] rowCount = new int[n + 1];
            for (long edge : edges.keySet()) {
                rowCount[(int) (edge >>> 32) + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowCount[i + 1] += rowCount[i];
            }
            int[] fill = rowCount.clone();
            int[] column = new int[edges.size()];
            double[] probability = new double[edges.size()];
            double[] self = new double[n];
            List<Map.Entry<Long, Double>> sorted = new ArrayList<>(edges.entrySet());
            sorted.sort(Map.Entry.comparingByKey());
            for (Map.Entry<Long, Double> edge : sorted) {
                int from = (int) (edge.getKey() >>> 32);
                int to = (int) (long) edge.getKey();
                double p = edge.getValue() / absorbing.get(from)[2];
                if (to == from) {
                    self[from] = p;
                }
                column[fill[from]] = to;
                probability[fill[from]++] = p;
            }
            double[] conversion = new double[n];
            long[] keyArray = new long[n];
            for (int i = 0; i < n; i++) {
                double[] a = absorbing.get(i);
                conversion[i] = a[2] > 0 ? a[0] / a[2] : 0.0;
                keyArray[i] = keys.get(i);
            }
            return new Chain(order, keyArray, rowCount, column, probability, self, conversion);
        }

        private boolean contains(int state, int channel) {
            long key = keys[state];
            for (int slot = 0; slot < order; slot++) {
                if (((key >>> (16 * slot)) & 0xFFFF) == channel) {
                    return true;
                }
            }
            return false;
        }

        /** The absorption probability into conversion from the start, with a channel removed (0: none). */
        double absorption(int removed) {
            int n = keys.length;
            boolean[] gone = new boolean[n];
            if (removed > 0) {
                for (int s = 1; s < n; s++) {
                    gone[s] = contains(s, removed);
                }
            }
            double[] x = new double[n];
            double[] q = new double[n];
            double[] nextX = new double[n];
            double[] nextQ = new double[n];
            java.util.Arrays.fill(q, 1.0);
            for (int s = 0; s < n; s++) {
                if (gone[s]) {
                    q[s] = 0;
                }
            }
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                for (int s = 0; s < n; s++) {
                    if (gone[s]) {
                        continue;
                    }
                    double stay = 1 - self[s];
                    if (stay <= 0) {
                        nextX[s] = 0;
                        nextQ[s] = 0;
                        continue;
                    }
                    double sumX = conversion[s];
                    double sumQ = 0;
                    for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                        int t = column[e];
                        if (t != s && !gone[t]) {
                            sumX += probability[e] * x[t];
                            sumQ += probability[e] * q[t];
                        }
                    }
                    nextX[s] = sumX / stay;
                    nextQ[s] = sumQ / stay;
                }
                double[] swap = x;
                x = nextX;
                nextX = swap;
                swap = q;
                q = nextQ;
                nextQ = swap;
                if (q[0] <= TOLERANCE) {
                    return x[0];
                }
            }
            throw new MetricInputException("paths", "a chain whose cycles keep customers for very long",
                    "must absorb within " + MAX_ITERATIONS + " steps to 1e-14 (remaining probability " + q[0] + ")");
        }
    }
}
