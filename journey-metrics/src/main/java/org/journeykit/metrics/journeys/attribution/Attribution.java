package org.journeykit.metrics.journeys.attribution;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;

/**
 * The rule-based (heuristic) attribution models. Each converting path hands out its conversions and its value
 * over its touches by a weight per touch that sums to one; a channel touched several times on a path gets the sum
 * of its touches' weights. Non-converting paths are ignored.
 *
 * <ul>
 *   <li>first touch: weight 1 on the first touch;</li>
 *   <li>last touch: weight 1 on the last touch;</li>
 *   <li>linear: weight 1/n on each of n touches;</li>
 *   <li>position-based (U-shaped, 40/20/40): one touch gets 1; two touches get 0.5 each; with n &ge; 3 touches
 *       the first and the last get 0.4 each and the n - 2 middle touches share 0.2 equally;</li>
 *   <li>time decay: a touch made {@code a} before the conversion weighs {@code 2^(-a / halfLife)}, normalised to
 *       sum to one over the path; paths need {@linkplain ChannelPath#ages() ages}.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Attribution {

    private Attribution() {}

    /**
     * First-touch attribution.
     *
     * @param paths the paths, not null
     * @return the attribution, not null
     * @throws NullPointerException if paths is null
     */
    public static AttributionResult firstTouch(ChannelPaths paths) {
        return attribute(paths, (path, weights) -> weights[0] = 1.0);
    }

    /**
     * Last-touch attribution.
     *
     * @param paths the paths, not null
     * @return the attribution, not null
     * @throws NullPointerException if paths is null
     */
    public static AttributionResult lastTouch(ChannelPaths paths) {
        return attribute(paths, (path, weights) -> weights[weights.length - 1] = 1.0);
    }

    /**
     * Linear attribution.
     *
     * @param paths the paths, not null
     * @return the attribution, not null
     * @throws NullPointerException if paths is null
     */
    public static AttributionResult linear(ChannelPaths paths) {
        return attribute(paths, (path, weights) -> java.util.Arrays.fill(weights, 1.0 / weights.length));
    }

    /**
     * Position-based (40/20/40) attribution.
     *
     * @param paths the paths, not null
     * @return the attribution, not null
     * @throws NullPointerException if paths is null
     */
    public static AttributionResult positionBased(ChannelPaths paths) {
        return attribute(paths, (path, weights) -> {
            int n = weights.length;
            if (n == 1) {
                weights[0] = 1.0;
            } else if (n == 2) {
                weights[0] = 0.5;
                weights[1] = 0.5;
            } else {
                weights[0] = 0.4;
                weights[n - 1] = 0.4;
                for (int i = 1; i < n - 1; i++) {
                    weights[i] = 0.2 / (n - 2);
                }
            }
        });
    }

    /**
     * Time-decay attribution.
     *
     * @param paths the paths, not null; every converting path must carry ages
     * @param halfLife the age at which a touch weighs half as much as one at the conversion, positive, not null
     * @return the attribution, not null
     * @throws NullPointerException if an argument is null
     * @throws MetricInputException if the half-life is not positive, or a converting path has no ages (the
     *     message gives the path's index in the list)
     */
    public static AttributionResult timeDecay(ChannelPaths paths, Duration halfLife) {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new MetricInputException("halfLife", halfLife, "must be positive");
        }
        double half = nanos(halfLife);
        return attribute(paths, (path, weights) -> {
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.pow(2.0, -nanos(path.ages().get(i)) / half);
                total += weights[i];
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= total;
            }
        }, true);
    }

    /** A duration in nanoseconds: exact as a long where it fits (292 years), else seconds and nanoseconds. */
    private static double nanos(Duration duration) {
        if (duration.getSeconds() < Long.MAX_VALUE / 1_000_000_000L) {
            return duration.toNanos();
        }
        return duration.getSeconds() * 1e9 + duration.getNano();
    }

    private interface Weights {
        void fill(ChannelPath path, double[] weights);
    }

    private static AttributionResult attribute(ChannelPaths paths, Weights rule) {
        return attribute(paths, rule, false);
    }

    private static AttributionResult attribute(ChannelPaths paths, Weights rule, boolean needsAges) {
        Objects.requireNonNull(paths, "paths");
        Map<String, Double> conversions = new HashMap<>();
        Map<String, Double> value = new HashMap<>();
        int index = 0;
        for (ChannelPath path : paths.paths()) {
            if (path.conversions() > 0) {
                if (needsAges && path.ages().isEmpty()) {
                    throw new MetricInputException("paths[" + index + "].ages", path,
                            "time decay needs the age of every touch");
                }
                double[] weights = new double[path.channels().size()];
                rule.fill(path, weights);
                for (int i = 0; i < weights.length; i++) {
                    String channel = path.channels().get(i);
                    conversions.merge(channel, weights[i] * path.conversions(), Double::sum);
                    value.merge(channel, weights[i] * path.value(), Double::sum);
                }
            }
            index++;
        }
        return new AttributionResult(conversions, value);
    }
}
