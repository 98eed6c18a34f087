package org.journeykit.metrics.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.journeykit.metrics.StateFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a state written by {@link StateWriter}, treating the bytes as hostile: every length and count is checked
 * against the bytes that remain and the caller's limit before anything is allocated, and every problem is a
 * {@link StateFormatException} naming the accumulator, the offset and the rule.
 *
 * <p>Not thread-safe; one instance per read.
 */
public final class StateReader {

    static final int MAGIC_0 = 'J';
    static final int MAGIC_1 = 'K';

    /** The size of the header: magic (2), tag (1), version (1). */
    public static final int HEADER_SIZE = 4;

    private final byte[] bytes;
    private final String accumulator;
    private final int version;
    private int position;

    private StateReader(byte[] bytes, String accumulator, int version) {
        this.bytes = bytes;
        this.accumulator = accumulator;
        this.version = version;
        this.position = HEADER_SIZE;
    }

    /**
     * Opens a state, checking its header.
     *
     * @param bytes the state, not null
     * @param tag the accumulator expected, not null
     * @param maxVersion the newest format version this reader knows; versions 1 to it are accepted
     * @return a reader positioned after the header
     * @throws StateFormatException if the bytes are shorter than the header, do not start with {@code "JK"}, hold
     *     another accumulator's state or a format version this reader does not know
     * @throws NullPointerException if the bytes are null
     */
    public static StateReader open(byte[] bytes, StateTag tag, int maxVersion) {
        Objects.requireNonNull(bytes, "bytes");
        String name = tag.label();
        if (bytes.length < HEADER_SIZE) {
            throw new StateFormatException(name, 0, bytes.length + " bytes",
                    "must start with the 4-byte JourneyKit state header");
        }
        if (bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
            throw new StateFormatException(name, 0, hex(bytes[0]) + hex(bytes[1]),
                    "must start with the JourneyKit state magic 4a4b (\"JK\")");
        }
        int code = bytes[2] & 0xFF;
        if (code != tag.code()) {
            StateTag other = StateTag.ofCode(code);
            throw new StateFormatException(name, 2, other == null ? "tag " + code : other.label() + " state",
                    "must be a " + name + " state (tag " + tag.code() + ")");
        }
        int version = bytes[3] & 0xFF;
        if (version < 1 || version > maxVersion) {
            throw new StateFormatException(name, 3, "format version " + version,
                    "is not supported: this reader knows versions 1 to " + maxVersion);
        }
        return new StateReader(bytes, name, version);
    }

    /**
     * The format version of the state.
     *
     * @return the version, 1 to the reader's maximum
     */
    public int version() {
        return version;
    }

    /**
     * The offset of the next byte to read.
     *
     * @return the offset
     */
    public int offset() {
        return position;
    }

    /**
     * The number of bytes not read yet.
     *
     * @return the count, not negative
     */
    public int remaining() {
        return bytes.length - position;
    }

    /**
     * A problem at an offset.
     *
     * @param offset the offset of the value
     * @param value the value, shortened by the caller, or null
     * @param rule the rule broken
     * @return the exception to throw
     */
    public StateFormatException problem(int offset, @Nullable Object value, String rule) {
        return new StateFormatException(accumulator, offset, value, rule);
    }

    private void need(int count, String what) {
        if (bytes.length - position < count) {
            throw problem(position, null, what + " needs " + count + " bytes but only " + remaining() + " remain");
        }
    }

    /**
     * Reads one unsigned byte.
     *
     * @param what the value's name, for messages
     * @return the byte, 0 to 255
     */
    public int readByte(String what) {
        need(1, what);
        return bytes[position++] & 0xFF;
    }

    /**
     * Reads a boolean written as 0 or 1.
     *
     * @param what the value's name, for messages
     * @return the value
     */
    public boolean readBoolean(String what) {
        int at = position;
        int value = readByte(what);
        if (value > 1) {
            throw problem(at, value, what + " must be 0 or 1");
        }
        return value == 1;
    }

