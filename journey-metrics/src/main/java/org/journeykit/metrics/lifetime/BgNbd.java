package org.journeykit.metrics.lifetime;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.journeykit.metrics.MetricInputException;

/**
 * The beta-geometric/negative-binomial (BG/NBD) model of repeat buying in a non-contractual setting, after P. S.
 * Fader, B. G. S. Hardie and K. L. Lee, "'Counting your customers' the easy way: an alternative to the Pareto/NBD
 * model", Marketing Science 24(2), 2005, 275-284.
 *
 * <p>Assumptions: while alive, a customer buys as a Poisson process of rate lambda; lambda varies across
 * customers as gamma(r, alpha) (alpha in the time unit of the histories); after each purchase the customer drops
 * out for good with probability p, which varies as beta(a, b); lambda and p are independent; every customer is
 * alive at the first purchase. The data of a customer are x repeat purchases, the last at t_x, observed for T
 * ({@link PurchaseHistory}). Formulas (numbers of the paper):
 * <pre>
 * L(r, alpha, a, b | x, t_x, T) = A1 A2 (A3 + [x &gt; 0] A4)                                            (6)
 *   A1 = Gamma(r + x) alpha^r / Gamma(r)       A2 = B(a, b + x) / B(a, b)
 *   A3 = (alpha + T)^-(r + x)                  A4 = a / (b + x - 1) (alpha + t_x)^-(r + x)
 * P(alive | x, t_x, T) = 1 / (1 + [x &gt; 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
 * E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) E[(1 - exp(-lambda p t)) / p | alive]                    (10)
 * </pre>
 * where, given alive, lambda is gamma(r + x, alpha + T) and p is beta(a, b + x) distributed. The paper writes the
 * last expectation with the Gaussian hypergeometric function,
 * {@code (a + b + x - 1) / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1;
 * t / (alpha + T + t))]}; this class integrates over lambda in closed form and over p with Hipparchus'
 * Gauss-Legendre integrator (relative accuracy 1e-12, on dyadic pieces towards each end of [0, 1]), which is
 * valid for every a &gt; 0 including a = 1 and needs no hypergeometric function. The expected purchases of a new
 * customer, E[X(t)] (9), is the same with x = 0 and T = 0.
 *
 * <p>{@link #fit} maximises the sum of ln L over customers on the logarithms of the parameters with Hipparchus'
 * Polak-Ribiere conjugate-gradient optimiser, given the analytic gradient and preconditioned by the analytic
 * Hessian (digamma and trigamma, log-gamma and log-beta from Hipparchus): in effect Newton steps, each with a Brent
 * line search on the log-likelihood, some 10 steps and 70 evaluations from the start r = a = b = 1, alpha = the
 * mean age. Identical histories are counted once with a weight, the log-gamma and log-beta terms are taken once
 * per distinct frequency and the logarithms once per distinct recency and age, and the sum runs in fixed chunks on
 * the common fork-join pool, added in a fixed order, so the same histories give the same fit on every run.
 *
 * <p>The published example: on the CDNOW sample of 2,357 customers (weeks) the paper reports r = 0.243, alpha =
 * 4.414, a = 0.793, b = 2.426 and LL = -9582.4; a test fits the published CDNOW summary and reproduces them to
 * these digits (r = 0.24259, alpha = 4.41353, a = 0.79289, b = 2.42575, LL = -9582.426).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param r the shape of the purchase rates' gamma distribution, finite, positive
 * @param alpha the scale of the purchase rates' gamma distribution, in the histories' time unit, finite, positive
 * @param a the first parameter of the dropout probabilities' beta distribution, finite, positive
 * @param b the second parameter of the dropout probabilities' beta distribution, finite, positive
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** The most customers a fit accepts: 100,000,000. */
    public static final int MAX_CUSTOMERS = 100_000_000;

    /** The longest forecast horizon accepted, in the histories' time unit: 1e9. */
    public static final double MAX_HORIZON = 1e9;

    /**
     * Checks the parameters.
     *
     * @param r positive, finite
     * @param alpha positive, finite
     * @param a positive, finite
     * @param b positive, finite
     * @throws MetricInputException if a parameter is not finite and positive
     */
    public BgNbd {
        positive("r", r);
        positive("alpha", alpha);
        positive("a", a);
        positive("b", b);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param customers the customers' histories, not null, none null, at least 2 and at most
     *     {@link #MAX_CUSTOMERS}; at least one repeat purchase among them
     * @return the fit, not null
     * @throws MetricInputException if there are too few or too many customers, or no repeat purchase at all
     *     (nobody returned: the dropout process cannot be estimated)
     * @throws ModelFitException if the fit does not converge or a parameter runs to a bound
     * @throws NullPointerException if customers or one of them is null
     */
    public static BgNbdFit fit(Collection<PurchaseHistory> customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.size() < 2 || customers.size() > MAX_CUSTOMERS) {
            throw new MetricInputException("customers", customers.size(), "must be from 2 to " + MAX_CUSTOMERS);
        }
        GroupedHistories data = GroupedHistories.of(customers);
        if (data.maxFrequency == 0) {
            throw new MetricInputException("customers", "no repeat purchase",
                    "must hold at least one repeat purchase: dropout cannot be estimated without any");
        }
        double[] start = {1.0, Math.max(1e-3, data.meanAge), 1.0, 1.0};
        double[] p = MaximumLikelihood.maximise("BG/NBD", q -> data.logLikelihood(q[0], q[1], q[2], q[3]),
                q -> data.derivatives(q[0], q[1], q[2], q[3]), start);
        BgNbd model = new BgNbd(p[0], p[1], p[2], p[3]);
        return new BgNbdFit(model, data.logLikelihood(p[0], p[1], p[2], p[3]), customers.size());
    }

    /**
     * The log-likelihood of one customer's history, ln L of equation (6).
     *
     * @param history the history, not null
     * @return the natural logarithm of the likelihood, finite, not positive
     * @throws NullPointerException if history is null
     */
    public double logLikelihood(PurchaseHistory history) {
        Objects.requireNonNull(history, "history");
        double x = history.frequency();
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
        double a3 = -(r + x) * Math.log(alpha + history.age());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + history.recency());
        return a1 + a2 + logSumExp(a3, a4);
    }

    /**
     * The probability that a customer with this history is still alive at the end of observation.
     *
     * @param history the history, not null
     * @return the probability, in (0, 1]; 1 for a customer without repeat purchases (the model lets customers
     *     drop out only after a purchase)
     * @throws NullPointerException if history is null
     */
    public double probabilityAlive(PurchaseHistory history) {
        Objects.requireNonNull(history, "history");
        long x = history.frequency();
        if (x == 0) {
            return 1.0;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1)
                + (r + x) * (Math.log(alpha + history.age()) - Math.log(alpha + history.recency()));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * The expected number of purchases of a new customer in a period of length t from the first purchase,
     * E[X(t)] of equation (9) (repeat purchases, the first one not counted).
     *
     * @param t the period, in the histories' time unit, 0 to {@link #MAX_HORIZON}
     * @return the expected purchases, not negative
     * @throws MetricInputException if t is out of range
     * @throws ModelFitException if the integration does not converge
     */
    public double expectedPurchases(double t) {
        horizon(t);
        return expectedWhileAlive(0, 0, t);
    }

    /**
     * The expected number of purchases in the next t time units of a customer with this history, E[Y(t) | x, t_x,
     * T] of equation (10).
     *
     * @param history the history, not null
     * @param t the period after the end of observation, 0 to {@link #MAX_HORIZON}
     * @return the expected purchases, not negative
     * @throws MetricInputException if t is out of range
     * @throws ModelFitException if the integration does not converge
     * @throws NullPointerException if history is null
     */
    public double expectedPurchases(PurchaseHistory history, double t) {
        Objects.requireNonNull(history, "history");
        horizon(t);
        return probabilityAlive(history) * expectedWhileAlive(history.frequency(), history.age(), t);
    }

    /** E[(1 - exp(-lambda p t)) / p] with lambda ~ gamma(r + x, alpha + T), p ~ beta(a, b + x). */
    private double expectedWhileAlive(long x, double age, double t) {
        if (t == 0) {
            return 0;
        }
        double shape = r + x;
        double scale = t / (alpha + age);
        double bx = b + x;
        // E over lambda: (1 - (1 + p t / (alpha + T))^-(r + x)) / p, smooth and bounded on [0, 1].
        UnivariateFunction h = p -> p == 0 ? shape * scale : -Math.expm1(-shape * Math.log1p(p * scale)) / p;
        // p^(a - 1) (1 - p)^(b + x - 1): where an exponent is negative, substitute p = s^(1 / a) (q = 1 - p =
        // s^(1 / (b + x))) so that the integrand is bounded and Gauss-Legendre converges.
        UnivariateFunction left;
        double leftEnd;
        if (a < 1) {
            left = s -> {
                double p = Math.pow(s, 1 / a);
                return h.value(p) * Math.pow(1 - p, bx - 1) / a;
            };
            leftEnd = Math.pow(0.5, a);
        } else {
            left = p -> h.value(p) * Math.pow(p, a - 1) * Math.pow(1 - p, bx - 1);
            leftEnd = 0.5;
        }
        UnivariateFunction right;
        double rightEnd;
        if (bx < 1) {
            right = s -> {
                double q = Math.pow(s, 1 / bx);
                return h.value(1 - q) * Math.pow(1 - q, a - 1) / bx;
            };
            rightEnd = Math.pow(0.5, bx);
        } else {
            right = q -> h.value(1 - q) * Math.pow(1 - q, a - 1) * Math.pow(q, bx - 1);
            rightEnd = 0.5;
        }
        try {
            double sum = dyadic(left, leftEnd) + dyadic(right, rightEnd);
            return sum / Math.exp(Beta.logBeta(a, bx));
        } catch (MathIllegalStateException e) {
            throw new ModelFitException("BG/NBD", "the expected purchases did not converge for x = " + x
                    + ", T = " + age + ", t = " + t, e);
        }
    }

    /**
     * The integral of f over [0, end] as the sum over the dyadic pieces [end 2^-(k+1), end 2^-k], k = 0, 1, ...:
     * f is smooth inside each piece even where a power of the variable makes it rough at 0, so Gauss-Legendre
     * converges on each; the pieces shrink geometrically and the sum stops when one adds less than 1e-17 of it.
     */
    private static double dyadic(UnivariateFunction f, double end) {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-300);
        double sum = 0;
        double upper = end;
        for (int k = 0; k < 1100; k++) {
            double lower = upper / 2;
            double piece = integrator.integrate(100_000, f, lower, upper);
            sum += piece;
            if (Math.abs(piece) <= 1e-17 * Math.abs(sum)) {
                break;
            }
            upper = lower;
        }
        return sum;
    }

    static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    private static void horizon(double t) {
        if (!(t >= 0 && t <= MAX_HORIZON)) {
            throw new MetricInputException("t", t, "must be from 0 to " + MAX_HORIZON);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new MetricInputException(name, value, "must be finite and positive");
        }
    }

    /**
     * A readable form, such as {@code "BG/NBD(r = 0.2430, alpha = 4.4140, a = 0.7930, b = 2.4260)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BG/NBD(r = %.4f, alpha = %.4f, a = %.4f, b = %.4f)", r, alpha, a, b);
    }
}
