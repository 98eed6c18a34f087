package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.journeykit.analysis.Gap;
import org.journeykit.io.internal.Markup;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;

/**
 * The grid of a journey map: the phase bands, each lane's heading, and the lanes of text (customer actions, front
 * and back stage), touchpoint cards with their hand-off markers, pain points and opportunities. The emotion lane is
 * drawn by {@link CurveLane}.
 */
final class MapLanes {

    private final MapScene scene;
    private final MapLayout layout;
    private final Canvas canvas;
    private final Xml xml;

    MapLanes(MapScene scene) {
        this.scene = scene;
        this.layout = scene.layout;
        this.canvas = scene.canvas;
        this.xml = scene.xml;
    }

    void drawPhases(double top, double bottom) {
        List<MapLayout.Slot> slots = layout.slots;
        xml.start("g", "class", "phases").newline();
        int start = 0;
        int band = 0;
        while (start < slots.size()) {
            int end = start;
            while (end + 1 < slots.size()
                    && slots.get(end + 1).phase.getId().equals(slots.get(start).phase.getId())) {
                end++;
            }
            Phase phase = slots.get(start).phase;
            double x = layout.columnX(start);
            double w = (end - start + 1) * layout.columnWidth;
            String fill = band % 2 == 0 ? canvas.colour(Role.PHASE_BAND) : canvas.colour(Role.BACKGROUND);
            xml.start("g", "class", "phase", "data-phase", phase.getId());
            xml.element("title", phase.getName() + phase.getDescription().map(d -> ": " + d).orElse(""));
            xml.empty("rect", "x", x, "y", top, "width", w, "height", bottom - top, "fill", fill,
                    "stroke", canvas.colour(Role.GRID), "stroke-width", 1.0);
            List<String> name = TextFit.wrap(phase.getName(), TextFit.charsFor(w - 8, 13), 1);
            xml.element("text", name.isEmpty() ? "" : name.get(0), "x", x + w / 2, "y", top + 20,
                    "text-anchor", "middle", "font-size", 13.0, "font-weight", "bold", "fill", scene.ink());
            xml.end().newline();
            band++;
            start = end + 1;
        }
        xml.end().newline();
    }

    void drawLane(Lane lane, double top) {
        double height = layout.laneHeight(lane);
        xml.start("g", "class", "lane", "data-lane", lane.name()).newline();
        heading(lane, top, height);
        switch (lane) {
            case CUSTOMER_ACTIONS:
                textLane(top, height, t -> t.getCustomerAction().orElse(""));
                break;
            case FRONT_STAGE:
                textLane(top, height, t -> t.getFrontStage().orElse(""));
                break;
            case BACK_STAGE:
                textLane(top, height, t -> t.getBackStage().orElse(""));
                break;
            case TOUCHPOINTS:
                touchpointLane(top, height);
                break;
            case EMOTIONS:
                new CurveLane(scene).draw(top, height);
                break;
            case PAIN_POINTS:
                itemLane(top, height, true);
                break;
            case OPPORTUNITIES:
                itemLane(top, height, false);
                break;
            default:
                throw new IllegalStateException("unknown lane " + lane);
        }
        xml.end().newline();
    }

    private void heading(Lane lane, double top, double height) {
        double x = layout.mapLeft - MapLayout.LABEL_WIDTH;
        xml.empty("line", "x1", x, "y1", top, "x2", layout.mapRight(), "y2", top,
                "stroke", canvas.colour(Role.GRID), "stroke-width", 1.0);
        xml.element("text", lane.getLabel(), "x", x + 4, "y", top + 16, "font-size", 11.0,
                "font-weight", "bold", "fill", scene.ink(), "class", "lane-label");
        xml.newline();
        if (lane == Lane.EMOTIONS) {
            // The journey's own scale: its maximum at +1, its midpoint on the neutral line, its minimum at -1.
            EmotionScale scale = scene.journey.getEmotionScale();
            xml.element("text", "positive (" + scale.getMax() + ")", "x", x + 4, "y", top + 34, "fill", scene.ink());
            xml.element("text", "neutral (" + Xml.number(scale.getMidpoint()) + ")", "x", x + 4,
                    "y", top + height / 2 + 4, "fill", scene.ink());
            xml.element("text", "negative (" + scale.getMin() + ")", "x", x + 4, "y", top + height - 8,
                    "fill", scene.ink());
            xml.newline();
        }
    }

