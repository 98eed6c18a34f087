package org.journeykit.io.xml;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Limits applied while reading untrusted XML (XES, CJML), so a hostile or broken input cannot exhaust memory, the
 * stack or the time of the reader: the deepest element nesting, the most elements, and the longest run of
 * characters without markup (a text node, or one tag with its attributes).
 *
 * <p>Defaults ({@link #defaults()}): nesting up to 32 levels (an XES log needs 5, a CJML journey 6), up to
 * 100,000,000 elements, and text runs up to 1,000,000 characters (the model's longest text is 4000). DTDs and
 * external entities are always refused, whatever the limits.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class XmlLimits {

    private static final XmlLimits DEFAULTS = new XmlLimits(32, 100_000_000L, 1_000_000);

    private final int maxNestingDepth;
    private final long maxElements;
    private final int maxTextLength;

    private XmlLimits(int maxNestingDepth, long maxElements, int maxTextLength) {
        this.maxNestingDepth = maxNestingDepth;
        this.maxElements = maxElements;
        this.maxTextLength = maxTextLength;
    }

    /**
     * The default limits.
     *
     * @return the defaults, not null
     */
    public static XmlLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The deepest nesting of elements, the root element being level 1.
     *
     * @return the limit, positive
     */
    public int getMaxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The most elements in one document.
     *
     * @return the limit, positive
     */
    public long getMaxElements() {
        return maxElements;
    }

    /**
     * The longest run of characters between two '{@code <}': a text node, or a tag with all its attributes.
     *
     * @return the limit in characters, positive
     */
    public int getMaxTextLength() {
        return maxTextLength;
    }

    /**
     * Returns limits with another nesting depth.
     *
     * @param depth the deepest nesting, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if depth is not positive
     */
    public XmlLimits withMaxNestingDepth(int depth) {
        return new XmlLimits((int) positive(depth, "maxNestingDepth"), maxElements, maxTextLength);
    }

    /**
     * Returns limits with another element count.
     *
     * @param count the most elements, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if count is not positive
     */
    public XmlLimits withMaxElements(long count) {
        return new XmlLimits(maxNestingDepth, positive(count, "maxElements"), maxTextLength);
    }

    /**
     * Returns limits with another text length.
     *
     * @param length the longest text run in characters, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if length is not positive
     */
    public XmlLimits withMaxTextLength(int length) {
        return new XmlLimits(maxNestingDepth, maxElements, (int) positive(length, "maxTextLength"));
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof XmlLimits && ((XmlLimits) other).maxNestingDepth == maxNestingDepth
                && ((XmlLimits) other).maxElements == maxElements
                && ((XmlLimits) other).maxTextLength == maxTextLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxNestingDepth, maxElements, maxTextLength);
    }

    /**
     * Prints the limits.
     *
     * @return the limits as text, not null
     */
    @Override
    public String toString() {
        return "XmlLimits[depth=" + maxNestingDepth + ", elements=" + maxElements + ", text=" + maxTextLength + "]";
    }
}
