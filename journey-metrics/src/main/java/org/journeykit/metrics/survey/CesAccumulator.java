package org.journeykit.metrics.survey;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates Customer Effort Score answers on one explicit {@link CesScale} as a histogram: constant memory,
 * exact and mergeable (only with an accumulator of the same scale). Create one with {@link #create(CesScale)}:
 * there is no default scale, because the two questionnaires' numbers point in opposite directions.
 *
 * <p>Counts are exact: their total never exceeds {@link Long#MAX_VALUE}; an answer, batch or merge that would
 * pass it throws {@link MetricInputException} and leaves the state unchanged.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CesAccumulator implements MetricAccumulator<CesAccumulator, CesResult> {

    /** The format version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;
    private static final String METRIC = StateTag.CES.label();

    private final CesScale scale;
    /** counts.get(i) = number of answers {@code scale.min() + i}. */
    private final Counts counts;

    private CesAccumulator(CesScale scale, Counts counts) {
        this.scale = scale;
        this.counts = counts;
    }

    /**
     * Creates an empty accumulator for a scale: the identity of {@link #merge} for that scale.
     *
     * @param scale the questionnaire, not null
     * @return a new accumulator, not null
     * @throws NullPointerException if {@code scale} is null
     */
    public static CesAccumulator create(CesScale scale) {
        Objects.requireNonNull(scale, "scale");
        return new CesAccumulator(scale, new Counts(size(scale)));
    }

    private static int size(CesScale scale) {
        return scale.max() - scale.min() + 1;
    }

    /**
     * A collector of CES responses of one scale into their result.
     *
     * @param scale the questionnaire, not null
     * @return the collector, not null; it throws {@link MetricInputException} for a null response, a non-CES
     *     response or one on the other scale
     * @throws NullPointerException if {@code scale} is null
     */
    public static Collector<SurveyResponse, ?, Optional<CesResult>> collector(CesScale scale) {
        Objects.requireNonNull(scale, "scale");
        return Collector.of(() -> create(scale), CesAccumulator::add, CesAccumulator::merge, CesAccumulator::result,
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
     * @throws MetricInputException if the answer is not on the scale, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     */
    public CesAccumulator add(int answer) {
        if (answer < scale.min() || answer > scale.max()) {
            throw new MetricInputException("answer", answer, "must be an integer from " + scale.min() + " to "
                    + scale.max() + " on " + scale);
        }
        counts.add(answer - scale.min(), METRIC);
        return this;
    }

    /**
     * Adds every answer of an array, without boxing; all or none.
     *
     * @param answers the answers, not null, each on the scale
     * @return this accumulator
     * @throws MetricInputException if an answer is not on the scale, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code answers} is null
     */
    public CesAccumulator addAll(int[] answers) {
        long[] part = new long[size(scale)];
        for (int i = 0; i < answers.length; i++) {
            int answer = answers[i];
            if (answer < scale.min() || answer > scale.max()) {
                throw new MetricInputException("answers[" + i + "]", answer, "must be an integer from "
                        + scale.min() + " to " + scale.max() + " on " + scale);
            }
            part[answer - scale.min()]++;
        }
        counts.add(part, answers.length, METRIC);
        return this;
    }

    /**
     * Adds every answer of a stream, without boxing; all or none. A parallel stream is split and merged.
     *
     * @param answers the answers, not null, each on the scale
     * @return this accumulator
     * @throws MetricInputException if an answer is not on the scale, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code answers} is null
     */
    public CesAccumulator addAll(IntStream answers) {
        CesAccumulator part = answers.collect(() -> create(scale), CesAccumulator::add, CesAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds one CES survey response.
     *
     * @param response the response, not null, of kind CES on this accumulator's scale
     * @return this accumulator
     * @throws MetricInputException if the response is null, not a CES response, or on the other scale, or the
     *     number of answers would exceed {@link Long#MAX_VALUE}; the state is unchanged
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
     * Adds another accumulator's counts to this one; merging an accumulator with itself doubles it.
     *
     * @param other the other accumulator, not null, of the same scale; it is not changed unless it is this
     *     accumulator
     * @return this accumulator
     * @throws IncompatibleMergeException if the scales differ; the state is unchanged
     * @throws MetricInputException if the number of answers would exceed {@link Long#MAX_VALUE}; the state is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public CesAccumulator merge(CesAccumulator other) {
        if (Objects.requireNonNull(other, "other").scale != scale) {
            throw new IncompatibleMergeException(METRIC, scale, other.scale);
        }
        counts.add(other.counts, METRIC);
        return this;
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no answer was added
     */
    @Override
    public Optional<CesResult> result() {
        if (counts.total() == 0) {
            return Optional.empty();
        }
        return Optional.of(CesResult.of(scale, counts.toArray()));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: the header {@code 'J' 'K'}, tag 3 (CES), format
     * version 1, then the payload:
     * <pre>
     * 1 byte          scale: 1 = CES 1.0 (answers 1-5), 2 = CES 2.0 (answers 1-7)
     * 5 or 7 longs    the count of each answer, lowest answer first, big-endian, not negative,
     *                 adding up to at most Long.MAX_VALUE
     * </pre>
     * At most 61 bytes, whatever the number of answers; equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter writer = StateWriter.start(StateTag.CES, VERSION, StateReader.HEADER_SIZE + 1 + 8 * 7);
        writer.writeByte(scale == CesScale.CES_1_0 ? 1 : 2);
        counts.write(writer);
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile.
     *
     * @param bytes the state, not null
     * @return a new accumulator, not null
     * @throws StateFormatException if the bytes are not a CES state of a known format version, name an unknown
     *     scale, are truncated or longer than the state, or hold a negative count or counts adding up to more than
     *     {@link Long#MAX_VALUE}
     * @throws NullPointerException if {@code bytes} is null
     */
    public static CesAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.CES, VERSION);
        int at = reader.offset();
        int code = reader.readByte("scale");
        CesScale scale;
        if (code == 1) {
            scale = CesScale.CES_1_0;
        } else if (code == 2) {
            scale = CesScale.CES_2_0;
        } else {
            throw reader.problem(at, code, "scale must be 1 (CES 1.0) or 2 (CES 2.0)");
        }
        Counts counts = Counts.read(reader, size(scale), METRIC);
        reader.end();
        return new CesAccumulator(scale, counts);
    }

    @Override
    public String toString() {
        return "CesAccumulator[" + scale + ", " + counts + "]";
    }
}
