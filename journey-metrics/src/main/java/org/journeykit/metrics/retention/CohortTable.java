package org.journeykit.metrics.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Cohort retention: for each cohort (customers whose first activity fell in the same period) and each period
 * offset {@code k} (0 = the cohort's own period), the number of customers
 * <ul>
 *   <li>active in period {@code k} (classic retention, also "N-day/N-month retention"), and</li>
 *   <li>active in period {@code k} or any later period (unbounded retention, also "rolling retention"),</li>
 * </ul>
 * and both as rates of the cohort size. The table is a triangle over the periods from the first cohort to the last
 * activity: cohort {@code c} (0 = the earliest period) has offsets 0 to {@code periods() - 1 - c}.
 *
 * <p>The table stores only the cohorts that have customers ({@link #cohorts()}) and, per cohort, the offsets at
 * which some of its customers were active ({@link Cohort#cells()}), so its memory is proportional to those cells,
 * never to the span: one activity in the year 0026 among data of 2026 adds one cohort with one cell, not a triangle
 * of 24,000 months. Walk it with {@link #cohorts()} and {@link Cohort#cells()}; the index methods
 * ({@link #active(int, int)} and the others) answer any cell of the triangle, empty cohorts included, from the
 * stored cells.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CohortTable {

    /** The most offsets {@link #toString()} prints per row. */
    static final int PRINTED_OFFSETS = 36;
    /** The most cohorts {@link #toString()} prints. */
    static final int PRINTED_COHORTS = 120;

    private final CohortDefinition definition;
    private final int lastPeriod;
    private final List<Cohort> cohorts;
    private final int[] cohortPeriods;

    /** Takes ownership of the list: not empty, ascending by period, each row reaching {@code lastPeriod}. */
    CohortTable(CohortDefinition definition, int lastPeriod, List<Cohort> cohorts) {
        this.definition = definition;
        this.lastPeriod = lastPeriod;
        this.cohorts = List.copyOf(cohorts);
        this.cohortPeriods = cohorts.stream().mapToInt(Cohort::period).toArray();
    }

    /**
     * Rebuilds a table from its cohorts, as {@link #cohorts()} gives them (for a stored result, such as its JSON
     * form).
     *
     * @param definition the granularity and time zone the periods were counted in, not null
     * @param lastPeriod the period number of the last activity: some cohort has a cell there
     * @param cohorts the cohorts that have customers, not null, not empty, no null element, strictly ascending by
     *     period, each of the definition's granularity and with {@code lastPeriod - period + 1} offsets
     * @return the table, not null
     * @throws NullPointerException if the definition, the cohorts or a cohort is null
     * @throws MetricInputException if a rule above is broken
     */
    public static CohortTable of(CohortDefinition definition, int lastPeriod, List<Cohort> cohorts) {
        Objects.requireNonNull(definition, "definition");
        List<Cohort> copy = List.copyOf(cohorts);
        if (copy.isEmpty()) {
            throw new MetricInputException("cohorts", "none", "must hold at least one cohort");
        }
        boolean reached = false;
        for (int i = 0; i < copy.size(); i++) {
            Cohort cohort = copy.get(i);
            if (cohort.granularity() != definition.granularity()) {
                throw new MetricInputException("granularity", cohort.granularity() + " of cohort " + cohort.label(),
                        "must be the definition's " + definition.granularity());
            }
            if (i > 0 && cohort.period() <= copy.get(i - 1).period()) {
                throw new MetricInputException("period", cohort.label(), "must come after the previous cohort's "
                        + copy.get(i - 1).label());
            }
            if (cohort.offsets() != (long) lastPeriod - cohort.period() + 1) {
                throw new MetricInputException("offsets", cohort.offsets() + " of cohort " + cohort.label(),
                        "must reach the last period " + definition.granularity().label(lastPeriod));
            }
            List<Cohort.Cell> cells = cohort.cells();
            reached |= cells.get(cells.size() - 1).offset() == cohort.offsets() - 1;
        }
        if (!reached) {
            throw new MetricInputException("lastPeriod", definition.granularity().label(lastPeriod),
                    "must be a period in which some cohort was active");
        }
        return new CohortTable(definition, lastPeriod, copy);
    }

    /**
     * The granularity and time zone the periods were counted in.
     *
     * @return the definition, not null
     */
    public CohortDefinition definition() {
        return definition;
    }

    /**
     * The period number of the earliest cohort, counted as {@link Granularity} documents.
     *
     * @return the period
     */
    public int firstPeriod() {
        return cohortPeriods[0];
    }

    /**
     * The period number of the last activity in the table.
     *
     * @return the period, at least {@link #firstPeriod()}
     */
    public int lastPeriod() {
        return lastPeriod;
    }

    /**
     * The number of periods from the first cohort to the last activity: the number of cohort indexes, including
     * periods in which no customer started. A count only; nothing of this size is stored.
     *
     * @return at least 1
     */
    public int periods() {
        return lastPeriod - cohortPeriods[0] + 1;
    }

    /**
     * The cohorts that have customers, in period order: the rows of the triangle worth reading.
     *
     * @return an unmodifiable list, not null, not empty
     */
    public List<Cohort> cohorts() {
        return cohorts;
    }

    /**
     * The cohort of a period, if any customer started in it.
     *
     * @param period the period number, any value
     * @return the cohort, or empty when no customer's first activity fell in that period
     */
    public Optional<Cohort> cohortOfPeriod(int period) {
        int at = Arrays.binarySearch(cohortPeriods, period);
        return at >= 0 ? Optional.of(cohorts.get(at)) : Optional.empty();
    }

    /**
     * The number of customers in the table.
     *
     * @return the sum of the cohort sizes, at least 1
     */
    public long customers() {
        long total = 0;
        for (Cohort cohort : cohorts) {
            total += cohort.size();
        }
        return total;
    }

    /**
     * The number of stored cells: (cohort, offset) pairs at which some customer was active. The table's memory is
     * proportional to it.
     *
     * @return at least 1
     */
    public long cellCount() {
        long total = 0;
        for (Cohort cohort : cohorts) {
            total += cohort.cellCount();
        }
        return total;
    }

    /**
     * The first day of a cohort's period.
     *
     * @param cohort the cohort index, 0 (the earliest period) to {@code periods() - 1}
     * @return the date, not null
     * @throws MetricInputException if the index is out of range
     */
    public LocalDate cohortStart(int cohort) {
        return definition.granularity().startOf(periodOf(cohort));
    }

    /**
     * The label of a cohort's period, such as {@code 2026-01}.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @return the label, not null
     * @throws MetricInputException if the index is out of range
     */
    public String cohortLabel(int cohort) {
        return definition.granularity().label(periodOf(cohort));
    }

    /**
     * The number of customers whose first activity is in a cohort's period.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @return the size, 0 for a period in which no customer started
     * @throws MetricInputException if the index is out of range
     */
    public long cohortSize(int cohort) {
        Cohort row = row(cohort);
        return row == null ? 0 : row.size();
    }

    /**
     * The number of offsets a cohort has: {@code periods() - cohort}.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @return at least 1
     * @throws MetricInputException if the index is out of range
     */
    public int offsets(int cohort) {
        return lastPeriod - periodOf(cohort) + 1;
    }

    /**
     * Classic retention count: customers of the cohort active in period {@code k} after their first.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @param k the period offset, 0 to {@code offsets(cohort) - 1}; offset 0 equals the cohort size
     * @return the count, not negative
     * @throws MetricInputException if an index is out of range
     */
    public long active(int cohort, int k) {
        Cohort row = row(cohort, k);
        return row == null ? 0 : row.active(k);
    }

    /**
     * Unbounded retention count: customers of the cohort active in period {@code k} or any later period.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @param k the period offset, 0 to {@code offsets(cohort) - 1}
     * @return the count, not negative, never increasing with k
     * @throws MetricInputException if an index is out of range
     */
    public long activeOrLater(int cohort, int k) {
        Cohort row = row(cohort, k);
        return row == null ? 0 : row.activeOrLater(k);
    }

    /**
     * Classic retention rate {@code active(cohort, k) / cohortSize(cohort)}.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @param k the period offset, 0 to {@code offsets(cohort) - 1}
     * @return the rate from 0 to 1, or empty for a cohort without customers (no customer started in that period)
     * @throws MetricInputException if an index is out of range
     */
    public OptionalDouble retention(int cohort, int k) {
        Cohort row = row(cohort, k);
        return row == null ? OptionalDouble.empty() : OptionalDouble.of(row.retention(k));
    }

    /**
     * Unbounded retention rate {@code activeOrLater(cohort, k) / cohortSize(cohort)}.
     *
     * @param cohort the cohort index, 0 to {@code periods() - 1}
     * @param k the period offset, 0 to {@code offsets(cohort) - 1}
     * @return the rate from 0 to 1, or empty for a cohort without customers
     * @throws MetricInputException if an index is out of range
     */
    public OptionalDouble unboundedRetention(int cohort, int k) {
        Cohort row = row(cohort, k);
        return row == null ? OptionalDouble.empty() : OptionalDouble.of(row.unboundedRetention(k));
    }

    private int periodOf(int cohort) {
        if (cohort < 0 || cohort >= periods()) {
            throw new MetricInputException("cohort", cohort, "must be from 0 to " + (periods() - 1));
        }
        return cohortPeriods[0] + cohort;
    }

    private @Nullable Cohort row(int cohort) {
        int at = Arrays.binarySearch(cohortPeriods, periodOf(cohort));
        return at >= 0 ? cohorts.get(at) : null;
    }

    private @Nullable Cohort row(int cohort, int k) {
        int offsets = offsets(cohort);
        if (k < 0 || k >= offsets) {
            throw new MetricInputException("k", k, "must be from 0 to " + (offsets - 1) + " for cohort "
                    + cohortLabel(cohort));
        }
        return row(cohort);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CohortTable that && definition.equals(that.definition)
                && lastPeriod == that.lastPeriod && cohorts.equals(that.cohorts);
    }

    @Override
    public int hashCode() {
        return (definition.hashCode() * 31 + lastPeriod) * 31 + cohorts.hashCode();
    }

    /**
     * The classic retention triangle as text: one line per cohort that has customers, with its label, size and the
     * retention percentage per offset, for example:
     * <pre>
     * cohort    size      +0     +1     +2
     * 2026-01      4  100.0%  50.0%  25.0%
     * 2026-02      2  100.0%  50.0%
     * </pre>
     * At most 36 offsets and 120 cohorts are printed; a last line says how many were left out.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        Granularity granularity = definition.granularity();
        int labelWidth = Math.max(6, granularity.label(cohortPeriods[0]).length());
        int columns = Math.min(periods(), PRINTED_OFFSETS);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + labelWidth + "s %8s", "cohort", "size"));
        for (int k = 0; k < columns; k++) {
            text.append(String.format(Locale.ROOT, " %7s", "+" + k));
        }
        int rows = Math.min(cohorts.size(), PRINTED_COHORTS);
        for (int c = 0; c < rows; c++) {
            Cohort cohort = cohorts.get(c);
            text.append('\n').append(String.format(Locale.ROOT, "%-" + labelWidth + "s %8d", cohort.label(),
                    cohort.size()));
            for (int k = 0; k < Math.min(cohort.offsets(), columns); k++) {
                text.append(String.format(Locale.ROOT, " %6.1f%%", 100 * cohort.retention(k)));
            }
        }
        if (columns < periods() || rows < cohorts.size()) {
            text.append('\n').append(String.format(Locale.ROOT, "(%d of %d cohorts and %d of %d offsets shown)",
                    rows, cohorts.size(), columns, periods()));
        }
        return text.toString();
    }
}
