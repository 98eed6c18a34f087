package org.journeykit.metrics.journeys.attribution;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conversions and conversion value attributed to each channel by one model. Every channel touched on a converting
 * path (for Markov attribution: on any path) has an entry, possibly zero. The attributed conversions of all
 * channels sum to the total conversions of the input (up to floating-point rounding), and likewise the value.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AttributionResult {

    private final Map<String, Double> conversions;
    private final Map<String, Double> value;

    AttributionResult(Map<String, Double> conversions, Map<String, Double> value) {
        this.conversions = Collections.unmodifiableMap(new TreeMap<>(conversions));
        this.value = Collections.unmodifiableMap(new TreeMap<>(value));
    }

    /**
     * The conversions attributed to each channel.
     *
     * @return channel to attributed conversions, ordered by channel, unmodifiable, not null
     */
    public Map<String, Double> conversions() {
        return conversions;
    }

    /**
     * The conversion value attributed to each channel.
     *
     * @return channel to attributed value, ordered by channel, unmodifiable, not null
     */
    public Map<String, Double> value() {
        return value;
    }

    /**
     * The conversions attributed to one channel.
     *
     * @param channel the channel, not null
     * @return the attributed conversions, zero for a channel that never appears
     */
    public double conversionsOf(String channel) {
        return conversions.getOrDefault(channel, 0.0);
    }

    @Override
    public String toString() {
        return conversions.toString();
    }
}
