package org.journeykit.metrics.lifetime;

import java.util.Locale;
import java.util.Objects;

/**
 * A BG/NBD model fitted by maximum likelihood ({@link BgNbd#fit}): the model, the maximised log-likelihood and
 * the number of customers.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param model the fitted model, not null
 * @param logLikelihood the log-likelihood at the maximum, summed over the customers, finite
 * @param customers the number of customers fitted, 2 or more
 */
public record BgNbdFit(BgNbd model, double logLikelihood, long customers) {

    /**
     * Checks the components.
     *
     * @param model not null
     * @param logLikelihood finite
     * @param customers 2 or more
     * @throws NullPointerException if model is null
     * @throws IllegalArgumentException if the log-likelihood is not finite or customers is below 2
     */
    public BgNbdFit {
        Objects.requireNonNull(model, "model");
        if (!Double.isFinite(logLikelihood) || customers < 2) {
            throw new IllegalArgumentException("logLikelihood " + logLikelihood + ", customers " + customers);
        }
    }

    /**
     * A readable form, such as {@code "BG/NBD(...), LL = -9582.43 over 2357 customers"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, LL = %.2f over %d customers", model, logLikelihood, customers);
    }
}
