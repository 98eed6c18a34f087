package org.journeykit.io.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.journeykit.analysis.ClassifiedMoment;
import org.journeykit.analysis.ContactMomentClassification;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.Dip;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gap;
import org.journeykit.analysis.Gaps;
import org.journeykit.analysis.ImprovementStrategy;
import org.journeykit.analysis.JourneyComparison;
import org.journeykit.io.internal.Markup;
import org.journeykit.io.svg.JourneyMapSvg;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Persona;
import org.journeykit.model.Rating;

/** The sections made from the model: map, persona, comparison, contact moments, gaps. */
final class ModelSections {

    private ModelSections() {}

    static void map(ReportContext c, Html h) {
        String map = JourneyMapSvg.of(c.svgOptions).renderElement(c.model, c.journey.getId());
        h.raw("<div class=\"map-frame\">\n").raw(map).raw("\n</div>\n");
        curveSummary(h, EmotionCurve.of(c.journey), c.journey.getEmotionScale());
    }

    /**
     * The lowest and highest emotion on the journey's declared scale (the scale the map's axis shows), the
     * peak-end score, the dips the curve rises from again, and a fall at the end, which is not a dip.
     */
    private static void curveSummary(Html h, EmotionCurve curve, EmotionScale scale) {
        if (curve.isEmpty()) {
            h.element("p", "No emotions are recorded yet, so there is no emotion curve.", "note");
            return;
        }
        List<Dip> dips = new ArrayList<>();
        Optional<Dip> endFall = Optional.empty();
        for (Dip dip : curve.getDips()) {
            if (dip.isAtEnd()) {
                endFall = Optional.of(dip);
            } else {
                dips.add(dip);
            }
        }
        StringBuilder s = new StringBuilder();
        curve.getValley().ifPresent(v -> s.append("Lowest emotion: ").append(v.getTouchpointName()).append(" (")
                .append(onScale(v, scale)).append("). "));
        curve.getPeak().ifPresent(p -> s.append("Highest: ").append(p.getTouchpointName()).append(" (")
                .append(onScale(p, scale)).append("). "));
        curve.getPeakEndScore().ifPresent(v -> s.append("Peak-end score: ").append(Format.number(v, 2))
                .append(" on -1 to +1. "));
        s.append(dips.size() == 1 ? "1 dip" : dips.size() + " dips");
        if (!dips.isEmpty()) {
            s.append(" (");
            for (int i = 0; i < dips.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(dips.get(i).getPoint().getTouchpointName());
            }
            s.append(')');
        }
        s.append('.');
        endFall.ifPresent(d -> s.append(" The journey ends on a fall at ").append(d.getPoint().getTouchpointName())
                .append(", its last touchpoint."));
        h.element("p", s.toString(), "summary");
    }

    /** A point on the declared scale: -1 is the scale's minimum, 0 its midpoint, +1 its maximum. */
    private static String onScale(CurvePoint point, EmotionScale scale) {
        double value = scale.getMidpoint() + point.getNormalised() * (scale.getMax() - scale.getMin()) / 2.0;
        String n = Format.number(value, 1);
        return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + " on " + scale.getMin() + " to "
                + scale.getMax();
    }

    static void persona(ReportContext c, Html h) {
        boolean any = false;
        for (String id : c.journey.getPersonaIds()) {
            Optional<Persona> found = c.model.findPersona(id);
            if (found.isEmpty()) {
                continue;
            }
            any = true;
            Persona p = found.get();
            h.raw("<div class=\"card\">\n").element("h3", p.getName());
            p.getJobTitle().ifPresent(t -> h.element("p", t, "meta"));
            p.getQuote().ifPresent(q -> h.element("blockquote", q));
            p.getDescription().ifPresent(d -> h.element("p", d));
            h.raw("<dl>\n");
            list(h, "Goals", p.getGoals());
            list(h, "Needs", p.getNeeds());
            list(h, "Expectations", p.getExpectations());
            list(h, "Frustrations", p.getFrustrations());
            list(h, "Drivers", p.getDrivers());
            list(h, "Preferred channels", p.getPreferredChannelIds().stream().map(c::channel).toList());
            h.raw("</dl>\n</div>\n");
        }
        if (!any) {
            h.element("p", "No persona is linked to this journey.", "note");
        }
    }

    private static void list(Html h, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.element("dt", heading).raw("<dd><ul>");
        for (String item : items) {
            h.element("li", item);
        }
        h.raw("</ul></dd>\n");
    }

