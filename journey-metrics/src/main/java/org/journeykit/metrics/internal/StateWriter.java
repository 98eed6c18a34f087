package org.journeykit.metrics.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an accumulator's state in the byte form documented in {@link org.journeykit.metrics.MetricAccumulator}:
 * the four-byte header ({@code 'J' 'K'}, the accumulator's tag, the format version), then the payload, all numbers
 * big-endian.
 *
 * <p>Not thread-safe; one instance per state.
 */
public final class StateWriter {

    private byte[] bytes;
    private int size;

    private StateWriter(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    /**
     * Starts a state with its header.
     *
     * @param tag the accumulator's tag, not null
     * @param version the payload's format version, 1 to 255
     * @param expectedSize the expected size in bytes, a hint
     * @return the writer, positioned after the header
     */
    public static StateWriter start(StateTag tag, int version, int expectedSize) {
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("version must be 1 to 255: " + version);
        }
        StateWriter writer = new StateWriter(expectedSize);
        writer.writeByte(StateReader.MAGIC_0).writeByte(StateReader.MAGIC_1).writeByte(tag.code()).writeByte(version);
        return writer;
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("state larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /**
     * Writes one byte.
     *
     * @param value the byte, its low 8 bits
     * @return this writer
     */
    public StateWriter writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    /**
     * Writes a boolean as one byte, 0 or 1.
     *
     * @param value the value
     * @return this writer
     */
    public StateWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /**
     * Writes a big-endian int.
     *
     * @param value the value
     * @return this writer
     */
    public StateWriter writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    /**
     * Writes a big-endian long.
     *
     * @param value the value
     * @return this writer
     */
    public StateWriter writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /**
     * Writes a double as its IEEE 754 bits, big-endian.
     *
     * @param value the value
     * @return this writer
     */
    public StateWriter writeDouble(double value) {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    /**
     * Writes a text as an int byte length and its UTF-8 bytes. The text must be well-formed (no lone surrogate);
     * readers refuse malformed UTF-8.
     *
     * @param value the text, not null
     * @return this writer
     */
    public StateWriter writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        return writeBytes(utf8);
    }

    /**
     * Writes raw bytes, without a length.
     *
     * @param value the bytes, not null
     * @return this writer
     */
    public StateWriter writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /**
     * Writes a nested byte array with an int length prefix.
     *
     * @param value the bytes, not null
     * @return this writer
     */
    public StateWriter writeSized(byte[] value) {
        writeInt(value.length);
        return writeBytes(value);
    }

    /**
     * The state written so far.
     *
     * @return a new array with exactly the bytes written, not null
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
