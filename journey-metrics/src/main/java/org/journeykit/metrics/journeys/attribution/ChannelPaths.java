package org.journeykit.metrics.journeys.attribution;

import java.util.List;
import java.util.Objects;

/**
 * A set of channel paths, the input of every attribution model ({@link Attribution}, {@link MarkovAttribution},
 * {@link HigherOrderMarkovAttribution}, {@link ShapleyAttribution}) and
 * the result of {@link ChannelPathAccumulator}. The models read the paths in list order; the accumulator gives them
 * aggregated and sorted (see {@link ChannelPathAccumulator#result()}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param paths the paths, not null, no null element; copied unmodifiable
 */
public record ChannelPaths(List<ChannelPath> paths) {

    /**
     * Checks and copies the paths.
     *
     * @param paths the paths, as described on the record
     * @throws NullPointerException if the list or an element is null
     */
    public ChannelPaths {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
    }

    /**
     * The total conversions of all paths.
     *
     * @return the sum of the paths' conversions, zero or more
     * @throws org.journeykit.metrics.MetricInputException if the sum exceeds {@code Long.MAX_VALUE}
     */
    public long conversions() {
        long total = 0;
        for (ChannelPath path : paths) {
            total = org.journeykit.metrics.internal.Checked.add(total, path.conversions(), "channel paths");
        }
        return total;
    }
}
