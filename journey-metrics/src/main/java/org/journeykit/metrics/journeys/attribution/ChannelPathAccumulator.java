package org.journeykit.metrics.journeys.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.metrics.journeys.actual.ActualJourneys;

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
     * Adds the channel paths of actual journeys whose steps are channels (for example built with
     * {@code EventMapping.by(Source.CHANNEL)}), with one step marking the conversion.
     *
     * <p>Rules: a journey that contains the conversion step adds the steps before its first occurrence as a path
     * converted once (value 0); a journey without it adds all its steps as a path not converted once; a journey
     * that starts with the conversion step has no touch before it and adds nothing. Steps after the conversion are
     * ignored.
     *
     * @param source the journeys, not null
     * @param conversionStep the step that marks a conversion, not null
     * @return this accumulator
     * @throws NullPointerException if an argument is null
     */
    public ChannelPathAccumulator add(ActualJourneys source, String conversionStep) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(conversionStep, "conversionStep");
        int conversion = source.codeOf(conversionStep).orElse(-1);
        for (int j = 0; j < source.size(); j++) {
            int length = source.length(j);
            int end = length;
            for (int p = 0; p < length; p++) {
                if (source.step(j, p) == conversion) {
                    end = p;
                    break;
                }
            }
            if (end == 0) {
                continue;
            }
            List<String> channels = new ArrayList<>(end);
            for (int p = 0; p < end; p++) {
                channels.add(source.stepName(source.step(j, p)));
            }
            boolean converted = end < length;
            double[] sums = untimed.computeIfAbsent(List.copyOf(channels), k -> new double[3]);
            sums[converted ? 0 : 2] += 1;
        }
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
