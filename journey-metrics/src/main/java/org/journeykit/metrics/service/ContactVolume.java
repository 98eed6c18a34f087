package org.journeykit.metrics.service;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Contact volume over at least one contact: counts by hour of day, weekday, channel and reason, the channel
 * preference shares and the top reasons. Maps come back in a fixed order: weekdays Monday first, channels and
 * reasons sorted by their text ({@link String#compareTo}), however the counts were accumulated or merged.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ContactVolume {

    private final ZoneId zone;
    private final long total;
    private final long[] byHour;
    private final Map<DayOfWeek, Long> byWeekday;
    private final Map<String, Long> byChannel;
    private final Map<String, Long> byReason;

    ContactVolume(ZoneId zone, long total, long[] byHour, Map<DayOfWeek, Long> byWeekday,
            Map<String, Long> byChannel, Map<String, Long> byReason) {
        this.zone = zone;
        this.total = total;
        this.byHour = byHour;
        this.byWeekday = Collections.unmodifiableMap(new EnumMap<>(byWeekday));
        this.byChannel = Collections.unmodifiableMap(new TreeMap<>(byChannel));
        this.byReason = Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    /**
     * Rebuilds a contact volume from its counts, as {@link #hourly()}, {@link #byWeekday(DayOfWeek)},
     * {@link #byChannel()} and {@link #byReason()} give them (for a stored result, such as its JSON form). Every
     * breakdown counts every contact once, so each adds up to the same total.
     *
     * @param zone the zone hours and weekdays were counted in, not null
     * @param hourly the contacts per hour of day, hour 0 first: 24 counts, none negative, adding up to at least 1;
     *     not null, copied
     * @param byWeekday the contacts per weekday, not null; a missing weekday counts 0; none negative
     * @param byChannel the contacts per channel id, not null; keys not blank, counts at least 1
     * @param byReason the contacts per reason, not null; keys not blank, counts at least 1
     * @return the contact volume, not null
     * @throws MetricInputException if there are not 24 hours, a count is out of range, a key is blank, the counts
     *     add up to more than {@code Long.MAX_VALUE}, or the breakdowns do not add up to the same total
     * @throws NullPointerException if an argument, key or count is null
     */
    public static ContactVolume of(ZoneId zone, long[] hourly, Map<DayOfWeek, Long> byWeekday,
            Map<String, Long> byChannel, Map<String, Long> byReason) {
        Objects.requireNonNull(zone, "zone");
        if (hourly.length != 24) {
            throw new MetricInputException("hourly", hourly.length + " counts", "must be 24, one per hour of day");
        }
        long total = 0;
        for (int h = 0; h < 24; h++) {
            total = sum(total, hourly[h], "hourly[" + h + "]", 0);
        }
        if (total < 1) {
            throw new MetricInputException("hourly", 0, "must add up to at least 1: a volume has contacts");
        }
        Map<DayOfWeek, Long> weekdays = new EnumMap<>(DayOfWeek.class);
        long days = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            long count = byWeekday.getOrDefault(Objects.requireNonNull(day), 0L);
            days = sum(days, count, "byWeekday[" + day + "]", 0);
            weekdays.put(day, count);
        }
        checkTotal("byWeekday", days, total);
        checkTotal("byChannel", keyed("byChannel", byChannel), total);
        checkTotal("byReason", keyed("byReason", byReason), total);
        return new ContactVolume(zone, total, hourly.clone(), weekdays, byChannel, byReason);
    }

    private static long keyed(String name, Map<String, Long> counts) {
        long total = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (Objects.requireNonNull(entry.getKey(), name + " key").isBlank()) {
                throw new MetricInputException(name + " key", "blank", "must not be blank");
            }
            total = sum(total, Objects.requireNonNull(entry.getValue(), name + " count"), name + " count", 1);
        }
        return total;
    }

    private static long sum(long total, long count, String name, long min) {
        if (count < min) {
            throw new MetricInputException(name, count, "must be at least " + min);
        }
        if (total > Long.MAX_VALUE - count) {
            throw new MetricInputException(name, count, "must keep the total within " + Long.MAX_VALUE);
        }
        return total + count;
    }

    private static void checkTotal(String name, long sum, long total) {
        if (sum != total) {
            throw new MetricInputException(name, sum, "must add up to the total of the hours, " + total);
        }
    }

    /**
     * The zone hours and weekdays were counted in.
     *
     * @return the zone, not null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The number of contacts.
     *
     * @return at least 1
     */
    public long total() {
        return total;
    }

    /**
     * The contacts that came in during an hour of the day (local time).
     *
     * @param hour the hour, 0 to 23
     * @return the count, not negative
     * @throws MetricInputException if the hour is out of range
     */
    public long byHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw new MetricInputException("hour", hour, "must be from 0 to 23");
        }
        return byHour[hour];
    }

    /**
     * The contacts per hour of day, hour 0 first.
     *
     * @return a new array of 24 counts, not null
     */
    public long[] hourly() {
        return byHour.clone();
    }

    /**
     * The contacts that came in on a weekday (local time).
     *
     * @param day the weekday, not null
     * @return the count, not negative
     * @throws NullPointerException if the day is null
     */
    public long byWeekday(DayOfWeek day) {
        Objects.requireNonNull(day, "day");
        return byWeekday.getOrDefault(day, 0L);
    }

    /**
     * The contacts per channel id ({@value ContactVolumeAccumulator#UNKNOWN} for those without one).
     *
     * @return an unmodifiable map sorted by channel id, counts at least 1, not null
     */
    public Map<String, Long> byChannel() {
        return byChannel;
    }

    /**
     * The channel preference: the share of contacts that used a channel.
     *
     * @param channelId the channel id, not null
     * @return the share, in [0, 1]; 0 for a channel never used
     * @throws NullPointerException if the channel id is null
     */
    public double channelShare(String channelId) {
        Objects.requireNonNull(channelId, "channelId");
        return byChannel.getOrDefault(channelId, 0L) / (double) total;
    }

    /**
     * The contacts per reason ({@value ContactVolumeAccumulator#UNKNOWN} for those without one).
     *
     * @return an unmodifiable map sorted by reason, counts at least 1, not null
     */
    public Map<String, Long> byReason() {
        return byReason;
    }

    /**
     * The most frequent contact reasons, most frequent first, ties by name.
     *
     * @param limit the maximum number of reasons, at least 1
     * @return an unmodifiable list of (reason, count) entries, not null
     * @throws MetricInputException if the limit is below 1
     */
    public List<Map.Entry<String, Long>> topReasons(int limit) {
        if (limit < 1) {
            throw new MetricInputException("limit", limit, "must be at least 1");
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(byReason.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(limit, entries.size()))) {
            top.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return List.copyOf(top);
    }

    /**
     * Whether another object is a contact volume with the same zone and counts.
     *
     * @param other the object, or null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof ContactVolume)) {
            return false;
        }
        ContactVolume that = (ContactVolume) other;
        return zone.equals(that.zone) && total == that.total && Arrays.equals(byHour, that.byHour)
                && byWeekday.equals(that.byWeekday) && byChannel.equals(that.byChannel)
                && byReason.equals(that.byReason);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(zone, total, Arrays.hashCode(byHour), byWeekday, byChannel, byReason);
    }

    /**
     * A readable form, such as {@code "120 contacts; busiest hour 10:00 (18); channels {phone=70, chat=50}"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            if (byHour[h] > byHour[busiest]) {
                busiest = h;
            }
        }
        return String.format(Locale.ROOT, "%d contacts; busiest hour %02d:00 (%d); channels %s; top reasons %s",
                total, busiest, byHour[busiest], byChannel, topReasons(3));
    }
}
