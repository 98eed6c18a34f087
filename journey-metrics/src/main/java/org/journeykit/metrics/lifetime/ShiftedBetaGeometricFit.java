package org.journeykit.metrics.lifetime;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A shifted-beta-geometric model fitted to a cohort's survivor counts by maximum likelihood
 * ({@link ShiftedBetaGeometric#fit}): the model, the maximised log-likelihood and the counts it was fitted to.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param model the fitted model, not null
 * @param logLikelihood the log-likelihood at the maximum (natural logarithm, over all customers), finite, not
 *     positive
 * @param survivors the survivor counts fitted, from period 0, unmodifiable, not null
 */
public record ShiftedBetaGeometricFit(ShiftedBetaGeometric model, double logLikelihood, List<Long> survivors) {

    /**
     * Checks and copies the components.
     *
     * @param model the fitted model, not null
     * @param logLikelihood the log-likelihood, finite
     * @param survivors the counts, not null
     * @throws NullPointerException if model or survivors is null
     * @throws IllegalArgumentException if the log-likelihood is not finite
     */
    public ShiftedBetaGeometricFit {
        Objects.requireNonNull(model, "model");
        survivors = List.copyOf(survivors);
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite: " + logLikelihood);
        }
    }

    /**
     * The number of periods observed, K.
     *
     * @return the periods, 2 or more
     */
    public int periods() {
        return survivors.size() - 1;
    }

    /**
     * A readable form, such as {@code "sBG(alpha = 0.6680, beta = 3.8060), LL = -1680.27 over 7 periods"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, LL = %.2f over %d periods", model, logLikelihood, periods());
    }
}
