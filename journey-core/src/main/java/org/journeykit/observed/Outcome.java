package org.journeykit.observed;

/** How an interaction ended, from the customer's side. */
public enum Outcome {
    /** The customer got what the interaction was for. */
    COMPLETED,
    /** The interaction happened but did not achieve its purpose (an error, a refusal, an unresolved contact). */
    FAILED,
    /** The customer left before the interaction ended. */
    ABANDONED
}
