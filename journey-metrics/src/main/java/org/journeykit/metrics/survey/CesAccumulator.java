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
import org.jspecify.annotations.Nullable;

/**
 * Accumulates Customer Effort Score answers on one explicit {@link CesScale} as a histogram: constant memory,
 * exact and mergeable (only with an accumulator of the same scale).
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CesAccumulator implements MetricAccumulator<CesAccumulator, CesResult> {

    private static final int MAGIC = 0x43455331; // "CES1"

    private final CesScale scale;
    private final long[] counts;

    private CesAccumulator(CesScale scale) {
        this.scale = scale;
        this.counts = new long[scale.max() - scale.min() + 1];
    }

    /**
     * Creates an empty accumulator for a scale: the identity of {@link #merge} for that scale.
     *
     * @param scale the questionnaire, not null
     * @return the accumulator, not null
     */
    public static CesAccumulator of(CesScale scale) {
        return new CesAccumulator(Objects.requireNonNull(scale, "scale"));
    }

    /**
     * A collector of CES responses of one scale into their result.
     *
     * @param scale the questionnaire, not null
     * @return the collector, not null; it throws {@link MetricInputException} for a null response, a non-CES
     *     response or one on the other scale
     */
    public static Collector<SurveyResponse, ?, Optional<CesResult>> collector(CesScale scale) {
        Objects.requireNonNull(scale, "scale");
        return Collector.of(() -> of(scale), CesAccumulator::add, CesAccumulator::merge, CesAccumulator::result,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The questionnaire this accumulator counts.
     *
     * @return the scale, not null
     */
    public CesScale scale() {
        return scale;
    }

    /**
     * Adds one answer.
     *
     * @param answer the answer, on this accumulator's scale
     * @return this accumulator
     * @throws MetricInputException if the answer is not on the scale; the state is unchanged
     */
    public CesAccumulator add(int answer) {
        if (answer < scale.min() || answer > scale.max()) {
            throw new MetricInputException("answer", answer, "must be an integer from " + scale.min() + " to "
                    + scale.max() + " on " + scale);
        }
        counts[answer - scale.min()]++;
        return this;
    }

    /**
     * Adds every answer of an array, without boxing; all or none.
     *
     * @param answers the answers, not null, each on the scale
     * @return this accumulator
     * @throws MetricInputException if an answer is not on the scale; the state is unchanged
     */
    public CesAccumulator addAll(int[] answers) {
        long[] part = new long[counts.length];
        for (int i = 0; i < answers.length; i++) {
            int answer = answers[i];
            if (answer < scale.min() || answer > scale.max()) {
                throw new MetricInputException("answers[" + i + "]", answer, "must be an integer from "
                        + scale.min() + " to " + scale.max() + " on " + scale);
            }
            part[answer - scale.min()]++;
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
    public CesAccumulator addAll(IntStream answers) {
        CesAccumulator part = answers.collect(() -> of(scale), CesAccumulator::add, CesAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds one CES survey response.
     *
     * @param response the response, not null, of kind CES on this accumulator's scale
     * @return this accumulator
     * @throws MetricInputException if the response is null, not a CES response, or on the other scale; the state
     *     is unchanged
     */
    public CesAccumulator add(@Nullable SurveyResponse response) {
        if (response == null) {
            throw new MetricInputException("response", null, "must not be null");
        }
        if (response.getKind() != SurveyKind.CES) {
            throw new MetricInputException("response.kind", response.getKind(), "must be CES");
        }
        CesScale responseScale = CesScale.of(response.getScale());
        if (responseScale != scale) {
            throw new MetricInputException("response.scale", response.getScale(), "must be the scale of " + scale);
        }
        return add(response.getScore());
    }

    /**
     * Adds another accumulator's counts to this one.
     *
     * @param other the other accumulator, not null, of the same scale; it is not changed
     * @return this accumulator
     * @throws IncompatibleMergeException if the scales differ
     */
    @Override
    public CesAccumulator merge(CesAccumulator other) {
        if (other.scale != scale) {
            throw new IncompatibleMergeException("CES", scale, other.scale);
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
    public Optional<CesResult> result() {
        if (Counts.sum(counts) == 0) {
            return Optional.empty();
        }
        return Optional.of(CesResult.of(scale, counts));
    }

    /**
     * The state as bytes: a tag, the scale bounds and the counts.
     *
     * @return the bytes, not null
     */
    public byte[] toBytes() {
        return Counts.toBytes(MAGIC, scale.min(), scale.max(), counts);
    }

    /**
     * Reads an accumulator written by {@link #toBytes()}.
     *
     * @param bytes the bytes, not null
     * @return a new accumulator, not null
     * @throws MetricInputException if the bytes are not a serialized CES accumulator of a known scale
     */
    public static CesAccumulator fromBytes(byte[] bytes) {
        ByteBuffer buffer = Counts.open(bytes, MAGIC, "CES");
        int min = buffer.getInt();
        int max = buffer.getInt();
        CesScale scale;
        if (min == 1 && max == 5) {
            scale = CesScale.CES_1_0;
        } else if (min == 1 && max == 7) {
            scale = CesScale.CES_2_0;
        } else {
            throw new MetricInputException("bytes.scale", min + "-" + max, "must be 1-5 (CES 1.0) or 1-7 (CES 2.0)");
        }
        long[] read = Counts.readCounts(buffer, max - min + 1, "CES");
        CesAccumulator accumulator = new CesAccumulator(scale);
        System.arraycopy(read, 0, accumulator.counts, 0, read.length);
        return accumulator;
    }

    @Override
    public String toString() {
        return "CesAccumulator[" + scale + ", " + Arrays.toString(counts) + "]";
    }
}
