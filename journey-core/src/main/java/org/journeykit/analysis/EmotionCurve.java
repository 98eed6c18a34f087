package org.journeykit.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;

/**
 * The emotion curve of a journey: the customer's emotion at each touchpoint, in timeline order, normalised to
 * [-1, 1]; positive emotions are peaks, negative ones valleys.
 *
 * <p>Touchpoints without an emotion are left out of the curve (their timeline position is kept in
 * {@link CurvePoint#getPosition()}). Definitions:
 * <ul>
 *   <li>{@link #getPeak()}: the highest point; {@link #getValley()}: the lowest; the earliest wins a tie.</li>
 *   <li>{@link #getEnd()}: the last point.</li>
 *   <li>{@link #getMostIntense()}: the point farthest from neutral (largest absolute normalised value); the earliest
 *       wins a tie.</li>
 *   <li>{@link #getPeakEndScore()}: the mean of the most intense point and the end, following the peak-end rule
 *       (Kahneman, Fredrickson, Schreiber and Redelmeier, 1993: people judge an experience largely by its most
 *       intense moment and its end).</li>
 *   <li>{@link #getDips()}: the local minima. A point at position i &gt; 0 of the curve is a dip when it is strictly
 *       lower than point i-1 and not higher than point i+1 (or it is the last point: then {@link Dip#isAtEnd()}).
 *       The first point is never a dip: there is nothing to fall from.</li>
 * </ul>
 *
 * <p>Example, from the tests: the five-point emotions -1, 1, -2, -2, 0, 2 normalise to -0.5, 0.5, -1, -1, 0, 1.
 * The valley is the third point (the earliest of the two lowest), the peak and the end are the last point, the only
 * dip is the third point with a drop of 1.5, and the most intense point is the third (|-1| ties with the last
 * point's |1|, the earlier wins), so the peak-end score is (-1 + 1) / 2 = 0.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EmotionCurve {

    private final String journeyId;
    private final EmotionScale scale;
    private final List<CurvePoint> points;
    private final List<Dip> dips;

    private EmotionCurve(String journeyId, EmotionScale scale, List<CurvePoint> points) {
        this.journeyId = journeyId;
        this.scale = scale;
        this.points = Collections.unmodifiableList(points);
        this.dips = Collections.unmodifiableList(findDips(points));
    }

    /**
     * Computes the emotion curve of a journey.
     *
     * @param journey the journey, not null
     * @return the curve, not null; empty when no touchpoint has an emotion
     * @throws NullPointerException if journey is null
     */
    public static EmotionCurve of(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        List<Touchpoint> touchpoints = journey.getTouchpoints();
        List<CurvePoint> points = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint touchpoint = touchpoints.get(i);
            Optional<Emotion> emotion = touchpoint.getEmotion();
            if (emotion.isPresent()) {
                points.add(ImmutableCurvePoint.builder()
                        .touchpointId(touchpoint.getId())
                        .touchpointName(touchpoint.getName())
                        .phaseId(touchpoint.getPhaseId())
                        .position(i)
                        .value(emotion.get().getValue())
                        .normalised(emotion.get().getNormalised())
                        .build());
            }
        }
        return new EmotionCurve(journey.getId(), journey.getEmotionScale(), points);
    }

    private static List<Dip> findDips(List<CurvePoint> points) {
        List<Dip> found = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            double here = points.get(i).getNormalised();
            double before = points.get(i - 1).getNormalised();
            boolean last = i == points.size() - 1;
            if (here < before && (last || here <= points.get(i + 1).getNormalised())) {
                found.add(ImmutableDip.builder().point(points.get(i)).drop(before - here).atEnd(last).build());
            }
        }
        return found;
    }

    /**
     * The id of the journey this curve belongs to.
     *
     * @return the journey id, not null
     */
    public String getJourneyId() {
        return journeyId;
    }

    /**
     * The scale the journey's emotions are recorded on.
     *
     * @return the scale, not null
     */
    public EmotionScale getScale() {
        return scale;
    }

    /**
     * The points in timeline order.
     *
     * @return an unmodifiable list, empty when no touchpoint has an emotion
     */
    public List<CurvePoint> getPoints() {
        return points;
    }

    /**
     * Whether the curve has no point.
     *
     * @return true when no touchpoint has an emotion
     */
    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The highest point; the earliest one when several are equally high.
     *
     * @return the peak, or empty for an empty curve
     */
    public Optional<CurvePoint> getPeak() {
        CurvePoint best = null;
        for (CurvePoint point : points) {
            if (best == null || point.getNormalised() > best.getNormalised()) {
                best = point;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The lowest point; the earliest one when several are equally low.
     *
     * @return the valley, or empty for an empty curve
     */
    public Optional<CurvePoint> getValley() {
        CurvePoint worst = null;
        for (CurvePoint point : points) {
            if (worst == null || point.getNormalised() < worst.getNormalised()) {
                worst = point;
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * The point farthest from neutral; the earliest one when several are equally far.
     *
     * @return the most intense point, or empty for an empty curve
     */
    public Optional<CurvePoint> getMostIntense() {
        CurvePoint most = null;
        for (CurvePoint point : points) {
            if (most == null || Math.abs(point.getNormalised()) > Math.abs(most.getNormalised())) {
                most = point;
            }
        }
        return Optional.ofNullable(most);
    }

    /**
     * The last point: how the journey ends for the customer.
     *
     * @return the end, or empty for an empty curve
     */
    public Optional<CurvePoint> getEnd() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    /**
     * The peak-end score: the mean of the most intense point's and the end's normalised emotion.
     *
     * @return the score in [-1, 1], or empty for an empty curve
     */
    public OptionalDouble getPeakEndScore() {
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        double intense = getMostIntense().orElseThrow().getNormalised();
        double end = getEnd().orElseThrow().getNormalised();
        return OptionalDouble.of((intense + end) / 2.0);
    }

    /**
     * The mean normalised emotion over all points.
     *
     * @return the mean in [-1, 1], or empty for an empty curve
     */
    public OptionalDouble getMean() {
        return points.stream().mapToDouble(CurvePoint::getNormalised).average();
    }

    /**
     * The dips (local minima) in timeline order; see the class description for the rule.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<Dip> getDips() {
        return dips;
    }

    /**
     * The part of this curve that lies in one phase, as a curve of its own: its points keep their timeline
     * positions, and its peak, valley, end, peak-end score and dips are those of the phase alone.
     *
     * @param phaseId the phase id, not null
     * @return the phase's curve, not null; empty when no touchpoint of the phase has an emotion or the phase does
     *     not exist
     * @throws NullPointerException if phaseId is null
     */
    public EmotionCurve forPhase(String phaseId) {
        Objects.requireNonNull(phaseId, "phaseId");
        List<CurvePoint> inPhase = new ArrayList<>();
        for (CurvePoint point : points) {
            if (point.getPhaseId().equals(phaseId)) {
                inPhase.add(point);
            }
        }
        return new EmotionCurve(journeyId, scale, inPhase);
    }

    /**
     * Finds the point of a touchpoint.
     *
     * @param touchpointId the touchpoint id, not null
     * @return the point, or empty if the touchpoint has no emotion or does not exist
     */
    public Optional<CurvePoint> pointOf(String touchpointId) {
        return points.stream().filter(point -> point.getTouchpointId().equals(touchpointId)).findFirst();
    }

    /**
     * Prints the curve as {@code EmotionCurve[journey, n points, peak-end 0.25]}.
     *
     * @return a summary, not null
     */
    @Override
    public String toString() {
        return "EmotionCurve[" + journeyId + ", " + points.size() + " points"
                + (points.isEmpty() ? "" : ", peak-end " + getPeakEndScore().getAsDouble()) + "]";
    }
}
