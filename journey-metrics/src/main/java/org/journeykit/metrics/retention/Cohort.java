package org.journeykit.metrics.retention;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link CohortTable}: the customers whose first activity fell in one period, and per period offset
 * {@code k} (0 = the cohort's own period) how many of them were active in period {@code k} (classic retention) and
 * in period {@code k} or any later period (unbounded retention).
 *
 * <p>A cohort of a table always has customers, so its rates are always defined. It stores only the offsets at which
 * some of its customers were active (its {@link #cells()}); every other offset up to {@link #offsets()} is answered
 * from them: nobody was active there, and the unbounded count is that of the next active offset (a customer's last
 * active offset is an active offset).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Cohort {

    private final Granularity granularity;
    private final int period;
    private final int offsets;
    private final int[] activeOffsets;
    private final long[] active;
    private final long[] activeOrLater;

    /** Takes ownership of the arrays; the builder has checked them. */
    Cohort(Granularity granularity, int period, int offsets, int[] activeOffsets, long[] active,
            long[] activeOrLater) {
        this.granularity = granularity;
        this.period = period;
        this.offsets = offsets;
        this.activeOffsets = activeOffsets;
        this.active = active;
        this.activeOrLater = activeOrLater;
    }

    /**
     * Rebuilds a cohort from its cells, as {@link #cells()} gives them (for a stored result, such as its JSON form).
     * The cells must be those of customers who each have a last active offset: offset 0 comes first and holds the
     * whole cohort; offsets ascend; {@code activeOrLater} never increases, is at least {@code active}, drops from one
     * cell to the next by at most the earlier cell's {@code active} (the customers whose last activity is there),
     * and equals {@code active} at the last cell.
     *
     * @param granularity the period length, not null
     * @param period the cohort's period number, counted as {@link Granularity} documents
     * @param offsets the length of the cohort's row, at least 1 and greater than every cell's offset
     * @param cells the cells, ascending by offset, not null, not empty, no null element
     * @return the cohort, not null
     * @throws NullPointerException if the granularity, the cells or a cell is null
     * @throws MetricInputException if a rule above is broken
     */
    public static Cohort of(Granularity granularity, int period, int offsets, List<Cell> cells) {
        Objects.requireNonNull(granularity, "granularity");
        List<Cell> copy = List.copyOf(cells);
        if (offsets < 1) {
            throw new MetricInputException("offsets", offsets, "must be at least 1");
        }
        if (copy.isEmpty() || copy.get(0).offset() != 0) {
            throw new MetricInputException("cells", copy.isEmpty() ? "none" : "first at +" + copy.get(0).offset(),
                    "must start with offset 0, which holds the whole cohort");
        }
        int n = copy.size();
        int[] activeOffsets = new int[n];
        long[] active = new long[n];
        long[] activeOrLater = new long[n];
        for (int i = 0; i < n; i++) {
            Cell cell = copy.get(i);
            if (i > 0 && cell.offset() <= activeOffsets[i - 1] || cell.offset() >= offsets) {
                throw new MetricInputException("offset", cell.offset(), "must ascend and be below offsets " + offsets);
            }
            if (cell.active() < 1 || cell.activeOrLater() < cell.active()) {
                throw new MetricInputException("active", cell.active() + " of " + cell.activeOrLater()
                        + " at +" + cell.offset(), "must be at least 1 and at most activeOrLater");
            }
            if (i > 0) {
                long lastHere = activeOrLater[i - 1] - cell.activeOrLater();
                if (lastHere < 0 || lastHere > active[i - 1]) {
                    throw new MetricInputException("activeOrLater", cell.activeOrLater() + " at +" + cell.offset(),
                            "must fall from the previous cell's " + activeOrLater[i - 1]
                                    + " by at most its active " + active[i - 1]);
                }
            }
            activeOffsets[i] = cell.offset();
            active[i] = cell.active();
            activeOrLater[i] = cell.activeOrLater();
        }
        if (active[0] != activeOrLater[0] || active[n - 1] != activeOrLater[n - 1]) {
            throw new MetricInputException("activeOrLater", activeOrLater[0] + " at +0, " + activeOrLater[n - 1]
                    + " at +" + activeOffsets[n - 1], "must equal active at offset 0 and at the last cell");
        }
        return new Cohort(granularity, period, offsets, activeOffsets, active, activeOrLater);
    }

    /**
     * The length of the cohort's periods.
     *
     * @return the granularity, not null
     */
    public Granularity granularity() {
        return granularity;
    }

    /**
     * The cohort's period number, counted as {@link Granularity} documents (days, ISO weeks or months since 1970).
     *
     * @return the period
     */
    public int period() {
        return period;
    }

    /**
     * The first day of the cohort's period.
     *
     * @return the date, not null
     */
    public LocalDate start() {
        return granularity.startOf(period);
    }

    /**
     * The label of the cohort's period, such as {@code 2026-01}, {@code 2026-W03} or {@code 2026-01-15}.
     *
     * @return the label, not null
     */
    public String label() {
        return granularity.label(period);
    }

    /**
     * The number of customers in the cohort: those whose first activity fell in its period.
     *
     * @return the size, at least 1
     */
    public long size() {
        return active[0];
    }

    /**
     * The length of the cohort's row in the triangle: offsets 0 to the last period with any activity in the table.
     *
     * @return at least 1
     */
    public int offsets() {
        return offsets;
    }

    /**
     * Classic retention count: customers of the cohort active in period {@code k} after their first.
     *
     * @param k the period offset, 0 to {@code offsets() - 1}; offset 0 gives the cohort size
     * @return the count, from 0 to {@link #size()}
     * @throws MetricInputException if {@code k} is out of range
     */
    public long active(int k) {
        int at = Arrays.binarySearch(activeOffsets, check(k));
        return at >= 0 ? active[at] : 0;
    }

    /**
     * Unbounded retention count: customers of the cohort active in period {@code k} or any later period.
     *
     * @param k the period offset, 0 to {@code offsets() - 1}
     * @return the count, from 0 to {@link #size()}, never increasing with {@code k}
     * @throws MetricInputException if {@code k} is out of range
     */
    public long activeOrLater(int k) {
        int at = Arrays.binarySearch(activeOffsets, check(k));
        int next = at >= 0 ? at : -at - 1;
        return next < activeOffsets.length ? activeOrLater[next] : 0;
    }

    /**
     * Classic retention rate {@code active(k) / size()}.
     *
     * @param k the period offset, 0 to {@code offsets() - 1}
     * @return the rate, from 0 to 1
     * @throws MetricInputException if {@code k} is out of range
     */
    public double retention(int k) {
        return active(k) / (double) size();
    }

    /**
     * Unbounded retention rate {@code activeOrLater(k) / size()}.
     *
     * @param k the period offset, 0 to {@code offsets() - 1}
     * @return the rate, from 0 to 1
     * @throws MetricInputException if {@code k} is out of range
     */
    public double unboundedRetention(int k) {
        return activeOrLater(k) / (double) size();
    }

    /**
     * The offsets at which customers of the cohort were active, ascending, with both counts: a walk over the row
     * that costs the cells that hold customers, not the row's length. Offsets not listed have no active customer
     * and the unbounded count of the next listed offset (0 after the last).
     *
     * @return an unmodifiable list, not null, not empty (offset 0 comes first)
     */
    public List<Cell> cells() {
        return new CellList();
    }

    /**
     * The number of {@link #cells()}.
     *
     * @return at least 1
     */
    public int cellCount() {
        return activeOffsets.length;
    }

    private int check(int k) {
        if (k < 0 || k >= offsets) {
            throw new MetricInputException("k", k, "must be from 0 to " + (offsets - 1) + " for cohort " + label());
        }
        return k;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Cohort that && granularity == that.granularity && period == that.period
                && offsets == that.offsets && Arrays.equals(activeOffsets, that.activeOffsets)
                && Arrays.equals(active, that.active) && Arrays.equals(activeOrLater, that.activeOrLater);
    }

    @Override
    public int hashCode() {
        return Objects.hash(granularity, period, offsets, Arrays.hashCode(activeOffsets), Arrays.hashCode(active));
    }

    /**
     * A readable form, such as {@code "cohort 2026-01: 3 customers, active at +0 3, +1 1 (of 4 offsets)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("cohort ").append(label()).append(": ").append(size())
                .append(" customers, active at");
        int shown = Math.min(activeOffsets.length, 24);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? " +" : ", +").append(activeOffsets[i]).append(' ').append(active[i]);
        }
        if (shown < activeOffsets.length) {
            text.append(", ... ").append(activeOffsets.length - shown).append(" more");
        }
        return text.append(" (of ").append(offsets).append(" offsets)").toString();
    }

    /**
     * One offset of a cohort at which some of its customers were active.
     *
     * @param offset the period offset from the cohort's period, 0 to {@code offsets() - 1}
     * @param active the customers active in that period, at least 1
     * @param activeOrLater the customers active in that period or later, at least {@code active}
     */
    public record Cell(int offset, long active, long activeOrLater) {}

    private final class CellList extends AbstractList<Cell> implements RandomAccess {

        @Override
        public Cell get(int index) {
            Objects.checkIndex(index, activeOffsets.length);
            return new Cell(activeOffsets[index], active[index], activeOrLater[index]);
        }

        @Override
        public int size() {
            return activeOffsets.length;
        }
    }
}
