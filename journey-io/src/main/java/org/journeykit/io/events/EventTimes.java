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
 * through the allocation-free parser of the JSON readers.
 */
final class EventTimes {

    static final String RULE = "must be an ISO-8601 date-time with an offset, such as 2026-03-01 09:30:00+01:00"
            + " (or without one when the importer has a zone)";

    /** The longest date-time the fast path takes, in characters: the size of a reader's scratch buffer. */
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

    private EventTimes() {}

    /**
     * Parses a date-time.
     *
     * @param text the cell, stripped, not empty
     * @param zone the zone of a date-time without offset, or null to refuse one
     * @param scratch a buffer of at least {@link #SCRATCH} characters the common shape is copied into (one per
     *     reader, so that no row allocates one)
     * @return the instant
     * @throws DateTimeParseException if the text is not such a date-time
     */
    static Instant parse(String text, @Nullable ZoneId zone, char[] scratch) {
        int length = text.length();
        if (length >= 20 && length <= SCRATCH && (text.charAt(length - 1) == 'Z' || text.charAt(length - 3) == ':'
                && (text.charAt(length - 6) == '+' || text.charAt(length - 6) == '-'))) {
            // The shape of Times' fast path (java.time decides anything else it meets).
            text.getChars(0, length, scratch, 0);
            if (scratch[10] == ' ') {
                scratch[10] = 'T';
            }
            return Times.instant(scratch, 0, length);
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
}
