package org.journeykit.metrics.breakdown;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * One calendar period: a kind ({@link CalendarPeriod}), a year and the period's number in that year (1-12 for
 * months, 1-4 for quarters, 1-2 for half-years). Ordered by time; periods of different kinds are not comparable.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PeriodKey implements Comparable<PeriodKey> {

    private final CalendarPeriod kind;
    private final int year;
    private final int number;

    private PeriodKey(CalendarPeriod kind, int year, int number) {
        this.kind = kind;
        this.year = year;
        this.number = number;
    }

    /**
     * Creates a period.
     *
     * @param kind the kind, not null
     * @param year the year, from -999999999 to 999999999
     * @param number the number in the year, from 1 to {@code kind.perYear()}
     * @return the period, not null
     * @throws MetricInputException if the number is out of range
     */
    public static PeriodKey of(CalendarPeriod kind, int year, int number) {
        Objects.requireNonNull(kind, "kind");
        if (number < 1 || number > kind.perYear()) {
            throw new MetricInputException("number", number, "must be from 1 to " + kind.perYear() + " for " + kind);
        }
        return new PeriodKey(kind, year, number);
    }

    /**
     * Reads a label as {@link #toString()} writes it: {@code 2026-01} (a month), {@code 2026-Q1} (a quarter) or
     * {@code 2026-H1} (a half-year); the year may be negative.
     *
     * @param label the label, not null
     * @return the period, not null
     * @throws MetricInputException if the label is not of one of these forms or the number is out of range
     * @throws NullPointerException if the label is null
     */
    public static PeriodKey parse(CharSequence label) {
        Matcher m = LABEL.matcher(Objects.requireNonNull(label, "label"));
        if (!m.matches()) {
            String text = label.length() > 40 ? label.subSequence(0, 40) + "..." : label.toString();
            throw new MetricInputException("period", text, "must be a period label such as 2026-01, 2026-Q1 or 2026-H1");
        }
        if (m.group(4) != null) {
            return of(CalendarPeriod.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)));
        }
        CalendarPeriod kind = m.group(2).equals("Q") ? CalendarPeriod.QUARTER : CalendarPeriod.HALF_YEAR;
        return of(kind, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
    }

    /** A label: the year (at most 9 digits, the range of {@link #of}), then -MM, -Qn or -Hn. */
    private static final Pattern LABEL = Pattern.compile("(-?[0-9]{1,9})-(?:([QH])([0-9])|([0-9]{2}))");

    /**
     * The kind of period.
     *
     * @return the kind, not null
     */
    public CalendarPeriod kind() {
        return kind;
    }

    /**
     * The year.
     *
     * @return the year
     */
    public int year() {
        return year;
    }

    /**
     * The number of the period in its year.
     *
     * @return from 1 to {@code kind().perYear()}
     */
    public int number() {
        return number;
    }

    /**
     * The first day of the period.
     *
     * @return the date, not null
     */
    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * kind.months() + 1, 1);
    }

    /**
     * The period just before this one (December's month before January, Q4 before Q1).
     *
     * @return the previous period, not null
     */
    public PeriodKey previous() {
        return number == 1 ? new PeriodKey(kind, year - 1, kind.perYear()) : new PeriodKey(kind, year, number - 1);
    }

    /**
     * Orders periods of the same kind by time.
     *
     * @param other the other period, not null, of the same kind
     * @return negative, zero or positive
     * @throws MetricInputException if the kinds differ
     */
    @Override
    public int compareTo(PeriodKey other) {
        if (other.kind != kind) {
            throw new MetricInputException("period", other, "must be a " + kind + " to compare with " + this);
        }
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PeriodKey && ((PeriodKey) other).kind == kind && ((PeriodKey) other).year == year
                && ((PeriodKey) other).number == number;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + year) * 31 + number;
    }

    /**
     * The label: {@code 2026-01}, {@code 2026-Q1} or {@code 2026-H1}.
     *
     * @return the label, not null
     */
    @Override
    public String toString() {
        switch (kind) {
            case MONTH:
                return String.format("%d-%02d", year, number);
            case QUARTER:
                return year + "-Q" + number;
            default:
                return year + "-H" + number;
        }
    }
}
