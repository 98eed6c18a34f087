package org.journeykit.metrics.lifetime;

import java.util.Objects;
import org.journeykit.error.JourneyKitException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a model's maximum-likelihood fit does not converge: the optimiser ran out of evaluations, or the
 * likelihood keeps rising towards a parameter bound (the data fit a simpler model, such as a geometric lifetime
 * without heterogeneity, better than any finite parameters of this one).
 *
 * <p>The message names the model and the reason, for example
 * {@code "sBG fit: alpha and beta grow without bound (retention is constant: no heterogeneity to fit)"}.
 */
public class ModelFitException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /** The model that failed to fit. */
    private final String model;
    /** Why the fit failed. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param model the model, such as {@code "sBG"}, not null
     * @param reason why the fit failed, not null
     * @param cause the optimiser's exception, or null
     */
    public ModelFitException(String model, String reason, @Nullable Throwable cause) {
        super(Objects.requireNonNull(model, "model") + " fit: " + Objects.requireNonNull(reason, "reason"), cause);
        this.model = model;
        this.reason = reason;
    }

    /**
     * The model that failed to fit.
     *
     * @return the model name, not null
     */
    public String getModel() {
        return model;
    }

    /**
     * Why the fit failed.
     *
     * @return the reason, not null
     */
    public String getReason() {
        return reason;
    }
}
