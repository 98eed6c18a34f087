package org.journeykit.spark.internal;

import java.io.Serializable;
import org.journeykit.metrics.MetricAccumulator;

/**
 * Reads an accumulator back from its byte form: a serializable reference to its static {@code fromBytes}.
 *
 * @param <A> the accumulator type
 */
@FunctionalInterface
public interface StateCodec<A extends MetricAccumulator<A, ?>> extends Serializable {

    /**
     * Reads a state.
     *
     * @param bytes the state, not null
     * @return the accumulator, not null
     * @throws org.journeykit.metrics.StateFormatException if the bytes are not a valid state of this accumulator
     */
    A read(byte[] bytes);
}
