/**
 * The shared contract of every JourneyKit metric: an accumulator with an identity (a new, empty instance),
 * {@code add}, an associative and commutative {@code merge}, and an immutable result value.
 *
 * <p>The shape matches the create / add / merge / extract steps of Spark's {@code Aggregator}, Flink's
 * {@code AggregateFunction} and Beam's {@code CombineFn}, so a metric can run on one thread, in a parallel stream
 * or inside a distributed engine. Bad input raises an {@link org.journeykit.metrics.MetricInputException} before
 * any state changes; merging accumulators of different configurations raises an
 * {@link org.journeykit.metrics.IncompatibleMergeException}.
 */
@NullMarked
package org.journeykit.metrics;

import org.jspecify.annotations.NullMarked;
