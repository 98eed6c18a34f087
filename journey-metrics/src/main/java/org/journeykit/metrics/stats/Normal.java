package org.journeykit.metrics.stats;

import org.journeykit.metrics.MetricInputException;

/**
 * The standard normal distribution: its cumulative distribution function, upper tail and quantile function.
 *
 * <p>{@link #cdf} and {@link #upperTail} use Hart's double-precision rational approximation (algorithm 5666 of
 * Hart et al., <i>Computer Approximations</i>, 1968, as given by G. West, "Better approximations to cumulative
 * normal functions", Wilmott Magazine 2005): absolute error below 1e-14, and relative error of the upper tail
 * about 1e-8 beyond x = 7. {@link #quantile} uses P. J. Acklam's
 * rational approximation (relative error 1.15e-9) followed by one step of Halley's method on {@link #cdf}, which
 * brings it to full double precision in the central region.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Normal {

    private static final double SQRT_TWO_PI = 2.5066282746310002;

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private Normal() {}

    /**
     * The probability that a standard normal variable is at most {@code x}: Phi(x).
     *
     * @param x the point, not NaN (infinities give 0 and 1)
     * @return Phi(x), in [0, 1]
     * @throws MetricInputException if x is NaN
     */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new MetricInputException("x", x, "must be a number");
        }
        double tail = tail(Math.abs(x));
        return x > 0 ? 1.0 - tail : tail;
    }

    /**
     * The probability that a standard normal variable exceeds {@code x}: 1 - Phi(x), computed without the
     * cancellation of {@code 1 - cdf(x)} for large x.
     *
     * @param x the point, not NaN (infinities give 1 and 0)
     * @return 1 - Phi(x), in [0, 1]
     * @throws MetricInputException if x is NaN
     */
    public static double upperTail(double x) {
        if (Double.isNaN(x)) {
            throw new MetricInputException("x", x, "must be a number");
        }
        double tail = tail(Math.abs(x));
        return x >= 0 ? tail : 1.0 - tail;
    }

    /**
     * The two-sided p-value of a z statistic: {@code 2 (1 - Phi(|z|))}.
     *
     * @param z the statistic, not NaN
     * @return the p-value, in [0, 1]
     * @throws MetricInputException if z is NaN
     */
    public static double twoSidedPValue(double z) {
        if (Double.isNaN(z)) {
            throw new MetricInputException("z", z, "must be a number");
        }
        return Math.min(1.0, 2.0 * tail(Math.abs(z)));
    }

    /** Phi(-x) for x &gt;= 0 (Hart 5666). */
    private static double tail(double x) {
        if (x > 37.0) {
            return 0.0;
        }
        double e = Math.exp(-x * x / 2.0);
        if (x < 7.07106781186547) {
            double n = 3.52624965998911E-02 * x + 0.700383064443688;
            n = n * x + 6.37396220353165;
            n = n * x + 33.912866078383;
            n = n * x + 112.079291497871;
            n = n * x + 221.213596169931;
            n = n * x + 220.206867912376;
            double d = 8.83883476483184E-02 * x + 1.75566716318264;
            d = d * x + 16.064177579207;
            d = d * x + 86.7807322029461;
            d = d * x + 296.564248779674;
            d = d * x + 637.333633378831;
            d = d * x + 793.826512519948;
            d = d * x + 440.413735824752;
            return e * n / d;
        }
        double b = x + 0.65;
        b = x + 4.0 / b;
        b = x + 3.0 / b;
        b = x + 2.0 / b;
        b = x + 1.0 / b;
        return e / b / SQRT_TWO_PI;
    }

    /**
     * The quantile (inverse cumulative distribution) of the standard normal distribution: the z with
     * Phi(z) = p. For example {@code quantile(0.975)} is 1.959963984540054.
     *
     * @param p the probability, strictly between 0 and 1
     * @return the quantile
     * @throws MetricInputException if p is not strictly between 0 and 1
     */
    public static double quantile(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new MetricInputException("p", p, "must be strictly between 0 and 1");
        }
        double x;
        if (p < P_LOW) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
        } else if (p <= 1.0 - P_LOW) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
        } else {
            double q = Math.sqrt(-2.0 * Math.log1p(-p));
            x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
        }
        // One Halley step on the error of Phi(x); for p > 0.5 work on the upper tail to avoid cancellation.
        double e = p > 0.5 ? (1.0 - p) - upperTail(x) : cdf(x) - p;
        double u = e * SQRT_TWO_PI * Math.exp(x * x / 2.0);
        return x - u / (1.0 + x * u / 2.0);
    }

    /**
     * The two-sided critical value for a confidence level: {@code quantile(1 - (1 - level) / 2)}, such as
     * 1.959964 for 0.95.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the critical value, positive
     * @throws MetricInputException if the level is not strictly between 0 and 1
     */
    public static double criticalValue(double level) {
        checkLevel(level);
        return quantile(1.0 - (1.0 - level) / 2.0);
    }

    /**
     * Checks a confidence level.
     *
     * @param level the level
     * @return the level
     * @throws MetricInputException if the level is not strictly between 0 and 1
     */
    public static double checkLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new MetricInputException("level", level, "must be a confidence level strictly between 0 and 1");
        }
        return level;
    }
}
