package org.journeykit.metrics.experience;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.jspecify.annotations.Nullable;

/**
 * The emotional experience of one journey map: an {@link EmotionSummary} of the journey's {@link EmotionCurve} and of
 * each phase's part of it ({@link EmotionCurve#forPhase}), and the normalised emotion of each touchpoint. Touchpoints
 * without an emotion are skipped.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyExperience {

    private final EmotionSummary overall;
    private final Map<String, EmotionSummary> byPhase;
    private final Map<String, Double> byTouchpoint;

    private JourneyExperience(EmotionSummary overall, Map<String, EmotionSummary> byPhase,
            Map<String, Double> byTouchpoint) {
        this.overall = overall;
        this.byPhase = byPhase;
        this.byTouchpoint = byTouchpoint;
    }

    /**
     * Computes the experience of a journey from its touchpoints' emotions, in timeline order.
     *
     * @param journey the journey, not null
     * @return the experience, or empty when no touchpoint has an emotion
     */
    public static Optional<JourneyExperience> of(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        EmotionCurve curve = EmotionCurve.of(journey);
        Optional<EmotionSummary> overall = EmotionSummary.of(curve);
        if (overall.isEmpty()) {
            return Optional.empty();
        }
        Map<String, EmotionSummary> byPhase = new LinkedHashMap<>();
        for (Phase phase : journey.getPhases()) {
            EmotionSummary.of(curve.forPhase(phase.getId())).ifPresent(summary -> byPhase.put(phase.getId(), summary));
        }
        Map<String, Double> byTouchpoint = new LinkedHashMap<>();
        for (CurvePoint point : curve.getPoints()) {
            byTouchpoint.put(point.getTouchpointId(), point.getNormalised());
        }
        return Optional.of(new JourneyExperience(overall.get(), Collections.unmodifiableMap(byPhase),
                Collections.unmodifiableMap(byTouchpoint)));
    }

    /**
     * Rebuilds an experience from its parts, as the accessors give them (for a stored result, such as its JSON
     * form).
     *
     * @param overall the whole journey's summary, not null
     * @param byPhase the summary per phase id, in phase order, not null; copied in its iteration order
     * @param byTouchpoint the normalised emotion per touchpoint id, in timeline order, each in [-1, 1], as many as
     *     the overall summary's touchpoints; not null, copied in its iteration order
     * @return the experience, not null
     * @throws MetricInputException if an emotion is out of range or the touchpoints do not match the overall
     *     summary's count
     * @throws NullPointerException if an argument, key or value is null
     */
    public static JourneyExperience of(EmotionSummary overall, Map<String, EmotionSummary> byPhase,
            Map<String, Double> byTouchpoint) {
        Objects.requireNonNull(overall, "overall");
        Map<String, EmotionSummary> phases = new LinkedHashMap<>();
        byPhase.forEach((phase, summary) -> phases.put(Objects.requireNonNull(phase, "phase"),
                Objects.requireNonNull(summary, "summary")));
        Map<String, Double> touchpoints = new LinkedHashMap<>();
        byTouchpoint.forEach((touchpoint, emotion) -> {
            if (!(Objects.requireNonNull(emotion, "emotion") >= -1 && emotion <= 1)) {
                throw new MetricInputException("byTouchpoint", emotion, "must be in [-1, 1]");
            }
            touchpoints.put(Objects.requireNonNull(touchpoint, "touchpoint"), emotion);
        });
        if (touchpoints.size() != overall.touchpoints()) {
            throw new MetricInputException("byTouchpoint", touchpoints.size() + " touchpoints",
                    "must be the overall summary's " + overall.touchpoints());
        }
        return new JourneyExperience(overall, Collections.unmodifiableMap(phases),
                Collections.unmodifiableMap(touchpoints));
    }

    /**
     * The whole journey's summary.
     *
     * @return the summary, not null
     */
    public EmotionSummary overall() {
        return overall;
    }

    /**
     * The summary of each phase that has a touchpoint with an emotion, in phase order.
     *
     * @return an unmodifiable map from phase id to summary, not null
     */
    public Map<String, EmotionSummary> byPhase() {
        return byPhase;
    }

    /**
     * The normalised emotion of each touchpoint that has one, in timeline order.
     *
     * @return an unmodifiable map from touchpoint id to emotion in [-1, 1], not null
     */
    public Map<String, Double> byTouchpoint() {
        return byTouchpoint;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof JourneyExperience && ((JourneyExperience) other).overall.equals(overall)
                && ((JourneyExperience) other).byPhase.equals(byPhase)
                && ((JourneyExperience) other).byTouchpoint.equals(byTouchpoint);
    }

    @Override
    public int hashCode() {
        return overall.hashCode() * 31 + byPhase.hashCode();
    }

    /**
     * A readable form: the overall summary and one line per phase.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("journey: ").append(overall);
        byPhase.forEach((phase, summary) -> text.append('\n').append(phase).append(": ").append(summary));
        return text.toString();
    }
}
