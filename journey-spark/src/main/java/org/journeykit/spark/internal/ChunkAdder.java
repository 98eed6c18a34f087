package org.journeykit.spark.internal;

import java.io.Serializable;
import org.journeykit.metrics.journeys.actual.ActualJourneys;

/**
 * Adds a chunk of actual journeys to an accumulator on an executor.
 *
 * @param <A> the accumulator type
 */
@FunctionalInterface
public interface ChunkAdder<A> extends Serializable {

    /**
     * Adds the chunk.
     *
     * @param accumulator the accumulator, not null
     * @param chunk the journeys of whole customers, not null
     * @throws org.journeykit.metrics.MetricInputException if the library refuses the journeys
     */
    void add(A accumulator, ActualJourneys chunk);
}
