package org.journeykit.metrics.journeys.attribution;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Conversions and conversion value attributed to each channel by one model. Every channel touched on a converting
 * path (for Markov attribution: on any path) has an entry, possibly zero. The attributed conversions of all
 * channels sum to the total conversions of the input (up to floating-point rounding), and likewise the value.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param conversions channel to attributed conversions, not null; copied unmodifiable, ordered by channel
 * @param value channel to attributed value, not null; copied unmodifiable, ordered by channel
 */
public record AttributionResult(Map<String, Double> conversions, Map<String, Double> value) {

    /**
     * Checks and copies the maps.
     *
     * @param conversions the conversions, as described on the record
     * @param value the value, as described on the record
     * @throws NullPointerException if a map, a key or a value is null
     */
    public AttributionResult {
        conversions = sorted(conversions, "conversions");
        value = sorted(value, "value");
    }

    private static Map<String, Double> sorted(Map<String, Double> map, String name) {
        TreeMap<String, Double> copy = new TreeMap<>();
        Objects.requireNonNull(map, name).forEach((channel, amount) -> copy.put(Objects.requireNonNull(channel, name),
                Objects.requireNonNull(amount, name)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The conversions attributed to one channel.
     *
     * @param channel the channel, not null
     * @return the attributed conversions, zero for a channel that never appears
     * @throws NullPointerException if channel is null
     */
    public double conversionsOf(String channel) {
        return conversions.getOrDefault(Objects.requireNonNull(channel, "channel"), 0.0);
    }
}
