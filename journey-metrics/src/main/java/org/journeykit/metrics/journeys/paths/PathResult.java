package org.journeykit.metrics.journeys.paths;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Variants and the directly-follows graph of a set of actual journeys.
 *
 * <p>Order, deterministic however the accumulators were merged: variants by count (most frequent first), then by
 * their steps compared one by one ({@link String#compareTo}, a sequence before its own extensions); edges by count
 * (highest first), then by {@code from}, then by {@code to}; the start and end maps by step name. For a Sankey
 * diagram or a process map, draw a node per step, an arc from a "start" node for each start count, an arc per edge,
 * and an arc to an "end" node per end count.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param journeyCount the number of journeys analysed, one or more
 * @param variants the variants in the order above, not null; copied unmodifiable
 * @param edges the edges of the directly-follows graph in the order above, not null; copied unmodifiable
 * @param startCounts how many journeys start at each step, not null; copied unmodifiable, ordered by step name
 * @param endCounts how many journeys end at each step, not null; copied unmodifiable, ordered by step name
 */
public record PathResult(long journeyCount, List<Variant> variants, List<Edge> edges, Map<String, Long> startCounts,
        Map<String, Long> endCounts) {

    /** Variants by count, highest first, then by steps compared one by one. */
    static final Comparator<Variant> VARIANT_ORDER = Comparator.comparingLong(Variant::count).reversed()
            .thenComparing(Variant::steps, PathResult::compareSteps);

    /** Edges by count, highest first, then by from, then by to. */
    static final Comparator<Edge> EDGE_ORDER = Comparator.comparingLong(Edge::count).reversed()
            .thenComparing(Edge::from).thenComparing(Edge::to);

    /**
     * Checks and copies the components.
     *
     * @param journeyCount the journey count, as described on the record
     * @param variants the variants, as described on the record
     * @param edges the edges, as described on the record
     * @param startCounts the start counts, as described on the record
     * @param endCounts the end counts, as described on the record
     * @throws NullPointerException if a component, an element, a key or a value is null
     * @throws IllegalArgumentException if the journey count is below 1
     */
    public PathResult {
        if (journeyCount < 1) {
            throw new IllegalArgumentException("a path result needs at least one journey: " + journeyCount);
        }
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
        startCounts = sorted(startCounts, "startCounts");
        endCounts = sorted(endCounts, "endCounts");
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, String name) {
        TreeMap<String, Long> copy = new TreeMap<>();
        Objects.requireNonNull(counts, name).forEach((step, count) -> copy.put(Objects.requireNonNull(step, name),
                Objects.requireNonNull(count, name)));
        return Collections.unmodifiableMap(copy);
    }

    /** Compares step sequences element by element; a sequence comes before its own extensions. */
    static int compareSteps(List<String> a, List<String> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
