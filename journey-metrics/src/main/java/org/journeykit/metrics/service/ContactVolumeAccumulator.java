package org.journeykit.metrics.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates contact volume: when customers get in touch (hour of day and weekday, in a configured time zone),
 * through which channel, and why (the contact reason).
 *
 * <p>From an {@link InteractionEvent} the channel is its {@code channelId} and the reason its {@code activity};
 * events without them are counted under {@link #UNKNOWN}. State: 24 + 7 counts plus one count per distinct
 * channel and reason.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class ContactVolumeAccumulator implements MetricAccumulator<ContactVolumeAccumulator, ContactVolume> {

    /** The channel or reason recorded for contacts that do not say. */
    public static final String UNKNOWN = "unknown";

    private final ZoneId zone;
    private final long[] byHour = new long[24];
    private final long[] byWeekday = new long[7];
    private final Map<String, Long> byChannel = new HashMap<>();
    private final Map<String, Long> byReason = new HashMap<>();
    private long total;

    private ContactVolumeAccumulator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * An empty accumulator counting hours and weekdays in a time zone.
     *
     * @param zone the zone of the contact centre's clock, not null
     * @return the accumulator, not null
     */
    public static ContactVolumeAccumulator of(ZoneId zone) {
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
     * @param time when the contact came in, not null
     * @param channelId the channel, or null if unknown
     * @param reason the contact reason, or null if unknown
     * @return this accumulator
     * @throws MetricInputException if the time is null; the state is unchanged
     */
    public ContactVolumeAccumulator add(@Nullable Instant time, @Nullable String channelId, @Nullable String reason) {
        if (time == null) {
            throw new MetricInputException("time", null, "must not be null");
        }
        LocalDateTime local = LocalDateTime.ofInstant(time, zone);
        byHour[local.getHour()]++;
        byWeekday[local.getDayOfWeek().getValue() - 1]++;
        byChannel.merge(channelId == null ? UNKNOWN : channelId, 1L, Long::sum);
        byReason.merge(reason == null ? UNKNOWN : reason, 1L, Long::sum);
        total++;
        return this;
    }

    /**
     * Counts one contact from an interaction event: its time, channel and activity (the reason).
     *
     * @param event the event, not null
     * @return this accumulator
     * @throws MetricInputException if the event is null; the state is unchanged
     */
    public ContactVolumeAccumulator add(@Nullable InteractionEvent event) {
        if (event == null) {
            throw new MetricInputException("event", null, "must not be null");
        }
        return add(event.getTime(), event.getChannelId().orElse(null), event.getActivity().orElse(null));
    }

    /**
     * Adds another accumulator's counts.
     *
     * @param other the other accumulator, not null, same zone; it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if the zones differ
     */
    @Override
    public ContactVolumeAccumulator merge(ContactVolumeAccumulator other) {
        if (!other.zone.equals(zone)) {
            throw new IncompatibleMergeException("contact volume", zone, other.zone);
        }
        for (int h = 0; h < 24; h++) {
            byHour[h] += other.byHour[h];
        }
        for (int d = 0; d < 7; d++) {
            byWeekday[d] += other.byWeekday[d];
        }
        other.byChannel.forEach((key, count) -> byChannel.merge(key, count, Long::sum));
        other.byReason.forEach((key, count) -> byReason.merge(key, count, Long::sum));
        total += other.total;
        return this;
    }

    /**
     * The volume over everything added.
     *
     * @return the result, or empty when no contact was added
     */
    @Override
    public Optional<ContactVolume> result() {
        if (total == 0) {
            return Optional.empty();
        }
        Map<DayOfWeek, Long> weekdays = new HashMap<>();
        for (int d = 0; d < 7; d++) {
            weekdays.put(DayOfWeek.of(d + 1), byWeekday[d]);
        }
        return Optional.of(new ContactVolume(zone, total, byHour.clone(), weekdays, byChannel, byReason));
    }
}
