package org.journeykit.metrics.journeys.attribution;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * One path of channel touches with what followed it: how many times it ended in a conversion (and their total
 * value) and how many times it did not (a "null" path).
 *
 * <p>For time-decay attribution a path may carry, per touch, the time from that touch to the conversion.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChannelPath {

    /** The longest channel name, in characters: the longest step name of journey analytics. */
    public static final int MAX_CHANNEL_LENGTH = PathAccumulator.MAX_STEP_LENGTH;

    /** The longest touch age: the span from {@link TimeLimits#EARLIEST} to {@link TimeLimits#LATEST}. */
    public static final Duration MAX_AGE = Duration.between(TimeLimits.EARLIEST, TimeLimits.LATEST);

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
     * @param channels the channels touched, in order, not null, not empty, no blank entries, each at most {@value #MAX_CHANNEL_LENGTH} characters
     * @param conversions how many times the path converted, zero or more
     * @param value the total conversion value, zero or more, finite
     * @param nulls how many times the path did not convert, zero or more
     * @return the path, not null
     * @throws NullPointerException if channels or one of them is null
     * @throws MetricInputException if a rule above is broken
     */
    public static ChannelPath of(List<String> channels, long conversions, double value, long nulls) {
        return of(channels, conversions, value, nulls, List.of());
    }

    /**
     * A converting path whose touches carry the time from each touch to the conversion, for time decay.
     *
     * @param channels the channels touched, in order, not null, not empty, no blank entries, each at most {@value #MAX_CHANNEL_LENGTH} characters
     * @param conversions how many times the path converted, zero or more
     * @param value the total conversion value, zero or more, finite
     * @param nulls how many times the path did not convert, zero or more
     * @param ages per touch, the time from the touch to the conversion, empty or as many as channels, none negative or
     *     longer than {@link #MAX_AGE}
     * @return the path, not null
     * @throws NullPointerException if an argument or an element is null
     * @throws MetricInputException if a rule above is broken
     */
    public static ChannelPath of(List<String> channels, long conversions, double value, long nulls,
            List<Duration> ages) {
        List<String> copy = List.copyOf(channels);
        List<Duration> ageCopy = List.copyOf(ages);
        if (copy.isEmpty()) {
            throw new MetricInputException("channels", copy, "must hold at least one channel");
        }
        for (String channel : copy) {
            if (channel.isBlank() || channel.length() > MAX_CHANNEL_LENGTH) {
                throw new MetricInputException("channel", shorten(channel),
                        "must not be blank and have at most " + MAX_CHANNEL_LENGTH + " characters");
            }
        }
        if (conversions < 0 || nulls < 0) {
            throw new MetricInputException("conversions and nulls", conversions + " and " + nulls,
                    "must not be negative");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new MetricInputException("value", value, "must be finite and not negative");
        }
        if (!ageCopy.isEmpty() && ageCopy.size() != copy.size()) {
            throw new MetricInputException("ages", ageCopy.size() + " ages for " + copy.size() + " channels",
                    "must be empty or one per channel");
        }
        for (Duration age : ageCopy) {
            if (age.isNegative() || age.compareTo(MAX_AGE) > 0) {
                throw new MetricInputException("age", age, "must be from zero to " + MAX_AGE
                        + " (the span of TimeLimits)");
            }
        }
        return new ChannelPath(copy, conversions, value + 0.0, nulls, ageCopy);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
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

    /**
     * Whether another object is a path with the same channels, counts, value and ages.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof ChannelPath)) {
            return false;
        }
        ChannelPath that = (ChannelPath) other;
        return channels.equals(that.channels) && conversions == that.conversions
                && Double.compare(value, that.value) == 0 && nulls == that.nulls && ages.equals(that.ages);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(channels, conversions, value, nulls, ages);
    }

    /**
     * The path as text.
     *
     * @return the channels joined with {@code " > "} and the counts, not null
     */
    @Override
    public String toString() {
        return String.join(" > ", channels) + " (conversions " + conversions + ", nulls " + nulls + ")";
    }
}
