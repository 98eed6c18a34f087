package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.journeys.attribution.AttributionResult;

/**
 * Draws attribution by model side by side per channel: for each channel a group of horizontal bars, one per model
 * in the order the map gives them, each bar as long as the conversions that model attributes to the channel, all
 * groups on one scale. Each bar is labelled with its value and its model's name, so the models are told apart
 * without colour; the colours (one per model) repeat the legend. Channels are ordered by the first model's
 * attribution, highest first; at most {@value #MAX_CHANNELS} are drawn, and a note counts the rest.
 *
 * <p>The result drawn maps each model's name (such as {@code "last touch"} or {@code "Markov"}) to its result, in
 * the order to draw: use a {@link LinkedHashMap} or a sorted map; names and results must not be null. An empty map
 * is drawn with a note that there is nothing to compare.
 *
 * <p>Bars carry {@code class="bar"} with {@code data-channel}, {@code data-model} and {@code data-conversions}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AttributionSvg extends Chart<Map<String, AttributionResult>> {

    /** The most channels drawn. */
    public static final int MAX_CHANNELS = 24;

    private static final double LABEL_WIDTH = 150;
    private static final double BAR_MAX = 400;
    private static final double BAR = 14;
    private static final double TOP = 84;
    private static final Role[] MODEL_COLOURS = {Role.CURRENT_CURVE, Role.GAP, Role.FUTURE_CURVE,
        Role.MOMENT_OF_TRUTH, Role.PAIN_POINT};

    private AttributionSvg(Palette palette) {
        super(palette);
    }

    /**
     * An attribution chart in the {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static AttributionSvg withDefaults() {
        return new AttributionSvg(Palette.okabeIto());
    }

    /**
     * An attribution chart in a palette.
     *
     * @param palette the palette, not null
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     */
    public static AttributionSvg of(Palette palette) {
        return new AttributionSvg(palette);
    }

    @Override
    void draw(Map<String, AttributionResult> byModel, Canvas canvas) {
        Map<String, AttributionResult> models = new LinkedHashMap<>();
        byModel.forEach((name, result) -> models.put(Objects.requireNonNull(name, "model name"),
                Objects.requireNonNull(result, "result")));
        TreeSet<String> channelSet = new TreeSet<>();
        double max = 0;
        for (AttributionResult result : models.values()) {
            channelSet.addAll(result.conversions().keySet());
            for (double v : result.conversions().values()) {
                max = Math.max(max, v);
            }
        }
        List<String> channels = new ArrayList<>(channelSet);
        if (!models.isEmpty()) {
            AttributionResult first = models.values().iterator().next();
            channels.sort(Comparator.comparingDouble((String c) -> -first.conversions().getOrDefault(c, 0.0))
                    .thenComparing(Comparator.naturalOrder()));
        }
        int more = Math.max(0, channels.size() - MAX_CHANNELS);
        List<String> drawn = channels.subList(0, Math.min(channels.size(), MAX_CHANNELS));
        double group = models.size() * (BAR + 2) + 12;
        double height = TOP + Math.max(1, drawn.size()) * group + (more > 0 ? 24 : 0) + MARGIN;
        StringBuilder d = new StringBuilder("Conversions attributed per channel by ").append(models.size())
                .append(models.size() == 1 ? " model:" : " models:");
        for (String channel : drawn) {
            d.append(' ').append(channel);
            models.forEach((name, r) -> d.append(' ').append(name).append(' ')
                    .append(Canvas.fixed(r.conversions().getOrDefault(channel, 0.0), 1)));
            d.append(';');
        }
        canvas.open("attribution-chart", idPrefix("attribution", d.toString()), WIDTH, height,
                "Attribution by model per channel", d.toString());
        heading(canvas, "Attribution: conversions per channel, by model", WIDTH);
        if (models.isEmpty() || drawn.isEmpty()) {
            note(canvas, "No attribution results were given, so there is nothing to compare.", MARGIN, TOP,
                    WIDTH - 2 * MARGIN);
            canvas.close();
            return;
        }
        Xml xml = canvas.xml;
        double x = MARGIN;
        int m = 0;
        xml.start("g", "class", "legend");
        for (String name : models.keySet()) {
            xml.empty("rect", "x", x, "y", 40.0, "width", 14.0, "height", 12.0,
                    "fill", canvas.colour(MODEL_COLOURS[m++ % MODEL_COLOURS.length]));
            String shown = Canvas.shorten(name, 24);
            canvas.label(name, x + 20, 50.0, 24 * Canvas.FONT * TextFit.CHAR_WIDTH + 4, Canvas.FONT, "start", null,
                    null);
            x += 40 + shown.length() * 6.6;
        }
        xml.end().newline();
        double barLeft = MARGIN + LABEL_WIDTH;
        double scale = max <= 0 ? 0 : BAR_MAX / max;
        for (int c = 0; c < drawn.size(); c++) {
            String channel = drawn.get(c);
            double top = TOP + c * group;
            xml.start("g", "class", "channel", "data-channel", channel);
            canvas.label(channel, barLeft - 8, top + group / 2 - 2, LABEL_WIDTH - 8, 11, "end", "bold", null);
            m = 0;
            for (Map.Entry<String, AttributionResult> model : models.entrySet()) {
                double value = model.getValue().conversions().getOrDefault(channel, 0.0);
                double y = top + m * (BAR + 2);
                double w = value * scale;
                xml.start("rect", "class", "bar", "data-channel", channel, "data-model", model.getKey(),
                        "data-conversions", Canvas.fixed(value, 4), "x", barLeft, "y", y, "width", w,
                        "height", BAR, "fill", canvas.colour(MODEL_COLOURS[m % MODEL_COLOURS.length]));
                xml.element("title", channel + ", " + model.getKey() + ": " + Canvas.fixed(value, 2)
                        + " conversions");
                xml.end();
                canvas.label(Canvas.fixed(value, 1) + "  " + model.getKey(), barLeft + w + 6, y + 11,
                        WIDTH - MARGIN - barLeft - w - 6, 10, "start", null, null);
                m++;
            }
            xml.end().newline();
        }
        if (more > 0) {
            note(canvas, more + (more == 1 ? " more channel" : " more channels") + " with less attribution not drawn.",
                    MARGIN, TOP + drawn.size() * group + 14, WIDTH - 2 * MARGIN);
        }
        canvas.close();
    }
}
