package org.journeykit.metrics.journeys.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.Checked;
import org.jspecify.annotations.Nullable;

/**
 * First-order Markov-chain attribution by removal effect, computed exactly from the absorbing chain.
 *
 * <p>The chain: a path {@code c1 > c2 > ... > ck} converted {@code v} times and not converted {@code u} times
 * adds {@code v + u} to the transitions start&rarr;c1 and ci&rarr;c(i+1), {@code v} to ck&rarr;conversion and
 * {@code u} to ck&rarr;null; each row is then divided by its total. Repeated channels ({@code a > a}) are kept as
 * self-transitions. The probability of conversion is the absorption probability into the conversion state from
 * the start, found by solving {@code (I - Q) x = r} over the transient states (start and channels) by Gaussian
 * elimination with partial pivoting, not by simulation.
 *
 * <p>The removal effect of channel c is {@code 1 - P(conversion with c removed) / P(conversion)}, where removing
 * c sends every transition into c to the null state. Each channel gets the total conversions (and value) times
 * its removal effect divided by the sum of all removal effects.
 *
 * <p>Worked example (also a test): paths "ads" converted twice, "mail" once, "ads &gt; mail" once, "ads" not
 * converted once. start&rarr;ads 4/5, start&rarr;mail 1/5; ads&rarr;conversion 2/4, ads&rarr;mail 1/4,
 * ads&rarr;null 1/4; mail&rarr;conversion 1. P(conversion) = 0.8 (0.5 + 0.25) + 0.2 = 0.8; without ads 0.2, so
 * the removal effect is 0.75; without mail 0.8 &times; 0.5 = 0.4, effect 0.5.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MarkovAttribution {

    private final TransitionMatrix matrix;
    private final double conversionProbability;
    private final Map<String, Double> removalEffects;
    private final AttributionResult attribution;

    private MarkovAttribution(TransitionMatrix matrix, double conversionProbability,
            Map<String, Double> removalEffects, AttributionResult attribution) {
        this.matrix = matrix;
        this.conversionProbability = conversionProbability;
        this.removalEffects = removalEffects;
        this.attribution = attribution;
    }

    /**
     * Fits the chain to the paths and computes removal effects and the attribution.
     *
     * @param paths the paths, not null, with at least one conversion in total
     * @return the model, not null
     * @throws NullPointerException if paths is null
     * @throws MetricInputException if the paths hold no conversion
     */
    public static MarkovAttribution of(ChannelPaths paths) {
        Objects.requireNonNull(paths, "paths");
        TreeSet<String> channelSet = new TreeSet<>();
        long totalConversions = 0;
        double totalValue = 0;
        for (ChannelPath path : paths.paths()) {
            channelSet.addAll(path.channels());
            totalConversions = Checked.add(totalConversions, path.conversions(), "Markov attribution");
            totalValue += path.value();
        }
        if (totalConversions == 0) {
            throw new MetricInputException("paths", paths.paths().size() + " paths without conversions",
                    "must hold at least one conversion for Markov attribution");
        }
        List<String> channels = new ArrayList<>(channelSet);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            index.put(channels.get(i), i + 1);
        }
        int k = channels.size();
        int conversion = k + 1;
        int none = k + 2;
        double[][] counts = new double[k + 3][k + 3];
        for (ChannelPath path : paths.paths()) {
            double weight = (double) path.conversions() + path.nulls();
            if (weight == 0) {
                continue;
            }
            int from = 0;
            for (String channel : path.channels()) {
                int to = Objects.requireNonNull(index.get(channel), "every channel was indexed above");
                counts[from][to] += weight;
                from = to;
            }
            counts[from][conversion] += path.conversions();
            counts[from][none] += path.nulls();
        }
        double[][] probabilities = new double[k + 3][k + 3];
        for (int i = 0; i <= k; i++) {
            double total = 0;
            for (double c : counts[i]) {
                total += c;
            }
            if (total > 0) {
                for (int j = 0; j < k + 3; j++) {
                    probabilities[i][j] = counts[i][j] / total;
                }
            }
        }
        List<String> states = new ArrayList<>();
        states.add(TransitionMatrix.START);
        states.addAll(channels);
        states.add(TransitionMatrix.CONVERSION);
        states.add(TransitionMatrix.NULL);
        double base = absorption(probabilities, k, -1);
        Map<String, Double> effects = new TreeMap<>();
        double effectSum = 0;
        for (int c = 1; c <= k; c++) {
            double effect = 1.0 - absorption(probabilities, k, c) / base;
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
        return new MarkovAttribution(new TransitionMatrix(states, probabilities), base,
                Collections.unmodifiableMap(effects), new AttributionResult(conversions, value));
    }

    /**
     * Rebuilds a Markov attribution from its figures, as the accessors give them (for a stored result, such as its
     * JSON form).
     *
     * @param matrix the fitted transition matrix, not null
     * @param conversionProbability the probability of reaching conversion from the start, in (0, 1]
     * @param removalEffects channel to removal effect, not null: exactly the matrix's channels, each finite and at
     *     most 1 (in [0, 1] up to a rounding error)
     * @param attribution the attributed conversions and value, not null, with exactly the matrix's channels
     * @return the model, not null
     * @throws NullPointerException if an argument, a key or a value is null
     * @throws MetricInputException if a rule above is broken
     */
    public static MarkovAttribution of(TransitionMatrix matrix, double conversionProbability,
            Map<String, Double> removalEffects, AttributionResult attribution) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(attribution, "attribution");
        if (!(conversionProbability > 0 && conversionProbability <= 1)) {
            throw new MetricInputException("conversionProbability", conversionProbability, "must be in (0, 1]");
        }
        List<String> states = matrix.states();
        List<String> channels = states.subList(1, states.size() - 2);
        Map<String, Double> effects = AttributionChecks.figures("removalEffects", removalEffects, -Double.MAX_VALUE,
                1);
        AttributionChecks.sameChannels(channels, "removalEffects", effects, attribution);
        return new MarkovAttribution(matrix, conversionProbability, Collections.unmodifiableMap(effects),
                attribution);
    }

    /**
     * The fitted transition matrix.
     *
     * @return the matrix, not null
     */
    public TransitionMatrix transitionMatrix() {
        return matrix;
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
     * Whether another object is a Markov attribution with the same matrix, probability, effects and attribution.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MarkovAttribution that && matrix.equals(that.matrix)
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
        return Objects.hash(matrix, conversionProbability, removalEffects, attribution);
    }

    /**
     * The model as text: the probability of conversion, the removal effects and the attributed conversions.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "MarkovAttribution[conversionProbability=" + conversionProbability + ", removalEffects="
                + removalEffects + ", conversions=" + attribution.conversions() + "]";
    }

    /**
     * Solves (I - Q) x = r for the absorption probabilities into conversion; returns x[start].
     *
     * @param p the full transition matrix
     * @param k the number of channels (transient states are 0..k)
     * @param removed the removed channel state, or -1
     */
    static double absorption(double[][] p, int k, int removed) {
        int n = k + 1;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
            if (i == removed) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (j != removed) {
                    a[i][j] -= p[i][j];
                }
            }
            a[i][n] = p[i][k + 1];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double diagonal = a[col][col];
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / diagonal;
                if (factor != 0) {
                    for (int j = col; j <= n; j++) {
                        a[row][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int j = row + 1; j < n; j++) {
                sum -= a[row][j] * x[j];
            }
            x[row] = sum / a[row][row];
        }
        return x[0];
    }
}
