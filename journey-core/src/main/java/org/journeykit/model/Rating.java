package org.journeykit.model;

/**
 * How well a touchpoint performs today (goed, voldoende, onvoldoende), rated after it has been classified as a
 * {@link MomentKind}.
 */
public enum Rating {
    /** Good: the moment works as the customer and the organisation want. */
    GOOD,
    /** Sufficient: acceptable, with room to improve. */
    SUFFICIENT,
    /** Insufficient: the moment fails the customer or the brand. */
    INSUFFICIENT
}