    /**
     * Reads a big-endian int.
     *
     * @param what the value's name, for messages
     * @return the value
     */
    public int readInt(String what) {
        need(4, what);
        int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /**
     * Reads an int and checks that it lies in a range.
     *
     * @param what the value's name, for messages
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     */
    public int readInt(String what, int min, int max) {
        int at = position;
        int value = readInt(what);
        if (value < min || value > max) {
            throw problem(at, value, what + " must be from " + min + " to " + max);
        }
        return value;
    }

    /**
     * Reads a big-endian long.
     *
     * @param what the value's name, for messages
     * @return the value
     */
    public long readLong(String what) {
        need(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position + i] & 0xFF);
        }
        position += 8;
        return value;
    }

    /**
     * Reads a count: a long that is not negative.
     *
     * @param what the value's name, for messages
     * @return the count, not negative
     */
    public long readCount(String what) {
        int at = position;
        long value = readLong(what);
        if (value < 0) {
            throw problem(at, value, what + " must be a count, not negative");
        }
        return value;
    }

    /**
     * Reads a long and checks that it lies in a range.
     *
     * @param what the value's name, for messages
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     */
    public long readLong(String what, long min, long max) {
        int at = position;
        long value = readLong(what);
        if (value < min || value > max) {
            throw problem(at, value, what + " must be from " + min + " to " + max);
        }
        return value;
    }

    /**
     * Reads a double that must be finite.
     *
     * @param what the value's name, for messages
     * @return the value, finite
     */
    public double readFiniteDouble(String what) {
        int at = position;
        double value = Double.longBitsToDouble(readLong(what));
        if (!Double.isFinite(value)) {
            throw problem(at, value, what + " must be a finite number");
        }
        return value;
    }

    /**
     * Reads a double that must be finite and not negative.
     *
     * @param what the value's name, for messages
     * @return the value, finite and {@code >= 0}
     */
    public double readNonNegativeDouble(String what) {
        int at = position;
        double value = readFiniteDouble(what);
        if (value < 0) {
            throw problem(at, value, what + " must not be negative");
        }
        return value;
    }

    /**
     * Reads the number of elements that follow, checked against a limit and against the bytes that remain, so that
     * the caller may allocate for it.
     *
     * @param what the elements' name, for messages
     * @param max the documented maximum number of elements
     * @param minBytesPerElement the fewest bytes one element takes in the state, at least 1
     * @return the number of elements, 0 to {@code max}
     */
    public int readSize(String what, int max, int minBytesPerElement) {
        int at = position;
        int value = readInt(what + " count");
        if (value < 0) {
            throw problem(at, value, what + " count must not be negative");
        }
        if (value > max) {
            throw problem(at, value, what + " count must be at most " + max);
        }
        if ((long) value * Math.max(1, minBytesPerElement) > remaining()) {
            throw problem(at, value, what + " count needs at least " + (long) value * minBytesPerElement
                    + " bytes but only " + remaining() + " remain");
        }
        return value;
    }

    /**
     * Reads a text written by {@link StateWriter#writeString}: well-formed UTF-8 of at most a given length.
     *
     * @param what the value's name, for messages
     * @param maxBytes the largest UTF-8 length allowed
     * @return the text, not null
     */
    public String readString(String what, int maxBytes) {
        int at = position;
        int length = readInt(what + " length");
        if (length < 0 || length > maxBytes) {
            throw problem(at, length, what + " length must be from 0 to " + maxBytes + " bytes");
        }
        need(length, what);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, position, length))
                    .toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw problem(at + 4, length + " bytes", what + " must be well-formed UTF-8");
        }
    }

    /**
     * Reads a nested byte array written by {@link StateWriter#writeSized}.
     *
     * @param what the value's name, for messages
     * @param maxBytes the largest length allowed
     * @return a copy of the bytes, not null
     */
    public byte[] readSized(String what, int maxBytes) {
        int at = position;
        int length = readInt(what + " length");
        if (length < 0 || length > maxBytes) {
            throw problem(at, length, what + " length must be from 0 to " + maxBytes + " bytes");
        }
        need(length, what);
        byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return copy;
    }

    /**
     * Checks that the whole state was read.
     *
     * @throws StateFormatException if bytes remain
     */
    public void end() {
        if (position != bytes.length) {
            throw problem(position, remaining() + " bytes", "must not follow the end of the state");
        }
    }

    private static String hex(byte value) {
        return String.format("%02x", value & 0xFF);
    }
}
