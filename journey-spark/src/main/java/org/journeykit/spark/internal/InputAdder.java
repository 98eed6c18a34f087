package org.journeykit.spark.internal;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * Adds one input row of a SQL aggregate function to an accumulator.
 *
 * @param <A> the accumulator type
 */
@FunctionalInterface
public interface InputAdder<A> extends Serializable {

    /**
     * Adds the row's values.
     *
     * @param accumulator the accumulator, not null
     * @param input the function's arguments in order, not null; values may be null
     * @throws org.journeykit.metrics.MetricInputException if a value breaks the metric's rules; the accumulator is
     *     unchanged
     */
    void add(A accumulator, Row input);
}
