package org.journeykit.metrics;

import java.util.Objects;
import org.journeykit.error.JourneyKitException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a metric is given input it cannot accept: an out-of-range score, an unknown scale, a null element,
 * an event out of time order. The accumulator's state is unchanged when this is thrown.
 *
 * <p>The message names the input, the value seen and the rule broken, for example
 * {@code "score: 11 must be an integer from 0 to 10 (NPS)"}.
 */
public class MetricInputException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /** The input that was wrong. */
    private final String input;
    /** The value seen, as text, or null when it was null. */
    private final @Nullable String value;
    /** The rule the value broke. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param input the name of the input that was wrong, such as {@code "score"}, not null
     * @param value the value seen, null if the input was null
     * @param rule what was expected, such as {@code "must be an integer from 0 to 10"}, not null
     */
    public MetricInputException(String input, @Nullable Object value, String rule) {
        super(Objects.requireNonNull(input, "input") + ": " + value + " " + Objects.requireNonNull(rule, "rule"));
        this.input = input;
        this.value = value == null ? null : String.valueOf(value);
        this.rule = rule;
    }

    /**
     * Creates the exception with the exception that revealed the problem.
     *
     * @param input the name of the input that was wrong, not null
     * @param value the value seen, null if the input was null
     * @param rule what was expected, not null
     * @param cause the underlying exception, kept for diagnosis, not null
     */
    public MetricInputException(String input, @Nullable Object value, String rule, Throwable cause) {
        super(Objects.requireNonNull(input, "input") + ": " + value + " " + Objects.requireNonNull(rule, "rule"),
                cause);
        this.input = input;
        this.value = value == null ? null : String.valueOf(value);
        this.rule = rule;
    }

    /**
     * The name of the input that was wrong.
     *
     * @return the input name, not null
     */
    public String getInput() {
        return input;
    }

    /**
     * The value seen, as text.
     *
     * @return the value, or null when the input was null
     */
    public @Nullable String getValue() {
        return value;
    }

    /**
     * The rule the value broke.
     *
     * @return the rule, not null
     */
    public String getRule() {
        return rule;
    }
}
