package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * Where everything of a journey map goes: one column per touchpoint (and per phase without touchpoints), the
 * column width from the options or the fixed width, the lane heights, and the notes above the map. The width checks
 * live here, so a picture that cannot be read is refused before anything is drawn.
 */
final class MapLayout {

    static final double MARGIN = 16;
    static final double TITLE_HEIGHT = 52;
    static final double NOTE_HEIGHT = 18;
    static final double PHASE_HEIGHT = 30;
    static final double LABEL_WIDTH = 112;
    static final double CARD_WIDTH = 232;
    static final double CARD_GAP = 16;
    static final double LEGEND_HEIGHT = 48;

    /** One column of the map: a touchpoint, or an empty phase. */
    static final class Slot {
        final Phase phase;
        final @Nullable Touchpoint touchpoint;

        Slot(Phase phase, @Nullable Touchpoint touchpoint) {
            this.phase = phase;
            this.touchpoint = touchpoint;
        }
    }

    final List<Slot> slots;
    final double columnWidth;
    final double mapLeft;
    final double width;
    final List<String> notes;
    final Map<String, Integer> slotOf;
    private final SvgOptions options;

    MapLayout(Journey journey, EmotionCurve curve, SvgOptions options) {
        this.options = options;
        this.slots = slots(journey);
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
        List<String> found = new ArrayList<>();
        if (journey.getTouchpoints().isEmpty()) {
            found.add("Note: this journey has no touchpoints yet; the columns show its phases.");
        } else if (curve.isEmpty()) {
            found.add("Note: no emotions are recorded yet, so there is no emotion curve.");
        }
        if (journey.getPhases().size() == 1) {
            found.add("Note: this journey has one phase only.");
        }
        this.notes = Collections.unmodifiableList(found);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Touchpoint t = slots.get(i).touchpoint;
            if (t != null) {
                index.put(t.getId(), i);
            }
        }
        this.slotOf = Collections.unmodifiableMap(index);
    }

    /** The column of a touchpoint of the laid-out journey; another id is a caller's bug (IllegalArgumentException). */
    int slot(String touchpointId) {
        Integer slot = slotOf.get(touchpointId);
        if (slot == null) {
            throw new IllegalArgumentException("touchpoint " + touchpointId + " is not in the laid-out journey");
        }
        return slot;
    }

    /** The columns: touchpoints in timeline order, an empty phase at its place among the phases. */
    static List<Slot> slots(Journey journey) {
        List<Phase> phases = journey.getPhases();
        Map<String, Integer> phaseIndex = new HashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            phaseIndex.put(phases.get(i).getId(), i);
        }
        List<Slot> slots = new ArrayList<>();
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            // The model checks that every touchpoint's phase is one of its journey's phases.
            int phase = Objects.requireNonNull(phaseIndex.get(touchpoint.getPhaseId()), "phase of a touchpoint");
            slots.add(new Slot(phases.get(phase), touchpoint));
        }
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            if (!journey.touchpointsIn(phase.getId()).isEmpty()) {
                continue;
            }
            int at = slots.size();
            for (int s = 0; s < slots.size(); s++) {
                if (Objects.requireNonNull(phaseIndex.get(slots.get(s).phase.getId()), "phase of a slot") > p) {
                    at = s;
                    break;
                }
            }
            slots.add(at, new Slot(phase, null));
        }
        return slots;
    }

    double laneHeight(Lane lane) {
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

    double lanesHeight() {
        double total = 0;
        for (Lane lane : options.getLanes()) {
            total += laneHeight(lane);
        }
        return total;
    }

    /** The top of the phase row. */
    double top() {
        return MARGIN + TITLE_HEIGHT + notes.size() * NOTE_HEIGHT;
    }

    /** The bottom of the last lane. */
    double mapBottom() {
        return top() + PHASE_HEIGHT + lanesHeight();
    }

    double height() {
        return mapBottom() + LEGEND_HEIGHT + MARGIN;
    }

    double columnX(int slot) {
        return mapLeft + slot * columnWidth;
    }

    double centreX(int slot) {
        return columnX(slot) + columnWidth / 2;
    }

    /** The right edge of the last column. */
    double mapRight() {
        return columnX(slots.size());
    }
}
