package org.journeykit.metrics.stats;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * A proportion over at least one trial (such as the first-contact resolution rate): successes, trials, the share
 * and its Wilson score interval.
 *
 * <p>Wilson score interval (E. B. Wilson, JASA 22, 1927):
 * {@code (p + z^2/(2n) +/- z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)}. Two proportions are compared with the
 * two-proportion z test with pooled variance {@code SE = sqrt(P(1-P)(1/n1 + 1/n2))}, {@code P = (x1+x2)/(n1+n2)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Proportion {

    private final long successes;
    private final long trials;

    private Proportion(long successes, long trials) {
        this.successes = successes;
        this.trials = trials;
    }

    /**
     * Creates a proportion.
     *
     * @param successes the number of successes, in [0, trials]
     * @param trials the number of trials, at least 1
     * @return the proportion, not null
     * @throws MetricInputException if trials is below 1 or successes is outside [0, trials]
     */
    public static Proportion of(long successes, long trials) {
        if (trials < 1) {
            throw new MetricInputException("trials", trials, "must be at least 1: a rate is undefined without any");
        }
        if (successes < 0 || successes > trials) {
            throw new MetricInputException("successes", successes, "must be between 0 and trials " + trials);
        }
        return new Proportion(successes, trials);
    }

    /**
     * The number of successes.
     *
     * @return the count, in [0, trials]
     */
    public long successes() {
        return successes;
    }

    /**
     * The number of trials.
     *
     * @return at least 1
     */
    public long trials() {
        return trials;
    }

    /**
     * The share {@code successes / trials}.
     *
     * @return the share, in [0, 1]
     */
    public double share() {
        return successes / (double) trials;
    }

    /**
     * The Wilson score interval of the share.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval around the share, bounds in [0, 1], not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval wilson(double level) {
        double z = Normal.criticalValue(level);
        double n = trials;
        double p = share();
        double z2 = z * z;
        double denominator = 1.0 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return Interval.of(p, Math.max(0.0, centre - half), Math.min(1.0, centre + half), level);
    }

    /**
     * Compares this share with an independent one (two-proportion z test, pooled variance).
     *
     * @param baseline the proportion compared against, not null
     * @return the comparison of the shares, not null
     * @throws NullPointerException if {@code baseline} is null
     */
    public Comparison comparedWith(Proportion baseline) {
        double pooled = (successes + (double) baseline.successes) / (trials + (double) baseline.trials);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trials + 1.0 / baseline.trials));
        return Comparison.of(share(), baseline.share(), se);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Proportion && ((Proportion) other).successes == successes
                && ((Proportion) other).trials == trials;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(successes) * 31 + Long.hashCode(trials);
    }

    /**
     * A readable form, such as {@code "72.0% (18 of 25), 95% Wilson [52.4%, 85.7%]"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        Interval interval = wilson(0.95);
        return String.format(Locale.ROOT, "%.1f%% (%d of %d), 95%% Wilson [%.1f%%, %.1f%%]", 100 * share(),
                successes, trials, 100 * interval.lower(), 100 * interval.upper());
    }
}
