package org.journeykit.metrics.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Normal;

/**
 * A Kaplan-Meier survival curve (E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete
 * observations", JASA 53, 1958) with Greenwood's variance (M. Greenwood, 1926).
 *
 * <p>At each distinct lifetime t_i with n_i customers at risk (lifetime t_i or longer) and d_i churned at t_i:
 * <pre>
 * S(t)      = product over t_i &lt;= t of (1 - d_i / n_i)
 * Var(S(t)) = S(t)^2 sum over t_i &lt;= t of d_i / (n_i (n_i - d_i))      (Greenwood)
 * </pre>
 * Customers censored at t_i count as at risk at t_i (churn before censoring at tied times, the usual convention).
 * When every customer at risk churns (d_i = n_i) the estimate drops to 0 and the variance from there on is 0.
 * The median lifetime is the smallest t with S(t) &lt;= 0.5, empty if the curve never gets there.
 *
 * <p>Confidence bands: {@link Band#PLAIN} is {@code S +/- z sqrt(Var)} cut to [0, 1]; {@link Band#LOG_LOG} is
 * the interval of {@code ln(-ln S)} transformed back (Kalbfleisch and Prentice), which stays inside (0, 1).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param steps one step per distinct lifetime, in increasing order, unmodifiable, not null, not empty
 * @param customers the number of customers, positive
 */
public record SurvivalCurve(List<Step> steps, long customers) {

    /** The kind of confidence band. */
    public enum Band {
        /** {@code S +/- z sqrt(Var(S))}, cut to [0, 1]. */
        PLAIN,
        /** {@code S^exp(+/- z sqrt(Var(S)) / (S |ln S|))}: the log-log band, inside (0, 1). */
        LOG_LOG
    }

    /**
     * One distinct lifetime of the curve.
     *
     * @param lifetime the lifetime, in the caller's units
     * @param atRisk the customers with this lifetime or longer, n_i
     * @param churned the customers who churned at this lifetime, d_i
     * @param censored the customers still customers at this lifetime, at its end of observation
     * @param survival S(lifetime), in [0, 1]
     * @param variance Greenwood's variance of S(lifetime), finite, not negative
     */
    public record Step(long lifetime, long atRisk, long churned, long censored, double survival, double variance) {

        /**
         * Checks the step.
         *
         * @param lifetime not negative
         * @param atRisk at least churned + censored
         * @param churned not negative
         * @param censored not negative
         * @param survival in [0, 1]
         * @param variance finite, not negative
         * @throws MetricInputException if a rule is broken
         */
        public Step {
            if (lifetime < 0 || churned < 0 || censored < 0 || atRisk < churned + censored) {
                throw new MetricInputException("step", lifetime + ": " + atRisk + " at risk, " + churned
                        + " churned, " + censored + " censored", "must have counts that fit together");
            }
            if (!(survival >= 0 && survival <= 1) || !(variance >= 0) || Double.isInfinite(variance)) {
                throw new MetricInputException("step", survival + ", variance " + variance,
                        "must have a survival in [0, 1] and a finite variance");
            }
        }

        /**
         * The standard error of S, the square root of Greenwood's variance.
         *
         * @return the standard error, not negative
         */
        public double standardError() {
            return Math.sqrt(variance);
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param steps the steps, not null, not empty, in increasing order of lifetime
     * @param customers positive
     * @throws MetricInputException if the steps are empty or out of order, or customers is not positive
     * @throws NullPointerException if steps or a step is null
     */
    public SurvivalCurve {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || customers < 1) {
            throw new MetricInputException("steps", steps.size() + " steps, " + customers + " customers",
                    "must not be empty");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).lifetime() <= steps.get(i - 1).lifetime()) {
                throw new MetricInputException("steps", steps.get(i).lifetime(), "must be in increasing order");
            }
        }
    }

    static SurvivalCurve of(Map<Long, long[]> counts, long customers) {
        List<Step> steps = new ArrayList<>(counts.size());
        long atRisk = customers;
        double survival = 1;
        double greenwood = 0;
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            long churned = entry.getValue()[0];
            long censored = entry.getValue()[1];
            if (churned > 0) {
                if (churned == atRisk) {
                    survival = 0;
                    greenwood = 0;
                } else if (survival > 0) {
                    survival *= 1 - (double) churned / atRisk;
                    greenwood += (double) churned / ((double) atRisk * (atRisk - churned));
                }
            }
            steps.add(new Step(entry.getKey(), atRisk, churned, censored, survival,
                    survival * survival * greenwood));
            atRisk -= churned + censored;
        }
        return new SurvivalCurve(steps, customers);
    }

    /**
     * The estimate of survival beyond a lifetime: S(t) of the last step at or before t, 1 before the first.
     *
     * @param lifetime the lifetime, in the caller's units
     * @return S(lifetime), in [0, 1]
     */
    public double survivalAt(long lifetime) {
        double survival = 1;
        for (Step step : steps) {
            if (step.lifetime() > lifetime) {
                break;
            }
            survival = step.survival();
        }
        return survival;
    }

    /**
     * The median lifetime: the smallest lifetime with S &lt;= 0.5.
     *
     * @return the median, or empty when more than half of the customers survive the longest lifetime seen
     */
    public OptionalLong medianLifetime() {
        for (Step step : steps) {
            if (step.survival() <= 0.5) {
                return OptionalLong.of(step.lifetime());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The pointwise confidence interval of S at each step.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @param band the kind of band, not null
     * @return one interval per step, around the step's S, unmodifiable, not null
     * @throws MetricInputException if the level is out of range
     * @throws NullPointerException if band is null
     */
    public List<Interval> band(double level, Band band) {
        Objects.requireNonNull(band, "band");
        double z = Normal.criticalValue(level);
        List<Interval> intervals = new ArrayList<>(steps.size());
        for (Step step : steps) {
            double s = step.survival();
            double se = step.standardError();
            double lower;
            double upper;
            if (se == 0 || s == 0 || s == 1) {
                lower = s;
                upper = s;
            } else if (band == Band.PLAIN) {
                lower = Math.max(0, s - z * se);
                upper = Math.min(1, s + z * se);
            } else {
                double spread = z * se / (s * Math.abs(Math.log(s)));
                lower = Math.pow(s, Math.exp(spread));
                upper = Math.pow(s, Math.exp(-spread));
            }
            intervals.add(Interval.of(s, lower, upper, level));
        }
        return List.copyOf(intervals);
    }

    /**
     * A readable form, such as {@code "Kaplan-Meier over 21 customers, 16 lifetimes, median 23"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        OptionalLong median = medianLifetime();
        return String.format(Locale.ROOT, "Kaplan-Meier over %d customers, %d lifetimes, median %s", customers,
                steps.size(), median.isPresent() ? Long.toString(median.getAsLong()) : "not reached");
    }
}
