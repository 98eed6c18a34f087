package org.journeykit.io.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the instants and durations of the format. The common shapes are parsed by hand, without allocating
 * (JSON Lines imports read millions of them; {@link OffsetDateTime#parse} costs about a microsecond each); every
 * other text goes to {@code java.time}, which stays the definition of what is valid. The hand-written parsers
 * accept a subset of what {@code java.time} accepts and give the same value for it (a property test checks both).
 */
public final class Times {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private Times() {}

    /**
     * Parses an ISO-8601 instant ({@code 2026-03-01T09:30:00Z}) or offset date-time
     * ({@code 2026-03-01T10:30:00.250+01:00}).
     *
     * @param text the characters
     * @param offset where the text starts
     * @param length how many characters it has
     * @return the instant
     * @throws DateTimeParseException if the text is not such a date-time
     */
    public static Instant instant(char[] text, int offset, int length) {
        Instant fast = fastInstant(text, offset, length);
        return fast != null ? fast : OffsetDateTime.parse(new String(text, offset, length)).toInstant();
    }

    /**
     * Parses an ISO-8601 instant or offset date-time.
     *
     * @param text the text
     * @return the instant
     * @throws DateTimeParseException if the text is not such a date-time
     */
    public static Instant instant(String text) {
        char[] chars = text.length() <= 40 ? text.toCharArray() : null;
        Instant fast = chars == null ? null : fastInstant(chars, 0, chars.length);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /**
     * Parses an ISO-8601 duration such as {@code PT10M} or {@code P1DT2H}.
     *
     * @param text the text
     * @return the duration
     * @throws DateTimeParseException if the text is not a duration
     */
    public static Duration duration(String text) {
        Duration fast = fastDuration(text);
        return fast != null ? fast : Duration.parse(text);
    }

    /**
     * The shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)} with a four-digit year, checked field by
     * field as {@code java.time} checks it (strict calendar, offsets up to 18 hours).
     *
     * @return the instant, or null when the text has another shape or an out-of-range field (java.time decides)
     */
    static @Nullable Instant fastInstant(char[] c, int at, int length) {
        if (length < 20 || length > 35) {
            return null;
        }
        int end = at + length;
        if (c[at + 4] != '-' || c[at + 7] != '-' || c[at + 10] != 'T' || c[at + 13] != ':' || c[at + 16] != ':') {
            return null;
        }
        int century = twoDigits(c, at);
        int yearOfCentury = twoDigits(c, at + 2);
        int month = twoDigits(c, at + 5);
        int day = twoDigits(c, at + 8);
        int hour = twoDigits(c, at + 11);
        int minute = twoDigits(c, at + 14);
        int second = twoDigits(c, at + 17);
        if ((century | yearOfCentury | day | hour | minute | second) < 0 || month < 1 || month > 12) {
            return null;
        }
        int year = century * 100 + yearOfCentury;
        if (day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = at + 19;
        int nanos = 0;
        if (c[i] == '.') {
            i++;
            int start = i;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                nanos = nanos * 10 + (c[i] - '0');
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= end) {
            return null;
        }
        int offsetSeconds;
        if (c[i] == 'Z' && i + 1 == end) {
            offsetSeconds = 0;
        } else if ((c[i] == '+' || c[i] == '-') && i + 6 == end && c[i + 3] == ':') {
            int hours = twoDigits(c, i + 1);
            int minutes = twoDigits(c, i + 4);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
                return null;
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (c[i] == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        // ofEpochSecond(long, long) normalises the nanos with a long division: not needed for whole seconds.
        return nanos == 0 ? Instant.ofEpochSecond(seconds) : Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * The shape {@code PT[nH][nM][n[.f]S]} (upper case, at least one part, at most 9 digits per number and 9
     * fraction digits).
     *
     * @return the duration, or null when the text has another shape (java.time decides)
     */
    static @Nullable Duration fastDuration(String text) {
        int length = text.length();
        if (length < 4 || length > 40 || text.charAt(0) != 'P' || text.charAt(1) != 'T') {
            return null;
        }
        long seconds = 0;
        int nanos = 0;
        int i = 2;
        int unitsSeen = 0;
        while (i < length) {
            int start = i;
            long number = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                number = number * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > 9 || i == length) {
                return null;
            }
            char unit = text.charAt(i);
            if (unit == '.') {
                i++;
                int fractionStart = i;
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                    i++;
                }
                int count = i - fractionStart;
                if (count < 1 || count > 9 || i == length || text.charAt(i) != 'S') {
                    return null;
                }
                for (int k = count; k < 9; k++) {
                    nanos *= 10;
                }
                unit = 'S';
            }
            int order = unit == 'H' ? 1 : unit == 'M' ? 2 : unit == 'S' ? 3 : 0;
            if (order <= unitsSeen) {
                return null;
            }
            unitsSeen = order;
            seconds += number * (order == 1 ? 3600L : order == 2 ? 60L : 1L);
            i++;
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /**
     * The number written by two ASCII digits of a text, as {@link #fastInstant} reads each field.
     *
     * @param text the text, at least {@code at + 2} characters
     * @param at where the digits start
     * @return 0 to 99, or -1 when either character is not a digit
     */
    public static int twoDigits(String text, int at) {
        return twoDigits(text.charAt(at), text.charAt(at + 1));
    }

    /** The number written by two digits, or -1 when either character is not a digit. */
    private static int twoDigits(char[] c, int at) {
        return twoDigits(c[at], c[at + 1]);
    }

    private static int twoDigits(char tensDigit, char onesDigit) {
        int tens = tensDigit - '0';
        int ones = onesDigit - '0';
        // A value outside 0..9 makes d or 9 - d negative: one test for all four bounds.
        return (tens | 9 - tens | ones | 9 - ones) < 0 ? -1 : tens * 10 + ones;
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (years 0000 to 9999). */
    private static long epochDay(int year, int month, int day) {
        // Shift the year to start in March so the leap day is the last day of the shifted year. The year has four
        // digits (-1 after the shift at most), so int arithmetic suffices: its divisions by constants compile to
        // multiplications, which long divisions do not on every JIT.
        int y = month <= 2 ? year - 1 : year;
        int m = month <= 2 ? month + 9 : month - 3;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * m + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra + 60 - DAYS_0000_TO_1970;
    }
}
