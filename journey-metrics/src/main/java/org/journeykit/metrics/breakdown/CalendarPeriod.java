package org.journeykit.metrics.breakdown;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar period for reporting: month, quarter or half-year.
 */
public enum CalendarPeriod {

    /** A calendar month; label {@code 2026-01}. */
    MONTH(1),

    /** A calendar quarter (January-March is Q1); label {@code 2026-Q1}. */
    QUARTER(3),

    /** A half-year (January-June is H1); label {@code 2026-H1}. */
    HALF_YEAR(6);

    private final int months;

    CalendarPeriod(int months) {
        this.months = months;
    }

    /**
     * The number of months in the period.
     *
     * @return 1, 3 or 6
     */
    public int months() {
        return months;
    }

    /**
     * The number of periods in a year.
     *
     * @return 12, 4 or 2
     */
    public int perYear() {
        return 12 / months;
    }

    /**
     * The period containing a date.
     *
     * @param date the date, not null
     * @return the period, not null
     */
    public PeriodKey of(LocalDate date) {
        return PeriodKey.of(this, date.getYear(), (date.getMonthValue() - 1) / months + 1);
    }

    /**
     * The period containing an instant, read in a time zone.
     *
     * @param time the instant, not null
     * @param zone the zone, not null
     * @return the period, not null
     */
    public PeriodKey of(Instant time, ZoneId zone) {
        return of(LocalDate.ofInstant(time, zone));
    }
}
