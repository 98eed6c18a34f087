package org.journeykit.metrics.journeys.actual;

import org.journeykit.error.JourneyKitException;

/**
 * Thrown when journey analytics meet input they cannot use: an event without a customer or a time, a step that a
 * strict mapping does not know, an empty step list, a window of zero or negative length.
 *
 * <p>The message names the rule and, where one event is at fault, its zero-based index in the order the events
 * were added (for a file, the caller's line number minus its header lines).
 */
public class JourneyAnalyticsException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /** The index of the offending event, or -1 when the problem is not tied to one event. */
    private final long eventIndex;

    /** The rule that was broken. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param eventIndex the zero-based index of the offending event, or -1 when no single event is at fault
     * @param rule the rule that was broken, such as "customer id is required", not null
     * @param detail what was found, not null
     */
    public JourneyAnalyticsException(long eventIndex, String rule, String detail) {
        super((eventIndex >= 0 ? "event " + eventIndex + ": " : "") + rule + " (" + detail + ")");
        this.eventIndex = eventIndex;
        this.rule = rule;
    }

    /**
     * The zero-based index of the offending event.
     *
     * @return the index, or -1 when the problem is not tied to one event
     */
    public long getEventIndex() {
        return eventIndex;
    }

    /**
     * The rule that was broken.
     *
     * @return the rule, not null
     */
    public String getRule() {
        return rule;
    }
}
