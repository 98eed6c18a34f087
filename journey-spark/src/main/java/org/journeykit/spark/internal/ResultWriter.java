package org.journeykit.spark.internal;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * Writes an accumulator's result as the row of a Spark struct.
 *
 * @param <A> the accumulator type
 */
@FunctionalInterface
public interface ResultWriter<A> extends Serializable {

    /**
     * The result row, with null fields where the result is undefined (no responses) and counts of zero.
     *
     * @param accumulator the accumulator, not null, not changed
     * @return the row matching the function's output struct, not null
     */
    Row write(A accumulator);
}
