package org.journeykit.metrics;

import java.util.Optional;

/**
 * A mergeable accumulator of one metric: the identity is a freshly created (empty) accumulator, {@link #merge}
 * is associative and commutative, and {@link #result()} is an immutable value.
 *
 * <p>The four steps map onto the distributed engines: create = the constructor or factory, add =
 * the metric's {@code add} methods, merge = {@link #merge}, extract = {@link #result()}.
 *
 * <p>Accumulators are mutable and not thread-safe: give each thread its own and merge them (as a parallel
 * {@link java.util.stream.Collector} does).
 *
 * @param <A> the accumulator's own type
 * @param <R> the result type
 */
public interface MetricAccumulator<A extends MetricAccumulator<A, R>, R> {

    /**
     * Adds all of another accumulator's state into this one; the other is left unchanged.
     *
     * @param other the accumulator to merge in, not null, configured like this one
     * @return this accumulator, for chaining
     * @throws IncompatibleMergeException if the other accumulator has a different configuration (scale,
     *     threshold, time zone, granularity)
     */
    A merge(A other);

    /**
     * The metric's value over everything added so far.
     *
     * @return the result, or empty when the metric is not defined (for example no responses yet)
     */
    Optional<R> result();
}
