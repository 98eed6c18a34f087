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
 * Shapley-value attribution over conversion paths, computed exactly over every coalition of the channels that
 * occur (L. S. Shapley, "A value for n-person games", 1953):
 * <pre>
 * phi(i) = sum over coalitions S without i of |S|! (n - |S| - 1)! / n! (v(S + i) - v(S))
 * </pre>
 * The players are the n distinct channels of the paths; a path's coalition is the set of its channels (order and
 * repetitions ignored). Two coalition values are offered:
 * <ul>
 *   <li>{@link CoalitionValue#CONVERSIONS}: v(S) = the conversions (and value) of the paths whose channels all lie
 *       in S, as in K. Zhao, S. H. Mahboobi and S. R. Bagheri, "Shapley value methods for attribution modeling in
 *       online advertising" (arXiv:1804.05327, 2018). With it, each path's conversions are shared equally among
 *       its distinct channels (their simplified Shapley value); phi sums to the total conversions.</li>
 *   <li>{@link CoalitionValue#CONVERSION_RATE}: v(S) = the conversion rate (conversions over conversions plus
 *       non-conversions) of the paths whose channels all lie in S, 0 where there are none: a channel earns credit
 *       for raising the rate of the paths it joins, so non-converting paths count. phi sums to the rate of all
 *       paths; the attribution scales phi to the total conversions, and a channel that lowers the rate can get
 *       negative credit.</li>
 * </ul>
 * The exact computation takes time and memory proportional to {@code n 2^n}, so at most {@link #MAX_CHANNELS}
 * channels are accepted; more raise {@link MetricInputException} (group rare channels first).
 *
 * <p>Worked example (also a test), CONVERSIONS: "ads" converted 3 times, "ads &gt; mail" twice, "mail &gt; ads &gt;
 * seo" once. v({ads}) = 3, v({ads, mail}) = 5, v(all) = 6, others 0. phi(ads) = 3 + 2/2 + 1/3 = 4.333, phi(mail)
 * = 2/2 + 1/3 = 1.333, phi(seo) = 1/3.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ShapleyAttribution {

    /** The most distinct channels the exact computation accepts: 20 (2^20 coalitions). */
    public static final int MAX_CHANNELS = 20;

    /** The coalition value of the Shapley game. */
    public enum CoalitionValue {
        /** The conversions of the paths whose channels all lie in the coalition (Zhao et al. 2018). */
        CONVERSIONS,
        /** The conversion rate of the paths whose channels all lie in the coalition. */
        CONVERSION_RATE
    }

    private final CoalitionValue coalitionValue;
    private final Map<String, Double> shapleyValues;
    private final AttributionResult attribution;

    private ShapleyAttribution(CoalitionValue coalitionValue, Map<String, Double> shapleyValues,
            AttributionResult attribution) {
        this.coalitionValue = coalitionValue;
        this.shapleyValues = shapleyValues;
        this.attribution = attribution;
    }

    /**
     * Computes the Shapley values and the attribution from the paths, as the other attribution models do
     * ({@link Attribution}, {@link MarkovAttribution}): typically the result of a {@link ChannelPathAccumulator}.
     *
     * @param channelPaths the paths, not null, with at most {@link #MAX_CHANNELS} distinct channels
     * @param coalitionValue the coalition value, not null
     * @return the attribution, not null; all zero when no path converted
     * @throws MetricInputException if the paths hold more than {@link #MAX_CHANNELS} distinct channels
     * @throws NullPointerException if an argument is null
     */
    public static ShapleyAttribution of(ChannelPaths channelPaths, CoalitionValue coalitionValue) {
        List<ChannelPath> paths = Objects.requireNonNull(channelPaths, "channelPaths").paths();
        Objects.requireNonNull(coalitionValue, "coalitionValue");
        // One pass: number the channels as first seen (one hash lookup per touch) and keep each path's channel
        // set as a bit mask over those numbers.
        Map<String, Integer> seen = new HashMap<>();
        List<String> bySeen = new ArrayList<>();
        int[] seenMasks = new int[paths.size()];
        int p = 0;
        for (ChannelPath path : paths) {
            int mask = 0;
            for (String channel : Objects.requireNonNull(path, "path").channels()) {
                Integer known = seen.get(channel);
                int b;
                if (known == null) {
                    if (bySeen.size() == MAX_CHANNELS) {
                        throw new MetricInputException("channels", "more than " + MAX_CHANNELS, "must be at most "
                                + MAX_CHANNELS + " for the exact Shapley computation (2^n coalitions)");
                    }
                    b = bySeen.size();
                    seen.put(channel, b);
                    bySeen.add(channel);
                } else {
                    b = known;
                }
                mask |= 1 << b;
            }
            seenMasks[p++] = mask;
        }
        List<String> channels = new ArrayList<>(bySeen);
        Collections.sort(channels);
        int n = channels.size();
        int size = 1 << n;
        // The players are numbered in channel order: bit i of a coalition is channels.get(i).
        int[] sortedBit = new int[n];
        for (int i = 0; i < n; i++) {
            sortedBit[Objects.requireNonNull(seen.get(channels.get(i)), "every channel was numbered above")] = i;
        }
        int[] toSorted = new int[size];
        for (int s = 1; s < size; s++) {
            toSorted[s] = toSorted[s & (s - 1)] | 1 << sortedBit[Integer.numberOfTrailingZeros(s)];
        }
        double[] conversions = new double[size];
        double[] value = new double[size];
        double[] trials = new double[size];
        double totalConversions = 0;
        double totalValue = 0;
        p = 0;
        for (ChannelPath path : paths) {
            int mask = toSorted[seenMasks[p++]];
            conversions[mask] += path.conversions();
            value[mask] += path.value();
            trials[mask] += (double) path.conversions() + path.nulls();
            totalConversions += path.conversions();
            totalValue += path.value();
        }
        subsetSums(conversions, n);
        subsetSums(value, n);
        subsetSums(trials, n);
        double[] phiConversions;
        double[] phiValue;
        if (coalitionValue == CoalitionValue.CONVERSIONS) {
            phiConversions = shapley(conversions, n);
            phiValue = shapley(value, n);
        } else {
            double[] rate = new double[size];
            for (int s = 0; s < size; s++) {
                rate[s] = trials[s] > 0 ? conversions[s] / trials[s] : 0.0;
            }
            double[] phi = shapley(rate, n);
            double sum = 0;
            for (double share : phi) {
                sum += share;
            }
            phiConversions = new double[n];
            phiValue = new double[n];
            for (int i = 0; i < n; i++) {
                double share = sum != 0 ? phi[i] / sum : 0.0;
                phiConversions[i] = share * totalConversions;
                phiValue[i] = share * totalValue;
            }
            Map<String, Double> values = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                values.put(channels.get(i), phi[i]);
            }
            return new ShapleyAttribution(coalitionValue, Collections.unmodifiableMap(values),
                    result(channels, phiConversions, phiValue));
        }
        Map<String, Double> values = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            values.put(channels.get(i), phiConversions[i]);
        }
        return new ShapleyAttribution(coalitionValue, Collections.unmodifiableMap(values),
                result(channels, phiConversions, phiValue));
    }

    private static AttributionResult result(List<String> channels, double[] conversions, double[] value) {
        Map<String, Double> c = new HashMap<>();
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            c.put(channels.get(i), conversions[i]);
            v.put(channels.get(i), value[i]);
        }
        return new AttributionResult(c, v);
    }

    /** f[S] becomes the sum of f[T] over the subsets T of S (the zeta transform, n 2^n additions). */
    private static void subsetSums(double[] f, int n) {
        for (int i = 0; i < n; i++) {
            int b = 1 << i;
            for (int s = 0; s < f.length; s++) {
                if ((s & b) != 0) {
                    f[s] += f[s ^ b];
                }
            }
        }
    }

    private static double[] shapley(double[] v, int n) {
        double[] weight = new double[n];
        // |S|! (n - |S| - 1)! / n! = 1 / (n C(n - 1, |S|)).
        double binomial = 1;
        for (int s = 0; s < n; s++) {
            weight[s] = 1 / (n * binomial);
            binomial = binomial * (n - 1 - s) / (s + 1);
        }
        double[] phi = new double[n];
        for (int s = 0; s < v.length; s++) {
            int k = Integer.bitCount(s);
            for (int i = 0; i < n; i++) {
                int b = 1 << i;
                if ((s & b) == 0) {
                    phi[i] += weight[k] * (v[s | b] - v[s]);
                }
            }
        }
        return phi;
    }

    /**
     * Rebuilds a Shapley attribution from its figures, as the accessors give them (for a stored result, such as its
     * JSON form).
     *
     * @param coalitionValue the coalition value, not null
     * @param shapleyValues channel to Shapley value, each finite (negative for a channel that lowers the conversion
     *     rate), not null, at most {@link #MAX_CHANNELS} channels
     * @param attribution the attributed conversions and value, not null, with exactly the channels of the values
     * @return the attribution, not null
     * @throws NullPointerException if an argument, a key or a value is null
     * @throws MetricInputException if a rule above is broken
     */
    public static ShapleyAttribution of(CoalitionValue coalitionValue, Map<String, Double> shapleyValues,
            AttributionResult attribution) {
        Objects.requireNonNull(coalitionValue, "coalitionValue");
        Objects.requireNonNull(attribution, "attribution");
        Map<String, Double> values = AttributionChecks.figures("shapleyValues", shapleyValues, -Double.MAX_VALUE,
                Double.MAX_VALUE);
        if (values.size() > MAX_CHANNELS) {
            throw new MetricInputException("shapleyValues", values.size() + " channels",
                    "must hold at most " + MAX_CHANNELS + " channels");
        }
        AttributionChecks.sameChannels(values.keySet(), "shapleyValues", values, attribution);
        return new ShapleyAttribution(coalitionValue, Collections.unmodifiableMap(values), attribution);
    }

    /**
     * The coalition value used.
     *
     * @return the coalition value, not null
     */
    public CoalitionValue coalitionValue() {
        return coalitionValue;
    }

    /**
     * The Shapley value of each channel in the coalition value's unit: conversions for
     * {@link CoalitionValue#CONVERSIONS}, conversion rate for {@link CoalitionValue#CONVERSION_RATE}.
     *
     * @return channel to Shapley value, ordered by channel, unmodifiable, not null
     */
    public Map<String, Double> shapleyValues() {
        return shapleyValues;
    }

    /**
     * The conversions and value attributed to each channel, summing to the totals of the paths.
     *
     * @return the attribution, not null
     */
    public AttributionResult attribution() {
        return attribution;
    }

    /**
     * Whether another object is a Shapley attribution with the same coalition value, Shapley values and
     * attribution.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ShapleyAttribution that && coalitionValue == that.coalitionValue
                && shapleyValues.equals(that.shapleyValues) && attribution.equals(that.attribution);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(coalitionValue, shapleyValues, attribution);
    }

    /**
     * The model as text: the coalition value and the attribution.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "Shapley (" + coalitionValue + ") " + attribution;
    }
}
