package org.journeykit.metrics.breakdown;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * One accumulator per value of a dimension (segment, channel, phase, touchpoint, agent, calendar period), itself
 * mergeable: merging two breakdowns merges the accumulators of equal keys.
 *
 * <p>Example, NPS per agent (feedback attributed to the employee who handled the contact):
 * <pre>{@code
 * Map<String, NpsResult> byAgent = responses.stream().collect(Breakdown.collector(
 *         Dimensions.agent(), NpsAccumulator::new, NpsAccumulator::add));
 * }</pre>
 *
 * <p>This class is mutable and not thread-safe; give each thread its own breakdown and merge.
 *
 * @param <K> the dimension's key type
 * @param <A> the metric's accumulator type
 * @param <R> the metric's result type
 */
public final class Breakdown<K, A extends MetricAccumulator<A, R>, R>
        implements MetricAccumulator<Breakdown<K, A, R>, Map<K, R>> {

    private final Supplier<A> empty;
    private final Map<K, A> accumulators = new HashMap<>();

    private Breakdown(Supplier<A> empty) {
        this.empty = empty;
    }

    /**
     * An empty breakdown.
     *
     * @param empty creates an empty accumulator for a new key (the metric's identity), not null
     * @param <K> the key type
     * @param <A> the accumulator type
     * @param <R> the result type
     * @return the breakdown, not null
     */
    public static <K, A extends MetricAccumulator<A, R>, R> Breakdown<K, A, R> of(Supplier<A> empty) {
        return new Breakdown<>(Objects.requireNonNull(empty, "empty"));
    }

    /**
     * A collector that groups elements by a key and accumulates each group, giving the result per key (keys whose
     * metric is undefined, such as an empty group, are left out).
     *
     * @param key the dimension of an element, not null; it must not return null
     * @param empty creates an empty accumulator, not null
     * @param add adds an element to an accumulator, not null
     * @param <T> the element type
     * @param <K> the key type
     * @param <A> the accumulator type
     * @param <R> the result type
     * @return the collector, not null; it throws {@link MetricInputException} for a null element or key
     */
    public static <T, K, A extends MetricAccumulator<A, R>, R> Collector<T, ?, Map<K, R>> collector(
            Function<? super T, ? extends K> key, Supplier<A> empty, BiConsumer<? super A, ? super T> add) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(add, "add");
        return Collector.<T, Breakdown<K, A, R>, Map<K, R>>of(() -> of(empty), (breakdown, element) -> {
            if (element == null) {
                throw new MetricInputException("element", null, "must not be null");
            }
            add.accept(breakdown.accumulatorFor(key.apply(element)), element);
        }, Breakdown::merge, breakdown -> breakdown.result().orElse(Map.of()), Collector.Characteristics.UNORDERED);
    }

    /**
     * The accumulator of a key, created empty on first use; add to it directly.
     *
     * @param key the dimension value, not null
     * @return the accumulator, not null
     * @throws MetricInputException if the key is null
     */
    public A accumulatorFor(@Nullable K key) {
        if (key == null) {
            throw new MetricInputException("key", null, "must not be null");
        }
        return accumulators.computeIfAbsent(key, k -> empty.get());
    }

    /**
     * Merges another breakdown: accumulators of equal keys are merged, new keys are copied in (by merging into a
     * fresh empty accumulator, so the other breakdown is not changed).
     *
     * @param other the other breakdown, not null
     * @return this breakdown
     * @throws org.journeykit.metrics.IncompatibleMergeException if two accumulators of a key cannot be merged
     */
    @Override
    public Breakdown<K, A, R> merge(Breakdown<K, A, R> other) {
        other.accumulators.forEach((key, theirs) -> accumulatorFor(key).merge(theirs));
        return this;
    }

    /**
     * The result of each key whose metric is defined.
     *
     * @return an unmodifiable map, or empty when no key has a result
     */
    @Override
    public Optional<Map<K, R>> result() {
        Map<K, R> results = new LinkedHashMap<>();
        accumulators.forEach((key, accumulator) -> accumulator.result().ifPresent(r -> results.put(key, r)));
        return results.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(results));
    }
}
