package org.journeykit.metrics.lifetime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.special.Beta;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.retention.CohortTable;

/**
 * The shifted-beta-geometric (sBG) model of customer retention in a contractual, discrete-time setting (yearly or
 * monthly subscriptions), after P. S. Fader and B. G. S. Hardie, "How to project customer retention", Journal of
 * Interactive Marketing 21(1), 2007, 76-90.
 *
 * <p>Assumptions: at the end of each period a customer renews with a constant personal probability
 * {@code 1 - theta} and cancels with probability {@code theta}; {@code theta} varies across customers as a
 * beta(alpha, beta) distribution; periods are equal, and every customer of the cohort starts in period 0. Then
 * <pre>
 * P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)     the share lost in period t = 1, 2, ...
 * S(t)     = B(alpha, beta + t) / B(alpha, beta)             the share surviving t periods, S(0) = 1
 * r(t)     = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)   the retention rate of period t
 * </pre>
 * The aggregate retention rate rises with tenure although no customer's own rate changes: the high-churn customers
 * leave first. {@link #fit} estimates alpha and beta by maximum likelihood from survivor counts (Appendix B of
 * the paper): {@code LL = sum over t <= K of n_t ln P(T = t) + (n - sum n_t) ln S(K)}, where {@code n_t}
 * customers are lost in period t of the K observed periods. The published example: the "regular" and "high end"
 * survival data of the paper's Table 1 (years 0 to 7) give alpha = 0.704, beta = 1.182 and alpha = 0.668,
 * beta = 3.806 (a test reproduces both).
 *
 * <p>Value: the discounted expected residual lifetime (DERL) of P. S. Fader and B. G. S. Hardie, "Customer-base
 * valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science 29(1), 2010,
 * 85-93, for a customer who has made {@code n - 1} renewals, valued just before the n-th renewal decision:
 * <pre>
 * DERL(d | n - 1 renewals) = sum over t &gt;= n of S(t) / S(n - 1) / (1 + d)^(t - n)
 * </pre>
 * the expected number of further payments, each discounted at rate {@code d} per period. The residual lifetime
 * value is the margin per period times DERL. It is summed term by term with the ratio {@code r(t + 1) / (1 + d)};
 * every term is below the previous one times {@code 1 / (1 + d)}, so the tail after a term is at most the term
 * divided by d, and the sum stops when that bound falls below 1e-15 of the sum.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param alpha the beta distribution's first parameter, finite, positive
 * @param beta the beta distribution's second parameter, finite, positive
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    /** The most periods a fit accepts and a projection gives: 10,000. */
    public static final int MAX_PERIODS = 10_000;

    /** The smallest discount rate per period that DERL accepts: 1e-4 (DERL needs about 37 / d terms). */
    public static final double MIN_DISCOUNT_RATE = 1e-4;

    /**
     * Checks the parameters.
     *
     * @param alpha the first parameter, finite, positive
     * @param beta the second parameter, finite, positive
     * @throws MetricInputException if a parameter is not finite and positive
     */
    public ShiftedBetaGeometric {
        positive("alpha", alpha);
        positive("beta", beta);
    }

    /**
     * Fits the model to a cohort's survivor counts by maximum likelihood.
     *
     * @param survivors the customers still subscribed at the start of each period: {@code survivors[0]} is the
     *     cohort size, positive; the counts never increase; at least 3 counts (2 observed periods, as the model
     *     has 2 parameters) and at most {@link #MAX_PERIODS} + 1; not null
     * @return the fit, not null
     * @throws MetricInputException if the counts break a rule above, if nobody was lost (everyone retained: the
     *     churn probabilities cannot be estimated) or if nobody was retained after period 1
     * @throws ModelFitException if the fit does not converge, for example when retention is the same in every
     *     period (no heterogeneity: alpha and beta grow without bound)
     * @throws NullPointerException if survivors is null
     */
    public static ShiftedBetaGeometricFit fit(long... survivors) {
        Objects.requireNonNull(survivors, "survivors");
        long[] counts = survivors.clone();
        check(counts);
        int periods = counts.length - 1;
        double[] lost = new double[periods];
        for (int t = 1; t <= periods; t++) {
            lost[t - 1] = counts[t - 1] - counts[t];
        }
        double survived = counts[periods];
        double[] parameters = MaximumLikelihood.maximise("sBG",
                p -> logLikelihood(p[0], p[1], lost, survived), new double[] {1.0, 1.0});
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(parameters[0], parameters[1]);
        return new ShiftedBetaGeometricFit(model, logLikelihood(parameters[0], parameters[1], lost, survived),
                Arrays.stream(counts).boxed().toList());
    }

    /**
     * Fits the model to one cohort of a cohort table, taking as survivors of period k the customers active in
     * period k or later ({@link CohortTable#activeOrLater}): in a contractual setting a customer seen later has not
     * cancelled. Leave out a period that is still running (the last one of the data), whose count is too low.
     *
     * @param table the cohort table, not null
     * @param cohort the cohort index, 0 for the earliest
     * @param periods how many periods after the cohort's own to use, 2 to {@code table.offsets(cohort) - 1}
     * @return the fit, not null
     * @throws MetricInputException if the cohort or period count is out of range, or the counts are degenerate
     *     as for {@link #fit(long...)}
     * @throws ModelFitException if the fit does not converge
     * @throws NullPointerException if table is null
     */
    public static ShiftedBetaGeometricFit fit(CohortTable table, int cohort, int periods) {
        Objects.requireNonNull(table, "table");
        int offsets = table.offsets(cohort);
        if (periods < 2 || periods > offsets - 1) {
            throw new MetricInputException("periods", periods, "must be from 2 to " + (offsets - 1)
                    + " for this cohort (it has " + offsets + " offsets)");
        }
        long[] survivors = new long[periods + 1];
        for (int k = 0; k <= periods; k++) {
            survivors[k] = table.activeOrLater(cohort, k);
        }
        return fit(survivors);
    }

    private static void check(long[] counts) {
        if (counts.length < 3 || counts.length > MAX_PERIODS + 1) {
            throw new MetricInputException("survivors", counts.length + " counts",
                    "must be 3 to " + (MAX_PERIODS + 1) + " counts: the cohort size and 2 or more periods");
        }
        if (counts[0] < 1) {
            throw new MetricInputException("survivors[0]", counts[0], "must be a positive cohort size");
        }
        for (int t = 1; t < counts.length; t++) {
            if (counts[t] < 0 || counts[t] > counts[t - 1]) {
                throw new MetricInputException("survivors[" + t + "]", counts[t],
                        "must be from 0 to the previous count " + counts[t - 1] + " (survivors never increase)");
            }
        }
        if (counts[counts.length - 1] == counts[0]) {
            throw new MetricInputException("survivors", "everyone retained (" + counts[0] + ")",
                    "must show some customers lost: churn cannot be estimated without any");
        }
        if (counts[1] == 0) {
            throw new MetricInputException("survivors[1]", 0,
                    "must not be 0: nobody retained after the first period leaves nothing to project");
        }
    }

    static double logLikelihood(double alpha, double beta, double[] lost, double survived) {
        double base = Beta.logBeta(alpha, beta);
        double sum = 0;
        for (int t = 1; t <= lost.length; t++) {
            if (lost[t - 1] > 0) {
                sum += lost[t - 1] * (Beta.logBeta(alpha + 1, beta + t - 1) - base);
            }
        }
        if (survived > 0) {
            sum += survived * (Beta.logBeta(alpha, beta + lost.length) - base);
        }
        return sum;
    }

    /**
     * The mean churn probability across customers, {@code alpha / (alpha + beta)}.
     *
     * @return the mean, in (0, 1)
     */
    public double meanChurnProbability() {
        return alpha / (alpha + beta);
    }

    /**
     * The share of a cohort that survives t periods, {@code S(t) = B(alpha, beta + t) / B(alpha, beta)}.
     *
     * @param t the number of periods, 0 to {@link #MAX_PERIODS}
     * @return the share, in (0, 1]; 1 for t = 0
     * @throws MetricInputException if t is out of range
     */
    public double survival(int t) {
        period("t", t, 0);
        return t == 0 ? 1.0 : Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /**
     * The share of a cohort lost in period t, {@code P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)}.
     *
     * @param t the period, 1 to {@link #MAX_PERIODS}
     * @return the share, in (0, 1)
     * @throws MetricInputException if t is out of range
     */
    public double churnProbability(int t) {
        period("t", t, 1);
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /**
     * The retention rate of period t, {@code r(t) = (beta + t - 1) / (alpha + beta + t - 1)}: the share of the
     * customers alive at the start of period t who renew at its end.
     *
     * @param t the period, 1 to {@link #MAX_PERIODS}
     * @return the rate, in (0, 1), increasing with t
     * @throws MetricInputException if t is out of range
     */
    public double retentionRate(int t) {
        period("t", t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The expected survivors of a cohort for periods 0 to {@code horizon}: {@code size S(t)}.
     *
     * @param size the cohort size, not negative
     * @param horizon the last period, 0 to {@link #MAX_PERIODS}
     * @return {@code horizon + 1} expected counts, the first equal to size, never increasing, not null
     * @throws MetricInputException if an argument is out of range
     */
    public double[] projectSurvivors(long size, int horizon) {
        if (size < 0) {
            throw new MetricInputException("size", size, "must not be negative");
        }
        period("horizon", horizon, 0);
        double[] projected = new double[horizon + 1];
        double base = Beta.logBeta(alpha, beta);
        projected[0] = size;
        for (int t = 1; t <= horizon; t++) {
            projected[t] = size * Math.exp(Beta.logBeta(alpha, beta + t) - base);
        }
        return projected;
    }

    /**
     * The discounted expected residual lifetime (Fader and Hardie 2010) of a customer who has made
     * {@code renewals} renewals, valued just before the next renewal decision: {@code sum over t >= n of
     * S(t) / S(n - 1) / (1 + d)^(t - n)} with {@code n = renewals + 1}. For example alpha = beta = 1 (so
     * {@code S(t) = 1 / (t + 1)}), d = 0.1 and no renewal yet: {@code (ln 11 - 1/1.1) 1.1^2 = 1.801453}.
     *
     * @param discountRate the discount rate per period, d, from {@link #MIN_DISCOUNT_RATE} to 10
     * @param renewals the renewals made so far, 0 or more
     * @return the expected discounted number of further payments, at least the next renewal probability
     * @throws MetricInputException if an argument is out of range
     */
    public double discountedExpectedResidualLifetime(double discountRate, long renewals) {
        if (!(discountRate >= MIN_DISCOUNT_RATE && discountRate <= 10)) {
            throw new MetricInputException("discountRate", discountRate, "must be from " + MIN_DISCOUNT_RATE
                    + " to 10 per period");
        }
        if (renewals < 0) {
            throw new MetricInputException("renewals", renewals, "must not be negative");
        }
        double n = renewals + 1.0;
        double discount = 1.0 / (1.0 + discountRate);
        double term = (beta + n - 1) / (alpha + beta + n - 1);
        double sum = 0;
        for (long k = 0; term / discountRate > 1e-15 * sum; k++) {
            sum += term;
            term *= (beta + n + k) / (alpha + beta + n + k) * discount;
        }
        return sum;
    }

    /**
     * The residual lifetime value of a customer: the margin per period times
     * {@link #discountedExpectedResidualLifetime}.
     *
     * @param marginPerPeriod the margin a renewal brings, finite, in the caller's currency
     * @param discountRate the discount rate per period, as for DERL
     * @param renewals the renewals made so far, 0 or more
     * @return the expected discounted value of the customer's further payments, in the margin's currency
     * @throws MetricInputException if an argument is out of range
     */
    public double residualLifetimeValue(double marginPerPeriod, double discountRate, long renewals) {
        if (!Double.isFinite(marginPerPeriod)) {
            throw new MetricInputException("marginPerPeriod", marginPerPeriod, "must be finite");
        }
        return marginPerPeriod * discountedExpectedResidualLifetime(discountRate, renewals);
    }

    private static void period(String name, int t, int min) {
        if (t < min || t > MAX_PERIODS) {
            throw new MetricInputException(name, t, "must be from " + min + " to " + MAX_PERIODS);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new MetricInputException(name, value, "must be finite and positive");
        }
    }

    /**
     * A readable form, such as {@code "sBG(alpha = 0.6680, beta = 3.8060)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sBG(alpha = %.4f, beta = %.4f)", alpha, beta);
    }
}
