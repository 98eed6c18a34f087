package org.journeykit.metrics.retention;

import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rule for customer ids that retention accumulators keep in their state: the rule of
 * {@code InteractionEvent.getCustomerId()} (not blank, at most 128 characters) and well-formed Unicode (no lone
 * surrogate), so that every id survives the UTF-8 byte form unchanged.
 */
final class CustomerIds {

    /** The longest customer id, in characters, as {@code InteractionEvent} allows. */
    static final int MAX_LENGTH = 128;
    /** The longest customer id in UTF-8 bytes: three bytes per character at most. */
    static final int MAX_UTF8_BYTES = 3 * MAX_LENGTH;
    /** The rule, for messages. */
    static final String RULE = "must be well-formed text of 1 to " + MAX_LENGTH + " characters, not blank";

    private CustomerIds() {}

    /**
     * Checks a customer id.
     *
     * @param name the argument's name, for the message
     * @param id the id, null refused
     * @return the id
     * @throws MetricInputException if the id is null, blank, longer than {@link #MAX_LENGTH} characters or holds a
     *     lone surrogate
     */
    static String check(String name, @Nullable String id) {
        if (id == null) {
            throw new MetricInputException(name, null, "must not be null");
        }
        if (!isValid(id)) {
            throw new MetricInputException(name, id.length() > 40 ? id.substring(0, 40) + "..." : id, RULE);
        }
        return id;
    }

    /**
     * Whether an id keeps the rule.
     *
     * @param id the id, not null
     * @return true when it is 1 to 128 characters, not blank, without a lone surrogate
     */
    static boolean isValid(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_LENGTH || id.isBlank()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(id.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
