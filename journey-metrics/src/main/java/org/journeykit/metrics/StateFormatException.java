package org.journeykit.metrics;

import java.util.Objects;

/**
 * Thrown when bytes given to an accumulator's {@code fromBytes} are not a state that this version of the library
 * can read: another accumulator's state, an unknown format version, a truncated or corrupted state, or a count or
 * length beyond the documented limits.
 *
 * <p>The message names the accumulator, the byte offset where the problem was found and the rule broken, for
 * example {@code "NPS state at byte 12: -5 must be a count, not negative"}. Values are echoed shortened. Nothing
 * is allocated beyond what the bytes that remain can justify before this is thrown.
 */
public class StateFormatException extends MetricInputException {

    private static final long serialVersionUID = 1L;

    /** The accumulator whose state was read. */
    private final String accumulator;
    /** The byte offset of the problem. */
    private final int offset;

    /**
     * Creates the exception.
     *
     * @param accumulator the accumulator whose state was read, such as {@code "NPS"}, not null
     * @param offset the offset of the problem in the bytes, from 0
     * @param value the value found there, shortened, or null when there was none (the bytes ended)
     * @param rule the rule broken, such as {@code "must be a count, not negative"}, not null
     */
    public StateFormatException(String accumulator, int offset, @org.jspecify.annotations.Nullable Object value,
            String rule) {
        super(Objects.requireNonNull(accumulator, "accumulator") + " state at byte " + offset, value, rule);
        this.accumulator = accumulator;
        this.offset = offset;
    }

    /**
     * The accumulator whose state was read, as named in the state's header documentation.
     *
     * @return the accumulator's name, such as {@code "NPS"}, not null
     */
    public String getAccumulator() {
        return accumulator;
    }

    /**
     * The byte offset at which the problem was found.
     *
     * @return the offset, from 0
     */
    public int getOffset() {
        return offset;
    }
}
