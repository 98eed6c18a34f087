package org.journeykit.metrics.retention;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The length of a cohort period. Periods are numbered from the Unix epoch in the accumulator's time zone: days
 * since 1970-01-01, ISO weeks (Monday to Sunday) since the week of 1970-01-01, months since January 1970.
 */
public enum Granularity {

    /** One calendar day, from local midnight to local midnight. */
    DAY,

    /** One ISO week, Monday 00:00 to the next Monday 00:00 local time. */
    WEEK,

    /** One calendar month, from the first day 00:00 local time. */
    MONTH;

    /**
     * The number of the period that contains a local date.
     *
     * @param date the date, not null
     * @return the period number
     */
    public int periodOf(LocalDate date) {
        switch (this) {
            case DAY:
                return Math.toIntExact(date.toEpochDay());
            case WEEK:
                // 1969-12-29 (epoch day -3) is the Monday of the week containing 1970-01-01.
                return Math.toIntExact(Math.floorDiv(date.toEpochDay() + 3, 7));
            default:
                return (date.getYear() - 1970) * 12 + date.getMonthValue() - 1;
        }
    }

    /**
     * The first day of a period.
     *
     * @param period the period number
     * @return the local date the period starts on, not null
     */
    public LocalDate startOf(int period) {
        switch (this) {
            case DAY:
                return LocalDate.ofEpochDay(period);
            case WEEK:
                return LocalDate.ofEpochDay(period * 7L - 3);
            default:
                return LocalDate.of(1970 + Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1, 1);
        }
    }

    /**
     * A label of a period: {@code 2026-01-15} for a day, {@code 2026-W03} for an ISO week, {@code 2026-01} for a
     * month; years have at least four digits, as in ISO 8601 ({@code 0026-03}).
     *
     * @param period the period number
     * @return the label, not null
     */
    public String label(int period) {
        LocalDate start = startOf(period);
        switch (this) {
            case DAY:
                return start.toString();
            case WEEK:
                return String.format(Locale.ROOT, "%04d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            default:
                return String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
        }
    }
}
