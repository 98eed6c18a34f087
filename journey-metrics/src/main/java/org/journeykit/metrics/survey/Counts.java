package org.journeykit.metrics.survey;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.journeykit.metrics.MetricInputException;

/** Shared helpers for histogram states and their byte form. */
final class Counts {

    private Counts() {}

    /** Writes a tag, two ints of configuration and the counts. */
    static byte[] toBytes(int magic, int a, int b, long[] counts) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 + 4 + 4 + 8 * counts.length);
        buffer.putInt(magic).putInt(a).putInt(b).putInt(counts.length);
        for (long count : counts) {
            buffer.putLong(count);
        }
        return buffer.array();
    }

    /** Reads what {@link #toBytes} wrote: returns {a, b} and fills nothing; counts via {@link #readCounts}. */
    static ByteBuffer open(byte[] bytes, int magic, String metric) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 16 || buffer.getInt() != magic) {
            throw new MetricInputException("bytes", bytes.length + " bytes", "must be a serialized " + metric
                    + " accumulator (tag " + Integer.toHexString(magic) + ")");
        }
        return buffer;
    }

    static long[] readCounts(ByteBuffer buffer, int expectedLength, String metric) {
        int length = buffer.getInt();
        if (length != expectedLength || buffer.remaining() != 8L * length) {
            throw new MetricInputException("bytes", length + " counts", "must hold exactly " + expectedLength
                    + " counts for this " + metric + " configuration");
        }
        long[] counts = new long[length];
        try {
            for (int i = 0; i < length; i++) {
                counts[i] = buffer.getLong();
                if (counts[i] < 0) {
                    throw new MetricInputException("bytes", counts[i], "counts must not be negative");
                }
            }
        } catch (BufferUnderflowException e) {
            throw new MetricInputException("bytes", length + " counts", "ends early", e);
        }
        return counts;
    }

    static long sum(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total = Math.addExact(total, count);
        }
        return total;
    }
}