    private void textLane(double top, double height, Function<Touchpoint, String> text) {
        int maxLines = (int) ((height - 10) / Canvas.LINE);
        for (int i = 0; i < layout.slots.size(); i++) {
            Touchpoint t = layout.slots.get(i).touchpoint;
            if (t == null) {
                continue;
            }
            String value = text.apply(t);
            if (value.isEmpty()) {
                continue;
            }
            xml.start("g", "data-touchpoint", t.getId());
            canvas.paragraph(value, layout.columnX(i) + 6, top + 6, layout.columnWidth - 12, maxLines, "start", null);
            xml.end().newline();
        }
    }

    private void touchpointLane(double top, double height) {
        if (scene.journey.getTouchpoints().isEmpty()) {
            xml.element("text", "No touchpoints yet", "x", layout.mapLeft + 6, "y", top + height / 2,
                    "font-style", "italic", "fill", scene.ink(), "class", "note");
        }
        double line = Canvas.LINE;
        for (int i = 0; i < layout.slots.size(); i++) {
            Touchpoint t = layout.slots.get(i).touchpoint;
            if (t == null) {
                continue;
            }
            double x = layout.columnX(i) + 4;
            double w = layout.columnWidth - 8;
            double cardTop = top + 6;
            double cardHeight = height - 12;
            xml.start("g", "class", "touchpoint", "data-touchpoint", t.getId(),
                    "data-kind", t.getMomentKind().map(Enum::name).orElse(null),
                    "data-rating", t.getRating().map(Enum::name).orElse(null),
                    "data-moment-of-truth", t.isMomentOfTruth() ? "true" : null);
            xml.element("title", tooltip(t));
            xml.empty("rect", "x", x, "y", cardTop, "width", w, "height", cardHeight, "rx", 4.0,
                    "fill", canvas.colour(Role.BACKGROUND), "stroke", scene.ink(), "stroke-width", 1.0);
            canvas.paragraph(t.getName(), x + 5, cardTop + 4, w - 20, 3, "start", "bold");
            String channel = t.getChannelId().map(scene::channelName).orElse("channel unknown");
            canvas.paragraph(channel, x + 5, cardTop + 4 + 3 * line + 3, w - 10, 1, "start", null);
            String kind = t.getMomentKind().map(Markup::kindLabel).orElse("not classified");
            String rating = t.getRating().map(MapText::ratingLabel).orElse("");
            canvas.paragraph(kind, x + 5, cardTop + 4 + 4 * line + 6, w - 10, 1, "start", null);
            if (!rating.isEmpty()) {
                canvas.paragraph(rating, x + 5, cardTop + 4 + 5 * line + 6, w - 10, 1, "start",
                        t.getRating().get() == Rating.INSUFFICIENT ? "bold" : null);
            }
            if (t.isMomentOfTruth()) {
                canvas.star(x + w - 9, cardTop + 10, 7);
            }
            xml.end().newline();
        }
        drawGaps(top, height);
    }

    private String tooltip(Touchpoint t) {
        StringBuilder s = new StringBuilder(t.getName());
        t.getChannelId().ifPresent(c -> s.append("\nChannel: ").append(scene.channelName(c)));
        t.getDepartment().ifPresent(d -> s.append("\nDepartment: ").append(d));
        t.getMomentKind().ifPresent(k -> s.append("\nMoment: ").append(Markup.kindLabel(k)));
        t.getRating().ifPresent(r -> s.append(", ").append(MapText.ratingLabel(r)));
        if (t.isMomentOfTruth()) {
            s.append("\nMoment of truth");
        }
        t.getEmotion().ifPresent(e -> s.append("\nEmotion: ").append(MapText.emotionText(e)));
        return s.toString();
    }

