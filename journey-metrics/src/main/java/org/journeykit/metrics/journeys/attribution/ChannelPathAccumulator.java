package org.journeykit.metrics.journeys.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates channel paths: {@linkplain #create() create}, {@linkplain #add(ChannelPath) add},
 * {@linkplain #merge(ChannelPathAccumulator) merge}, {@linkplain #result() result}.
 *
 * <p>Paths without touch ages that have the same channel sequence are summed into one, so memory is proportional
 * to the number of distinct paths; paths with ages are kept one by one (time decay needs each path's times).
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class ChannelPathAccumulator {

    private final LinkedHashMap<List<String>, double[]> untimed = new LinkedHashMap<>();
    private final List<ChannelPath> timed = new ArrayList<>();

    private ChannelPathAccumulator() {}

    /**
     * Creates an empty accumulator.
     *
     * @return the accumulator, not null
     */
    public static ChannelPathAccumulator create() {
        return new ChannelPathAccumulator();
    }

    /**
     * Adds one path.
     *
     * @param path the path, not null
     * @return this accumulator
     * @throws NullPointerException if path is null
     */
    public ChannelPathAccumulator add(ChannelPath path) {
        Objects.requireNonNull(path, "path");
        if (!path.ages().isEmpty()) {
            timed.add(path);
            return this;
        }
        double[] sums = untimed.computeIfAbsent(path.channels(), k -> new double[3]);
        sums[0] += path.conversions();
        sums[1] += path.value();
        sums[2] += path.nulls();
        return this;
    }

    /**
     * Adds every path of another accumulator.
     *
     * @param other the other accumulator, not null, left unchanged
     * @return this accumulator
     * @throws NullPointerException if other is null
     */
    public ChannelPathAccumulator merge(ChannelPathAccumulator other) {
        Objects.requireNonNull(other, "other");
        for (ChannelPath path : other.result()) {
            add(path);
        }
        return this;
    }

    /**
     * The aggregated paths: distinct untimed paths in order of first addition, then the timed paths.
     *
     * @return the paths, unmodifiable, not null
     */
    public List<ChannelPath> result() {
        List<ChannelPath> paths = new ArrayList<>(untimed.size() + timed.size());
        for (Map.Entry<List<String>, double[]> entry : untimed.entrySet()) {
            double[] sums = entry.getValue();
            paths.add(ChannelPath.of(entry.getKey(), (long) sums[0], sums[1], (long) sums[2]));
        }
        paths.addAll(timed);
        return List.copyOf(paths);
    }
}
