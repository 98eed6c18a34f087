package org.journeykit.spark.internal;

import java.io.Serializable;

/**
 * Creates a fresh, configured accumulator on an executor: a serializable supplier.
 *
 * @param <A> the accumulator type
 */
@FunctionalInterface
public interface Factory<A> extends Serializable {

    /**
     * Creates an empty accumulator.
     *
     * @return a new accumulator, not null
     */
    A create();
}
