package org.journeykit.io.svg;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.TouchpointDeviations;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link ConformanceSummary}: for each planned touchpoint, in plan order, one bar of the journeys checked
 * split into completed ({@link Role#FUTURE_CURVE}, solid), failing ({@link Role#PAIN_POINT}, hatched) and missing
 * ({@link Role#GRID}, outlined), with the share completed and how often the touchpoint came out of order or late
 * beside it; then one bar per ad-hoc step (a step the map does not plan) for the share of journeys it occurred in
 * ({@link Role#MOMENT_OF_TRUTH}). The mean content, sequence and timing scores head the chart.
 *
 * <p>Segments carry {@code class="segment completed|failing|missing|ad-hoc"} with {@code data-touchpoint} (or
 * {@code data-step}) and {@code data-count}. Touchpoints are named by their names in the planned journey when one is
 * given ({@link #withNames(Journey)}), by their ids otherwise.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConformanceSvg extends Chart<ConformanceSummary> {

    private static final double LABEL_WIDTH = 230;
    private static final double BAR_WIDTH = 320;
    private static final double ROW = 32;
    private static final double TOP = 92;

    private final @Nullable Journey plan;

    private ConformanceSvg(Palette palette, @Nullable Journey plan) {
        super(palette);
        this.plan = plan;
    }

    /**
     * A conformance chart in the {@linkplain Palette#okabeIto() default palette}, naming touchpoints by id.
     *
     * @return the chart, not null
     */
    public static ConformanceSvg withDefaults() {
        return new ConformanceSvg(Palette.okabeIto(), null);
    }

    /**
     * A conformance chart in a palette, naming touchpoints by id.
     *
     * @param palette the palette, not null
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     */
    public static ConformanceSvg of(Palette palette) {
        return new ConformanceSvg(palette, null);
    }

    /**
     * A copy that names touchpoints by their names in the planned journey; ids the journey does not have are shown
     * as they are.
     *
     * @param plan the planned journey the summary was checked against, not null
     * @return the copy, not null
     * @throws NullPointerException if plan is null
     */
    public ConformanceSvg withNames(Journey plan) {
        return new ConformanceSvg(getPalette(), Objects.requireNonNull(plan, "plan"));
    }

    private String name(String touchpointId) {
        return plan == null ? touchpointId
                : plan.findTouchpoint(touchpointId).map(Touchpoint::getName).orElse(touchpointId);
    }

    @Override
    void draw(ConformanceSummary summary, Canvas canvas) {
        List<TouchpointDeviations> touchpoints = summary.touchpoints();
        Map<String, Long> adHoc = summary.adHocCounts();
        long n = summary.journeyCount();
        double adHocTop = TOP + touchpoints.size() * ROW + (adHoc.isEmpty() ? 0 : 30);
        double height = adHocTop + adHoc.size() * ROW + (adHoc.isEmpty() ? 30 : 0) + MARGIN;
        StringBuilder d = new StringBuilder("Conformance of ").append(n).append(" journeys:");
        for (TouchpointDeviations t : touchpoints) {
            d.append(' ').append(name(t.touchpointId())).append(" completed ").append(t.completed())
                    .append(", failing ").append(t.failing()).append(", missing ").append(t.missing()).append(';');
        }
        adHoc.forEach((step, count) -> d.append(" ad hoc ").append(step).append(' ').append(count).append(';'));
        String id = idPrefix("conformance", d.toString());
        canvas.open("conformance-chart", id, WIDTH, height, "Conformance per touchpoint", d.toString());
        Xml xml = canvas.xml;
        xml.start("defs");
        xml.start("pattern", "id", id + "-hatch", "patternUnits", "userSpaceOnUse", "width", 6.0, "height", 6.0,
                "patternTransform", "rotate(45)");
        xml.empty("rect", "width", 6.0, "height", 6.0, "fill", canvas.colour(Role.PAIN_POINT));
        xml.empty("line", "x1", 0.0, "y1", 0.0, "x2", 0.0, "y2", 6.0, "stroke", canvas.colour(Role.BACKGROUND),
                "stroke-width", 2.0);
        xml.end().end().newline();
        heading(canvas, "Conformance: how " + Canvas.count(n) + " actual journeys followed the map", WIDTH);
        subheading(canvas, "Mean scores: content " + Canvas.percent(summary.meanContentScore()) + ", sequence "
                + Canvas.percent(summary.meanSequenceScore()) + ", timing " + (summary.meanTimingScore().isPresent()
                        ? Canvas.percent(summary.meanTimingScore().getAsDouble()) : "not checked") + ".", WIDTH);
        legend(canvas, id, TOP - 26);
        double barLeft = MARGIN + LABEL_WIDTH;
        for (int i = 0; i < touchpoints.size(); i++) {
            TouchpointDeviations t = touchpoints.get(i);
            double y = TOP + i * ROW;
            xml.start("g", "class", "touchpoint", "data-touchpoint", t.touchpointId());
            String label = name(t.touchpointId());
            int lines = TextFit.wrap(label, TextFit.charsFor(LABEL_WIDTH - 8, Canvas.FONT), 2).size();
            canvas.paragraph(label, barLeft - 8, lines == 1 ? y + 4 : y - 3, LABEL_WIDTH - 8, 2, "end", null);
            double x = barLeft;
            x = segment(canvas, "completed", t.touchpointId(), t.completed(), n, x, y,
                    canvas.colour(Role.FUTURE_CURVE), null);
            x = segment(canvas, "failing", t.touchpointId(), t.failing(), n, x, y, "url(#" + id + "-hatch)", null);
            segment(canvas, "missing", t.touchpointId(), t.missing(), n, x, y, canvas.colour(Role.BACKGROUND),
                    canvas.colour(Role.GRID));
            // Two lines beside the bar: the share completed, then the other outcomes (cut to fit; the whole
            // text is then in a <title>).
            double sideLeft = barLeft + BAR_WIDTH + 8;
            double sideWidth = WIDTH - MARGIN - sideLeft;
            canvas.label(Canvas.percent((double) t.completed() / n) + " completed", sideLeft, y + 8, sideWidth, 11,
                    "start", null, null);
            List<String> others = new java.util.ArrayList<>();
            if (t.failing() > 0) {
                others.add(Canvas.count(t.failing()) + " failing");
            }
            if (t.missing() > 0) {
                others.add(Canvas.count(t.missing()) + " missing");
            }
            if (t.outOfOrder() > 0) {
                others.add(Canvas.count(t.outOfOrder()) + " out of order");
            }
            if (t.late() > 0) {
                others.add(Canvas.count(t.late()) + " late");
            }
            if (!others.isEmpty()) {
                canvas.label(String.join(", ", others), sideLeft, y + 21, sideWidth, 10, "start", null, null);
            }
            xml.end().newline();
        }
        if (touchpoints.isEmpty()) {
            note(canvas, "The planned journey has no touchpoints to check.", MARGIN, TOP + 14, WIDTH - 2 * MARGIN);
        }
        if (adHoc.isEmpty()) {
            note(canvas, "No ad-hoc steps: every step of the actual journeys is on the map.", MARGIN,
                    adHocTop + 18, WIDTH - 2 * MARGIN);
        } else {
            canvas.label("Ad-hoc steps (not on the map): share of journeys they occurred in", MARGIN, adHocTop - 10,
                    WIDTH - 2 * MARGIN, 12, "start", "bold", null);
            int i = 0;
            for (Map.Entry<String, Long> step : adHoc.entrySet()) {
                double y = adHocTop + i++ * ROW;
                xml.start("g", "class", "ad-hoc-step", "data-step", step.getKey());
                canvas.label(step.getKey(), barLeft - 8, y + 15, LABEL_WIDTH - 8, 11, "end", null, null);
                segment(canvas, "ad-hoc", step.getKey(), step.getValue(), n, barLeft, y,
                        canvas.colour(Role.MOMENT_OF_TRUTH), null);
                canvas.label(Canvas.percent((double) step.getValue() / n) + " of journeys", barLeft + BAR_WIDTH + 8,
                        y + 15, WIDTH - MARGIN - barLeft - BAR_WIDTH - 8, 11, "start", null, null);
                xml.end().newline();
            }
        }
        canvas.close();
    }

    private static double segment(Canvas canvas, String kind, String subject, long count, long total, double x,
            double y, String fill, @Nullable String stroke) {
        double w = BAR_WIDTH * count / total;
        if (count == 0) {
            return x;
        }
        canvas.xml.start("rect", "class", "segment " + kind, "ad-hoc".equals(kind) ? "data-step" : "data-touchpoint",
                subject, "data-count", count, "x", x, "y", y, "width", w, "height", ROW - 10, "fill", fill,
                "stroke", stroke, "stroke-width", stroke == null ? null : 1.0);
        canvas.xml.element("title", subject + ": " + kind.replace('-', ' ') + " in " + Canvas.count(count) + " of "
                + Canvas.count(total) + " journeys (" + Canvas.percent((double) count / total) + ")");
        canvas.xml.end();
        return x + w;
    }

    private static void legend(Canvas canvas, String id, double y) {
        Xml xml = canvas.xml;
        xml.start("g", "class", "legend");
        Object[][] items = {{"completed", canvas.colour(Role.FUTURE_CURVE), null},
            {"failing (occurred, did not succeed)", "url(#" + id + "-hatch)", null},
            {"missing", canvas.colour(Role.BACKGROUND), canvas.colour(Role.GRID)}};
        double x = MARGIN + LABEL_WIDTH;
        for (Object[] item : items) {
            xml.empty("rect", "x", x, "y", y - 10, "width", 14.0, "height", 12.0, "fill", item[1],
                    "stroke", item[2], "stroke-width", item[2] == null ? null : 1.0);
            String text = (String) item[0];
            xml.element("text", text, "x", x + 20, "y", y, "fill", canvas.ink());
            x += 36 + text.length() * 6.4;
        }
        xml.end().newline();
    }
}
