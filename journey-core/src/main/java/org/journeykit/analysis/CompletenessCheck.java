package org.journeykit.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;

/**
 * Lists what a facilitator would still fix in a journey model: the map is valid (it could be built) but not yet
 * complete.
 *
 * <p>Checked, in this order for every journey and then for the personas: journeys without persona, without
 * touchpoints, future journeys without the current journey they improve; phases without touchpoints; touchpoints
 * without channel, emotion, classification or (when classified) rating; pain points that no opportunity of the
 * journey addresses; personas for whom no journey is made.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CompletenessCheck {

    private final List<Finding> findings;

    private CompletenessCheck(List<Finding> findings) {
        this.findings = Collections.unmodifiableList(findings);
    }

    /**
     * Checks a whole model.
     *
     * @param model the model, not null
     * @return the findings, not null
     * @throws NullPointerException if model is null
     */
    public static CompletenessCheck of(JourneyModel model) {
        Objects.requireNonNull(model, "model");
        List<Finding> findings = new ArrayList<>();
        for (Journey journey : model.getJourneys()) {
            check(journey, "journeys[" + journey.getId() + "]", findings);
        }
        for (Persona persona : model.getPersonas()) {
            if (model.journeysFor(persona.getId()).isEmpty()) {
                findings.add(ImmutableFinding.of(Finding.Kind.PERSONA_WITHOUT_JOURNEY,
                        "personas[" + persona.getId() + "]", "make a journey for this persona, or remove it"));
            }
        }
        return new CompletenessCheck(findings);
    }

    /**
     * Checks one journey; paths start at the journey, such as {@code touchpoints[order-form]}.
     *
     * @param journey the journey, not null
     * @return the findings, not null
     * @throws NullPointerException if journey is null
     */
    public static CompletenessCheck of(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        List<Finding> findings = new ArrayList<>();
        check(journey, "", findings);
        return new CompletenessCheck(findings);
    }

    private static void check(Journey journey, String prefix, List<Finding> findings) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        if (journey.getPersonaIds().isEmpty()) {
            add(findings, Finding.Kind.JOURNEY_WITHOUT_PERSONA, prefix, "name the persona this journey is for");
        }
        if (journey.getTouchpoints().isEmpty()) {
            add(findings, Finding.Kind.JOURNEY_WITHOUT_TOUCHPOINTS, prefix,
                    "place the touchpoints on the timeline");
        }
        if (journey.getState() == JourneyState.FUTURE && journey.getImproves().isEmpty()) {
            add(findings, Finding.Kind.FUTURE_JOURNEY_WITHOUT_BASELINE, prefix,
                    "say which current journey this future journey improves");
        }
        for (Phase phase : journey.getPhases()) {
            if (journey.touchpointsIn(phase.getId()).isEmpty()) {
                add(findings, Finding.Kind.EMPTY_PHASE, at + "phases[" + phase.getId() + "]",
                        "add the touchpoints of this phase, or remove the phase");
            }
        }
        Set<String> addressed = new HashSet<>();
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            for (Opportunity opportunity : touchpoint.getOpportunities()) {
                addressed.addAll(opportunity.getAddresses());
            }
        }
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            String path = at + "touchpoints[" + touchpoint.getId() + "]";
            if (touchpoint.getChannelId().isEmpty()) {
                add(findings, Finding.Kind.TOUCHPOINT_WITHOUT_CHANNEL, path, "say on which channel this happens");
            }
            if (touchpoint.getEmotion().isEmpty()) {
                add(findings, Finding.Kind.TOUCHPOINT_WITHOUT_EMOTION, path, "record how the customer felt here");
            }
            if (touchpoint.getMomentKind().isEmpty()) {
                add(findings, Finding.Kind.TOUCHPOINT_NOT_CLASSIFIED, path,
                        "answer: important to the customer? strengthens the brand?");
            } else if (touchpoint.getRating().isEmpty()) {
                add(findings, Finding.Kind.TOUCHPOINT_NOT_RATED, path,
                        "rate this moment good, sufficient or insufficient");
            }
            for (PainPoint painPoint : touchpoint.getPainPoints()) {
                if (!addressed.contains(painPoint.getId())) {
                    add(findings, Finding.Kind.PAIN_POINT_WITHOUT_OPPORTUNITY,
                            path + ".painPoints[" + painPoint.getId() + "]",
                            "add an opportunity that addresses this pain point");
                }
            }
        }
    }

    private static void add(List<Finding> findings, Finding.Kind kind, String path, String message) {
        findings.add(ImmutableFinding.of(kind, path, message));
    }

    /**
     * Every finding, in the order described in the class documentation.
     *
     * @return an unmodifiable list, empty when the model is complete
     */
    public List<Finding> getFindings() {
        return findings;
    }

    /**
     * The findings of some kinds.
     *
     * @param kind a kind, not null
     * @param more further kinds, not null
     * @return the matching findings in order, possibly empty
     */
    public List<Finding> findings(Finding.Kind kind, Finding.Kind... more) {
        Set<Finding.Kind> kinds = EnumSet.of(kind, more);
        return findings.stream().filter(f -> kinds.contains(f.getKind())).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Whether nothing is left to fix.
     *
     * @return true when there is no finding
     */
    public boolean isComplete() {
        return findings.isEmpty();
    }

    /**
     * Prints one finding a line.
     *
     * @return the findings as text, not null
     */
    @Override
    public String toString() {
        return findings.isEmpty() ? "complete" : findings.stream().map(Finding::toString)
                .collect(Collectors.joining("\n"));
    }
}
