package org.journeykit.model;

/** Whether a journey describes how things are or how they should become. */
public enum JourneyState {
    /** The current journey, mapped from customer interviews: realistic, not ideal. */
    CURRENT,
    /** The improved or desired journey that the organisation designs. */
    FUTURE
}
