package org.journeykit.spark;

import java.util.Objects;
import org.journeykit.metrics.MetricInputException;

/**
 * Thrown inside a Spark task when a JourneyKit SQL function or Dataset analysis meets input it cannot accept: a
 * null or out-of-range score, a time outside the supported range, a state written by another accumulator or
 * corrupted bytes. Spark fails the query and keeps this exception in the cause chain of the {@code SparkException}
 * it throws.
 *
 * <p>The message names the function and the library's rule, for example
 * {@code "nps(score): 11 must be an integer from 0 to 10 (NPS)"} or
 * {@code "nps_merge(NPS state at byte 2): 3 must be the tag of NPS"}; {@link #getCause()} is the library's own
 * {@link MetricInputException} (or a subclass such as {@code StateFormatException}) with the details.
 */
public class SparkFunctionException extends MetricInputException {

    private static final long serialVersionUID = 1L;

    /** The SQL function or analysis that failed. */
    private final String function;

    /**
     * Creates the exception from the library's error.
     *
     * @param function the name of the SQL function or analysis, such as {@code "nps"} or {@code "funnel"}, not null
     * @param cause the library's error, not null; its input, value and rule are repeated in this exception
     * @throws NullPointerException if an argument is null
     */
    public SparkFunctionException(String function, MetricInputException cause) {
        super(Objects.requireNonNull(function, "function") + "(" + cause.getInput() + ")", cause.getValue(),
                cause.getRule(), cause);
        this.function = function;
    }

    /**
     * The SQL function or analysis that failed.
     *
     * @return the name as registered, such as {@code "nps_merge"}, not null
     */
    public String getFunction() {
        return function;
    }
}
