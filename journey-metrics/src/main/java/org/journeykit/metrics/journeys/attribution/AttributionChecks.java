package org.journeykit.metrics.journeys.attribution;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.journeykit.metrics.MetricInputException;

/** The checks of the factories that rebuild a model's result from its figures: maps of channels to numbers. */
final class AttributionChecks {

    private AttributionChecks() {}

    /**
     * Copies a map of channel figures, checking each.
     *
     * @param name the map's name in messages
     * @param figures the map, not null, no null key or value
     * @param min the least figure allowed
     * @param max the greatest figure allowed
     * @return a sorted copy
     * @throws NullPointerException if the map, a key or a value is null
     * @throws MetricInputException if a figure is not finite or outside [min, max]
     */
    static TreeMap<String, Double> figures(String name, Map<String, Double> figures, double min, double max) {
        TreeMap<String, Double> copy = new TreeMap<>();
        Objects.requireNonNull(figures, name).forEach((channel, figure) -> {
            double value = Objects.requireNonNull(figure, name);
            if (!(value >= min && value <= max) || !Double.isFinite(value)) {
                throw new MetricInputException(name, Objects.requireNonNull(channel, name).length() <= 40
                        ? channel + " = " + value : channel.substring(0, 40) + "... = " + value,
                        "must be finite" + (min > -Double.MAX_VALUE ? " and at least " + min : "")
                                + (max < Double.MAX_VALUE ? " and at most " + max : ""));
            }
            copy.put(Objects.requireNonNull(channel, name), value);
        });
        return copy;
    }

    /**
     * Checks that a model's figures and its attribution name the same channels.
     *
     * @param channels the model's channels
     * @param name the figures' name in messages
     * @param figures the figures by channel
     * @param attribution the attribution
     * @throws MetricInputException if the channels differ
     */
    static void sameChannels(Collection<String> channels, String name, Map<String, Double> figures,
            AttributionResult attribution) {
        if (!figures.keySet().equals(Set.copyOf(channels))) {
            throw new MetricInputException(name, figures.size() + " channels", "must name exactly the model's "
                    + channels.size() + " channels");
        }
        if (!attribution.conversions().keySet().equals(figures.keySet())
                || !attribution.value().keySet().equals(figures.keySet())) {
            throw new MetricInputException("attribution", attribution.conversions().size() + " channels",
                    "must name exactly the model's " + channels.size() + " channels, in conversions and value");
        }
    }
}
