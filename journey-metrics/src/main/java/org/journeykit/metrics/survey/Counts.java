package org.journeykit.metrics.survey;

import java.util.Arrays;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateWriter;

/**
 * The histogram behind the survey accumulators: one count per answer and their total, which never exceeds
 * {@link Long#MAX_VALUE} (so no single count and no sum of counts can wrap). Every change is checked before it
 * is applied: a change that would overflow throws {@link MetricInputException} and leaves the counts unchanged.
 *
 * <p>Byte form: the counts as big-endian longs, lowest answer first, without a length (the configuration written
 * before them fixes it).
 *
 * <p>Mutable and not thread-safe, like the accumulators that own it.
 */
final class Counts {

    private final long[] counts;
    private long total;

    /**
     * An empty histogram.
     *
     * @param size the number of answers, at least 1
     */
    Counts(int size) {
        this.counts = new long[size];
    }

    private Counts(long[] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts one answer.
     *
     * @param index the answer's index, checked by the caller
     * @param metric the metric, for the overflow message
     * @throws MetricInputException if the total would exceed {@link Long#MAX_VALUE}; nothing changes
     */
    void add(int index, String metric) {
        total = Checked.add(total, 1, metric);
        counts[index]++;
    }

    /**
     * Adds a histogram of the same size, all or nothing. The part may be this histogram's own array, which then
     * doubles.
     *
     * @param part the counts to add, none negative, same length
     * @param partTotal the sum of {@code part}, not negative
     * @param metric the metric, for the overflow message
     * @throws MetricInputException if the total would exceed {@link Long#MAX_VALUE}; nothing changes
     */
    void add(long[] part, long partTotal, String metric) {
        long newTotal = Checked.add(total, partTotal, metric);
        // Every count is at most the total, so no single count can overflow once the total does not.
        for (int i = 0; i < counts.length; i++) {
            counts[i] += part[i];
        }
        total = newTotal;
    }

    /**
     * Adds another histogram of the same size, all or nothing; {@code other} may be this histogram.
     *
     * @param other the histogram to add, same size
     * @param metric the metric, for the overflow message
     * @throws MetricInputException if the total would exceed {@link Long#MAX_VALUE}; nothing changes
     */
    void add(Counts other, String metric) {
        add(other.counts, other.total, metric);
    }

    /**
     * The count of one answer.
     *
     * @param index the answer's index
     * @return the count, not negative
     */
    long get(int index) {
        return counts[index];
    }

    /**
     * The sum of the counts {@code [from, to)}.
     *
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return the sum, not negative (it cannot overflow: it is at most the total)
     */
    long sum(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /**
     * The total of all counts.
     *
     * @return the total, not negative
     */
    long total() {
        return total;
    }

    /**
     * A copy of the counts.
     *
     * @return a new array, not null
     */
    long[] toArray() {
        return counts.clone();
    }

    /**
     * Writes the counts.
     *
     * @param writer the writer, not null
     */
    void write(StateWriter writer) {
        for (long count : counts) {
            writer.writeLong(count);
        }
    }

    /**
     * Reads {@code size} counts written by {@link #write}, checking that the bytes hold them, that none is negative
     * and that their total does not exceed {@link Long#MAX_VALUE}.
     *
     * @param reader the reader, positioned at the first count
     * @param size the number of counts the configuration fixes, small (at most 1001)
     * @param metric the metric, for messages
     * @return the histogram, not null
     * @throws org.journeykit.metrics.StateFormatException if a count is missing, negative, or the total overflows
     */
    static Counts read(StateReader reader, int size, String metric) {
        if (reader.remaining() < 8L * size) {
            throw reader.problem(reader.offset(), reader.remaining() + " bytes",
                    size + " counts of " + metric + " need " + 8L * size + " bytes");
        }
        long[] counts = new long[size];
        long total = 0;
        for (int i = 0; i < size; i++) {
            int at = reader.offset();
            counts[i] = reader.readCount("count " + i);
            if (counts[i] > Long.MAX_VALUE - total) {
                throw reader.problem(at, counts[i], "counts must add up to at most " + Long.MAX_VALUE
                        + " (Long.MAX_VALUE)");
            }
            total += counts[i];
        }
        return new Counts(counts, total);
    }

    @Override
    public String toString() {
        return Arrays.toString(counts);
    }
}
