package org.journeykit.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * How the customer felt at a touchpoint: a value on a declared {@link EmotionScale}, with an optional label
 * ("frustrated") and an optional quote in the customer's own words.
 *
 * <p>Analyses use {@link #getNormalised()}, the value mapped onto [-1, 1], so journeys recorded on different
 * scales can be compared.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Emotion {

    Emotion() {}

    /**
     * The scale the value is recorded on.
     *
     * @return the scale, not null
     */
    @NotNull
    public abstract EmotionScale getScale();

    /**
     * The emotion's value on {@link #getScale()}; may be fractional, such as the mean of several interviews.
     *
     * @return the value, finite and within the scale's bounds
     */
    public double getValue() {
        Double value = value();
        if (value == null) {
            throw new IllegalStateException("unreachable: a built emotion has a value");
        }
        return value;
    }

    /**
     * The value as given to the builder; boxed, so that a builder without it reports the value missing instead of
     * taking 0 ({@link org.journeykit.internal.ValueStyle}).
     *
     * @return the value, null only while the checks run on an emotion built without one
     */
    abstract @Nullable Double value();

    /**
     * A word for the emotion, such as "relieved" or "frustrated".
     *
     * @return the label, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getLabel();

    /**
     * What a customer said at this moment, in their own words.
     *
     * @return the quote, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getQuote();

    /**
     * The value mapped onto [-1, 1] by {@link EmotionScale#normalise(double)}.
     *
     * @return the normalised value in [-1, 1]; positive is a peak, negative a valley
     */
    @Value.Derived
    public double getNormalised() {
        // Runs before the checks: a missing scale or value is reported by them.
        @Nullable EmotionScale scale = getScale();
        @Nullable Double value = value();
        return scale != null && value != null && scale.contains(value) ? scale.normalise(value) : Double.NaN;
    }

    /**
     * Creates an emotion without label or quote.
     *
     * @param scale the scale, not null
     * @param value the value, on the scale
     * @return the emotion, not null
     * @throws NullPointerException if scale is null
     * @throws org.journeykit.error.InvalidModelException if the value is not on the scale
     */
    public static Emotion of(EmotionScale scale, double value) {
        return builder().scale(Objects.requireNonNull(scale, "scale")).value(value).build();
    }

    /**
     * Creates an emotion with a label.
     *
     * @param scale the scale, not null
     * @param value the value, on the scale
     * @param label a word for the emotion, not null, not blank
     * @return the emotion, not null
     * @throws NullPointerException if scale or label is null
     * @throws org.journeykit.error.InvalidModelException if the value is not on the scale or the label is blank
     */
    public static Emotion of(EmotionScale scale, double value, String label) {
        return builder()
                .scale(Objects.requireNonNull(scale, "scale"))
                .value(value)
                .label(Objects.requireNonNull(label, "label"))
                .build();
    }

    /**
     * Returns a copy with a quote.
     *
     * @param quote the customer's words, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the quote is blank or too long
     */
    public abstract Emotion withQuote(String quote);

    /**
     * A new, empty builder.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("Emotion", null);
        boolean scaled = checks.required("scale", getScale());
        if (checks.required("value", value()) && scaled && !getScale().contains(getValue())) {
            checks.add(RuleCode.RANGE, "value", getValue(), "must lie on the emotion scale " + getScale());
        }
        checks.text("label", getLabel(), 200);
        checks.text("quote", getQuote(), 2000);
        checks.throwIfAny();
    }

    /**
     * Builds an {@link Emotion}. Required: scale, value.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableEmotion.Builder {
        Builder() {}

        /**
         * Sets the value.
         *
         * @param value the value, on the scale
         * @return this builder, not null
         */
        public Builder value(double value) {
            return value(Double.valueOf(value));
        }
    }
}
