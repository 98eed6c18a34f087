package org.journeykit.metrics.journeys.actual;

import java.util.Objects;
import java.util.OptionalLong;
import org.journeykit.metrics.MetricInputException;

/**
 * Thrown when journey analytics meet input they cannot use: an event without a customer or a time, a time outside
 * {@link org.journeykit.observed.TimeLimits}, a step that a strict mapping does not know, an empty step list, a
 * window of zero or negative length.
 *
 * <p>It is a {@link MetricInputException}: catch that to handle bad input to any metric. The message names the
 * rule and, where one event is at fault, its zero-based index in the order the events were added (for a file, the
 * caller's line number minus its header lines), for example {@code "event 3: every event needs a step (step was
 * missing)"}. {@link #getInput()} is {@code "event 3"} (or {@code "journeys"} when no single event is at fault),
 * {@link #getValue()} what was found and {@link #getRule()} the rule.
 */
public class JourneyAnalyticsException extends MetricInputException {

    private static final long serialVersionUID = 1L;

    /** The index of the offending event, or -1 when the problem is not tied to one event (never exposed as -1). */
    private final long eventIndex;

    /**
     * Creates the exception for one event.
     *
     * @param eventIndex the zero-based index of the offending event; a negative number means that no single event
     *     is at fault (prefer {@link #JourneyAnalyticsException(String, String)} then)
     * @param rule the rule that was broken, such as "every event needs a customer id", not null
     * @param detail what was found, not null
     */
    public JourneyAnalyticsException(long eventIndex, String rule, String detail) {
        super(eventIndex >= 0 ? "event " + eventIndex : "journeys", Objects.requireNonNull(detail, "detail"),
                Objects.requireNonNull(rule, "rule"));
        this.eventIndex = Math.max(-1, eventIndex);
    }

    /**
     * Creates the exception for a problem that no single event causes (a definition, a configuration).
     *
     * @param rule the rule that was broken, such as "a funnel needs at least one step", not null
     * @param detail what was found, not null
     */
    public JourneyAnalyticsException(String rule, String detail) {
        this(-1, rule, detail);
    }

    /**
     * The message: {@code "event N: rule (detail)"}, or {@code "rule (detail)"} when no single event is at fault.
     *
     * @return the message, not null
     */
    @Override
    public String getMessage() {
        return (eventIndex >= 0 ? "event " + eventIndex + ": " : "") + getRule() + " (" + getValue() + ")";
    }

    /**
     * The zero-based index of the offending event.
     *
     * @return the index, or empty when the problem is not tied to one event
     */
    public OptionalLong getEventIndex() {
        return eventIndex >= 0 ? OptionalLong.of(eventIndex) : OptionalLong.empty();
    }
}
