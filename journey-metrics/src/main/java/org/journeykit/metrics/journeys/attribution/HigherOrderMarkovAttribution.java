package org.journeykit.metrics.journeys.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
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
 * <p>The chain is built in one pass over the paths: channels, states and transitions are numbered as first met
 * (primitive hash tables, nothing boxed per touch), so the time grows with the number of touches, and memory with
 * the number of distinct states and transitions.
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
     * Fits the chain of the given order to the paths and computes removal effects and the attribution, as
     * {@link MarkovAttribution#of(ChannelPaths)} does for order 1: the paths are typically the result of a
     * {@link ChannelPathAccumulator}.
     *
     * @param channelPaths the paths, not null, with at least one conversion in total and at most
     *     {@link #MAX_CHANNELS} distinct channels
     * @param order the order k, 1 to {@link #MAX_ORDER}
     * @return the model, not null
     * @throws MetricInputException if the order is out of range, the paths hold no conversion or too many
     *     channels, the chain has more than 2^29 distinct transitions, or it absorbs too slowly
     * @throws NullPointerException if channelPaths is null
     */
    public static HigherOrderMarkovAttribution of(ChannelPaths channelPaths, int order) {
        List<ChannelPath> paths = Objects.requireNonNull(channelPaths, "channelPaths").paths();
        if (order < 1 || order > MAX_ORDER) {
            throw new MetricInputException("order", order, "must be from 1 to " + MAX_ORDER);
        }
        // One pass over the paths: each distinct channel is numbered 1, 2, ... as first seen (one hash lookup per
        // touch), and the touches of the paths that carry weight are kept as those numbers for the chain.
        Map<String, Integer> id = new HashMap<>();
        List<String> byId = new ArrayList<>();
        byId.add("");
        Touches touches = new Touches(paths.size());
        long totalConversions = 0;
        double totalValue = 0;
        for (ChannelPath path : paths) {
            Objects.requireNonNull(path, "path");
            totalConversions = Math.addExact(totalConversions, path.conversions());
            totalValue += path.value();
            boolean weighted = (double) path.conversions() + path.nulls() != 0;
            for (String channel : path.channels()) {
                Integer known = id.get(channel);
                int c;
                if (known == null) {
                    c = byId.size();
                    id.put(channel, c);
                    byId.add(channel);
                } else {
                    c = known;
                }
                if (weighted) {
                    touches.add(c);
                }
            }
            if (weighted) {
                touches.endPath(path);
            }
        }
        if (totalConversions == 0) {
            throw new MetricInputException("paths", paths.size() + " paths without conversions",
                    "must hold at least one conversion for Markov attribution");
        }
        int channelCount = byId.size() - 1;
        if (channelCount > MAX_CHANNELS) {
            throw new MetricInputException("channels", channelCount, "must be at most " + MAX_CHANNELS);
        }
        List<String> channels = new ArrayList<>(byId.subList(1, byId.size()));
        Collections.sort(channels);
        Chain chain;
        try {
            chain = Chain.build(touches, order);
        } catch (IllegalStateException e) {
            throw new MetricInputException("paths", "more than " + LongInterner.MAX_KEYS + " transitions",
                    "must give at most " + LongInterner.MAX_KEYS + " distinct transitions between states");
        }
        double base = chain.absorption(0);
        // The removal of each channel is an independent absorption computation: run them in parallel, each
        // writing its own slot, so the result does not depend on the threads.
        int[] removed = new int[channelCount];
        for (int i = 0; i < channelCount; i++) {
            removed[i] = Objects.requireNonNull(id.get(channels.get(i)), "every channel was numbered above");
        }
        double[] absorbed = new double[channelCount];
        IntStream.range(0, channelCount).parallel().forEach(i -> absorbed[i] = chain.absorption(removed[i]));
        Map<String, Double> effects = new TreeMap<>();
        double effectSum = 0;
        for (int i = 0; i < channelCount; i++) {
            double effect = Math.max(0, 1.0 - absorbed[i] / base);
            effects.put(channels.get(i), effect);
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

        /**
         * Builds the chain: the states and the transitions are interned to array indices as they are first met
         * (a transition is known by its state and the channel touched, which determine the next state), and their
         * counts are added in the order of the paths.
         */
        static Chain build(Touches touches, int order) {
            long mask = order == 4 ? -1L : (1L << (16 * order)) - 1;
            LongInterner stateIndex = new LongInterner(1024);
            LongInterner edgeIndex = new LongInterner(4096);
            stateIndex.intern(0L);
            long[] keys = new long[1024];
            int[] edgeFrom = new int[4096];
            int[] edgeTo = new int[4096];
            double[] edgeWeight = new double[4096];
            double[] total = new double[1024];
            double[] converted = new double[1024];
            int[] channel = touches.channels;
            int touch = 0;
            for (int p = 0; p < touches.paths; p++) {
                double weight = touches.weight[p];
                int from = 0;
                for (int end = touches.end[p]; touch < end; touch++) {
                    int c = channel[touch];
                    int edges = edgeIndex.size();
                    int e = edgeIndex.intern(((long) from << 16) | c);
                    if (e == edges) {
                        long key = ((keys[from] << 16) | c) & mask;
                        int states = stateIndex.size();
                        int to = stateIndex.intern(key);
                        if (to == states) {
                            if (to == keys.length) {
                                keys = Arrays.copyOf(keys, 2 * to);
                                total = Arrays.copyOf(total, 2 * to);
                                converted = Arrays.copyOf(converted, 2 * to);
                            }
                            keys[to] = key;
                        }
                        if (e == edgeTo.length) {
                            edgeFrom = Arrays.copyOf(edgeFrom, 2 * e);
                            edgeTo = Arrays.copyOf(edgeTo, 2 * e);
                            edgeWeight = Arrays.copyOf(edgeWeight, 2 * e);
                        }
                        edgeFrom[e] = from;
                        edgeTo[e] = to;
                    }
                    edgeWeight[e] += weight;
                    total[from] += weight;
                    from = edgeTo[e];
                }
                converted[from] += touches.conversions[p];
                total[from] += weight;
            }
            int n = stateIndex.size();
            int edges = edgeIndex.size();
            // Rows in compressed sparse form, each row's transitions by ascending next state.
            int[] rowStart = new int[n + 1];
            for (int e = 0; e < edges; e++) {
                rowStart[edgeFrom[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] fill = Arrays.copyOf(rowStart, n);
            long[] byRow = new long[edges];
            for (int e = 0; e < edges; e++) {
                byRow[fill[edgeFrom[e]]++] = ((long) edgeTo[e] << 32) | e;
            }
            int[] column = new int[edges];
            double[] probability = new double[edges];
            double[] self = new double[n];
            for (int from = 0; from < n; from++) {
                Arrays.sort(byRow, rowStart[from], rowStart[from + 1]);
                for (int slot = rowStart[from]; slot < rowStart[from + 1]; slot++) {
                    int e = (int) byRow[slot];
                    int to = (int) (byRow[slot] >>> 32);
                    double p = edgeWeight[e] / total[from];
                    if (to == from) {
                        self[from] = p;
                    }
                    column[slot] = to;
                    probability[slot] = p;
                }
            }
            double[] conversion = new double[n];
            for (int i = 0; i < n; i++) {
                conversion[i] = total[i] > 0 ? converted[i] / total[i] : 0.0;
            }
            return new Chain(order, Arrays.copyOf(keys, n), rowStart, column, probability, self, conversion);
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
            Arrays.fill(q, 1.0);
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

    /** The touches of the weighted paths as channel numbers, path after path, with each path's counts. */
    private static final class Touches {
        int[] channels = new int[1024];
        int size;
        int paths;
        int[] end;
        double[] weight;
        double[] conversions;

        Touches(int expectedPaths) {
            int capacity = Math.max(16, expectedPaths);
            end = new int[capacity];
            weight = new double[capacity];
            conversions = new double[capacity];
        }

        void add(int channel) {
            if (size == channels.length) {
                channels = Arrays.copyOf(channels, 2 * size);
            }
            channels[size++] = channel;
        }

        void endPath(ChannelPath path) {
            if (paths == end.length) {
                end = Arrays.copyOf(end, 2 * paths);
                weight = Arrays.copyOf(weight, 2 * paths);
                conversions = Arrays.copyOf(conversions, 2 * paths);
            }
            end[paths] = size;
            weight[paths] = (double) path.conversions() + path.nulls();
            conversions[paths] = path.conversions();
            paths++;
        }
    }
}
