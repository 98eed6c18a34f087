package org.journeykit.metrics.journeys.paths;

import java.util.List;
import java.util.Map;

/**
 * Variants and the directly-follows graph of a set of actual journeys.
 *
 * <p>Variants are ordered by count (most frequent first), then by their steps joined with {@code " > "}
 * (lexicographic). Edges are ordered by count (highest first), then by {@code from}, then by {@code to}. The
 * start and end maps are ordered by step name. For a Sankey diagram or a process map, draw a node per step, an
 * arc from a "start" node for each start count, an arc per edge, and an arc to an "end" node per end count.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PathResult {

    private final long journeyCount;
    private final List<Variant> variants;
    private final List<Edge> edges;
    private final Map<String, Long> starts;
    private final Map<String, Long> ends;

    PathResult(long journeyCount, List<Variant> variants, List<Edge> edges, Map<String, Long> starts,
            Map<String, Long> ends) {
        this.journeyCount = journeyCount;
        this.variants = List.copyOf(variants);
        this.edges = List.copyOf(edges);
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The number of journeys analysed.
     *
     * @return the count, zero or more
     */
    public long journeyCount() {
        return journeyCount;
    }

    /**
     * The variants, most frequent first.
     *
     * @return the variants, unmodifiable, not null
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * The edges of the directly-follows graph, most frequent first.
     *
     * @return the edges, unmodifiable, not null
     */
    public List<Edge> edges() {
        return edges;
    }

    /**
     * How many journeys start at each step.
     *
     * @return step name to count, unmodifiable, ordered by step name, not null
     */
    public Map<String, Long> startCounts() {
        return starts;
    }

    /**
     * How many journeys end at each step.
     *
     * @return step name to count, unmodifiable, ordered by step name, not null
     */
    public Map<String, Long> endCounts() {
        return ends;
    }
}