    static void comparison(ReportContext c, Html h) {
        Optional<Journey> found = c.comparison();
        if (found.isEmpty()) {
            h.element("p", "No comparison journey is set (SvgOptions.comparisonJourneyId), so there is nothing to "
                    + "compare.", "note");
            return;
        }
        Journey current = c.journey;
        Journey future = found.get();
        JourneyComparison cmp = JourneyComparison.of(current, future);
        h.element("p", "What " + future.getName() + " changes against " + current.getName() + ":");
        h.raw("<ul>\n")
                .element("li", "Added touchpoints: " + names(future, cmp.getAdded()))
                .element("li", "Removed touchpoints: " + names(current, cmp.getRemoved())
                        + (cmp.getSuperfluousRemoved().isEmpty() ? ""
                                : " (superfluous contact prevented: " + names(current, cmp.getSuperfluousRemoved())
                                        + ")"))
                .element("li", "Changed touchpoints: " + cmp.getChanged().size()
                        + ", of which channel shifts: " + cmp.getChannelShifts().size());
        cmp.getPeakEndChange().ifPresent(v -> h.element("li", "Peak-end score change: " + Format.signed(v, 2)
                + " on -1 to +1"));
        h.raw("</ul>\n");
    }

    private static String names(Journey journey, List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            names.add(ReportContext.touchpointName(journey, id));
        }
        return String.join(", ", names);
    }

    static void classification(ReportContext context, Html h) {
        ContactMomentClassification c = ContactMomentClassification.of(context.journey);
        if (c.getMoments().isEmpty()) {
            h.element("p", "No touchpoint is classified yet: ask for each one whether it is important to the "
                    + "customer and whether it strengthens the brand.", "note");
        } else {
            h.raw("<table class=\"matrix\">\n<caption>Touchpoints by kind and rating</caption>\n<thead><tr>")
                    .element("th", "Kind");
            for (Rating r : Rating.values()) {
                h.element("th", ratingLabel(r));
            }
            h.raw("</tr></thead>\n<tbody>\n");
            for (MomentKind k : MomentKind.values()) {
                h.raw("<tr>").element("th", Markup.kindLabel(k));
                for (Rating r : Rating.values()) {
                    h.element("td", Integer.toString(c.count(k, r)), "num");
                }
                h.raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
            h.raw("<table class=\"worklist\">\n<caption>Improvement strategy, most urgent first</caption>\n")
                    .raw("<thead><tr><th>Touchpoint</th><th>Kind</th><th>Rating</th><th>Strategy</th>")
                    .raw("<th>Advice</th></tr></thead>\n<tbody>\n");
            for (ClassifiedMoment m : c.worklist()) {
                ImprovementStrategy s = m.getStrategy().orElseThrow();
                h.raw("<tr>").element("td", m.getTouchpointName()).element("td", Markup.kindLabel(m.getKind()))
                        .element("td", m.getRating().map(ModelSections::ratingLabel).orElse("not rated"))
                        .element("td", s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .element("td", s.getAdvice()).raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        if (!c.getUnclassified().isEmpty()) {
            h.element("p", "Not yet classified: " + names(context.journey, c.getUnclassified()), "note");
        }
    }

    static void gaps(ReportContext c, Html h) {
        List<Gap> gaps = Gaps.of(c.journey);
        if (gaps.isEmpty()) {
            h.element("p", "No hand-off between departments or channels.", "note");
            return;
        }
        h.raw("<table>\n<caption>Where the customer is handed from one department or channel to another"
                + "</caption>\n<thead><tr><th>From</th><th>To</th><th>Department</th><th>Channel</th>"
                + "<th>Emotion change</th></tr></thead>\n<tbody>\n");
        for (Gap g : gaps) {
            h.raw("<tr>").element("td", ReportContext.touchpointName(c.journey, g.getFromTouchpointId()))
                    .element("td", ReportContext.touchpointName(c.journey, g.getToTouchpointId()))
                    .element("td", g.getDepartmentHandoff().map(x -> x.getSource() + " \u2192 " + x.getTarget())
                            .orElse("\u2013"))
                    .element("td", g.getChannelSwitch().map(x -> c.channel(x.getSource()) + " \u2192 "
                            + c.channel(x.getTarget())).orElse("\u2013"));
            h.element("td", g.getEmotionChange().isPresent() ? Format.signed(g.getEmotionChange().getAsDouble(), 2)
                    : "\u2013", "num").raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }


    private static String ratingLabel(Rating rating) {
        return rating.name().charAt(0) + rating.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
