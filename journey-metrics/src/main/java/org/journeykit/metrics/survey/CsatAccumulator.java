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
import org.journeykit.observed.SurveyScale;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates customer satisfaction (CSAT) answers on one scale and counts those at or above a threshold as
 * satisfied, as set by a {@link CsatDefinition}. {@link #create()} gives the classic top-2-box CSAT (1-5 scale,
 * 4 and 5 satisfied); {@link #create(CsatDefinition)} any other scale and threshold.
 *
 * <p>State: one count per answer on the scale (constant memory). Accumulators merge only when their definitions
 * are equal. Counts are exact: their total never exceeds {@link Long#MAX_VALUE}; an answer, batch or merge that
 * would pass it throws {@link MetricInputException} and leaves the state unchanged.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class CsatAccumulator implements MetricAccumulator<CsatAccumulator, CsatResult> {

    /** The format version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;
    private static final String METRIC = StateTag.CSAT.label();

    private final CsatDefinition definition;
    /** counts.get(i) = number of answers {@code scale.getMin() + i}. */
    private final Counts counts;

    private CsatAccumulator(CsatDefinition definition, Counts counts) {
        this.definition = definition;
        this.counts = counts;
    }

    /**
     * An empty top-2-box accumulator ({@link CsatDefinition#TOP_TWO_BOX}: answers 1-5, satisfied = 4 or 5), the
     * identity of {@link #merge} for that definition.
     *
     * @return a new accumulator, not null
     */
    public static CsatAccumulator create() {
        return create(CsatDefinition.TOP_TWO_BOX);
    }

    /**
     * An empty accumulator for a scale and satisfaction threshold, the identity of {@link #merge} for that
     * definition.
     *
     * @param definition the scale and threshold, not null
     * @return a new accumulator, not null
     * @throws NullPointerException if {@code definition} is null
     */
    public static CsatAccumulator create(CsatDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return new CsatAccumulator(definition, new Counts(definition.scale().size()));
    }

    /**
     * A collector of CSAT responses into their top-2-box result on the 1-5 scale.
     *
     * @return the collector, not null; it throws {@link MetricInputException} for a null response, a non-CSAT
     *     response or another scale
     */
    public static Collector<SurveyResponse, ?, Optional<CsatResult>> collector() {
        return collector(CsatDefinition.TOP_TWO_BOX);
    }

    /**
     * A collector of CSAT responses into their result under a definition.
     *
     * @param definition the scale and threshold, not null
     * @return the collector, not null; it throws {@link MetricInputException} for a null response, a non-CSAT
     *     response or another scale
     * @throws NullPointerException if {@code definition} is null
     */
    public static Collector<SurveyResponse, ?, Optional<CsatResult>> collector(CsatDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return Collector.of(() -> create(definition), CsatAccumulator::add, CsatAccumulator::merge,
                CsatAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * The scale and threshold this accumulator counts.
     *
     * @return the definition, not null
     */
    public CsatDefinition definition() {
        return definition;
    }

    /**
     * Adds one answer.
     *
     * @param answer the answer, on the scale
     * @return this accumulator
     * @throws MetricInputException if the answer is not on the scale, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     */
    public CsatAccumulator add(int answer) {
        SurveyScale scale = definition.scale();
        if (!scale.contains(answer)) {
            throw new MetricInputException("answer", answer, "must be an integer on the CSAT scale " + scale);
        }
        counts.add(answer - scale.getMin(), METRIC);
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
    public CsatAccumulator addAll(int[] answers) {
        SurveyScale scale = definition.scale();
        long[] part = new long[scale.size()];
        int min = scale.getMin();
        for (int i = 0; i < answers.length; i++) {
            if (!scale.contains(answers[i])) {
                throw new MetricInputException("answers[" + i + "]", answers[i],
                        "must be an integer on the CSAT scale " + scale);
            }
            part[answers[i] - min]++;
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
    public CsatAccumulator addAll(IntStream answers) {
        CsatAccumulator part = answers.collect(() -> create(definition), CsatAccumulator::add,
                CsatAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds one CSAT survey response.
     *
     * @param response the response, not null, of kind CSAT on this accumulator's scale
     * @return this accumulator
     * @throws MetricInputException if the response is null, not CSAT, or on another scale, or the number of
     *     answers would exceed {@link Long#MAX_VALUE}; the state is unchanged
     */
    public CsatAccumulator add(@Nullable SurveyResponse response) {
        if (response == null) {
            throw new MetricInputException("response", null, "must not be null");
        }
        if (response.getKind() != SurveyKind.CSAT) {
            throw new MetricInputException("response.kind", response.getKind(), "must be CSAT");
        }
        if (!response.getScale().equals(definition.scale())) {
            throw new MetricInputException("response.scale", response.getScale(), "must be " + definition.scale());
        }
        return add(response.getScore());
    }

    /**
     * Adds another accumulator's counts to this one; merging an accumulator with itself doubles it.
     *
     * @param other the other accumulator, not null, of an equal definition; it is not changed unless it is this
     *     accumulator
     * @return this accumulator
     * @throws IncompatibleMergeException if the definitions (scale or threshold) differ; the state is unchanged
     * @throws MetricInputException if the number of answers would exceed {@link Long#MAX_VALUE}; the state is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public CsatAccumulator merge(CsatAccumulator other) {
        if (!Objects.requireNonNull(other, "other").definition.equals(definition)) {
            throw new IncompatibleMergeException(METRIC, definition, other.definition);
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
    public Optional<CsatResult> result() {
        long n = counts.total();
        if (n == 0) {
            return Optional.empty();
        }
        long satisfied = counts.sum(definition.threshold() - definition.scale().getMin(), definition.scale().size());
        return Optional.of(CsatResult.of(satisfied, n));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: the header {@code 'J' 'K'}, tag 4 (CSAT), format
     * version 1, then the payload:
     * <pre>
     * int       scale minimum, 0 to 1000 (SurveyScale.BOUND_LIMIT)
     * int       scale maximum, above the minimum, at most 1000
     * int       threshold, above the minimum, at most the maximum
     * longs     the count of each answer, lowest answer first, one per answer on the scale
     *           (maximum - minimum + 1 of them), big-endian, not negative, adding up to at most Long.MAX_VALUE
     * </pre>
     * Its size depends only on the scale (56 bytes for top-2-box); equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        SurveyScale scale = definition.scale();
        StateWriter writer = StateWriter.start(StateTag.CSAT, VERSION,
                StateReader.HEADER_SIZE + 12 + 8 * scale.size());
        writer.writeInt(scale.getMin()).writeInt(scale.getMax()).writeInt(definition.threshold());
        counts.write(writer);
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile.
     *
     * @param bytes the state, not null
     * @return a new accumulator, not null
     * @throws StateFormatException if the bytes are not a CSAT state of a known format version, hold a scale or
     *     threshold outside the limits above, are truncated or longer than the state, or hold a negative count or
     *     counts adding up to more than {@link Long#MAX_VALUE}
     * @throws NullPointerException if {@code bytes} is null
     */
    public static CsatAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.CSAT, VERSION);
        int min = reader.readInt("scale minimum", 0, SurveyScale.BOUND_LIMIT - 1);
        int max = reader.readInt("scale maximum", min + 1, SurveyScale.BOUND_LIMIT);
        int threshold = reader.readInt("threshold", min + 1, max);
        CsatDefinition definition = new CsatDefinition(SurveyScale.of(min, max), threshold);
        Counts counts = Counts.read(reader, definition.scale().size(), METRIC);
        reader.end();
        return new CsatAccumulator(definition, counts);
    }

    @Override
    public String toString() {
        return "CsatAccumulator[" + definition + ", " + counts + "]";
    }
}
