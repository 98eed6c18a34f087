package org.journeykit.metrics.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * Cohort retention: for each cohort (customers whose first activity fell in the same period) and each period
 * offset {@code k} (0 = the cohort's own period), the number of customers
 * <ul>
 *   <li>active in period {@code k} (classic retention, also "N-day/N-month retention"), and</li>
 *   <li>active in period {@code k} or any later period (unbounded retention, also "rolling retention"),</li>
 * </ul>
 * and both as rates of the cohort size. The table is a triangle: a cohort has offsets up to the last period with
 * any activity in the data.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CohortTable {

    private final Granularity granularity;
    private final ZoneId zone;
    private final int firstPeriod;
    private final long[] sizes;
    private final long[][] classic;
    private final long[][] unbounded;

    CohortTable(Granularity granularity, ZoneId zone, int firstPeriod, long[] sizes, long[][] classic,
            long[][] unbounded) {
        this.granularity = granularity;
        this.zone = zone;
        this.firstPeriod = firstPeriod;
        this.sizes = sizes;
        this.classic = classic;
        this.unbounded = unbounded;
    }

    /**
     * The period length.
     *
     * @return the granularity, not null
     */
    public Granularity granularity() {
        return granularity;
    }

    /**
     * The time zone periods were counted in.
     *
     * @return the zone, not null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The number of periods from the first cohort to the last activity; also the number of cohort rows (some may
     * be empty).
     *
     * @return at least 1
     */
    public int periods() {
        return sizes.length;
    }

    /**
     * The first day of a cohort's period.
     *
     * @param cohort the cohort index, 0 for the earliest period
     * @return the date, not null
     * @throws MetricInputException if the index is out of range
     */
    public LocalDate cohortStart(int cohort) {
        check(cohort, 0);
        return granularity.startOf(firstPeriod + cohort);
    }

    /**
     * The label of a cohort's period, such as {@code 2026-01}.
     *
     * @param cohort the cohort index
     * @return the label, not null
     * @throws MetricInputException if the index is out of range
     */
    public String cohortLabel(int cohort) {
        check(cohort, 0);
        return granularity.label(firstPeriod + cohort);
    }

    /**
     * The number of customers whose first activity is in a cohort's period.
     *
     * @param cohort the cohort index
     * @return the size, not negative
     * @throws MetricInputException if the index is out of range
     */
    public long cohortSize(int cohort) {
        check(cohort, 0);
        return sizes[cohort];
    }

    /**
     * The number of offsets a cohort has: {@code periods() - cohort}.
     *
     * @param cohort the cohort index
     * @return at least 1
     * @throws MetricInputException if the index is out of range
     */
    public int offsets(int cohort) {
        check(cohort, 0);
        return classic[cohort].length;
    }

    /**
     * Classic retention count: customers of the cohort active in period {@code k} after their first.
     *
     * @param cohort the cohort index
     * @param k the period offset, 0 to {@code offsets(cohort) - 1}; offset 0 equals the cohort size
     * @return the count, not negative
     * @throws MetricInputException if an index is out of range
     */
    public long active(int cohort, int k) {
        check(cohort, k);
        return classic[cohort][k];
    }

    /**
     * Unbounded retention count: customers of the cohort active in period {@code k} or any later period.
     *
     * @param cohort the cohort index
     * @param k the period offset
     * @return the count, not negative, never increasing with k
     * @throws MetricInputException if an index is out of range
     */
    public long activeOrLater(int cohort, int k) {
        check(cohort, k);
        return unbounded[cohort][k];
    }

    /**
     * Classic retention rate {@code active(cohort, k) / cohortSize(cohort)}; undefined for an empty cohort.
     *
     * @param cohort the cohort index
     * @param k the period offset
     * @return the rate in [0, 1], or NaN for an empty cohort (no customer started in that period)
     * @throws MetricInputException if an index is out of range
     */
    public double retention(int cohort, int k) {
        check(cohort, k);
        return sizes[cohort] == 0 ? Double.NaN : classic[cohort][k] / (double) sizes[cohort];
    }

    /**
     * Unbounded retention rate {@code activeOrLater(cohort, k) / cohortSize(cohort)}.
     *
     * @param cohort the cohort index
     * @param k the period offset
     * @return the rate in [0, 1], or NaN for an empty cohort
     * @throws MetricInputException if an index is out of range
     */
    public double unboundedRetention(int cohort, int k) {
        check(cohort, k);
        return sizes[cohort] == 0 ? Double.NaN : unbounded[cohort][k] / (double) sizes[cohort];
    }

    /**
     * The classic counts as rows, one per cohort, each as long as its offsets.
     *
     * @return an unmodifiable list of copies, not null
     */
    public List<long[]> activeCounts() {
        List<long[]> rows = new ArrayList<>(classic.length);
        for (long[] row : classic) {
            rows.add(row.clone());
        }
        return Collections.unmodifiableList(rows);
    }

    private void check(int cohort, int k) {
        if (cohort < 0 || cohort >= sizes.length) {
            throw new MetricInputException("cohort", cohort, "must be from 0 to " + (sizes.length - 1));
        }
        if (k < 0 || k >= classic[cohort].length) {
            throw new MetricInputException("k", k, "must be from 0 to " + (classic[cohort].length - 1)
                    + " for cohort " + granularity.label(firstPeriod + cohort));
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof CohortTable)) {
            return false;
        }
        CohortTable that = (CohortTable) other;
        return granularity == that.granularity && zone.equals(that.zone) && firstPeriod == that.firstPeriod
                && Arrays.equals(sizes, that.sizes) && Arrays.deepEquals(classic, that.classic)
                && Arrays.deepEquals(unbounded, that.unbounded);
    }

    @Override
    public int hashCode() {
        return (granularity.hashCode() * 31 + firstPeriod) * 31 + Arrays.hashCode(sizes);
    }

    /**
     * The classic retention triangle as text: one line per cohort with its label, size and the retention
     * percentage per offset, for example:
     * <pre>
     * cohort    size      +0     +1     +2
     * 2026-01      4  100.0%  50.0%  25.0%
     * 2026-02      2  100.0%  50.0%
     * </pre>
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        int labelWidth = Math.max(6, granularity.label(firstPeriod).length());
        text.append(String.format(Locale.ROOT, "%-" + labelWidth + "s %8s", "cohort", "size"));
        for (int k = 0; k < sizes.length; k++) {
            text.append(String.format(Locale.ROOT, " %7s", "+" + k));
        }
        for (int c = 0; c < sizes.length; c++) {
            text.append('\n').append(String.format(Locale.ROOT, "%-" + labelWidth + "s %8d",
                    granularity.label(firstPeriod + c), sizes[c]));
            for (int k = 0; k < classic[c].length; k++) {
                text.append(sizes[c] == 0 ? String.format(Locale.ROOT, " %7s", "-")
                        : String.format(Locale.ROOT, " %6.1f%%", 100.0 * classic[c][k] / sizes[c]));
            }
        }
        return text.toString();
    }
}
