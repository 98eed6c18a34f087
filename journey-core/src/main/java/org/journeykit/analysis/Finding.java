package org.journeykit.analysis;

import org.immutables.value.Value;

/**
 * One thing a facilitator should still fix in a journey map, found by {@link CompletenessCheck}.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Finding {

    Finding() {}

    /**
     * What is missing.
     *
     * @return the kind, not null
     */
    @Value.Parameter
    public abstract Kind getKind();

    /**
     * Where, as a path from the model such as {@code journeys[laptop-request].touchpoints[order-form]}.
     *
     * @return the path, not null; empty for a finding on the journey itself when a single journey was checked
     */
    @Value.Parameter
    public abstract String getPath();

    /**
     * What to do, in a sentence.
     *
     * @return the message, not null
     */
    @Value.Parameter
    public abstract String getMessage();

    /**
     * Prints {@code path: message}, or only the message when the path is empty (the journey itself).
     *
     * @return the finding as text, not null
     */
    @Override
    public String toString() {
        return getPath().isEmpty() ? getMessage() : getPath() + ": " + getMessage();
    }

    /** The kinds of incompleteness the check looks for. */
    public enum Kind {
        /** A persona no journey is made for. */
        PERSONA_WITHOUT_JOURNEY,
        /** A journey that names no persona. */
        JOURNEY_WITHOUT_PERSONA,
        /** A journey without any touchpoint. */
        JOURNEY_WITHOUT_TOUCHPOINTS,
        /** A phase of a journey that has no touchpoint. */
        EMPTY_PHASE,
        /** A touchpoint without a channel. */
        TOUCHPOINT_WITHOUT_CHANNEL,
        /** A touchpoint without an emotion. */
        TOUCHPOINT_WITHOUT_EMOTION,
        /** A touchpoint without a contact-moment classification. */
        TOUCHPOINT_NOT_CLASSIFIED,
        /** A classified touchpoint without a rating. */
        TOUCHPOINT_NOT_RATED,
        /** A pain point that no opportunity addresses. */
        PAIN_POINT_WITHOUT_OPPORTUNITY,
        /** A future journey that does not say which current journey it improves. */
        FUTURE_JOURNEY_WITHOUT_BASELINE
    }
}
