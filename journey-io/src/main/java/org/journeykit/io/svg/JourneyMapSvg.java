package org.journeykit.io.svg;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gaps;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;

/**
 * Draws a journey map as SVG: phases as columns along the timeline, one column per touchpoint, and the
 * {@linkplain Lane lanes} chosen in the {@link SvgOptions}: customer actions, touchpoints (with channel, moment kind,
 * rating, moment-of-truth star and hand-off markers), front stage, back stage, the emotion curve, pain points and
 * opportunities. A persona card is drawn beside the map.
 *
 * <p>What the picture shows:
 * <ul>
 *   <li>The emotion curve is a line through each touchpoint's normalised emotion ({@link EmotionCurve}): +1 at the
 *       top of the lane, 0 on the dashed neutral line, -1 at the bottom. Each point has a marker
 *       ({@code class="marker current"}); dips ({@link EmotionCurve#getDips()} that the curve rises from again:
 *       the last point, with nothing after it, is a fall at the end and is not marked) have a downward triangle
 *       below their marker ({@code class="dip"}). A comparison journey's curve is dashed with square markers
 *       ({@code class="marker future"}).</li>
 *   <li>Gaps ({@link Gaps}) are drawn as a dashed line and a diamond between the two touchpoints
 *       ({@code class="gap"}).</li>
 *   <li>Long texts wrap; text that does not fit is shortened with an ellipsis, and the element's {@code <title>}
 *       (a tooltip in browsers) holds the whole text.</li>
 *   <li>Every touchpoint's elements carry {@code data-touchpoint="<id>"}; curve markers also carry
 *       {@code data-normalised}, so the data behind the picture can be read back.</li>
 *   <li>A journey without touchpoints, without emotions, or with one phase is drawn with a note saying so.</li>
 * </ul>
 *
 * <p>The picture is drawn by parts named for their role: {@code MapLayout} (columns, widths, checks),
 * {@code MapLanes} (phases and lanes), {@code CurveLane} (the emotion lane), {@code MapLegend},
 * {@code PersonaCard} and {@code MapText} (labels and the description), over the shared {@code Canvas}.
 *
 * <p>The output is deterministic: the same model and options give the same characters (numbers are written with
 * at most one decimal in {@link java.util.Locale#ROOT}, attributes in a fixed order).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyMapSvg {

    private final SvgOptions options;

    private JourneyMapSvg(SvgOptions options) {
        this.options = options;
    }

    /**
     * A writer with the given options.
     *
     * @param options the options, not null
     * @return the writer, not null
     * @throws NullPointerException if options is null
     */
    public static JourneyMapSvg of(SvgOptions options) {
        return new JourneyMapSvg(Objects.requireNonNull(options, "options"));
    }

    /**
     * A writer with {@link SvgOptions#defaults()}.
     *
     * @return the writer, not null
     */
    public static JourneyMapSvg withDefaults() {
        return new JourneyMapSvg(SvgOptions.defaults());
    }

    /**
     * The options this writer uses.
     *
     * @return the options, not null
     */
    public SvgOptions getOptions() {
        return options;
    }

    /**
     * Draws a journey as a standalone SVG document, with XML declaration.
     *
     * @param model the model holding the journey, its personas and channels; not null
     * @param journeyId the id of the journey to draw, not null
     * @return the SVG document, not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException if the model has no such journey (or no such comparison journey), or the journey
     *     needs a picture wider than {@link SvgOptions#MAX_WIDTH} or does not fit the fixed width
     */
    public String render(JourneyModel model, String journeyId) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        draw(model, journeyId, out);
        out.append('\n');
        return out.toString();
    }

    /**
     * Draws a journey as one {@code <svg>} element without XML declaration, to embed in an HTML page.
     *
     * @param model the model holding the journey, its personas and channels; not null
     * @param journeyId the id of the journey to draw, not null
     * @return the {@code <svg>} element, not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException as {@link #render(JourneyModel, String)}
     */
    public String renderElement(JourneyModel model, String journeyId) {
        StringBuilder out = new StringBuilder(16_384);
        draw(model, journeyId, out);
        return out.toString();
    }

    /**
     * Writes the standalone SVG document of {@link #render(JourneyModel, String)}; the writer is not closed.
     *
     * @param model the model, not null
     * @param journeyId the id of the journey to draw, not null
     * @param out where to write, encoded as UTF-8 by the caller; not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException as {@link #render(JourneyModel, String)}
     * @throws IOException if writing fails
     */
    public void write(JourneyModel model, String journeyId, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(render(model, journeyId));
    }

    private void draw(JourneyModel model, String journeyId, StringBuilder out) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journeyId, "journeyId");
        Journey journey = findJourney(model, journeyId, "journeyId");
        Journey comparison = options.getComparisonJourneyId()
                .map(id -> findJourney(model, id, "SvgOptions.comparisonJourneyId"))
                .orElse(null);
        MapScene scene = new MapScene(model, journey, comparison, options, out);
        MapLayout layout = scene.layout;
        Canvas canvas = scene.canvas;
        double top = layout.top();
        double mapBottom = layout.mapBottom();
        canvas.open("journey-map", "jk", layout.width, layout.height(), MapText.title(scene),
                MapText.description(scene), "data-journey", journey.getId());
        drawTitle(scene);
        MapLanes lanes = new MapLanes(scene);
        lanes.drawPhases(top, mapBottom);
        double y = top + MapLayout.PHASE_HEIGHT;
        for (Lane lane : options.getLanes()) {
            lanes.drawLane(lane, y);
            y += layout.laneHeight(lane);
        }
        if (options.isPersonaCard()) {
            new PersonaCard(scene).draw(top, mapBottom);
        }
        new MapLegend(scene, mapBottom + 12).draw();
        scene.xml.end();
    }

    private static void drawTitle(MapScene scene) {
        Xml xml = scene.xml;
        double width = scene.layout.width;
        double margin = MapLayout.MARGIN;
        double x = margin;
        List<String> lines = TextFit.wrap(MapText.title(scene), TextFit.charsFor(width - 2 * margin, 18), 1);
        xml.start("text", "x", x, "y", margin + 20, "font-size", 18.0, "font-weight", "bold", "fill", scene.ink(),
                "class", "map-title");
        if (!lines.isEmpty()) {
            xml.text(lines.get(0));
        }
        xml.end().newline();
        String sub = scene.journey.getScenario().orElse(scene.journey.getState() == JourneyState.FUTURE
                ? "Future journey" : "Current journey");
        List<String> subLines = TextFit.wrap(sub, TextFit.charsFor(width - 2 * margin, 12), 1);
        if (!subLines.isEmpty()) {
            xml.element("text", subLines.get(0), "x", x, "y", margin + 40, "font-size", 12.0,
                    "fill", scene.ink(), "class", "map-subtitle");
            xml.newline();
        }
        double noteY = margin + MapLayout.TITLE_HEIGHT + 12;
        for (String note : scene.layout.notes) {
            xml.element("text", note, "x", x, "y", noteY, "font-size", 12.0, "font-style", "italic",
                    "fill", scene.ink(), "class", "note");
            xml.newline();
            noteY += MapLayout.NOTE_HEIGHT;
        }
    }

    private static Journey findJourney(JourneyModel model, String id, String what) {
        return model.findJourney(id).orElseThrow(() -> new PictureException(what + " is '" + id
                + "', expected the id of one of the model's journeys "
                + model.getJourneys().stream().map(Journey::getId).toList()));
    }
}
