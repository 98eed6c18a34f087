package org.journeykit.io.svg;

/**
 * A horizontal lane of the journey map, drawn from top to bottom in declaration order.
 */
public enum Lane {
    /** What the customer does at each touchpoint (klantactie). */
    CUSTOMER_ACTIONS("Customer actions"),
    /** The touchpoints with their channel, moment kind, rating and moment-of-truth flag; hand-offs are marked. */
    TOUCHPOINTS("Touchpoints"),
    /** What the organisation does in view of the customer. */
    FRONT_STAGE("Front stage"),
    /** What the organisation does out of the customer's view. */
    BACK_STAGE("Back stage"),
    /** The emotion curve: positive above the neutral line, negative below, dips marked. */
    EMOTIONS("Emotions"),
    /** The pain points found at each touchpoint. */
    PAIN_POINTS("Pain points"),
    /** The opportunities found at each touchpoint. */
    OPPORTUNITIES("Opportunities");

    private final String label;

    Lane(String label) {
        this.label = label;
    }

    /**
     * The heading written at the start of the lane.
     *
     * @return the heading, such as "Front stage", not null
     */
    public String getLabel() {
        return label;
    }
}
