package org.journeykit.metrics.journeys.attribution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates channel paths: {@linkplain #create() create}, {@linkplain #add(ChannelPath) add},
 * {@linkplain #merge(ChannelPathAccumulator) merge}, {@linkplain #result() result}, {@linkplain #toBytes() toBytes}
 * and {@linkplain #fromBytes(byte[]) fromBytes}, as every {@link MetricAccumulator}.
 *
 * <p>Paths with the same channel sequence and the same touch ages (none, for most paths) are summed into one:
 * conversions and nulls exactly as longs, the value exactly as a decimal (the exact sum of the doubles added), so
 * the result does not depend on the order of adding or merging. Every attribution model is linear in a path's
 * conversions and value, so summing changes no attribution beyond floating-point rounding. Memory is proportional
 * to the number of distinct paths. Limits: channel names as {@link ChannelPath} allows them, a total value of at most
 * {@code Double.MAX_VALUE} per path.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class ChannelPathAccumulator implements MetricAccumulator<ChannelPathAccumulator, ChannelPaths> {

    private static final String METRIC = "channel paths";
    private static final int VERSION = 1;
    /** The largest exact value, {@code Double.MAX_VALUE}. */
    private static final BigDecimal MAX_VALUE = new BigDecimal(Double.MAX_VALUE);
    /** The smallest scale of a stripped value up to {@link #MAX_VALUE}. */
    private static final int MIN_SCALE = -309;
    /** The largest scale of an exact sum of doubles: the smallest double is 2^-1074. */
    private static final int MAX_SCALE = 1074;
    /** The most bytes of the unscaled value of a value up to {@link #MAX_VALUE} with scale at most 1074. */
    private static final int MAX_UNSCALED_BYTES = 600;
    private static final long MAX_AGE_SECONDS = ChannelPath.MAX_AGE.getSeconds();

    /** Orders paths by channels (element by element, a path before its extensions), then by ages likewise. */
    private static final Comparator<Key> ORDER = (a, b) -> {
        int c = compare(a.channels(), b.channels());
        return c != 0 ? c : compare(a.ages(), b.ages());
    };

    private final TreeMap<Key, Totals> paths = new TreeMap<>(ORDER);

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
     * @throws MetricInputException if the path's summed conversions or nulls would exceed {@code Long.MAX_VALUE} or
     *     its summed value {@code Double.MAX_VALUE}; this accumulator is then unchanged
     */
    public ChannelPathAccumulator add(ChannelPath path) {
        Objects.requireNonNull(path, "path");
        Key key = new Key(path.channels(), path.ages());
        paths.put(key, sum(paths.get(key), new Totals(path.conversions(), new BigDecimal(path.value()), path.nulls())));
        return this;
    }

    /**
     * Adds the channel paths of actual journeys whose steps are channels (for example built with
     * {@code EventMapping.by(Source.CHANNEL)}), with one step marking the conversion. Either all journeys are added or,
     * when one breaks a rule, none is.
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
     * @throws MetricInputException if a channel name breaks the rules of {@link ChannelPath} or a sum would exceed
     *     {@code Long.MAX_VALUE}; this accumulator is then unchanged
     */
    public ChannelPathAccumulator add(ActualJourneys source, String conversionStep) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(conversionStep, "conversionStep");
        int conversion = source.codeOf(conversionStep).orElse(-1);
        ChannelPathAccumulator delta = new ChannelPathAccumulator();
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
            delta.add(ChannelPath.of(channels, converted ? 1 : 0, 0.0, converted ? 0 : 1));
        }
        return merge(delta);
    }

    /**
     * Adds every path of another accumulator. Channel path accumulators have no configuration, so any two merge.
     *
     * @param other the other accumulator, not null, left unchanged unless it is this accumulator, which then
     *     doubles
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws MetricInputException if a path's summed conversions or nulls would exceed {@code Long.MAX_VALUE} or
     *     its summed value {@code Double.MAX_VALUE}; this accumulator is then unchanged
     */
    @Override
    public ChannelPathAccumulator merge(ChannelPathAccumulator other) {
        Objects.requireNonNull(other, "other");
        List<Map.Entry<Key, Totals>> theirs = new ArrayList<>(other.paths.entrySet());
        List<Totals> merged = new ArrayList<>(theirs.size());
        for (Map.Entry<Key, Totals> entry : theirs) {
            merged.add(sum(paths.get(entry.getKey()), entry.getValue()));
        }
        for (int i = 0; i < theirs.size(); i++) {
            paths.put(theirs.get(i).getKey(), merged.get(i));
        }
        return this;
    }

    private static Totals sum(@Nullable Totals mine, Totals theirs) {
        if (mine == null) {
            return theirs;
        }
        BigDecimal value = mine.value().add(theirs.value());
        if (value.compareTo(MAX_VALUE) > 0) {
            throw new MetricInputException(METRIC + " value", value.doubleValue(),
                    "must not exceed " + Double.MAX_VALUE + " (Double.MAX_VALUE) per path");
        }
        return new Totals(Checked.add(mine.conversions(), theirs.conversions(), METRIC), value,
                Checked.add(mine.nulls(), theirs.nulls(), METRIC));
    }

    /**
     * The aggregated paths: one per distinct channel sequence and touch ages, ordered by channels (compared one by
     * one with {@link String#compareTo}, a path before its own extensions), then paths without ages before those
     * with, then by ages likewise. The value of each is the exact sum rounded to the nearest double.
     *
     * @return the paths, or empty when no path was added, not null
     */
    @Override
    public Optional<ChannelPaths> result() {
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        List<ChannelPath> list = new ArrayList<>(paths.size());
        paths.forEach((key, totals) -> list.add(ChannelPath.of(key.channels(), totals.conversions(),
                totals.value().doubleValue(), totals.nulls(), key.ages())));
        return Optional.of(new ChannelPaths(list));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: tag 14 (channel paths), format version 1. The payload,
     * big-endian:
     * <pre>
     * int     n, the number of distinct paths
     * n x     int k, the channels (at least 1), k x channel (int UTF-8 length, UTF-8 bytes; 1 to 200 characters,
     *         not blank);
     *         int a, the ages (0 or k), a x (long seconds 0 to 315,537,897,599, int nanoseconds 0 to 999,999,999;
     *         at most ChannelPath.MAX_AGE);
     *         long conversions (0 or more); long nulls (0 or more);
     *         value: int scale (-309 to 1074), int length (1 to 600), that many bytes of the unscaled value
     *         (big-endian two's complement, minimal); the value is the exact decimal unscaled x 10^-scale, not
     *         negative, at most Double.MAX_VALUE, without trailing zeros (zero as unscaled 0, scale 0)
     * </pre>
     * The paths are distinct and in the order of {@link #result()}. Equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter out = StateWriter.start(StateTag.CHANNEL_PATHS, VERSION, 16 + 64 * paths.size());
        out.writeInt(paths.size());
        paths.forEach((key, totals) -> {
            out.writeInt(key.channels().size());
            key.channels().forEach(out::writeString);
            out.writeInt(key.ages().size());
            for (Duration age : key.ages()) {
                out.writeLong(age.getSeconds()).writeInt(age.getNano());
            }
            out.writeLong(totals.conversions()).writeLong(totals.nulls());
            BigDecimal value = totals.value();
            out.writeInt(value.scale()).writeSized(value.unscaledValue().toByteArray());
        });
        return out.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, checking every rule of its layout.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws NullPointerException if bytes is null
     * @throws StateFormatException if the bytes are not a channel paths state of a known version or break a rule of
     *     the layout (the message names the offset and the rule)
     */
    public static ChannelPathAccumulator fromBytes(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.CHANNEL_PATHS, VERSION);
        int n = in.readSize("path", Integer.MAX_VALUE, 38);
        ChannelPathAccumulator accumulator = new ChannelPathAccumulator();
        Key previous = null;
        for (int i = 0; i < n; i++) {
            int at = in.offset();
            int k = in.readSize("channel", Integer.MAX_VALUE, 5);
            if (k == 0) {
                throw in.problem(at, 0, "a path must have at least one channel");
            }
            List<String> channels = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                int channelAt = in.offset();
                String channel = in.readString("channel", 3 * ChannelPath.MAX_CHANNEL_LENGTH);
                if (channel.isBlank() || channel.length() > ChannelPath.MAX_CHANNEL_LENGTH) {
                    throw in.problem(channelAt, channel.length() + " characters", "a channel must not be blank and "
                            + "have at most " + ChannelPath.MAX_CHANNEL_LENGTH + " characters");
                }
                channels.add(channel);
            }
            int agesAt = in.offset();
            int a = in.readSize("age", k, 12);
            if (a != 0 && a != k) {
                throw in.problem(agesAt, a, "a path must have no ages or one per channel (" + k + ")");
            }
            List<Duration> ages = new ArrayList<>(a);
            for (int c = 0; c < a; c++) {
                long seconds = in.readLong("age seconds", 0, MAX_AGE_SECONDS);
                int nanos = in.readInt("age nanoseconds", 0, 999_999_999);
                Duration age = Duration.ofSeconds(seconds, nanos);
                if (age.compareTo(ChannelPath.MAX_AGE) > 0) {
                    throw in.problem(in.offset() - 12, age, "an age must be at most " + ChannelPath.MAX_AGE);
                }
                ages.add(age);
            }
            Key key = new Key(List.copyOf(channels), List.copyOf(ages));
            if (previous != null && ORDER.compare(previous, key) >= 0) {
                throw in.problem(at, k + " channels", "paths must be distinct and in ascending order");
            }
            previous = key;
            long conversions = in.readCount("conversions");
            long nulls = in.readCount("nulls");
            int scaleAt = in.offset();
            int scale = in.readInt("value scale", MIN_SCALE, MAX_SCALE);
            int unscaledAt = in.offset();
            byte[] unscaledBytes = in.readSized("value", MAX_UNSCALED_BYTES);
            if (unscaledBytes.length == 0) {
                throw in.problem(unscaledAt, 0, "a value needs at least one byte");
            }
            BigInteger unscaled = new BigInteger(unscaledBytes);
            BigDecimal value = new BigDecimal(unscaled, scale);
            boolean canonical = unscaled.signum() == 0 ? scale == 0
                    : unscaled.signum() > 0 && unscaled.mod(BigInteger.TEN).signum() != 0;
            if (!canonical || unscaled.toByteArray().length != unscaledBytes.length) {
                throw in.problem(scaleAt, scale, "a value must be minimal, not negative and without trailing zeros");
            }
            if (value.compareTo(MAX_VALUE) > 0) {
                throw in.problem(scaleAt, value.doubleValue(), "a value must be at most Double.MAX_VALUE");
            }
            accumulator.paths.put(key, new Totals(conversions, value, nulls));
        }
        in.end();
        return accumulator;
    }

    private static <T extends Comparable<? super T>> int compare(List<T> a, List<T> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A distinct path: its channels and its touch ages (empty when unknown). */
    private record Key(List<String> channels, List<Duration> ages) {}

    /** The exact sums of one distinct path. The value is stripped of trailing zeros, so equal sums are equal. */
    private record Totals(long conversions, BigDecimal value, long nulls) {
        Totals {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    }
}
