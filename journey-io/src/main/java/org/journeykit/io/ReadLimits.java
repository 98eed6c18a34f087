package org.journeykit.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.jspecify.annotations.Nullable;

/**
 * Limits applied while reading untrusted JSON, so a hostile or broken input cannot exhaust memory or the stack.
 *
 * <p>Defaults ({@link #defaults()}): documents up to 64 MiB, nesting up to 32 levels (a journey document needs 8),
 * strings up to 1,000,000 characters, numbers up to 100 digits, and at most 1,000 problems reported per read. A
 * JSON Lines line is limited to the smaller of {@link #getMaxDocumentLength()} and
 * {@link org.journeykit.io.ndjson.JsonLines#MAX_LINE_LENGTH} (1,048,576 characters).
 *
 * <p>The document length also bounds the heap a read needs: {@link JourneyJson} reads a document, valid or not, in
 * at most about 8 times its length (512 MiB for the default 64 MiB); see its class description.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReadLimits {

    private static final ReadLimits DEFAULTS = new ReadLimits(64L * 1024 * 1024, 32, 1_000_000, 100, 1_000);

    private final long maxDocumentLength;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxProblems;

    private ReadLimits(long maxDocumentLength, int maxNestingDepth, int maxStringLength, int maxNumberLength,
            int maxProblems) {
        this.maxDocumentLength = maxDocumentLength;
        this.maxNestingDepth = maxNestingDepth;
        this.maxStringLength = maxStringLength;
        this.maxNumberLength = maxNumberLength;
        this.maxProblems = maxProblems;
    }

    /**
     * The default limits.
     *
     * @return the defaults, not null
     */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * The longest document, in bytes or characters of input.
     *
     * @return the limit, positive
     */
    public long getMaxDocumentLength() {
        return maxDocumentLength;
    }

    /**
     * The deepest nesting of arrays and objects.
     *
     * @return the limit, positive
     */
    public int getMaxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The longest string value or field name, in characters.
     *
     * @return the limit, positive
     */
    public int getMaxStringLength() {
        return maxStringLength;
    }

    /**
     * The longest number, in characters.
     *
     * @return the limit, positive
     */
    public int getMaxNumberLength() {
        return maxNumberLength;
    }

    /**
     * The most problems one read reports; reading stops collecting after that many.
     *
     * @return the limit, positive
     */
    public int getMaxProblems() {
        return maxProblems;
    }

    /**
     * Returns limits with another document length.
     *
     * @param length the longest document, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if length is not positive
     */
    public ReadLimits withMaxDocumentLength(long length) {
        return new ReadLimits(positive(length, "maxDocumentLength"), maxNestingDepth, maxStringLength,
                maxNumberLength, maxProblems);
    }

    /**
     * Returns limits with another nesting depth.
     *
     * @param depth the deepest nesting, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if depth is not positive
     */
    public ReadLimits withMaxNestingDepth(int depth) {
        return new ReadLimits(maxDocumentLength, (int) positive(depth, "maxNestingDepth"), maxStringLength,
                maxNumberLength, maxProblems);
    }

    /**
     * Returns limits with another string length.
     *
     * @param length the longest string, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if length is not positive
     */
    public ReadLimits withMaxStringLength(int length) {
        return new ReadLimits(maxDocumentLength, maxNestingDepth, (int) positive(length, "maxStringLength"),
                maxNumberLength, maxProblems);
    }

    /**
     * Returns limits with another number length.
     *
     * @param length the longest number, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if length is not positive
     */
    public ReadLimits withMaxNumberLength(int length) {
        return new ReadLimits(maxDocumentLength, maxNestingDepth, maxStringLength,
                (int) positive(length, "maxNumberLength"), maxProblems);
    }

    /**
     * Returns limits with another problem count.
     *
     * @param count the most problems reported, positive
     * @return the new limits, not null
     * @throws IllegalArgumentException if count is not positive
     */
    public ReadLimits withMaxProblems(int count) {
        return new ReadLimits(maxDocumentLength, maxNestingDepth, maxStringLength, maxNumberLength,
                (int) positive(count, "maxProblems"));
    }

    /**
     * These limits as Jackson's stream constraints, for a {@code JsonFactory} of the caller's own.
     *
     * @return the constraints, not null
     */
    public StreamReadConstraints toStreamReadConstraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentLength)
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxNameLength(Math.min(maxStringLength, 50_000))
                .build();
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof ReadLimits)) {
            return false;
        }
        ReadLimits that = (ReadLimits) other;
        return maxDocumentLength == that.maxDocumentLength && maxNestingDepth == that.maxNestingDepth
                && maxStringLength == that.maxStringLength && maxNumberLength == that.maxNumberLength
                && maxProblems == that.maxProblems;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxDocumentLength, maxNestingDepth, maxStringLength, maxNumberLength,
                maxProblems);
    }

    /**
     * Prints the limits.
     *
     * @return the limits as text, not null
     */
    @Override
    public String toString() {
        return "ReadLimits[document=" + maxDocumentLength + ", depth=" + maxNestingDepth + ", string="
                + maxStringLength + ", number=" + maxNumberLength + ", problems=" + maxProblems + "]";
    }
}
