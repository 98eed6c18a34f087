package org.journeykit.io.svg;

import java.util.List;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;

/**
 * Draws a {@link FunnelResult}: one bar per step, its length proportional to the number who reached the step
 * ({@code entered}, the first step's bar the full length), the count and the conversion from the first and from the
 * previous step beside it, and between two steps the drop-off (how many reached the step but not the next) with the
 * median time to the next step. The last step has no drop-off and no time to a next step, and none is drawn.
 *
 * <p>Bars carry {@code class="bar"} with {@code data-step} and {@code data-entered}; drop-offs carry
 * {@code class="drop-off"} with {@code data-dropped}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelSvg extends Chart<FunnelResult> {

    private static final double LABEL_WIDTH = 170;
    private static final double BAR_MAX = 330;
    private static final double ROW = 62;
    private static final double BAR_HEIGHT = 26;

    private FunnelSvg(Palette palette) {
        super(palette);
    }

    /**
     * A funnel chart in the {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static FunnelSvg withDefaults() {
        return new FunnelSvg(Palette.okabeIto());
    }

    /**
     * A funnel chart in a palette: bars in {@link Role#CURRENT_CURVE}, drop-offs in {@link Role#PAIN_POINT}.
     *
     * @param palette the palette, not null
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     */
    public static FunnelSvg of(Palette palette) {
        return new FunnelSvg(palette);
    }

    @Override
    void draw(FunnelResult result, Canvas canvas) {
        List<FunnelStep> steps = result.steps();
        long first = steps.get(0).entered();
        double top = 64;
        double height = top + steps.size() * ROW + MARGIN;
        String description = description(result);
        canvas.open("funnel-chart", idPrefix("funnel", description), WIDTH, height, "Funnel of " + steps.size()
                + " steps", description);
        heading(canvas, "Funnel: " + Canvas.count(first) + " reached the first step, " + Canvas.count(result
                .converted()) + " the last", WIDTH);
        subheading(canvas, "Bar: how many reached the step. Between steps: who dropped off, and the median time "
                + "to the next.", WIDTH);
        Xml xml = canvas.xml;
        double barLeft = MARGIN + LABEL_WIDTH;
        for (int k = 0; k < steps.size(); k++) {
            FunnelStep step = steps.get(k);
            double y = top + k * ROW;
            double length = first == 0 ? 0 : BAR_MAX * step.entered() / first;
            xml.start("g", "class", "step", "data-step", step.step());
            canvas.paragraph(step.step(), MARGIN, y + 2, LABEL_WIDTH - 10, 2, "start", "bold");
            xml.start("rect", "class", "bar", "data-step", step.step(), "data-entered", step.entered(),
                    "x", barLeft, "y", y, "width", length, "height", BAR_HEIGHT,
                    "fill", canvas.colour(Role.CURRENT_CURVE));
            xml.element("title", step.step() + ": " + Canvas.count(step.entered()) + " reached this step");
            xml.end();
            String figures = Canvas.count(step.entered());
            xml.element("text", figures, "x", barLeft + length + 6, "y", y + 18, "font-weight", "bold",
                    "fill", canvas.ink(), "class", "count");
            double textLeft = barLeft + BAR_MAX + 70;
            double room = WIDTH - MARGIN - textLeft;
            if (k == 0) {
                canvas.label("first step", textLeft, y + 18, room, 11, "start", null, "conversion");
            } else {
                canvas.label(step.conversionFromStart().stream().mapToObj(Canvas::percent).findFirst()
                        .orElse("\u2013") + " of the first", textLeft, y + 11, room, 11, "start", null, "conversion");
                canvas.label(step.conversionFromPrevious().stream().mapToObj(Canvas::percent).findFirst()
                        .orElse("\u2013") + " of the previous", textLeft, y + 25, room, 11, "start", null,
                        "conversion");
            }
            xml.end().newline();
            if (k + 1 < steps.size()) {
                dropOff(canvas, step, barLeft, y + BAR_HEIGHT);
            }
        }
        canvas.close();
    }

    private static void dropOff(Canvas canvas, FunnelStep step, double x, double top) {
        Xml xml = canvas.xml;
        double mid = top + (ROW - BAR_HEIGHT) / 2;
        String share = step.entered() == 0 ? "" : " (" + Canvas.percent((double) step.droppedOff() / step.entered())
                + ")";
        String text = Canvas.count(step.droppedOff()) + " dropped off" + share
                + step.medianTimeToNext().map(d -> "; median " + Canvas.duration(d) + " to the next step")
                        .orElse("");
        xml.start("g", "class", "drop-off", "data-step", step.step(), "data-dropped", step.droppedOff());
        xml.empty("line", "x1", x + 8, "y1", top + 2, "x2", x + 8, "y2", top + ROW - BAR_HEIGHT - 2,
                "stroke", canvas.colour(Role.GRID), "stroke-width", 2.0);
        xml.empty("path", "d", Canvas.polyline(x + 16, mid - 4, x + 26, mid - 4, x + 21, mid + 4) + "Z",
                "fill", canvas.colour(Role.PAIN_POINT));
        canvas.label(text, x + 32, mid + 4, WIDTH - MARGIN - x - 32, 11, "start", null, null);
        xml.end().newline();
    }

    private static String description(FunnelResult result) {
        StringBuilder d = new StringBuilder("Funnel:");
        for (FunnelStep step : result.steps()) {
            d.append(' ').append(step.step()).append(' ').append(step.entered()).append(';');
        }
        if (result.excluded() > 0) {
            d.append(' ').append(result.excluded()).append(" excluded.");
        }
        return d.toString();
    }
}