    private void drawGaps(double top, double height) {
        String colour = canvas.colour(Role.GAP);
        for (Gap gap : scene.gaps) {
            double x = layout.columnX(layout.slot(gap.getFromTouchpointId()) + 1);
            StringBuilder tip = new StringBuilder("Hand-off");
            gap.getDepartmentHandoff().ifPresent(h -> tip.append("; department: ").append(h.getSource())
                    .append(" \u2192 ").append(h.getTarget()));
            gap.getChannelSwitch().ifPresent(h -> tip.append("; channel: ").append(scene.channelName(h.getSource()))
                    .append(" \u2192 ").append(scene.channelName(h.getTarget())));
            gap.getEmotionChange().ifPresent(c -> tip.append("; emotion change: ").append(MapText.signed(c)));
            xml.start("g", "class", "gap", "data-from", gap.getFromTouchpointId(), "data-to",
                    gap.getToTouchpointId());
            xml.element("title", tip.toString());
            xml.empty("line", "x1", x, "y1", top + 4, "x2", x, "y2", top + height - 4, "stroke", colour,
                    "stroke-width", 2.0, "stroke-dasharray", "3 3");
            double cy = top + height / 2;
            xml.empty("path", "d", "M" + Xml.number(x) + " " + Xml.number(cy - 7) + "L" + Xml.number(x + 6) + " "
                    + Xml.number(cy) + "L" + Xml.number(x) + " " + Xml.number(cy + 7) + "L" + Xml.number(x - 6)
                    + " " + Xml.number(cy) + "Z", "fill", colour, "stroke", scene.ink(), "stroke-width", 0.75);
            xml.end().newline();
        }
    }

    private void itemLane(double top, double height, boolean pain) {
        int maxLines = (int) ((height - 12) / Canvas.LINE);
        String colour = canvas.colour(pain ? Role.PAIN_POINT : Role.OPPORTUNITY);
        for (int i = 0; i < layout.slots.size(); i++) {
            Touchpoint t = layout.slots.get(i).touchpoint;
            if (t == null) {
                continue;
            }
            List<String> items = new ArrayList<>();
            if (pain) {
                for (PainPoint p : t.getPainPoints()) {
                    items.add(p.getDescription() + " (severity " + p.getSeverity() + ")");
                }
            } else {
                for (Opportunity o : t.getOpportunities()) {
                    items.add(o.getDescription() + " (" + MapText.priorityLabel(o.getPriority()) + ")");
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            double x = layout.columnX(i) + 6;
            xml.start("g", "class", pain ? "pain-point" : "opportunity", "data-touchpoint", t.getId());
            if (pain) {
                xml.empty("path", "d", "M" + Xml.number(x + 6) + " " + Xml.number(top + 5) + "L"
                        + Xml.number(x + 12) + " " + Xml.number(top + 16) + "L" + Xml.number(x) + " "
                        + Xml.number(top + 16) + "Z", "fill", colour);
            } else {
                xml.empty("circle", "cx", x + 6, "cy", top + 11, "r", 6.0, "fill", colour);
                xml.empty("path", "d", "M" + Xml.number(x + 3) + " " + Xml.number(top + 11) + "H"
                        + Xml.number(x + 9) + "M" + Xml.number(x + 6) + " " + Xml.number(top + 8) + "V"
                        + Xml.number(top + 14), "stroke", canvas.colour(Role.BACKGROUND), "stroke-width", 1.5);
            }
            canvas.paragraph(String.join("; ", items), x, top + 20, layout.columnWidth - 12, maxLines - 1, "start",
                    null);
            xml.end().newline();
        }
    }
}
