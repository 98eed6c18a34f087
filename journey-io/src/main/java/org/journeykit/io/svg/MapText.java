package org.journeykit.io.svg;

import java.util.Locale;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.Dip;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Opportunity;
import org.journeykit.model.Rating;

/** The words of the journey map: labels of kinds and ratings, emotion texts, the title and the description. */
final class MapText {

    private MapText() {}

    static String title(MapScene scene) {
        String title = "Journey map: " + scene.journey.getName();
        if (scene.comparison != null) {
            title += ", compared with " + scene.comparison.getName();
        }
        return title;
    }

    static String description(MapScene scene) {
        EmotionCurve curve = scene.curve;
        EmotionScale scale = scene.journey.getEmotionScale();
        StringBuilder d = new StringBuilder();
        d.append("Journey '").append(scene.journey.getName()).append("' (").append(scene.journey.getState()
                .name().toLowerCase(Locale.ROOT)).append(')');
        scene.persona().ifPresent(p -> d.append(" for persona ").append(p.getName()));
        int phases = scene.journey.getPhases().size();
        d.append(": ").append(scene.journey.getTouchpoints().size()).append(" touchpoints in ")
                .append(phases).append(phases == 1 ? " phase" : " phases").append('.');
        curve.getValley().ifPresent(v -> d.append(" Lowest emotion at '").append(v.getTouchpointName())
                .append("' (").append(onScale(v, scale)).append(")."));
        curve.getPeak().ifPresent(p -> d.append(" Highest emotion at '").append(p.getTouchpointName())
                .append("' (").append(onScale(p, scale)).append(")."));
        int dips = valleys(curve).size();
        d.append(' ').append(dips).append(dips == 1 ? " dip, " : " dips, ")
                .append(scene.gaps.size()).append(scene.gaps.size() == 1 ? " hand-off." : " hand-offs.");
        endsOnAFall(curve).ifPresent(end -> d.append(" The journey ends on a fall at '")
                .append(end.getPoint().getTouchpointName()).append("'."));
        for (String note : scene.layout.notes) {
            d.append(' ').append(note);
        }
        return d.toString();
    }

    /**
     * A point's emotion on the journey's declared scale, the scale the map's axis shows, such as {@code 2 on 1 to 5}:
     * the normalised value mapped back linearly (-1 to the scale's minimum, 0 to its midpoint, +1 to its maximum).
     */
    static String onScale(CurvePoint point, EmotionScale scale) {
        double value = scale.getMidpoint() + point.getNormalised() * (scale.getMax() - scale.getMin()) / 2.0;
        return Xml.number(value) + " on " + scale.getMin() + " to " + scale.getMax();
    }

    /** The dips the picture marks: the curve's local minima after which it rises again ({@link Dip#isAtEnd()} false). */
    static java.util.List<Dip> valleys(EmotionCurve curve) {
        return curve.getDips().stream().filter(dip -> !dip.isAtEnd()).collect(java.util.stream.Collectors.toList());
    }

    /** The fall onto the curve's last point, when the curve ends lower than the point before it. */
    static java.util.Optional<Dip> endsOnAFall(EmotionCurve curve) {
        return curve.getDips().stream().filter(Dip::isAtEnd).findFirst();
    }


    static String ratingLabel(Rating rating) {
        switch (rating) {
            case GOOD:
                return "rated good";
            case SUFFICIENT:
                return "rated sufficient";
            default:
                return "rated insufficient";
        }
    }

    static String priorityLabel(Opportunity.Priority priority) {
        return priority.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String emotionText(Emotion e) {
        StringBuilder s = new StringBuilder();
        s.append(Xml.number(e.getValue())).append(" on ").append(e.getScale());
        e.getLabel().ifPresent(l -> s.append(" (").append(l).append(')'));
        e.getQuote().ifPresent(q -> s.append(" \u201c").append(q).append('\u201d'));
        return s.toString();
    }

    static String signed(double value) {
        String n = Xml.number(value);
        return value > 0.049 ? "+" + n : n;
    }
}
