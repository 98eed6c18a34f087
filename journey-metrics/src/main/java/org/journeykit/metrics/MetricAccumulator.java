package org.journeykit.metrics;

import java.util.Optional;

/**
 * A mergeable accumulator of one metric or journey analysis: the one contract that every accumulator of
 * journey-metrics implements, so the same code runs in a loop, a parallel stream or a distributed engine.
 *
 * <h2>Creating</h2>
 * Every accumulator is created by a static factory: {@code X.create()} where the metric needs no configuration or
 * has a documented default, and {@code X.create(configuration)} with one configuration object (a scale, a
 * {@code Funnel}, a time zone, a definition record). The freshly created accumulator is empty.
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>{@link #merge} is associative and commutative, and a fresh accumulator is its identity;</li>
 *   <li>{@code a.merge(a)} doubles {@code a}: it is the same as merging a copy of {@code a} into {@code a};</li>
 *   <li>adding the inputs of two accumulators into one gives the same state as merging the two;</li>
 *   <li>accumulators of different configurations refuse to merge with {@link IncompatibleMergeException};</li>
 *   <li>bad input raises {@link MetricInputException} and leaves the state unchanged; counts and sums that would
 *       exceed {@code Long.MAX_VALUE} raise it too, naming the metric and the limit.</li>
 * </ul>
 * Accumulators that hold a quantile sketch keep these laws for their counts and exact values; their quantiles
 * may depend on the merge order within the sketch's stated rank error, and each documents that.
 *
 * <h2>Byte form</h2>
 * {@link #toBytes()} writes the state; each accumulator has a static {@code fromBytes(byte[])} that reads it back
 * into an equal state. The bytes are big-endian and start with a four-byte header:
 * <pre>
 * offset 0-1  magic 0x4a 0x4b ("JK")
 * offset 2    accumulator tag (unsigned byte)
 * offset 3    format version of the payload (unsigned byte, from 1)
 * offset 4-   payload, documented on each accumulator's toBytes
 * </pre>
 * The tags are: 1 NPS, 2 weighted NPS, 3 CES, 4 CSAT, 5 first-contact resolution, 6 handle time, 7 resolution
 * time, 8 contact volume, 9 repeat purchase, 10 cohort retention, 11 funnel, 12 paths, 13 conformance,
 * 14 channel paths, 15 breakdown, 16 survival. A reader refuses another accumulator's state and a format version newer than
 * it knows with {@link StateFormatException}; it treats every byte as hostile, checks every length and count
 * against the bytes that remain and the documented limits before allocating, and answers bad bytes with
 * {@link StateFormatException} (never a hang, an {@code OutOfMemoryError} or an index exception).
 *
 * <p>Accumulators are mutable and not thread-safe: give each thread its own and merge them (as a parallel
 * {@link java.util.stream.Collector} does).
 *
 * @param <A> the accumulator's own type
 * @param <R> the result type
 */
public interface MetricAccumulator<A extends MetricAccumulator<A, R>, R> {

    /**
     * Adds all of another accumulator's state into this one; the other is left unchanged, except when it is this
     * same accumulator, whose state then doubles.
     *
     * @param other the accumulator to merge in, not null, configured like this one
     * @return this accumulator, for chaining
     * @throws IncompatibleMergeException if the other accumulator has a different configuration (scale,
     *     threshold, time zone, granularity, funnel); this accumulator is unchanged
     * @throws MetricInputException if a merged count would exceed {@code Long.MAX_VALUE}; this accumulator is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    A merge(A other);

    /**
     * The metric's value over everything added so far.
     *
     * @return the result, or empty when the metric is not defined (for example no responses yet), not null
     */
    Optional<R> result();

    /**
     * The state in the byte form described above, for shipping between processes or storing partial states.
     * Equal states give equal bytes.
     *
     * @return a new array, not null
     */
    byte[] toBytes();
}
