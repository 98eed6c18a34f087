package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.retention.CohortTable;

/**
 * Draws a {@link CohortTable} as the retention triangle: one row per cohort (its period and size), one column per
 * period offset (0 = the cohort's own period), each cell shaded from the background (0 %) to
 * {@link Role#CURRENT_CURVE} (100 %) and labelled with its percentage when the cell is wide enough; the triangle's
 * empty corner, where a cohort has no offsets yet, stays blank. {@link Mode#CLASSIC} shows the share of a cohort
 * active in period k, {@link Mode#UNBOUNDED} the share active in period k or later.
 *
 * <p>Only cohorts with customers are drawn, the latest {@value #MAX_COHORTS} of them, with at most
 * {@value #MAX_OFFSETS} offsets; a note says when rows or columns were left out. Cells carry {@code class="cell"}
 * with {@code data-cohort} (the cohort index), {@code data-offset}, {@code data-count} (active, or active or later)
 * and {@code data-size}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RetentionHeatmapSvg extends Chart<CohortTable> {

    /** The most cohorts (rows) drawn: the latest ones with customers. */
    public static final int MAX_COHORTS = 24;
    /** The most period offsets (columns) drawn. */
    public static final int MAX_OFFSETS = 24;

    /** Which retention the cells show. */
    public enum Mode {
        /** Active in period k: {@link CohortTable#active(int, int)} over the cohort size. */
        CLASSIC,
        /** Active in period k or any later period: {@link CohortTable#activeOrLater(int, int)} over the size. */
        UNBOUNDED
    }

    private static final double LABEL_WIDTH = 150;
    private static final double TOP = 86;
    private static final double CELL_HEIGHT = 22;

    private final Mode mode;

    private RetentionHeatmapSvg(Palette palette, Mode mode) {
        super(palette);
        this.mode = mode;
    }

    /**
     * A classic retention heatmap in the {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static RetentionHeatmapSvg withDefaults() {
        return new RetentionHeatmapSvg(Palette.okabeIto(), Mode.CLASSIC);
    }

    /**
     * A retention heatmap.
     *
     * @param palette the palette, not null
     * @param mode which retention to show, not null
     * @return the chart, not null
     * @throws NullPointerException if an argument is null
     */
    public static RetentionHeatmapSvg of(Palette palette, Mode mode) {
        return new RetentionHeatmapSvg(palette, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Which retention the cells show.
     *
     * @return the mode, not null
     */
    public Mode getMode() {
        return mode;
    }

    @Override
    void draw(CohortTable table, Canvas canvas) {
        List<Integer> rows = new ArrayList<>();
        int withCustomers = 0;
        for (int c = table.periods() - 1; c >= 0; c--) {
            if (table.cohortSize(c) > 0) {
                withCustomers++;
                if (rows.size() < MAX_COHORTS) {
                    rows.add(c);
                }
            }
        }
        Collections.reverse(rows);
        int columns = 0;
        for (int c : rows) {
            columns = Math.max(columns, Math.min(MAX_OFFSETS, table.offsets(c)));
        }
        double cellWidth = Math.min(52, (WIDTH - 2 * MARGIN - LABEL_WIDTH) / Math.max(1, columns));
        boolean cut = withCustomers > rows.size() || rows.stream().anyMatch(c -> table.offsets(c) > MAX_OFFSETS);
        double height = TOP + rows.size() * CELL_HEIGHT + (cut ? 30 : 10) + MARGIN;
        String what = mode == Mode.CLASSIC ? "active in period k" : "active in period k or later";
        StringBuilder d = new StringBuilder("Cohort retention (" + what + "):");
        for (int c : rows) {
            d.append(' ').append(table.cohortLabel(c)).append(" (").append(table.cohortSize(c)).append(')');
            for (int k = 0; k < Math.min(MAX_OFFSETS, table.offsets(c)); k++) {
                d.append(' ').append(Canvas.fixed(100.0 * count(table, c, k) / table.cohortSize(c), 0));
            }
            d.append(';');
        }
        canvas.open("retention-chart", idPrefix("retention", d.toString()), WIDTH, height,
                "Cohort retention, " + mode.name().toLowerCase(Locale.ROOT), d.toString());
        heading(canvas, (mode == Mode.CLASSIC ? "Retention" : "Unbounded retention") + " by cohort: share "
                + what, WIDTH);
        Xml xml = canvas.xml;
        if (rows.isEmpty()) {
            note(canvas, "No cohort has customers yet.", MARGIN, TOP, WIDTH - 2 * MARGIN);
            canvas.close();
            return;
        }
        subheading(canvas, "Rows: cohorts by their first period (customers). Columns: periods since (0 = first).",
                WIDTH);
        double left = MARGIN + LABEL_WIDTH;
        xml.start("g", "class", "offsets");
        for (int k = 0; k < columns; k++) {
            xml.element("text", Integer.toString(k), "x", left + k * cellWidth + cellWidth / 2, "y", TOP - 6,
                    "text-anchor", "middle", "font-weight", "bold", "fill", canvas.ink());
        }
        xml.end().newline();
        int[] from = rgb(canvas.colour(Role.BACKGROUND));
        int[] to = rgb(canvas.colour(Role.CURRENT_CURVE));
        for (int r = 0; r < rows.size(); r++) {
            int c = rows.get(r);
            long size = table.cohortSize(c);
            double y = TOP + r * CELL_HEIGHT;
            xml.start("g", "class", "cohort", "data-cohort", c);
            canvas.label(table.cohortLabel(c) + " (" + Canvas.count(size) + ")", left - 8, y + 15, LABEL_WIDTH - 8,
                    11, "end", null, null);
            for (int k = 0; k < Math.min(MAX_OFFSETS, table.offsets(c)); k++) {
                long active = count(table, c, k);
                double rate = (double) active / size;
                double x = left + k * cellWidth;
                xml.start("rect", "class", "cell", "data-cohort", c, "data-offset", k, "data-count", active,
                        "data-size", size, "x", x, "y", y, "width", cellWidth - 1, "height", CELL_HEIGHT - 1,
                        "fill", mix(from, to, rate));
                xml.element("title", table.cohortLabel(c) + ", period " + k + ": " + Canvas.count(active) + " of "
                        + Canvas.count(size) + " " + what + " (" + Canvas.percent(rate) + ")");
                xml.end();
                if (cellWidth >= 30) {
                    xml.element("text", Canvas.fixed(rate * 100, 0) + "%", "x", x + cellWidth / 2, "y", y + 15,
                            "text-anchor", "middle", "font-size", 10.0,
                            "fill", rate > 0.7 ? canvas.colour(Role.BACKGROUND) : canvas.ink());
                }
            }
            xml.end().newline();
        }
        if (cut) {
            note(canvas, "Showing the latest " + rows.size() + " of " + withCustomers + " cohorts with customers and "
                    + "at most " + MAX_OFFSETS + " periods.", MARGIN, TOP + rows.size() * CELL_HEIGHT + 20,
                    WIDTH - 2 * MARGIN);
        }
        canvas.close();
    }

    private long count(CohortTable table, int cohort, int k) {
        return mode == Mode.CLASSIC ? table.active(cohort, k) : table.activeOrLater(cohort, k);
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    /** The colour a share {@code t} of the way from one colour to another, as {@code #rrggbb}. */
    private static String mix(int[] from, int[] to, double t) {
        StringBuilder hex = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            hex.append(String.format(Locale.ROOT, "%02x", (int) Math.round(from[i] + (to[i] - from[i]) * t)));
        }
        return hex.toString();
    }
}
