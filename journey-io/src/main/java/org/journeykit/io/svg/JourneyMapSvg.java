package org.journeykit.io.svg;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.Dip;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gap;
import org.journeykit.analysis.Gaps;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.model.Channel;
import org.journeykit.model.Emotion;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

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
 *       ({@code class="marker current"}); dips ({@link EmotionCurve#getDips()}) have a downward triangle below their
 *       marker ({@code class="dip"}). A comparison journey's curve is dashed with square markers
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
 * <p>The output is deterministic: the same model and options give the same characters (numbers are written with
 * at most one decimal in {@link java.util.Locale#ROOT}, attributes in a fixed order).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyMapSvg {

    private static final double MARGIN = 16;
    private static final double TITLE_HEIGHT = 52;
    private static final double NOTE_HEIGHT = 18;
    private static final double PHASE_HEIGHT = 30;
    private static final double LABEL_WIDTH = 112;
    private static final double CARD_WIDTH = 232;
    private static final double CARD_GAP = 16;
    private static final double LEGEND_HEIGHT = 48;
    private static final double FONT = 11;
    private static final double LINE = 13;
    private static final String FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

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

    /** One column of the map: a touchpoint, or an empty phase. */
    private static final class Slot {
        final Phase phase;
        final @Nullable Touchpoint touchpoint;

        Slot(Phase phase, @Nullable Touchpoint touchpoint) {
            this.phase = phase;
            this.touchpoint = touchpoint;
        }
    }

    private void draw(JourneyModel model, String journeyId, StringBuilder out) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journeyId, "journeyId");
        Journey journey = findJourney(model, journeyId, "journeyId");
        Journey comparison = options.getComparisonJourneyId()
                .map(id -> findJourney(model, id, "SvgOptions.comparisonJourneyId"))
                .orElse(null);
        new Drawing(model, journey, comparison, out).draw();
    }

    private static Journey findJourney(JourneyModel model, String id, String what) {
        return model.findJourney(id).orElseThrow(() -> new PictureException(what + " is '" + id
                + "', expected the id of one of the model's journeys "
                + model.getJourneys().stream().map(Journey::getId).toList()));
    }

    static List<Slot> slots(Journey journey) {
        List<Phase> phases = journey.getPhases();
        Map<String, Integer> phaseIndex = new HashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            phaseIndex.put(phases.get(i).getId(), i);
        }
        List<Slot> slots = new ArrayList<>();
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            slots.add(new Slot(phases.get(phaseIndex.get(touchpoint.getPhaseId())), touchpoint));
        }
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            if (!journey.touchpointsIn(phase.getId()).isEmpty()) {
                continue;
            }
            int at = slots.size();
            for (int s = 0; s < slots.size(); s++) {
                if (phaseIndex.get(slots.get(s).phase.getId()) > p) {
                    at = s;
                    break;
                }
            }
            slots.add(at, new Slot(phase, null));
        }
        return slots;
    }

    /** The state of one drawing. */
    private final class Drawing {
        private final JourneyModel model;
        private final Journey journey;
        private final @Nullable Journey comparison;
        private final Xml xml;
        private final Palette palette = options.getPalette();
        private final List<Slot> slots;
        private final EmotionCurve curve;
        private final List<Gap> gaps;
        private final List<String> notes = new ArrayList<>();
        private final double columnWidth;
        private final double mapLeft;
        private final double width;
        private double y;
        private double legendCursor;
        private double legendBase;
        private int legendRow;

        Drawing(JourneyModel model, Journey journey, @Nullable Journey comparison, StringBuilder out) {
            this.model = model;
            this.journey = journey;
            this.comparison = comparison;
            this.xml = new Xml(out);
            this.slots = slots(journey);
            this.curve = EmotionCurve.of(journey);
            this.gaps = Gaps.of(journey);
            this.mapLeft = MARGIN + (options.isPersonaCard() ? CARD_WIDTH + CARD_GAP : 0) + LABEL_WIDTH;
            int columns = slots.size();
            if (options.getWidth() == 0) {
                this.columnWidth = options.getColumnWidth();
                double total = mapLeft + columns * columnWidth + MARGIN;
                if (total > SvgOptions.MAX_WIDTH) {
                    throw new PictureException("Journey '" + journey.getId() + "' has " + columns
                            + " columns; at SvgOptions.columnWidth " + options.getColumnWidth()
                            + " the picture would be " + Xml.number(total) + " user units wide, expected at most "
                            + SvgOptions.MAX_WIDTH + ": choose a smaller column width");
                }
                this.width = total;
            } else {
                this.width = options.getWidth();
                this.columnWidth = (width - mapLeft - MARGIN) / columns;
                if (columnWidth < SvgOptions.MIN_COLUMN_WIDTH) {
                    throw new PictureException("SvgOptions.width " + options.getWidth() + " leaves "
                            + Xml.number(Math.max(0, columnWidth)) + " user units for each of the " + columns
                            + " columns of journey '" + journey.getId() + "', expected at least "
                            + SvgOptions.MIN_COLUMN_WIDTH + ": choose a width of at least "
                            + Xml.number(Math.ceil(mapLeft + MARGIN + columns * SvgOptions.MIN_COLUMN_WIDTH))
                            + " or the automatic width (0)");
                }
            }
            if (journey.getTouchpoints().isEmpty()) {
                notes.add("Note: this journey has no touchpoints yet; the columns show its phases.");
            } else if (curve.isEmpty()) {
                notes.add("Note: no emotions are recorded yet, so there is no emotion curve.");
            }
            if (journey.getPhases().size() == 1) {
                notes.add("Note: this journey has one phase only.");
            }
        }

        void draw() {
            double lanesHeight = 0;
            for (Lane lane : options.getLanes()) {
                lanesHeight += laneHeight(lane);
            }
            double top = MARGIN + TITLE_HEIGHT + notes.size() * NOTE_HEIGHT;
            double mapBottom = top + PHASE_HEIGHT + lanesHeight;
            double height = mapBottom + LEGEND_HEIGHT + MARGIN;
            xml.start("svg", "xmlns", "http://www.w3.org/2000/svg", "version", "1.1",
                    "width", width, "height", height,
                    "viewBox", "0 0 " + Xml.number(width) + " " + Xml.number(height),
                    "role", "img", "aria-labelledby", "jk-title jk-desc",
                    "font-family", FONT_FAMILY, "font-size", FONT, "class", "journey-map",
                    "data-journey", journey.getId()).newline();
            xml.element("title", title(), "id", "jk-title").newline();
            xml.element("desc", description(), "id", "jk-desc").newline();
            xml.empty("rect", "x", 0.0, "y", 0.0, "width", width, "height", height,
                    "fill", palette.colour(Role.BACKGROUND)).newline();
            drawTitle();
            y = top;
            drawPhases(y, mapBottom);
            y += PHASE_HEIGHT;
            for (Lane lane : options.getLanes()) {
                drawLane(lane, y);
                y += laneHeight(lane);
            }
            if (options.isPersonaCard()) {
                drawPersona(top, mapBottom);
            }
            legendCursor = mapLeft - LABEL_WIDTH;
            legendBase = mapBottom + 12;
            drawLegend(mapBottom + 12);
            xml.end();
        }

        private String title() {
            String title = "Journey map: " + journey.getName();
            if (comparison != null) {
                title += ", compared with " + comparison.getName();
            }
            return title;
        }

        private String description() {
            StringBuilder d = new StringBuilder();
            d.append("Journey '").append(journey.getName()).append("' (").append(journey.getState()
                    .name().toLowerCase(java.util.Locale.ROOT)).append(')');
            persona().ifPresent(p -> d.append(" for persona ").append(p.getName()));
            d.append(": ").append(journey.getTouchpoints().size()).append(" touchpoints in ")
                    .append(journey.getPhases().size()).append(journey.getPhases().size() == 1 ? " phase" : " phases")
                    .append('.');
            curve.getValley().ifPresent(v -> d.append(" Lowest emotion at '").append(v.getTouchpointName())
                    .append("' (").append(signed(v.getNormalised())).append(" on -1..+1)."));
            curve.getPeak().ifPresent(p -> d.append(" Highest emotion at '").append(p.getTouchpointName())
                    .append("' (").append(signed(p.getNormalised())).append(")."));
            d.append(' ').append(curve.getDips().size()).append(curve.getDips().size() == 1 ? " dip, " : " dips, ")
                    .append(gaps.size()).append(gaps.size() == 1 ? " hand-off." : " hand-offs.");
            for (String note : notes) {
                d.append(' ').append(note);
            }
            return d.toString();
        }

        private Optional<Persona> persona() {
            for (String id : journey.getPersonaIds()) {
                Optional<Persona> persona = model.findPersona(id);
                if (persona.isPresent()) {
                    return persona;
                }
            }
            return Optional.empty();
        }

        private double laneHeight(Lane lane) {
            switch (lane) {
                case TOUCHPOINTS:
                    return 118;
                case EMOTIONS:
                    return 210;
                case PAIN_POINTS:
                case OPPORTUNITIES:
                    return 84;
                default:
                    return 72;
            }
        }

        private double columnX(int slot) {
            return mapLeft + slot * columnWidth;
        }

        private double centreX(int slot) {
            return columnX(slot) + columnWidth / 2;
        }

        private String ink() {
            return palette.colour(Role.INK);
        }

        private void drawTitle() {
            double x = MARGIN;
            int chars = TextFit.charsFor(width - 2 * MARGIN, 18);
            List<String> lines = TextFit.wrap(title(), chars, 1);
            xml.start("text", "x", x, "y", MARGIN + 20, "font-size", 18.0, "font-weight", "bold", "fill", ink(),
                    "class", "map-title");
            if (!lines.isEmpty()) {
                xml.text(lines.get(0));
            }
            xml.end().newline();
            String sub = journey.getScenario().orElse(journey.getState() == org.journeykit.model.JourneyState.FUTURE
                    ? "Future journey" : "Current journey");
            List<String> subLines = TextFit.wrap(sub, TextFit.charsFor(width - 2 * MARGIN, 12), 1);
            if (!subLines.isEmpty()) {
                xml.element("text", subLines.get(0), "x", x, "y", MARGIN + 40, "font-size", 12.0,
                        "fill", ink(), "class", "map-subtitle");
                xml.newline();
            }
            double noteY = MARGIN + TITLE_HEIGHT + 12;
            for (String note : notes) {
                xml.element("text", note, "x", x, "y", noteY, "font-size", 12.0, "font-style", "italic",
                        "fill", ink(), "class", "note");
                xml.newline();
                noteY += NOTE_HEIGHT;
            }
        }

        private void drawPhases(double top, double bottom) {
            xml.start("g", "class", "phases").newline();
            int start = 0;
            int band = 0;
            while (start < slots.size()) {
                int end = start;
                while (end + 1 < slots.size() && slots.get(end + 1).phase.getId().equals(slots.get(start).phase.getId())) {
                    end++;
                }
                Phase phase = slots.get(start).phase;
                double x = columnX(start);
                double w = (end - start + 1) * columnWidth;
                String fill = band % 2 == 0 ? palette.colour(Role.PHASE_BAND) : palette.colour(Role.BACKGROUND);
                xml.start("g", "class", "phase", "data-phase", phase.getId());
                xml.element("title", phase.getName() + phase.getDescription().map(d -> ": " + d).orElse(""));
                xml.empty("rect", "x", x, "y", top, "width", w, "height", bottom - top, "fill", fill,
                        "stroke", palette.colour(Role.GRID), "stroke-width", 1.0);
                List<String> name = TextFit.wrap(phase.getName(), TextFit.charsFor(w - 8, 13), 1);
                xml.element("text", name.isEmpty() ? "" : name.get(0), "x", x + w / 2, "y", top + 20,
                        "text-anchor", "middle", "font-size", 13.0, "font-weight", "bold", "fill", ink());
                xml.end().newline();
                band++;
                start = end + 1;
            }
            xml.end().newline();
        }

        private void laneHeading(Lane lane, double top, double height) {
            double x = mapLeft - LABEL_WIDTH;
            xml.empty("line", "x1", x, "y1", top, "x2", columnX(slots.size()), "y2", top,
                    "stroke", palette.colour(Role.GRID), "stroke-width", 1.0);
            xml.element("text", lane.getLabel(), "x", x + 4, "y", top + 16, "font-size", 11.0,
                    "font-weight", "bold", "fill", ink(), "class", "lane-label");
            xml.newline();
            if (lane == Lane.EMOTIONS) {
                // The journey's own scale: its maximum at +1, its midpoint on the neutral line, its minimum at -1.
                org.journeykit.model.EmotionScale scale = journey.getEmotionScale();
                xml.element("text", "positive (" + scale.getMax() + ")", "x", x + 4, "y", top + 34, "fill", ink());
                xml.element("text", "neutral (" + Xml.number(scale.getMidpoint()) + ")", "x", x + 4,
                        "y", top + height / 2 + 4, "fill", ink());
                xml.element("text", "negative (" + scale.getMin() + ")", "x", x + 4, "y", top + height - 8,
                        "fill", ink());
                xml.newline();
            }
        }

        private void drawLane(Lane lane, double top) {
            double height = laneHeight(lane);
            xml.start("g", "class", "lane", "data-lane", lane.name()).newline();
            laneHeading(lane, top, height);
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
                    emotionLane(top, height);
                    break;
                case PAIN_POINTS:
                    painPointLane(top, height);
                    break;
                case OPPORTUNITIES:
                    opportunityLane(top, height);
                    break;
                default:
                    throw new IllegalStateException("unknown lane " + lane);
            }
            xml.end().newline();
        }

        private void paragraph(String text, double x, double top, double w, int maxLines, String anchor,
                @Nullable String weight) {
            int chars = TextFit.charsFor(w, FONT);
            List<String> lines = TextFit.wrap(text, chars, maxLines);
            if (lines.isEmpty()) {
                return;
            }
            boolean cut = TextFit.cuts(text, chars, maxLines);
            xml.start("text", "x", x, "y", top + FONT, "fill", ink(), "text-anchor", anchor,
                    "font-weight", weight);
            if (cut) {
                xml.element("title", text);
            }
            for (int i = 0; i < lines.size(); i++) {
                xml.element("tspan", lines.get(i), "x", x, "dy", i == 0 ? null : LINE);
            }
            xml.end();
        }

        private void textLane(double top, double height, java.util.function.Function<Touchpoint, String> text) {
            int maxLines = (int) ((height - 10) / LINE);
            for (int i = 0; i < slots.size(); i++) {
                Touchpoint t = slots.get(i).touchpoint;
                if (t == null) {
                    continue;
                }
                String value = text.apply(t);
                if (value.isEmpty()) {
                    continue;
                }
                xml.start("g", "data-touchpoint", t.getId());
                paragraph(value, columnX(i) + 6, top + 6, columnWidth - 12, maxLines, "start", null);
                xml.end().newline();
            }
        }

        private void touchpointLane(double top, double height) {
            if (journey.getTouchpoints().isEmpty()) {
                xml.element("text", "No touchpoints yet", "x", mapLeft + 6, "y", top + height / 2,
                        "font-style", "italic", "fill", ink(), "class", "note");
            }
            for (int i = 0; i < slots.size(); i++) {
                Touchpoint t = slots.get(i).touchpoint;
                if (t == null) {
                    continue;
                }
                double x = columnX(i) + 4;
                double w = columnWidth - 8;
                double cardTop = top + 6;
                double cardHeight = height - 12;
                xml.start("g", "class", "touchpoint", "data-touchpoint", t.getId(),
                        "data-kind", t.getMomentKind().map(Enum::name).orElse(null),
                        "data-rating", t.getRating().map(Enum::name).orElse(null),
                        "data-moment-of-truth", t.isMomentOfTruth() ? "true" : null);
                xml.element("title", touchpointTooltip(t));
                xml.empty("rect", "x", x, "y", cardTop, "width", w, "height", cardHeight, "rx", 4.0,
                        "fill", palette.colour(Role.BACKGROUND), "stroke", ink(), "stroke-width", 1.0);
                paragraph(t.getName(), x + 5, cardTop + 4, w - 20, 3, "start", "bold");
                String channel = t.getChannelId().map(id -> model.findChannel(id).map(Channel::getName).orElse(id))
                        .orElse("channel unknown");
                paragraph(channel, x + 5, cardTop + 4 + 3 * LINE + 3, w - 10, 1, "start", null);
                String kind = t.getMomentKind().map(JourneyMapSvg::kindLabel).orElse("not classified");
                String rating = t.getRating().map(JourneyMapSvg::ratingLabel).orElse("");
                paragraph(kind, x + 5, cardTop + 4 + 4 * LINE + 6, w - 10, 1, "start", null);
                if (!rating.isEmpty()) {
                    paragraph(rating, x + 5, cardTop + 4 + 5 * LINE + 6, w - 10, 1, "start",
                            t.getRating().get() == Rating.INSUFFICIENT ? "bold" : null);
                }
                if (t.isMomentOfTruth()) {
                    star(x + w - 9, cardTop + 10, 7);
                }
                xml.end().newline();
            }
            drawGaps(top, height);
        }

        private void star(double cx, double cy, double r) {
            StringBuilder d = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                double radius = k % 2 == 0 ? r : r * 0.45;
                double angle = Math.PI / 5 * k - Math.PI / 2;
                d.append(k == 0 ? 'M' : 'L').append(Xml.number(cx + radius * Math.cos(angle))).append(' ')
                        .append(Xml.number(cy + radius * Math.sin(angle)));
            }
            d.append('Z');
            xml.start("path", "class", "moment-of-truth", "d", d.toString(),
                    "fill", palette.colour(Role.MOMENT_OF_TRUTH), "stroke", ink(), "stroke-width", 0.5);
            xml.element("title", "Moment of truth");
            xml.end();
        }

        private String channelName(String id) {
            return model.findChannel(id).map(Channel::getName).orElse(id);
        }

        private String touchpointTooltip(Touchpoint t) {
            StringBuilder s = new StringBuilder(t.getName());
            t.getChannelId().ifPresent(c -> s.append("\nChannel: ")
                    .append(model.findChannel(c).map(Channel::getName).orElse(c)));
            t.getDepartment().ifPresent(d -> s.append("\nDepartment: ").append(d));
            t.getMomentKind().ifPresent(k -> s.append("\nMoment: ").append(kindLabel(k)));
            t.getRating().ifPresent(r -> s.append(", ").append(ratingLabel(r)));
            if (t.isMomentOfTruth()) {
                s.append("\nMoment of truth");
            }
            t.getEmotion().ifPresent(e -> s.append("\nEmotion: ").append(emotionText(e)));
            return s.toString();
        }

        private void drawGaps(double top, double height) {
            Map<String, Integer> slotOf = new HashMap<>();
            for (int i = 0; i < slots.size(); i++) {
                Touchpoint t = slots.get(i).touchpoint;
                if (t != null) {
                    slotOf.put(t.getId(), i);
                }
            }
            String colour = palette.colour(Role.GAP);
            for (Gap gap : gaps) {
                double x = columnX(slotOf.get(gap.getFromTouchpointId()) + 1);
                StringBuilder tip = new StringBuilder("Hand-off");
                gap.getDepartmentHandoff().ifPresent(h -> tip.append("; department: ").append(h.getSource())
                        .append(" \u2192 ").append(h.getTarget()));
                gap.getChannelSwitch().ifPresent(h -> tip.append("; channel: ").append(channelName(h.getSource()))
                        .append(" \u2192 ").append(channelName(h.getTarget())));
                gap.getEmotionChange().ifPresent(c -> tip.append("; emotion change: ").append(signed(c)));
                xml.start("g", "class", "gap", "data-from", gap.getFromTouchpointId(), "data-to",
                        gap.getToTouchpointId());
                xml.element("title", tip.toString());
                xml.empty("line", "x1", x, "y1", top + 4, "x2", x, "y2", top + height - 4, "stroke", colour,
                        "stroke-width", 2.0, "stroke-dasharray", "3 3");
                double cy = top + height / 2;
                xml.empty("path", "d", "M" + Xml.number(x) + " " + Xml.number(cy - 7) + "L" + Xml.number(x + 6) + " "
                        + Xml.number(cy) + "L" + Xml.number(x) + " " + Xml.number(cy + 7) + "L" + Xml.number(x - 6)
                        + " " + Xml.number(cy) + "Z", "fill", colour, "stroke", ink(), "stroke-width", 0.75);
                xml.end().newline();
            }
        }

        private double curveY(double top, double height, double normalised) {
            double neutral = top + height / 2;
            double amplitude = height / 2 - 24;
            return neutral - normalised * amplitude;
        }

        private void emotionLane(double top, double height) {
            double neutral = top + height / 2;
            xml.empty("line", "class", "neutral", "x1", mapLeft, "y1", neutral, "x2", columnX(slots.size()),
                    "y2", neutral, "stroke", palette.colour(Role.GRID), "stroke-width", 1.0,
                    "stroke-dasharray", "4 4");
            xml.newline();
            if (curve.isEmpty()) {
                xml.element("text", "No emotions recorded yet", "x", mapLeft + 6, "y", neutral - 8,
                        "font-style", "italic", "fill", ink(), "class", "note");
                xml.newline();
            }
            Map<String, Integer> slotOf = new HashMap<>();
            for (int i = 0; i < slots.size(); i++) {
                Touchpoint t = slots.get(i).touchpoint;
                if (t != null) {
                    slotOf.put(t.getId(), i);
                }
            }
            if (comparison != null) {
                drawComparisonCurve(top, height, slotOf);
            }
            String colour = palette.colour(Role.CURRENT_CURVE);
            List<CurvePoint> points = curve.getPoints();
            if (points.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < points.size(); i++) {
                    CurvePoint p = points.get(i);
                    d.append(i == 0 ? 'M' : 'L').append(Xml.number(centreX(slotOf.get(p.getTouchpointId()))))
                            .append(' ').append(Xml.number(curveY(top, height, p.getNormalised())));
                }
                xml.empty("path", "class", "curve current", "d", d.toString(), "fill", "none", "stroke", colour,
                        "stroke-width", 2.5, "stroke-linejoin", "round");
                xml.newline();
            }
            Set<String> dips = new java.util.HashSet<>();
            for (Dip dip : curve.getDips()) {
                dips.add(dip.getPoint().getTouchpointId());
            }
            Map<String, Touchpoint> byId = new HashMap<>();
            journey.getTouchpoints().forEach(t -> byId.put(t.getId(), t));
            for (CurvePoint p : points) {
                double cx = centreX(slotOf.get(p.getTouchpointId()));
                double cy = curveY(top, height, p.getNormalised());
                Emotion emotion = byId.get(p.getTouchpointId()).getEmotion().orElseThrow();
                xml.start("g", "data-touchpoint", p.getTouchpointId());
                xml.start("circle", "class", "marker current", "data-touchpoint", p.getTouchpointId(),
                        "data-normalised", String.format(java.util.Locale.ROOT, "%.4f", p.getNormalised() + 0.0),
                        "cx", cx, "cy", cy, "r", 6.0, "fill", colour, "stroke", palette.colour(Role.BACKGROUND),
                        "stroke-width", 1.5);
                xml.element("title", p.getTouchpointName() + ": " + emotionText(emotion));
                xml.end();
                String label = emotion.getLabel().orElse(Xml.number(emotion.getValue()));
                List<String> labelLines = TextFit.wrap(label, TextFit.charsFor(columnWidth - 16, 10), 1);
                double labelY = p.getNormalised() >= 0 ? cy - 11 : cy + 20;
                if (dips.contains(p.getTouchpointId())) {
                    double ty = cy + 12;
                    xml.start("path", "class", "dip", "data-touchpoint", p.getTouchpointId(),
                            "d", "M" + Xml.number(cx - 6) + " " + Xml.number(ty) + "L" + Xml.number(cx + 6) + " "
                                    + Xml.number(ty) + "L" + Xml.number(cx) + " " + Xml.number(ty + 9) + "Z",
                            "fill", palette.colour(Role.PAIN_POINT));
                    xml.element("title", "Dip: the emotion falls here; a first candidate for improvement");
                    xml.end();
                    labelY = cy + 33;
                    if (labelY > top + height - 2) {
                        labelY = cy - 11;
                    }
                }
                if (!labelLines.isEmpty()) {
                    xml.element("text", labelLines.get(0), "x", cx, "y", labelY, "font-size", 10.0,
                            "text-anchor", "middle", "fill", ink());
                }
                xml.end().newline();
            }
        }

        private void drawComparisonCurve(double top, double height, Map<String, Integer> slotOf) {
            Journey other = Objects.requireNonNull(comparison);
            EmotionCurve otherCurve = EmotionCurve.of(other);
            List<Touchpoint> timeline = other.getTouchpoints();
            double[] xs = new double[timeline.size()];
            int i = 0;
            while (i < timeline.size()) {
                Integer slot = slotOf.get(timeline.get(i).getId());
                if (slot != null) {
                    xs[i] = centreX(slot);
                    i++;
                    continue;
                }
                int runEnd = i;
                while (runEnd < timeline.size() && !slotOf.containsKey(timeline.get(runEnd).getId())) {
                    runEnd++;
                }
                double left = i == 0 ? mapLeft : xs[i - 1];
                double right = runEnd < timeline.size() ? centreX(slotOf.get(timeline.get(runEnd).getId()))
                        : columnX(slots.size());
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
            String colour = palette.colour(Role.FUTURE_CURVE);
            List<CurvePoint> points = otherCurve.getPoints();
            xml.start("g", "class", "comparison", "data-journey", other.getId());
            xml.element("title", "Emotion curve of " + other.getName());
            if (points.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (int k = 0; k < points.size(); k++) {
                    CurvePoint p = points.get(k);
                    d.append(k == 0 ? 'M' : 'L').append(Xml.number(xOf.get(p.getTouchpointId()))).append(' ')
                            .append(Xml.number(curveY(top, height, p.getNormalised())));
                }
                xml.empty("path", "class", "curve future", "d", d.toString(), "fill", "none", "stroke", colour,
                        "stroke-width", 2.5, "stroke-dasharray", "8 5");
            }
            for (CurvePoint p : points) {
                double cx = xOf.get(p.getTouchpointId());
                double cy = curveY(top, height, p.getNormalised());
                xml.start("rect", "class", "marker future", "data-touchpoint", p.getTouchpointId(),
                        "data-normalised", String.format(java.util.Locale.ROOT, "%.4f", p.getNormalised() + 0.0),
                        "x", cx - 5, "y", cy - 5, "width", 10.0, "height", 10.0, "fill", colour,
                        "stroke", palette.colour(Role.BACKGROUND), "stroke-width", 1.5);
                xml.element("title", p.getTouchpointName() + " (" + other.getName() + "): "
                        + signed(p.getNormalised()) + " on -1..+1");
                xml.end();
            }
            xml.end().newline();
        }

        private void itemLane(double top, double height, boolean pain) {
            int maxLines = (int) ((height - 12) / LINE);
            String colour = palette.colour(pain ? Role.PAIN_POINT : Role.OPPORTUNITY);
            for (int i = 0; i < slots.size(); i++) {
                Touchpoint t = slots.get(i).touchpoint;
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
                        items.add(o.getDescription() + " (" + priorityLabel(o.getPriority()) + ")");
                    }
                }
                if (items.isEmpty()) {
                    continue;
                }
                double x = columnX(i) + 6;
                xml.start("g", "class", pain ? "pain-point" : "opportunity", "data-touchpoint", t.getId());
                if (pain) {
                    xml.empty("path", "d", "M" + Xml.number(x + 6) + " " + Xml.number(top + 5) + "L"
                            + Xml.number(x + 12) + " " + Xml.number(top + 16) + "L" + Xml.number(x) + " "
                            + Xml.number(top + 16) + "Z", "fill", colour);
                } else {
                    xml.empty("circle", "cx", x + 6, "cy", top + 11, "r", 6.0, "fill", colour);
                    xml.empty("path", "d", "M" + Xml.number(x + 3) + " " + Xml.number(top + 11) + "H"
                            + Xml.number(x + 9) + "M" + Xml.number(x + 6) + " " + Xml.number(top + 8) + "V"
                            + Xml.number(top + 14), "stroke", palette.colour(Role.BACKGROUND), "stroke-width", 1.5);
                }
                paragraph(String.join("; ", items), x, top + 20, columnWidth - 12, maxLines - 1, "start", null);
                xml.end().newline();
            }
        }

        private void painPointLane(double top, double height) {
            itemLane(top, height, true);
        }

        private void opportunityLane(double top, double height) {
            itemLane(top, height, false);
        }

        private void drawPersona(double top, double bottom) {
            double x = MARGIN;
            double w = CARD_WIDTH;
            xml.start("g", "class", "persona");
            xml.empty("rect", "x", x, "y", top, "width", w, "height", bottom - top, "rx", 6.0,
                    "fill", palette.colour(Role.PHASE_BAND), "stroke", ink(), "stroke-width", 1.0);
            double cy = top + 20;
            double maxY = bottom - 8;
            xml.element("text", "Persona", "x", x + 10, "y", cy, "font-size", 12.0, "font-weight", "bold",
                    "fill", ink());
            cy += 8;
            Optional<Persona> found = persona();
            if (found.isEmpty()) {
                paragraph("No persona is linked to this journey.", x + 10, cy, w - 20, 2, "start", null);
                xml.end().newline();
                return;
            }
            Persona p = found.get();
            List<String> blocks = new ArrayList<>();
            xml.start("title");
            xml.text(p.getName() + p.getDescription().map(d -> "\n" + d).orElse(""));
            xml.end();
            cy = personaBlock(p.getName(), x, cy, w, 2, "bold", maxY);
            if (p.getJobTitle().isPresent()) {
                cy = personaBlock(p.getJobTitle().get(), x, cy, w, 1, null, maxY);
            }
            if (p.getQuote().isPresent()) {
                cy = personaBlock("\u201c" + p.getQuote().get() + "\u201d", x, cy + 4, w, 3, null, maxY);
            }
            cy = personaList("Goals", p.getGoals(), x, cy, w, maxY);
            cy = personaList("Needs", p.getNeeds(), x, cy, w, maxY);
            cy = personaList("Frustrations", p.getFrustrations(), x, cy, w, maxY);
            List<String> channels = new ArrayList<>();
            for (String id : p.getPreferredChannelIds()) {
                channels.add(model.findChannel(id).map(Channel::getName).orElse(id));
            }
            if (!channels.isEmpty()) {
                blocks.add(String.join(", ", channels));
                personaList("Prefers", blocks, x, cy, w, maxY);
            }
            int more = journey.getPersonaIds().size() - 1;
            if (more > 0 && maxY - 4 > cy) {
                xml.element("text", "+ " + more + " more persona" + (more == 1 ? "" : "s"), "x", x + 10,
                        "y", maxY - 4, "font-style", "italic", "fill", ink());
            }
            xml.end().newline();
        }

        private double personaBlock(String text, double x, double top, double w, int maxLines,
                @Nullable String weight, double maxY) {
            int fit = (int) Math.min(maxLines, Math.floor((maxY - top) / LINE));
            if (fit <= 0) {
                return top;
            }
            int chars = TextFit.charsFor(w - 20, FONT);
            int lines = TextFit.wrap(text, chars, fit).size();
            paragraph(text, x + 10, top + 4, w - 20, fit, "start", weight);
            return top + 4 + lines * LINE;
        }

        private double personaList(String heading, List<String> items, double x, double top, double w,
                double maxY) {
            if (items.isEmpty() || top + 2 * LINE > maxY) {
                return top;
            }
            double cy = personaBlock(heading, x, top + 6, w, 1, "bold", maxY);
            for (String item : items) {
                cy = personaBlock("\u2022 " + item, x, cy, w, 2, null, maxY);
            }
            return cy;
        }

        private void drawLegend(double legendTop) {
            double start = mapLeft - LABEL_WIDTH;
            String ink = ink();
            double[] at = {start, legendTop};
            xml.start("g", "class", "legend");
            legendItem(at, 230);
            double x = at[0];
            double top = at[1];
            xml.empty("line", "x1", x, "y1", top + 8, "x2", x + 28, "y2", top + 8,
                    "stroke", palette.colour(Role.CURRENT_CURVE), "stroke-width", 2.5);
            xml.empty("circle", "cx", x + 14, "cy", top + 8, "r", 5.0, "fill", palette.colour(Role.CURRENT_CURVE));
            String current = comparison == null ? "emotion curve" : journey.getName();
            xml.element("text", shorten(current, 28), "x", x + 34, "y", top + 12, "fill", ink);
            if (comparison != null) {
                legendItem(at, 230);
                x = at[0];
                top = at[1];
                xml.empty("line", "x1", x, "y1", top + 8, "x2", x + 28, "y2", top + 8,
                        "stroke", palette.colour(Role.FUTURE_CURVE), "stroke-width", 2.5, "stroke-dasharray", "8 5");
                xml.empty("rect", "x", x + 9, "y", top + 3, "width", 10.0, "height", 10.0,
                        "fill", palette.colour(Role.FUTURE_CURVE));
                xml.element("text", shorten(comparison.getName(), 28), "x", x + 34, "y", top + 12, "fill", ink);
            }
            legendItem(at, 60);
            x = at[0];
            top = at[1];
            xml.empty("path", "d", "M" + Xml.number(x) + " " + Xml.number(top + 3) + "L" + Xml.number(x + 12) + " "
                    + Xml.number(top + 3) + "L" + Xml.number(x + 6) + " " + Xml.number(top + 12) + "Z",
                    "fill", palette.colour(Role.PAIN_POINT));
            xml.element("text", "dip", "x", x + 18, "y", top + 12, "fill", ink);
            legendItem(at, 120);
            x = at[0];
            top = at[1];
            xml.empty("path", "d", "M" + Xml.number(x + 6) + " " + Xml.number(top + 1) + "L" + Xml.number(x + 12) + " "
                    + Xml.number(top + 8) + "L" + Xml.number(x + 6) + " " + Xml.number(top + 15) + "L" + Xml.number(x)
                    + " " + Xml.number(top + 8) + "Z", "fill", palette.colour(Role.GAP));
            xml.element("text", "hand-off (gap)", "x", x + 18, "y", top + 12, "fill", ink);
            legendItem(at, 130);
            x = at[0];
            top = at[1];
            star(x + 6, top + 8, 7);
            xml.element("text", "moment of truth", "x", x + 18, "y", top + 12, "fill", ink);
            xml.end().newline();
        }

        /**
         * Reserves room for a legend item of the given width: at[0], at[1] become the item's place, wrapping to a
         * second row when the item would pass the right margin; afterwards at[0] is advanced past the item.
         */
        private void legendItem(double[] at, double itemWidth) {
            if (legendCursor + itemWidth > width - MARGIN && legendCursor > mapLeft - LABEL_WIDTH) {
                legendCursor = mapLeft - LABEL_WIDTH;
                legendRow++;
            }
            at[0] = legendCursor;
            at[1] = legendBase + legendRow * 18;
            legendCursor += itemWidth;
        }
    }

    private static String shorten(String text, int chars) {
        List<String> lines = TextFit.wrap(text, chars, 1);
        return lines.isEmpty() ? "" : lines.get(0);
    }

    static String kindLabel(MomentKind kind) {
        switch (kind) {
            case TOP:
                return "Top moment";
            case BRAND:
                return "Brand moment";
            case CUSTOMER:
                return "Customer moment";
            default:
                return "Superfluous moment";
        }
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

    private static String priorityLabel(Opportunity.Priority priority) {
        return priority.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String emotionText(Emotion e) {
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
