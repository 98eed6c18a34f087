package org.journeykit.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.journeykit.error.Problem;
import org.journeykit.error.ReferenceRules;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * A customer journey (klantreis): a named scenario for one or more personas, from a start point to an end point,
 * as ordered phases and an ordered timeline of touchpoints.
 *
 * <p>A journey is either the {@linkplain JourneyState#CURRENT current} journey, mapped from interviews, or a
 * {@linkplain JourneyState#FUTURE future} one that {@linkplain #getImproves() improves} a current journey. It
 * declares the {@link EmotionScale} its touchpoints' emotions are recorded on.
 *
 * <p>Rules checked when it is built: at least one phase; phase ids unique; touchpoint ids unique; every
 * touchpoint in one of the journey's phases; every emotion on the journey's scale; pain point and opportunity
 * ids unique across the journey; every pain point an opportunity addresses exists in the journey. Problem paths are
 * relative to the journey, such as {@code touchpoints[order-form].emotion}. References to personas, channels and
 * other journeys are checked by {@link JourneyModel}.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Journey {

    Journey() {}

    /**
     * The identifier, unique within the model.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * The name, such as "Request a new laptop".
     *
     * @return the name, not blank, at most 200 characters
     */
    @NotBlank
    @Size(max = 200)
    public abstract String getName();

    /**
     * The ids of the personas this journey is for.
     *
     * @return the persona ids in the order given, without duplicates, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getPersonaIds();

    /**
     * The scenario and the customer's goal, such as "An employee needs a laptop to start working".
     *
     * @return the scenario, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getScenario();

    /**
     * Where the journey starts, such as "The employee notices their laptop is too slow".
     *
     * @return the start point, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getStartPoint();

    /**
     * Where the journey ends, such as "The employee works on the new laptop".
     *
     * @return the end point, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getEndPoint();

    /**
     * Whether this is the current or the future journey.
     *
     * @return the state; {@link JourneyState#CURRENT} unless set
     */
    @NotNull
    @Value.Default
    public JourneyState getState() {
        return JourneyState.CURRENT;
    }

    /**
     * For a future journey, the id of the current journey it improves.
     *
     * @return the id of a current journey of the same model, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getImproves();

    /**
     * The scale the touchpoints' emotions are recorded on.
     *
     * @return the scale; {@link EmotionScale#FIVE_POINT} unless set
     */
    @NotNull
    @Value.Default
    public EmotionScale getEmotionScale() {
        return EmotionScale.FIVE_POINT;
    }

    /**
     * The phases, in order.
     *
     * @return the phases, at least one, ids unique
     */
    @NotEmpty
    public abstract List<@Valid @NotNull Phase> getPhases();

    /**
     * The touchpoints in timeline order.
     *
     * @return the touchpoints, possibly empty, ids unique
     */
    public abstract List<@Valid @NotNull Touchpoint> getTouchpoints();

    /**
     * Finds a touchpoint by id.
     *
     * @param id the touchpoint id, not null
     * @return the touchpoint, or empty if the journey has none with that id
     */
    public Optional<Touchpoint> findTouchpoint(String id) {
        return Optional.ofNullable(touchpointsById().get(id));
    }

    /**
     * Finds a phase by id.
     *
     * @param id the phase id, not null
     * @return the phase, or empty if the journey has none with that id
     */
    public Optional<Phase> findPhase(String id) {
        return getPhases().stream().filter(phase -> phase.getId().equals(id)).findFirst();
    }

    /**
     * The touchpoints of one phase, in timeline order.
     *
     * @param phaseId the phase id, not null
     * @return the touchpoints, empty if the phase has none or does not exist
     */
    public List<Touchpoint> touchpointsIn(String phaseId) {
        return getTouchpoints().stream()
                .filter(touchpoint -> touchpoint.getPhaseId().equals(phaseId))
                .collect(Collectors.toUnmodifiableList());
    }

    @Value.Lazy
    Map<String, Touchpoint> touchpointsById() {
        Map<String, Touchpoint> byId = new HashMap<>();
        for (Touchpoint touchpoint : getTouchpoints()) {
            byId.put(touchpoint.getId(), touchpoint);
        }
        return byId;
    }

    /**
     * Returns a copy with other touchpoints.
     *
     * @param touchpoints the touchpoints in timeline order, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the copy breaks a rule
     */
    public abstract Journey withTouchpoints(Iterable<? extends Touchpoint> touchpoints);

    /**
     * Returns a copy in another state.
     *
     * @param state the state, not null
     * @return the copy, not null
     */
    public abstract Journey withState(JourneyState state);

    /**
     * A new, empty builder.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("Journey", getId());
        checks.id("id", getId()).text("name", getName(), 200);
        List<String> personaIds = getPersonaIds();
        Set<String> seenPersonas = new HashSet<>();
        for (int i = 0; i < personaIds.size(); i++) {
            String personaId = personaIds.get(i);
            if (personaId == null) {
                checks.add(Problem.of(RuleCode.REQUIRED, List.of(Problem.Segment.element("personaIds", i)), null,
                        "must not be null"));
            } else if (!Checks.isId(personaId)) {
                checks.add(Problem.of(RuleCode.ID_PATTERN, List.of(Problem.Segment.element("personaIds", i)), personaId,
                        Checks.ID_RULE));
            } else if (!seenPersonas.add(personaId)) {
                checks.add(Problem.of(RuleCode.DUPLICATE, List.of(Problem.Segment.element("personaIds", i)),
                        personaId, "must not repeat a persona"));
            }
        }
        checks.required("emotionScale", getEmotionScale());
        checks.text("scenario", getScenario(), 2000);
        checks.text("startPoint", getStartPoint(), 2000);
        checks.text("endPoint", getEndPoint(), 2000);
        getImproves().ifPresent(id -> {
            checks.id("improves", id);
            if (id.equals(getId())) {
                checks.add(RuleCode.CONFLICT, "improves", id, "must name another journey, not the journey itself");
            }
            if (getState() != JourneyState.FUTURE) {
                checks.add(RuleCode.CONFLICT, "improves", id, "may only be set on a FUTURE journey, the state is " + getState());
            }
        });
        if (getPhases().isEmpty()) {
            checks.add(RuleCode.REQUIRED, "phases", "[]", "must contain at least one phase");
        }
        checks.uniqueIds("phases", getPhases(), Phase::getId);
        checks.uniqueIds("touchpoints", getTouchpoints(), Touchpoint::getId);
        checkTouchpoints(checks);
        checks.throwIfAny();
    }

    private void checkTouchpoints(Checks checks) {
        List<String> phaseList = getPhases().stream().map(Phase::getId).collect(Collectors.toList());
        Set<String> phaseIds = new HashSet<>(phaseList);
        Set<String> painPointIds = new HashSet<>();
        Set<String> opportunityIds = new HashSet<>();
        List<Touchpoint> touchpoints = getTouchpoints();
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint touchpoint = touchpoints.get(i);
            Problem.Segment at = Touchpoint.segment(i, touchpoint);
            if (!phaseIds.contains(touchpoint.getPhaseId())) {
                checks.add(ReferenceRules.phase(List.of(at, Problem.Segment.field("phaseId")), touchpoint.getPhaseId(),
                        phaseList));
            }
            touchpoint.getEmotion().ifPresent(emotion -> {
                if (getEmotionScale() != null && !emotion.getScale().equals(getEmotionScale())) {
                    checks.add(Problem.of(RuleCode.CONFLICT, "emotion", emotion.getValue() + " on scale " + emotion.getScale(),
                            "must be recorded on the journey's emotion scale " + getEmotionScale()).under(at));
                }
            });
            List<PainPoint> painPoints = touchpoint.getPainPoints();
            for (int p = 0; p < painPoints.size(); p++) {
                String id = painPoints.get(p).getId();
                if (!painPointIds.add(id)) {
                    checks.add(Problem.of(RuleCode.DUPLICATE, List.of(at, Problem.Segment.element("painPoints", p, id)), id,
                            "must be unique within the journey: an earlier touchpoint has a pain point with this id"));
                }
            }
            List<Opportunity> opportunities = touchpoint.getOpportunities();
            for (int o = 0; o < opportunities.size(); o++) {
                String id = opportunities.get(o).getId();
                if (!opportunityIds.add(id)) {
                    checks.add(Problem.of(RuleCode.DUPLICATE, List.of(at, Problem.Segment.element("opportunities", o, id)),
                            id,
                            "must be unique within the journey: an earlier touchpoint has an opportunity with this id"));
                }
            }
        }
        for (int i = 0; i < touchpoints.size(); i++) {
            Touchpoint touchpoint = touchpoints.get(i);
            List<Opportunity> opportunities = touchpoint.getOpportunities();
            for (int o = 0; o < opportunities.size(); o++) {
                Opportunity opportunity = opportunities.get(o);
                for (String address : opportunity.getAddresses()) {
                    if (!painPointIds.contains(address)) {
                        checks.add(ReferenceRules.painPoint(List.of(Touchpoint.segment(i, touchpoint),
                                Problem.Segment.element("opportunities", o, opportunity.getId()),
                                Problem.Segment.field("addresses")), address));
                    }
                }
            }
        }
    }

    /**
     * Builds a {@link Journey}. Required: id, name, at least one phase.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableJourney.Builder {
        Builder() {}
    }
}
