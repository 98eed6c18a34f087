package org.journeykit.metrics.survey;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates customer satisfaction (CSAT) answers on one scale and counts those at or above a threshold as
 * satisfied; the classic top-2-box CSAT is the 1-5 scale with threshold 4 ({@link #topTwoBox()}).
 *
 * <p>State: one count per answer on the scale (constant memory). Accumulators merge only when scale and
 * threshold are equal.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CsatAccumulator implements MetricAccumulator<CsatAccumulator, CsatResult> {

    private static final int MAGIC = 0x43534154; // "CSAT"

    private final SurveyScale scale;
    private final int threshold;
    private final long[] counts;

    private CsatAccumulator(SurveyScale scale, int threshold) {
        this.scale = scale;
        this.threshold = threshold;
        this.counts = new long[scale.size()];
    }

    /**
     * An empty top-2-box accumulator: answers 1-5, satisfied = 4 or 5.
     *
     * @return the accumulator, not null
     */
    public static CsatAccumulator topTwoBox() {
        return new CsatAccumulator(SurveyScale.ONE_TO_FIVE, 4);
    }

    /**
     * An empty accumulator for a scale and satisfaction threshold.
     *
     * @param scale the answer scale, not null
     * @param threshold the lowest answer that counts as satisfied, on the scale and above its minimum
     * @return the accumulator, not null
     * @throws MetricInputException if the threshold is not on the scale or equals its minimum (every answer would
     *     count as satisfied)
     */
    public static CsatAccumulator of(SurveyScale scale, int threshold) {
        Objects.requireNonNull(scale, "scale");
        if (threshold <= scale.getMin() || threshold > scale.getMax()) {
            throw new MetricInputException("threshold", threshold, "must be above " + scale.getMin()
                    + " and at most " + scale.getMax() + " on the scale " + scale);
        }
        return new CsatAccumulator(scale, threshold);
    }

    /**
     * A collector of CSAT responses into their top-2-box result on the 1-5 scale.
     *
     * @return the collector, not null; it throws {@link MetricInputException} for a null response, a non-CSAT
     *     response or another scale
     */
    public static Collector<SurveyResponse, ?, Optional<CsatResult>> topTwoBoxCollector() {
        return Collector.of(CsatAccumulator::topTwoBox, CsatAccumulator::add, CsatAccumulator::merge,
                CsatAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * The answer scale.
     *
     * @return the scale, not null
     */
    public SurveyScale scale() {
        return scale;
    }

    /**
     * The lowest answer counted as satisfied.
     *
     * @return the threshold
     */
    public int threshold() {
        return threshold;
    }

    /**
     * Adds one answer.
     *
     * @param answer the answer, on the scale
     * @return this accumulator
     * @throws MetricInputException if the answer is not on the scale; the state is unchanged
     */
    public CsatAccumulator add(int answer) {
        if (!scale.contains(answer)) {
            throw new MetricInputException("answer", answer, "must be an integer on the CSAT scale " + scale);
        }
        counts[answer - scale.getMin()]++;
        return this;
    }

    /**
     * Adds every answer of an array, without boxing; all or none.
     *
     * @param answers the answers, not null, each on the scale
     * @return this accumulator
     * @throws MetricInputException if an answer is not on the scale; the state is unchanged
     */
    public CsatAccumulator addAll(int[] answers) {
        long[] part = new long[counts.length];
        int min = scale.getMin();
        for (int i = 0; i < answers.length; i++) {
            if (!scale.contains(answers[i])) {
                throw new MetricInputException("answers[" + i + "]", answers[i],
                        "must be an integer on the CSAT scale " + scale);
            }
            part[answers[i] - min]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += part[i];
        }
        return this;
    }

    /**
     * Adds every answer of a stream, without boxing; all or none. A parallel stream is split and merged.
     *
     * @param answers the answers, not null, each on the scale
     * @return this accumulator
     * @throws MetricInputException if an answer is not on the scale; the state is unchanged
     */
    public CsatAccumulator addAll(IntStream answers) {
        CsatAccumulator part = answers.collect(() -> new CsatAccumulator(scale, threshold), CsatAccumulator::add, CsatAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds one CSAT survey response.
     *
     * @param response the response, not null, of kind CSAT on this accumulator's scale
     * @return this accumulator
     * @throws MetricInputException if the response is null, not CSAT, or on another scale; the state is unchanged
     */
    public CsatAccumulator add(@Nullable SurveyResponse response) {
        if (response == null) {
            throw new MetricInputException("response", null, "must not be null");
        }
        if (response.getKind() != SurveyKind.CSAT) {
            throw new MetricInputException("response.kind", response.getKind(), "must be CSAT");
        }
        if (!response.getScale().equals(scale)) {
            throw new MetricInputException("response.scale", response.getScale(), "must be " + scale);
        }
        return add(response.getScore());
    }

    /**
     * Adds another accumulator's counts to this one.
     *
     * @param other the other accumulator, not null, same scale and threshold; it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if scale or threshold differ
     */
    @Override
    public CsatAccumulator merge(CsatAccumulator other) {
        if (!other.scale.equals(scale) || other.threshold != threshold) {
            throw new IncompatibleMergeException("CSAT", scale + " threshold " + threshold,
                    other.scale + " threshold " + other.threshold);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no answer was added
     */
    @Override
    public Optional<CsatResult> result() {
        long n = Counts.sum(counts);
        if (n == 0) {
            return Optional.empty();
        }
        long satisfied = 0;
        for (int i = threshold - scale.getMin(); i < counts.length; i++) {
            satisfied += counts[i];
        }
        return Optional.of(CsatResult.of(satisfied, n));
    }

    /**
     * The state as bytes: a tag, the scale bounds, the threshold and the counts.
     *
     * @return the bytes, not null
     */
    public byte[] toBytes() {
        byte[] counted = Counts.toBytes(MAGIC, scale.getMin(), scale.getMax(), counts);
        return ByteBuffer.allocate(counted.length + 4).put(counted).putInt(threshold).array();
    }

    /**
     * Reads an accumulator written by {@link #toBytes()}.
     *
     * @param bytes the bytes, not null
     * @return a new accumulator, not null
     * @throws MetricInputException if the bytes are not a serialized CSAT accumulator
     * @throws org.journeykit.error.InvalidModelException if the stored scale is not a valid scale
     */
    public static CsatAccumulator fromBytes(byte[] bytes) {
        if (bytes.length < 20) {
            throw new MetricInputException("bytes", bytes.length + " bytes", "must be a serialized CSAT accumulator");
        }
        ByteBuffer buffer = Counts.open(Arrays.copyOf(bytes, bytes.length - 4), MAGIC, "CSAT");
        int threshold = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        SurveyScale scale = SurveyScale.of(buffer.getInt(), buffer.getInt());
        CsatAccumulator accumulator = of(scale, threshold);
        long[] read = Counts.readCounts(buffer, scale.size(), "CSAT");
        System.arraycopy(read, 0, accumulator.counts, 0, read.length);
        return accumulator;
    }

    @Override
    public String toString() {
        return "CsatAccumulator[" + scale + ", satisfied >= " + threshold + ", " + Arrays.toString(counts) + "]";
    }
}
