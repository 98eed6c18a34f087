package org.journeykit.metrics.journeys.attribution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;

/**
 * One path of channel touches with what followed it: how many times it ended in a conversion (and their total
 * value) and how many times it did not (a "null" path).
 *
 * <p>For time-decay attribution a path may carry, per touch, the time from that touch to the conversion.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChannelPath {

    private final List<String> channels;
    private final long conversions;
    private final double value;
    private final long nulls;
    private final List<Duration> ages;

    private ChannelPath(List<String> channels, long conversions, double value, long nulls, List<Duration> ages) {
        this.channels = channels;
        this.conversions = conversions;
        this.value = value;
        this.nulls = nulls;
        this.ages = ages;
    }

    /**
     * A path without touch times.
     *
     * @param channels the channels touched, in order, not null, not empty, no blank entries
     * @param conversions how many times the path converted, zero or more
     * @param value the total conversion value, zero or more, finite
     * @param nulls how many times the path did not convert, zero or more
     * @return the path, not null
     * @throws NullPointerException if channels or one of them is null
     * @throws JourneyAnalyticsException if a rule above is broken
     */
    public static ChannelPath of(List<String> channels, long conversions, double value, long nulls) {
        return of(channels, conversions, value, nulls, List.of());
    }

    /**
     * A converting path whose touches carry the time from each touch to the conversion, for time decay.
     *
     * @param channels the channels touched, in order, not null, not empty, no blank entries
     * @param conversions how many times the path converted, zero or more
     * @param value the total conversion value, zero or more, finite
     * @param nulls how many times the path did not convert, zero or more
     * @param ages per touch, the time from the touch to the conversion, empty or as many as channels, none negative
     * @return the path, not null
     * @throws NullPointerException if an argument or an element is null
     * @throws JourneyAnalyticsException if a rule above is broken
     */
    public static ChannelPath of(List<String> channels, long conversions, double value, long nulls,
            List<Duration> ages) {
        List<String> copy = List.copyOf(channels);
        List<Duration> ageCopy = List.copyOf(ages);
        if (copy.isEmpty()) {
            throw new JourneyAnalyticsException(-1, "a channel path needs at least one channel", "empty path");
        }
        for (String channel : copy) {
            if (channel.isBlank()) {
                throw new JourneyAnalyticsException(-1, "channels must not be blank", "path " + copy);
            }
        }
        if (conversions < 0 || nulls < 0) {
            throw new JourneyAnalyticsException(-1, "conversion and null counts must not be negative",
                    "conversions " + conversions + ", nulls " + nulls);
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new JourneyAnalyticsException(-1, "the conversion value must be finite and not negative",
                    "value " + value);
        }
        if (!ageCopy.isEmpty() && ageCopy.size() != copy.size()) {
            throw new JourneyAnalyticsException(-1, "touch ages must be empty or one per channel",
                    ageCopy.size() + " ages for " + copy.size() + " channels");
        }
        for (Duration age : ageCopy) {
            if (age.isNegative()) {
                throw new JourneyAnalyticsException(-1, "touch ages must not be negative", "age " + age);
            }
        }
        return new ChannelPath(copy, conversions, value, nulls, ageCopy);
    }

    /**
     * The channels touched, in order.
     *
     * @return the channels, unmodifiable, not empty
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * How many times the path converted.
     *
     * @return the count, zero or more
     */
    public long conversions() {
        return conversions;
    }

    /**
     * The total value of the conversions.
     *
     * @return the value, zero or more
     */
    public double value() {
        return value;
    }

    /**
     * How many times the path did not convert.
     *
     * @return the count, zero or more
     */
    public long nulls() {
        return nulls;
    }

    /**
     * Per touch, the time from the touch to the conversion.
     *
     * @return the ages, unmodifiable, empty when not known
     */
    public List<Duration> ages() {
        return ages;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ChannelPath)) {
            return false;
        }
        ChannelPath that = (ChannelPath) other;
        return channels.equals(that.channels) && conversions == that.conversions
                && Double.compare(value, that.value) == 0 && nulls == that.nulls && ages.equals(that.ages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, conversions, value, nulls, ages);
    }

    @Override
    public String toString() {
        return String.join(" > ", channels) + " (conversions " + conversions + ", nulls " + nulls + ")";
    }
}
