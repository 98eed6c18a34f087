package org.journeykit.metrics.stats;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;

/**
 * The two-proportion z test of the difference between two independent shares, such as the conversion of two
 * segments at one funnel step (A. Agresti, Categorical Data Analysis, 3rd ed., section 3.1):
 * <pre>
 * p1 = x1 / n1, p2 = x2 / n2, pooled P = (x1 + x2) / (n1 + n2)
 * z  = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)),   p-value = 2 (1 - Phi(|z|))
 * </pre>
 * The confidence interval of the difference is Wald's, with the unpooled standard error
 * {@code sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2)}. The normal approximation wants about 5 or more successes and
 * failures in each group; with fewer, read the p-value as rough. When both shares are 0 or both are 1 the pooled
 * standard error is 0: z is 0 and the p-value 1 (no evidence of a difference), never NaN.
 *
 * <p>Example (also a test): 45 of 100 against 30 of 100: P = 0.375, SE = sqrt(0.375 x 0.625 x 0.02) = 0.068465,
 * z = 0.15 / 0.068465 = 2.1909, p = 0.0285.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param successes1 x1, from 0 to trials1
 * @param trials1 n1, at least 1
 * @param successes2 x2, from 0 to trials2
 * @param trials2 n2, at least 1
 */
public record TwoProportionTest(long successes1, long trials1, long successes2, long trials2) {

    /**
     * Checks the counts.
     *
     * @param successes1 from 0 to trials1
     * @param trials1 at least 1
     * @param successes2 from 0 to trials2
     * @param trials2 at least 1
     * @throws MetricInputException if a count is out of range
     */
    public TwoProportionTest {
        check("1", successes1, trials1);
        check("2", successes2, trials2);
    }

    private static void check(String group, long successes, long trials) {
        if (trials < 1) {
            throw new MetricInputException("trials" + group, trials, "must be at least 1");
        }
        if (successes < 0 || successes > trials) {
            throw new MetricInputException("successes" + group, successes, "must be from 0 to " + trials);
        }
    }

    /**
     * The first share, x1 / n1.
     *
     * @return the share, in [0, 1]
     */
    public double share1() {
        return (double) successes1 / trials1;
    }

    /**
     * The second share, x2 / n2.
     *
     * @return the share, in [0, 1]
     */
    public double share2() {
        return (double) successes2 / trials2;
    }

    /**
     * The difference of the shares, p1 - p2.
     *
     * @return the difference, in [-1, 1]
     */
    public double difference() {
        return share1() - share2();
    }

    /**
     * The pooled standard error of the difference under the hypothesis of equal shares.
     *
     * @return the standard error, not negative
     */
    public double pooledStandardError() {
        double pooled = ((double) successes1 + successes2) / ((double) trials1 + trials2);
        return Math.sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
    }

    /**
     * The z statistic, difference over the pooled standard error; 0 when that error is 0.
     *
     * @return z, finite
     */
    public double z() {
        double se = pooledStandardError();
        return se == 0 ? 0.0 : difference() / se;
    }

    /**
     * The two-sided p-value, {@code 2 (1 - Phi(|z|))}.
     *
     * @return the p-value, in [0, 1]
     */
    public double pValue() {
        return Normal.twoSidedPValue(z());
    }

    /**
     * The Wald confidence interval of the difference, with the unpooled standard error, cut to [-1, 1].
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval around the difference, not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval differenceInterval(double level) {
        double p1 = share1();
        double p2 = share2();
        double se = Math.sqrt(p1 * (1 - p1) / trials1 + p2 * (1 - p2) / trials2);
        double margin = Normal.criticalValue(level) * se;
        double difference = difference();
        return Interval.of(difference, Math.max(-1, difference - margin), Math.min(1, difference + margin), level);
    }

    /**
     * A readable form, such as {@code "45/100 vs 30/100: +15.0 points, z = 2.19, p = 0.0285"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d vs %d/%d: %+.1f points, z = %.2f, p = %.4f", successes1, trials1,
                successes2, trials2, 100 * difference(), z(), pValue());
    }
}
