package org.journeykit.io.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.journeykit.io.internal.Times;
import org.jspecify.annotations.Nullable;

/**
 * Reads the date-times event exports write: ISO-8601 with 'T' or a space, an optional fraction, an offset as
 * {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}, or no offset when a zone is given. The common shape goes
 * through the allocation-free parser of the JSON readers; a date-time on the same day with the same offset as the
 * one before (event logs are mostly in time order) only has its time of day read.
 *
 * <p>One per reader: not thread-safe.
 */
final class EventTimes {

    static final String RULE = "must be an ISO-8601 date-time with an offset, such as 2026-03-01 09:30:00+01:00"
            + " (or without one when the importer has a zone)";

    /** The longest date-time the fast path takes, in characters. */
    static final int SCRATCH = 35;

    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    /** Where the time of day starts and ends in {@code yyyy-MM-dd HH:mm:ss}. */
    private static final int TIME_OF_DAY = 11;
    private static final int SECONDS_END = 19;

    private final @Nullable ZoneId zone;
    private final char[] scratch = new char[SCRATCH];
    /**
     * The last date-time read in full without a fraction, {@code yyyy-MM-dd?HH:mm:ss} and {@code Z} or an offset
     * {@code +HH:MM}; empty when none yet.
     */
    private String last = "";
    /** The instant of midnight of {@link #last}'s day in its offset, in epoch seconds. */
    private long midnight;

    /**
     * A parser for one reader.
     *
     * @param zone the zone of a date-time without offset, or null to refuse one
     */
    EventTimes(@Nullable ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Parses a date-time.
     *
     * @param text the cell, stripped, not empty
     * @return the instant
     * @throws DateTimeParseException if the text is not such a date-time
     */
    Instant parse(String text) {
        int length = text.length();
        if (length == last.length() && sameDayAndOffset(text, length)) {
            int hour = Times.twoDigits(text, TIME_OF_DAY);
            int minute = Times.twoDigits(text, TIME_OF_DAY + 3);
            int second = Times.twoDigits(text, TIME_OF_DAY + 6);
            if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                    && text.charAt(10) == last.charAt(10) && text.charAt(13) == ':' && text.charAt(16) == ':') {
                return Instant.ofEpochSecond(midnight + hour * 3600L + minute * 60L + second);
            }
        }
        if (length >= 20 && length <= SCRATCH && (text.charAt(length - 1) == 'Z' || text.charAt(length - 3) == ':'
                && (text.charAt(length - 6) == '+' || text.charAt(length - 6) == '-'))) {
            // The shape of Times' fast path (java.time decides anything else it meets).
            text.getChars(0, length, scratch, 0);
            if (scratch[10] == ' ') {
                scratch[10] = 'T';
            }
            Instant instant = Times.instant(scratch, 0, length);
            int hour = Times.twoDigits(text, TIME_OF_DAY);
            int minute = Times.twoDigits(text, TIME_OF_DAY + 3);
            int second = Times.twoDigits(text, TIME_OF_DAY + 6);
            if ((length == SECONDS_END + 1 || length == SECONDS_END + 6) && text.charAt(SECONDS_END) != '.'
                    && (hour | minute | second) >= 0) {
                last = text;
                midnight = instant.getEpochSecond() - hour * 3600L - minute * 60L - second;
            }
            return instant;
        }
        TemporalAccessor parsed = FLEXIBLE.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).toInstant();
        }
        if (zone == null) {
            throw new DateTimeParseException("no offset", text, 0);
        }
        return LocalDateTime.from(parsed).atZone(zone).toInstant();
    }

    /** Whether the text has {@link #last}'s date and offset (the length is the same). */
    private boolean sameDayAndOffset(String text, int length) {
        for (int i = 0; i < 10; i++) {
            if (text.charAt(i) != last.charAt(i)) {
                return false;
            }
        }
        for (int i = SECONDS_END; i < length; i++) {
            if (text.charAt(i) != last.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
