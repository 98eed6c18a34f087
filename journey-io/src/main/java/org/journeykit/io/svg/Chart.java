package org.journeykit.io.svg;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A picture of one analysis result, drawn as SVG with the palettes and accessibility rules of the journey map: real
 * text, a {@code <title>} and {@code <desc>} for assistive technology, colour always backed by a label, a shape or a
 * position, labels that never overlap (long names wrap or are shortened, the whole text then in a {@code <title>}),
 * and byte-for-byte deterministic output for the same result and palette.
 *
 * <p>Each subclass draws one kind of result: {@link FunnelSvg}, {@link PathFlowSvg}, {@link ProcessMapSvg},
 * {@link RetentionHeatmapSvg}, {@link NpsDistributionSvg}, {@link AttributionSvg}, {@link ConformanceSvg} and
 * {@link TrendSvg}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the result type drawn
 */
public abstract sealed class Chart<T> permits FunnelSvg, PathFlowSvg, ProcessMapSvg, RetentionHeatmapSvg,
        NpsDistributionSvg, AttributionSvg, ConformanceSvg, TrendSvg {

    /** The width of every chart but the process map, in user units. */
    static final double WIDTH = 760;
    static final double MARGIN = 16;
    static final double TITLE_Y = 28;

    private final Palette palette;

    Chart(Palette palette) {
        this.palette = Objects.requireNonNull(palette, "palette");
    }

    /**
     * The palette the chart is drawn with.
     *
     * @return the palette, not null
     */
    public Palette getPalette() {
        return palette;
    }

    /**
     * Draws the result as a standalone SVG document, with XML declaration.
     *
     * @param result the result, not null
     * @return the SVG document, not null
     * @throws NullPointerException if result is null
     * @throws PictureException if the result cannot be drawn, as the subclass documents
     */
    public final String render(T result) {
        StringBuilder out = new StringBuilder(8_192);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        draw(Objects.requireNonNull(result, "result"), new Canvas(out, palette));
        return out.toString();
    }

    /**
     * Draws the result as one {@code <svg>} element without XML declaration, to embed in an HTML page.
     *
     * @param result the result, not null
     * @return the {@code <svg>} element, not null
     * @throws NullPointerException if result is null
     * @throws PictureException as {@link #render(Object)}
     */
    public final String renderElement(T result) {
        StringBuilder out = new StringBuilder(8_192);
        draw(Objects.requireNonNull(result, "result"), new Canvas(out, palette));
        return out.toString();
    }

    /**
     * Writes the standalone SVG document of {@link #render(Object)}; the writer is not closed.
     *
     * @param result the result, not null
     * @param out where to write, encoded as UTF-8 by the caller; not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException as {@link #render(Object)}
     * @throws IOException if writing fails
     */
    public final void write(T result, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(render(result));
    }

    /** Draws the whole {@code <svg>} element. */
    abstract void draw(T result, Canvas canvas);

    /**
     * The ids of a chart's title and description: the CSS class and a hash of the description, so that several
     * charts on one page have distinct ids and the same chart always the same.
     */
    static String idPrefix(String cssClass, String description) {
        return "jk-" + cssClass + "-" + Integer.toHexString(description.hashCode());
    }

    /** The chart's heading at the top left, shortened to the width. */
    static void heading(Canvas canvas, String text, double width) {
        canvas.label(text, MARGIN, TITLE_Y, width - 2 * MARGIN, 16, "start", "bold", "chart-title");
        canvas.xml.newline();
    }

    /** A line of explanation under the heading. */
    static void subheading(Canvas canvas, String text, double width) {
        canvas.label(text, MARGIN, TITLE_Y + 20, width - 2 * MARGIN, 12, "start", null, "chart-subtitle");
        canvas.xml.newline();
    }

    /** A note in italics, such as "no data". */
    static void note(Canvas canvas, String text, double x, double y, double width) {
        canvas.xml.start("g", "class", "note", "font-style", "italic");
        canvas.label(text, x, y, width, 12, "start", null, null);
        canvas.xml.end().newline();
    }
}
