package org.journeykit.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.journeykit.model.Journey;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Touchpoint;

/**
 * What a future (improved) journey changes against the current one.
 *
 * <p>Touchpoints are matched by id. A touchpoint only in the future journey is added; only in the current journey,
 * removed; in both, compared field by field (name, phase, channel, customer action, front stage, back stage,
 * department, emotion, pain points, opportunities, moment kind, rating, moment of truth, expected duration).
 * Emotions are compared normalised, so the two journeys may use different emotion scales.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyComparison {

    private final String currentId;
    private final String futureId;
    private final List<String> added;
    private final List<String> removed;
    private final List<TouchpointChange> changes;
    private final List<String> superfluousRemoved;
    private final EmotionCurve currentCurve;
    private final EmotionCurve futureCurve;

    private JourneyComparison(Journey current, Journey future, List<String> added, List<String> removed,
            List<TouchpointChange> changes, List<String> superfluousRemoved) {
        this.currentId = current.getId();
        this.futureId = future.getId();
        this.added = Collections.unmodifiableList(added);
        this.removed = Collections.unmodifiableList(removed);
        this.changes = Collections.unmodifiableList(changes);
        this.superfluousRemoved = Collections.unmodifiableList(superfluousRemoved);
        this.currentCurve = EmotionCurve.of(current);
        this.futureCurve = EmotionCurve.of(future);
    }

    /**
     * Compares a current journey with a future one.
     *
     * @param current the journey as it is, not null
     * @param future the improved journey, not null
     * @return the comparison, not null
     * @throws NullPointerException if an argument is null
     */
    public static JourneyComparison of(Journey current, Journey future) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(future, "future");
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> superfluousRemoved = new ArrayList<>();
        List<TouchpointChange> changes = new ArrayList<>();
        for (Touchpoint after : future.getTouchpoints()) {
            if (current.findTouchpoint(after.getId()).isEmpty()) {
                added.add(after.getId());
            }
        }
        for (Touchpoint before : current.getTouchpoints()) {
            Optional<Touchpoint> after = future.findTouchpoint(before.getId());
            if (after.isEmpty()) {
                removed.add(before.getId());
                if (before.getMomentKind().filter(MomentKind.SUPERFLUOUS::equals).isPresent()) {
                    superfluousRemoved.add(before.getId());
                }
            } else {
                changes.add(compare(before, after.get()));
            }
        }
        return new JourneyComparison(current, future, added, removed, changes, superfluousRemoved);
    }

    private static TouchpointChange compare(Touchpoint before, Touchpoint after) {
        TreeSet<String> fields = new TreeSet<>();
        differs(fields, "name", before.getName(), after.getName());
        differs(fields, "phaseId", before.getPhaseId(), after.getPhaseId());
        differs(fields, "channelId", before.getChannelId(), after.getChannelId());
        differs(fields, "customerAction", before.getCustomerAction(), after.getCustomerAction());
        differs(fields, "frontStage", before.getFrontStage(), after.getFrontStage());
        differs(fields, "backStage", before.getBackStage(), after.getBackStage());
        differs(fields, "department", before.getDepartment(), after.getDepartment());
        differs(fields, "emotion", before.getEmotion().map(e -> e.getNormalised()),
                after.getEmotion().map(e -> e.getNormalised()));
        differs(fields, "painPoints", before.getPainPoints(), after.getPainPoints());
        differs(fields, "opportunities", before.getOpportunities(), after.getOpportunities());
        differs(fields, "momentKind", before.getMomentKind(), after.getMomentKind());
        differs(fields, "rating", before.getRating(), after.getRating());
        differs(fields, "momentOfTruth", before.isMomentOfTruth(), after.isMomentOfTruth());
        differs(fields, "expectedDuration", before.getExpectedDuration(), after.getExpectedDuration());
        return ImmutableTouchpointChange.builder()
                .touchpointId(before.getId())
                .changedFields(fields)
                .emotionChange(Gaps.emotionChange(before, after))
                .channelShift(Gaps.handoff(before.getChannelId(), after.getChannelId()))
                .currentKind(before.getMomentKind())
                .futureKind(after.getMomentKind())
                .build();
    }

    private static void differs(TreeSet<String> fields, String name, Object before, Object after) {
        if (!before.equals(after)) {
            fields.add(name);
        }
    }

    /**
     * The current journey's id.
     *
     * @return the id, not null
     */
    public String getCurrentJourneyId() {
        return currentId;
    }

    /**
     * The future journey's id.
     *
     * @return the id, not null
     */
    public String getFutureJourneyId() {
        return futureId;
    }

    /**
     * The touchpoints only the future journey has, in its timeline order.
     *
     * @return touchpoint ids, possibly empty
     */
    public List<String> getAdded() {
        return added;
    }

    /**
     * The touchpoints only the current journey has, in its timeline order.
     *
     * @return touchpoint ids, possibly empty
     */
    public List<String> getRemoved() {
        return removed;
    }

    /**
     * The removed touchpoints that were classified as superfluous moments: contact successfully prevented.
     *
     * @return touchpoint ids, possibly empty
     */
    public List<String> getSuperfluousRemoved() {
        return superfluousRemoved;
    }

    /**
     * One entry for every touchpoint both journeys have, changed or not, in the current journey's timeline order.
     *
     * @return the comparisons, possibly empty
     */
    public List<TouchpointChange> getKept() {
        return changes;
    }

    /**
     * The kept touchpoints that differ.
     *
     * @return the changes, possibly empty
     */
    public List<TouchpointChange> getChanged() {
        return changes.stream().filter(TouchpointChange::isChanged).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The kept touchpoints whose channel changed.
     *
     * @return the changes with a channel shift, possibly empty
     */
    public List<TouchpointChange> getChannelShifts() {
        return changes.stream().filter(c -> c.getChannelShift().isPresent())
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The current journey's emotion curve.
     *
     * @return the curve, not null
     */
    public EmotionCurve getCurrentCurve() {
        return currentCurve;
    }

    /**
     * The future journey's emotion curve.
     *
     * @return the curve, not null
     */
    public EmotionCurve getFutureCurve() {
        return futureCurve;
    }

    /**
     * The change of the peak-end score: future minus current.
     *
     * @return the change in [-2, 2], or empty when either curve is empty
     */
    public OptionalDouble getPeakEndChange() {
        OptionalDouble before = currentCurve.getPeakEndScore();
        OptionalDouble after = futureCurve.getPeakEndScore();
        return before.isPresent() && after.isPresent()
                ? OptionalDouble.of(after.getAsDouble() - before.getAsDouble())
                : OptionalDouble.empty();
    }

    /**
     * Prints a summary with the counts of added, removed and changed touchpoints.
     *
     * @return a summary, not null
     */
    @Override
    public String toString() {
        return "JourneyComparison[" + currentId + " -> " + futureId + ", added=" + added.size() + ", removed="
                + removed.size() + ", changed=" + getChanged().size() + "]";
    }
}
