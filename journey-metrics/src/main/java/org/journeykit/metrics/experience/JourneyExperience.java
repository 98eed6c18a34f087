package org.journeykit.metrics.experience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * The emotional experience of one journey map: an {@link EmotionSummary} for the whole journey and for each phase,
 * and the normalised emotion of each touchpoint. Touchpoints without an emotion are skipped.
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
        List<Double> all = new ArrayList<>();
        Map<String, Double> byTouchpoint = new LinkedHashMap<>();
        Map<String, List<Double>> phaseValues = new LinkedHashMap<>();
        for (Phase phase : journey.getPhases()) {
            phaseValues.put(phase.getId(), new ArrayList<>());
        }
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            if (touchpoint.getEmotion().isEmpty()) {
                continue;
            }
            double value = touchpoint.getEmotion().get().getNormalised();
            if (Double.isNaN(value)) {
                continue;
            }
            all.add(value);
            byTouchpoint.put(touchpoint.getId(), value);
            phaseValues.computeIfAbsent(touchpoint.getPhaseId(), id -> new ArrayList<>()).add(value);
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Map<String, EmotionSummary> byPhase = new LinkedHashMap<>();
        phaseValues.forEach((phase, values) -> {
            if (!values.isEmpty()) {
                byPhase.put(phase, EmotionSummary.of(toArray(values)));
            }
        });
        return Optional.of(new JourneyExperience(EmotionSummary.of(toArray(all)),
                java.util.Collections.unmodifiableMap(byPhase), java.util.Collections.unmodifiableMap(byTouchpoint)));
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
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
