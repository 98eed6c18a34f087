package org.journeykit.io.svg;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.Dip;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.model.Emotion;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;

/**
 * The emotion lane of a journey map: the dashed neutral line, the current journey's curve with a marker per
 * touchpoint and a triangle under each dip (a low point the curve rises from again), and the comparison journey's
 * dashed curve with square markers, its added touchpoints placed between their neighbours.
 */
final class CurveLane {

    private final MapScene scene;
    private final MapLayout layout;
    private final Xml xml;

    CurveLane(MapScene scene) {
        this.scene = scene;
        this.layout = scene.layout;
        this.xml = scene.xml;
    }

    private static double curveY(double top, double height, double normalised) {
        double neutral = top + height / 2;
        double amplitude = height / 2 - 24;
        return neutral - normalised * amplitude;
    }

    void draw(double top, double height) {
        Canvas canvas = scene.canvas;
        EmotionCurve curve = scene.curve;
        double neutral = top + height / 2;
        xml.empty("line", "class", "neutral", "x1", layout.mapLeft, "y1", neutral, "x2", layout.mapRight(),
                "y2", neutral, "stroke", canvas.colour(Role.GRID), "stroke-width", 1.0, "stroke-dasharray", "4 4");
        xml.newline();
        if (curve.isEmpty()) {
            xml.element("text", "No emotions recorded yet", "x", layout.mapLeft + 6, "y", neutral - 8,
                    "font-style", "italic", "fill", scene.ink(), "class", "note");
            xml.newline();
        }
        if (scene.comparison != null) {
            drawComparison(top, height, scene.comparison);
        }
        String colour = canvas.colour(Role.CURRENT_CURVE);
        List<CurvePoint> points = curve.getPoints();
        if (points.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                CurvePoint p = points.get(i);
                d.append(i == 0 ? 'M' : 'L').append(Xml.number(layout.centreX(layout.slot(p.getTouchpointId()))))
                        .append(' ').append(Xml.number(curveY(top, height, p.getNormalised())));
            }
            xml.empty("path", "class", "curve current", "d", d.toString(), "fill", "none", "stroke", colour,
                    "stroke-width", 2.5, "stroke-linejoin", "round");
            xml.newline();
        }
        Set<String> dips = new HashSet<>();
        for (Dip dip : MapText.valleys(curve)) {
            dips.add(dip.getPoint().getTouchpointId());
        }
        for (CurvePoint p : points) {
            double cx = layout.centreX(layout.slot(p.getTouchpointId()));
            double cy = curveY(top, height, p.getNormalised());
            Emotion emotion = scene.journey.findTouchpoint(p.getTouchpointId()).flatMap(Touchpoint::getEmotion)
                    .orElseThrow();
            xml.start("g", "data-touchpoint", p.getTouchpointId());
            xml.start("circle", "class", "marker current", "data-touchpoint", p.getTouchpointId(),
                    "data-normalised", String.format(Locale.ROOT, "%.4f", p.getNormalised() + 0.0),
                    "cx", cx, "cy", cy, "r", 6.0, "fill", colour, "stroke", canvas.colour(Role.BACKGROUND),
                    "stroke-width", 1.5);
            xml.element("title", p.getTouchpointName() + ": " + MapText.emotionText(emotion));
            xml.end();
            String label = emotion.getLabel().orElse(Xml.number(emotion.getValue()));
            List<String> labelLines = TextFit.wrap(label, TextFit.charsFor(layout.columnWidth - 16, 10), 1);
            double labelY = p.getNormalised() >= 0 ? cy - 11 : cy + 20;
            if (dips.contains(p.getTouchpointId())) {
                double ty = cy + 12;
                xml.start("path", "class", "dip", "data-touchpoint", p.getTouchpointId(),
                        "d", "M" + Xml.number(cx - 6) + " " + Xml.number(ty) + "L" + Xml.number(cx + 6) + " "
                                + Xml.number(ty) + "L" + Xml.number(cx) + " " + Xml.number(ty + 9) + "Z",
                        "fill", canvas.colour(Role.PAIN_POINT));
                xml.element("title", "Dip: the emotion falls here; a first candidate for improvement");
                xml.end();
                labelY = cy + 33;
                if (labelY > top + height - 2) {
                    labelY = cy - 11;
                }
            }
            if (!labelLines.isEmpty()) {
                xml.element("text", labelLines.get(0), "x", cx, "y", labelY, "font-size", 10.0,
                        "text-anchor", "middle", "fill", scene.ink());
            }
            xml.end().newline();
        }
    }

    private void drawComparison(double top, double height, Journey other) {
        Map<String, Integer> slotOf = layout.slotOf;
        EmotionCurve otherCurve = EmotionCurve.of(other);
        List<Touchpoint> timeline = other.getTouchpoints();
        double[] xs = new double[timeline.size()];
        int i = 0;
        while (i < timeline.size()) {
            Integer slot = slotOf.get(timeline.get(i).getId());
            if (slot != null) {
                xs[i] = layout.centreX(slot);
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < timeline.size() && !slotOf.containsKey(timeline.get(runEnd).getId())) {
                runEnd++;
            }
            double left = i == 0 ? layout.mapLeft : xs[i - 1];
            Integer nextSlot = runEnd < timeline.size() ? slotOf.get(timeline.get(runEnd).getId()) : null;
            double right = nextSlot != null ? layout.centreX(nextSlot) : layout.mapRight();
            int count = runEnd - i;
            for (int k = 0; k < count; k++) {
                xs[i + k] = left + (right - left) * (k + 1) / (count + 1);
            }
            i = runEnd;
        }
        Map<String, Double> xOf = new HashMap<>();
        for (int k = 0; k < timeline.size(); k++) {
            xOf.put(timeline.get(k).getId(), xs[k]);
        }
        String colour = scene.canvas.colour(Role.FUTURE_CURVE);
        List<CurvePoint> points = otherCurve.getPoints();
        xml.start("g", "class", "comparison", "data-journey", other.getId());
        xml.element("title", "Emotion curve of " + other.getName());
        if (points.size() > 1) {
            StringBuilder d = new StringBuilder();
            for (int k = 0; k < points.size(); k++) {
                CurvePoint p = points.get(k);
                // Every point of the other curve is a touchpoint of the other timeline.
                double x = Objects.requireNonNull(xOf.get(p.getTouchpointId()), "x of a curve point");
                d.append(k == 0 ? 'M' : 'L').append(Xml.number(x)).append(' ')
                        .append(Xml.number(curveY(top, height, p.getNormalised())));
            }
            xml.empty("path", "class", "curve future", "d", d.toString(), "fill", "none", "stroke", colour,
                    "stroke-width", 2.5, "stroke-dasharray", "8 5");
        }
        for (CurvePoint p : points) {
            double cx = Objects.requireNonNull(xOf.get(p.getTouchpointId()));
            double cy = curveY(top, height, p.getNormalised());
            xml.start("rect", "class", "marker future", "data-touchpoint", p.getTouchpointId(),
                    "data-normalised", String.format(Locale.ROOT, "%.4f", p.getNormalised() + 0.0),
                    "x", cx - 5, "y", cy - 5, "width", 10.0, "height", 10.0, "fill", colour,
                    "stroke", scene.canvas.colour(Role.BACKGROUND), "stroke-width", 1.5);
            xml.element("title", p.getTouchpointName() + " (" + other.getName() + "): "
                    + MapText.onScale(p, scene.journey.getEmotionScale()));
            xml.end();
        }
        xml.end().newline();
    }
}
