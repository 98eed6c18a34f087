package org.journeykit.error;

import java.util.List;

/**
 * The reference rules of the model, worded once: {@link org.journeykit.model.Journey} and
 * {@link org.journeykit.model.JourneyModel} check them on the objects they are built from, and a reader checks them
 * on the ids of a document whose other parts could not be built, so that a reference problem is reported together
 * with the shape and range problems around it, in the same words. Each method makes the {@link RuleCode#REFERENCE}
 * problem of one rule at the given path; a reference is checked only when it is a well-formed id.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReferenceRules {

    /** The rule of a touchpoint's phase id; followed by the journey's phase ids, such as {@code [request, wait]}. */
    public static final String PHASE_RULE = "must name one of the journey's phases ";
    /** The rule of an opportunity's addressed pain points. */
    public static final String PAIN_POINT_RULE = "must name a pain point of this journey";
    /** The rule of a touchpoint's channel id and a persona's preferred channels. */
    public static final String CHANNEL_RULE = "must name a channel of the model";
    /** The rule of a journey's persona ids. */
    public static final String PERSONA_RULE = "must name a persona of the model";
    /** The rule of a future journey's {@code improves}. */
    public static final String JOURNEY_RULE = "must name a journey of the model";

    private ReferenceRules() {}

    /**
     * A touchpoint's phase id that names none of its journey's phases.
     *
     * @param path the path of the phase id field, not null
     * @param phaseId the id given, not null
     * @param phaseIds the journey's phase ids in order, not null
     * @return the problem, not null
     */
    public static Problem phase(List<Problem.Segment> path, String phaseId, List<String> phaseIds) {
        return Problem.of(RuleCode.REFERENCE, path, phaseId, PHASE_RULE + "[" + String.join(", ", phaseIds) + "]");
    }

    /**
     * An opportunity's addressed pain point that is no pain point of the journey.
     *
     * @param path the path of the {@code addresses} field, not null
     * @param painPointId the id given, not null
     * @return the problem, not null
     */
    public static Problem painPoint(List<Problem.Segment> path, String painPointId) {
        return Problem.of(RuleCode.REFERENCE, path, painPointId, PAIN_POINT_RULE);
    }

    /**
     * A channel id that names no channel of the model.
     *
     * @param path the path of the field or list element, not null
     * @param channelId the id given, not null
     * @return the problem, not null
     */
    public static Problem channel(List<Problem.Segment> path, String channelId) {
        return Problem.of(RuleCode.REFERENCE, path, channelId, CHANNEL_RULE);
    }

    /**
     * A persona id that names no persona of the model.
     *
     * @param path the path of the list element, not null
     * @param personaId the id given, not null
     * @return the problem, not null
     */
    public static Problem persona(List<Problem.Segment> path, String personaId) {
        return Problem.of(RuleCode.REFERENCE, path, personaId, PERSONA_RULE);
    }

    /**
     * A journey id ({@code improves}) that names no journey of the model.
     *
     * @param path the path of the field, not null
     * @param journeyId the id given, not null
     * @return the problem, not null
     */
    public static Problem journey(List<Problem.Segment> path, String journeyId) {
        return Problem.of(RuleCode.REFERENCE, path, journeyId, JOURNEY_RULE);
    }
}
