package org.journeykit.metrics.service;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.model.Ids;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates contact volume: when customers get in touch (hour of day and weekday, in a configured time zone),
 * through which channel, and why (the contact reason).
 *
 * <p>From an {@link InteractionEvent} the channel is its {@code channelId} and the reason its {@code activity};
 * contacts without them are counted under {@link #UNKNOWN}. A channel is a text of 1 to {@value #MAX_CHANNEL_LENGTH}
 * characters and a reason one of 1 to {@value #MAX_REASON_LENGTH} (the model's limits for a channel id and an
 * activity), neither blank nor holding a lone surrogate. Times must lie in {@link TimeLimits}' range.
 *
 * <p>State: 24 + 7 counts plus one count per distinct channel and reason. Every count is at most the total, and the
 * total at most {@code Long.MAX_VALUE}: an add or merge that would pass it raises {@link MetricInputException}.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class ContactVolumeAccumulator implements MetricAccumulator<ContactVolumeAccumulator, ContactVolume> {

    /** The channel or reason recorded for contacts that do not say. */
    public static final String UNKNOWN = "unknown";

    /** The longest channel, in characters: the model's id limit, {@link Ids#MAX_LENGTH}. */
    public static final int MAX_CHANNEL_LENGTH = Ids.MAX_LENGTH;

    /** The longest contact reason, in characters: the model's limit for an event's activity. */
    public static final int MAX_REASON_LENGTH = 200;

    /** The longest zone id in the byte form, in UTF-8 bytes (the longest region id has about 30). */
    static final int MAX_ZONE_BYTES = 64;

    private static final String METRIC = "contact volume";
    private static final int FORMAT_VERSION = 1;
    private static final int HOURS = 24;
    private static final int DAYS = 7;

    private final ZoneId zone;
    private final long[] byHour = new long[HOURS];
    private final long[] byWeekday = new long[DAYS];
    private final TreeMap<String, Long> byChannel = new TreeMap<>();
    private final TreeMap<String, Long> byReason = new TreeMap<>();
    private long total;

    private ContactVolumeAccumulator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * An empty accumulator counting hours and weekdays in a time zone: the identity of {@link #merge} for that
     * zone. The zone is the accumulator's configuration; accumulators of different zones do not merge.
     *
     * @param zone the zone of the contact centre's clock, not null
     * @return a new accumulator, not null
     * @throws NullPointerException if the zone is null
     */
    public static ContactVolumeAccumulator create(ZoneId zone) {
        return new ContactVolumeAccumulator(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * The zone hours and weekdays are counted in.
     *
     * @return the zone, not null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Counts one contact.
     *
     * @param time when the contact came in, not null, within {@link TimeLimits}
     * @param channelId the channel, 1 to {@value #MAX_CHANNEL_LENGTH} characters, or null if unknown
     * @param reason the contact reason, 1 to {@value #MAX_REASON_LENGTH} characters, or null if unknown
     * @return this accumulator
     * @throws MetricInputException if the time is null or outside {@link TimeLimits}, a channel or reason is blank,
     *     too long or holds a lone surrogate, or the total would exceed {@code Long.MAX_VALUE}; the state is
     *     unchanged
     */
    public ContactVolumeAccumulator add(@Nullable Instant time, @Nullable String channelId, @Nullable String reason) {
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        if (!TimeLimits.isSupported(time)) {
            throw new MetricInputException("time", time, TimeLimits.RULE);
        }
        String channel = channelId == null ? UNKNOWN : checkText("channelId", channelId, MAX_CHANNEL_LENGTH);
        String why = reason == null ? UNKNOWN : checkText("reason", reason, MAX_REASON_LENGTH);
        long newTotal = Checked.add(total, 1, METRIC);
        LocalDateTime local = LocalDateTime.ofInstant(time, zone);
        // Every count below is at most the total, which did not overflow: they cannot overflow either.
        byHour[local.getHour()]++;
        byWeekday[local.getDayOfWeek().getValue() - 1]++;
        byChannel.merge(channel, 1L, Long::sum);
        byReason.merge(why, 1L, Long::sum);
        total = newTotal;
        return this;
    }

    /**
     * Counts one contact from an interaction event: its time, channel and activity (the reason).
     *
     * @param event the event, not null
     * @return this accumulator
     * @throws MetricInputException if the event is null, or as {@link #add(Instant, String, String)}; the state is
     *     unchanged
     */
    public ContactVolumeAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getTime(), event.getChannelId().orElse(null), event.getActivity().orElse(null));
    }

    private static String checkText(String input, String value, int maxLength) {
        if (value.isBlank()) {
            throw new MetricInputException(input, value, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new MetricInputException(input, value.substring(0, 20) + "...",
                    "must be at most " + maxLength + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MetricInputException(input, "char " + i, "must not hold a lone surrogate");
            }
        }
        return value;
    }

    /**
     * Adds another accumulator's counts; merging an accumulator with itself doubles every count.
     *
     * @param other the other accumulator, not null, same zone; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws IncompatibleMergeException if the zones differ; the state is unchanged
     * @throws MetricInputException if the total would exceed {@code Long.MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public ContactVolumeAccumulator merge(ContactVolumeAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!other.zone.equals(zone)) {
            throw new IncompatibleMergeException(METRIC, zone, other.zone);
        }
        long newTotal = Checked.add(total, other.total, METRIC);
        // Snapshot first: when other is this accumulator, its counts must not be read while they are written.
        long[] hours = other.byHour.clone();
        long[] days = other.byWeekday.clone();
        Map<String, Long> channels = new TreeMap<>(other.byChannel);
        Map<String, Long> reasons = new TreeMap<>(other.byReason);
        // Every count is at most its total and the new total did not overflow, so no sum below overflows.
        for (int h = 0; h < HOURS; h++) {
            byHour[h] += hours[h];
        }
        for (int d = 0; d < DAYS; d++) {
            byWeekday[d] += days[d];
        }
        channels.forEach((key, count) -> byChannel.merge(key, count, Long::sum));
        reasons.forEach((key, count) -> byReason.merge(key, count, Long::sum));
        total = newTotal;
        return this;
    }

    /**
     * The volume over everything added.
     *
     * @return the result, or empty when no contact was added; not null
     */
    @Override
    public Optional<ContactVolume> result() {
        if (total == 0) {
            return Optional.empty();
        }
        Map<DayOfWeek, Long> weekdays = new EnumMap<>(DayOfWeek.class);
        for (int d = 0; d < DAYS; d++) {
            weekdays.put(DayOfWeek.of(d + 1), byWeekday[d]);
        }
        return Optional.of(new ContactVolume(zone, total, byHour.clone(), weekdays, byChannel, byReason));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: header {@code 'J' 'K'}, tag 8 (contact volume),
     * format version 1, then the payload, big-endian, texts as an int byte length and UTF-8:
     * <pre>
     * zone id            text, at most 64 bytes, as ZoneId.getId() writes it
     * total              long, 0 to Long.MAX_VALUE
     * hours              24 longs, hour 0 first, adding up to the total
     * weekdays           7 longs, Monday first, adding up to the total
     * channels           int n, then n times (channel text, count long at least 1), sorted by channel,
     *                    counts adding up to the total
     * reasons            int n, then n times (reason text, count long at least 1), sorted by reason,
     *                    counts adding up to the total
     * </pre>
     * Channels and reasons follow the rules of {@link #add(Instant, String, String)}; entries are sorted by
     * {@link String#compareTo}, so equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter writer = StateWriter.start(StateTag.CONTACT_VOLUME, FORMAT_VERSION,
                300 + 40 * (byChannel.size() + byReason.size()));
        writer.writeString(zone.getId()).writeLong(total);
        for (long count : byHour) {
            writer.writeLong(count);
        }
        for (long count : byWeekday) {
            writer.writeLong(count);
        }
        writeCounts(writer, byChannel);
        writeCounts(writer, byReason);
        return writer.toByteArray();
    }

    private static void writeCounts(StateWriter writer, TreeMap<String, Long> counts) {
        writer.writeInt(counts.size());
        counts.forEach((key, count) -> writer.writeString(key).writeLong(count));
    }

    /**
     * Reads a state written by {@link #toBytes()}.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws StateFormatException if the bytes are not a contact-volume state of a known version, or break a rule
     *     of the layout (an unknown or non-canonical zone id, a negative count, counts that do not add up to the
     *     total, channels or reasons out of order, repeated, blank, too long or malformed, bytes missing or left
     *     over)
     * @throws NullPointerException if {@code bytes} is null
     */
    public static ContactVolumeAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.CONTACT_VOLUME, FORMAT_VERSION);
        int zoneAt = reader.offset();
        String zoneId = reader.readString("zone id", MAX_ZONE_BYTES);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw reader.problem(zoneAt, zoneId, "zone id must be a known time zone");
        }
        if (!zone.getId().equals(zoneId)) {
            throw reader.problem(zoneAt, zoneId, "zone id must be written as " + zone.getId());
        }
        ContactVolumeAccumulator accumulator = new ContactVolumeAccumulator(zone);
        int totalAt = reader.offset();
        accumulator.total = reader.readCount("total");
        readCounts(reader, accumulator.byHour, "hour", totalAt, accumulator.total);
        readCounts(reader, accumulator.byWeekday, "weekday", totalAt, accumulator.total);
        readCounts(reader, accumulator.byChannel, "channel", MAX_CHANNEL_LENGTH, accumulator.total);
        readCounts(reader, accumulator.byReason, "reason", MAX_REASON_LENGTH, accumulator.total);
        reader.end();
        return accumulator;
    }

    private static void readCounts(StateReader reader, long[] counts, String what, int totalAt, long total) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            int at = reader.offset();
            counts[i] = reader.readCount(what + " count");
            sum += counts[i];
            if (sum < 0 || sum > total) {
                throw reader.problem(at, counts[i], what + " counts must add up to the total at byte " + totalAt);
            }
        }
        if (sum != total) {
            throw reader.problem(reader.offset() - 8, sum, what + " counts must add up to the total " + total);
        }
    }

    private static void readCounts(StateReader reader, TreeMap<String, Long> counts, String what, int maxLength,
            long total) {
        // An entry takes at least 4 (length) + 1 (text) + 8 (count) bytes.
        int size = reader.readSize(what, Integer.MAX_VALUE, 13);
        long sum = 0;
        String previous = null;
        for (int i = 0; i < size; i++) {
            int at = reader.offset();
            // UTF-8 takes at most 3 bytes per UTF-16 char (a surrogate pair, 2 chars, takes 4 bytes).
            String key = reader.readString(what, 3 * maxLength);
            if (key.isBlank() || key.length() > maxLength) {
                throw reader.problem(at, key.length() + " chars", what + " must be 1 to " + maxLength
                        + " characters, not blank");
            }
            if (previous != null && previous.compareTo(key) >= 0) {
                throw reader.problem(at, key.length() + " chars", what + "s must be sorted and distinct");
            }
            int countAt = reader.offset();
            long count = reader.readLong(what + " count", 1, Long.MAX_VALUE);
            sum += count;
            if (sum < 0 || sum > total) {
                throw reader.problem(countAt, count, what + " counts must add up to the total " + total);
            }
            counts.put(key, count);
            previous = key;
        }
        if (sum != total) {
            throw reader.problem(reader.offset(), sum, what + " counts must add up to the total " + total);
        }
    }
}
