package org.journeykit.metrics.survey;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
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
 * Accumulates Net Promoter Score answers (0-10) as a histogram of eleven counts: constant memory whatever the
 * number of responses, exact, and mergeable.
 *
 * <p>Create one with {@link #create()} (the identity of {@link #merge}), feed it with {@link #add(int)},
 * {@link #addAll(int[])}, {@link #addAll(IntStream)} or {@link #add(SurveyResponse)}, combine partial
 * accumulators with {@link #merge}, ship them with {@link #toBytes()} / {@link #fromBytes(byte[])} and read the
 * {@link NpsResult} with {@link #result()}.
 *
 * <p>Counts are exact: their total never exceeds {@link Long#MAX_VALUE}; an answer, batch or merge that would
 * pass it throws {@link MetricInputException} and leaves the state unchanged.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class NpsAccumulator implements MetricAccumulator<NpsAccumulator, NpsResult> {

    /** The format version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;
    private static final String METRIC = StateTag.NPS.label();

    /** counts.get(s) = number of answers s, s in 0..10. */
    private final Counts counts;

    private NpsAccumulator(Counts counts) {
        this.counts = counts;
    }

    /**
     * Creates an empty accumulator: the identity of {@link #merge}.
     *
     * @return a new accumulator, not null
     */
    public static NpsAccumulator create() {
        return new NpsAccumulator(new Counts(11));
    }

    /**
     * Adds one answer to "How likely is it that you would recommend us to a friend or colleague?".
     *
     * @param score the answer, an integer from 0 to 10
     * @return this accumulator
     * @throws MetricInputException if the score is outside 0-10, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     */
    public NpsAccumulator add(int score) {
        if (score < 0 || score > 10) {
            throw outOfRange(score);
        }
        counts.add(score, METRIC);
        return this;
    }

    /**
     * Adds one NPS survey response.
     *
     * @param response the response, not null, of kind {@link SurveyKind#NPS} (its 0-10 scale is checked by the
     *     model)
     * @return this accumulator
     * @throws MetricInputException if the response is null or not an NPS response, or the number of answers would
     *     exceed {@link Long#MAX_VALUE}; the state is unchanged
     */
    public NpsAccumulator add(@Nullable SurveyResponse response) {
        if (response == null) {
            throw new MetricInputException("response", null, "must not be null");
        }
        if (response.getKind() != SurveyKind.NPS) {
            throw new MetricInputException("response.kind", response.getKind(), "must be NPS");
        }
        return add(response.getScore());
    }

    /**
     * Adds every answer of an array, without boxing. Either all answers are added or, if one is out of range,
     * none is.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @return this accumulator
     * @throws MetricInputException if an answer is outside 0-10 (the message gives its index), or the number of
     *     answers would exceed {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code scores} is null
     */
    public NpsAccumulator addAll(int[] scores) {
        return addAll(scores, 0, Objects.requireNonNull(scores, "scores").length);
    }

    /**
     * Adds the answers {@code scores[from..to)}, without boxing; all or none.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return this accumulator
     * @throws MetricInputException if an answer is outside 0-10, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code scores} is null
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public NpsAccumulator addAll(int[] scores, int from, int to) {
        Objects.checkFromToIndex(from, to, scores.length);
        // The histogram has exactly the eleven cells 0..10, so the array's own bounds check is the range check:
        // the loop is the plain histogram loop, and an out-of-range score surfaces as the exception caught below,
        // before any state changes.
        long[] h = new long[11];
        try {
            for (int i = from; i < to; i++) {
                h[scores[i]]++;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw outOfRangeAt(scores, from, to, e);
        }
        counts.add(h, to - from, METRIC);
        return this;
    }

    /**
     * Adds every answer of a stream, without boxing; all or none. A parallel stream is split and merged.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @return this accumulator
     * @throws MetricInputException if an answer is outside 0-10, or the number of answers would exceed
     *     {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code scores} is null
     */
    public NpsAccumulator addAll(IntStream scores) {
        NpsAccumulator part = scores.collect(NpsAccumulator::create, NpsAccumulator::add, NpsAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds every response of an iterable; all or none.
     *
     * @param responses the responses, not null, none null, each of kind NPS
     * @return this accumulator
     * @throws MetricInputException if a response is null or not an NPS response, or the number of answers would
     *     exceed {@link Long#MAX_VALUE}; the state is unchanged
     * @throws NullPointerException if {@code responses} is null
     */
    public NpsAccumulator addAll(Iterable<? extends @Nullable SurveyResponse> responses) {
        NpsAccumulator part = create();
        for (SurveyResponse response : responses) {
            part.add(response);
        }
        return merge(part);
    }

    /**
     * Adds another accumulator's counts to this one; merging an accumulator with itself doubles it.
     *
     * @param other the other accumulator, not null; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws MetricInputException if the number of answers would exceed {@link Long#MAX_VALUE}; the state is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public NpsAccumulator merge(NpsAccumulator other) {
        counts.add(Objects.requireNonNull(other, "other").counts, METRIC);
        return this;
    }

    /**
     * The number of answers equal to a score.
     *
     * @param score the score, 0 to 10
     * @return the count, not negative
     * @throws MetricInputException if the score is outside 0-10
     */
    public long count(int score) {
        if (score < 0 || score > 10) {
            throw outOfRange(score);
        }
        return counts.get(score);
    }

    /**
     * The total number of answers added.
     *
     * @return the count, not negative
     */
    public long responses() {
        return counts.total();
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no answer was added (NPS is not defined for zero responses)
     */
    @Override
    public Optional<NpsResult> result() {
        if (counts.total() == 0) {
            return Optional.empty();
        }
        long detractors = counts.sum(0, 7);
        long passives = counts.sum(7, 9);
        long promoters = counts.sum(9, 11);
        return Optional.of(NpsResult.of(promoters, passives, detractors));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: the header {@code 'J' 'K'}, tag 1 (NPS), format
     * version 1, then a payload of exactly 88 bytes, the eleven counts of the answers 0 to 10 in that order, each a
     * big-endian long, not negative, adding up to at most {@link Long#MAX_VALUE}. Always 92 bytes, whatever the
     * number of answers; equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter writer = StateWriter.start(StateTag.NPS, VERSION, StateReader.HEADER_SIZE + 11 * 8);
        counts.write(writer);
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile.
     *
     * @param bytes the state, not null
     * @return a new accumulator with the same counts, not null
     * @throws StateFormatException if the bytes are not an NPS state of a known format version, are truncated or
     *     longer than the state, or hold a negative count or counts adding up to more than {@link Long#MAX_VALUE}
     * @throws NullPointerException if {@code bytes} is null
     */
    public static NpsAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.NPS, VERSION);
        Counts counts = Counts.read(reader, 11, METRIC);
        reader.end();
        return new NpsAccumulator(counts);
    }

    @Override
    public String toString() {
        return "NpsAccumulator" + counts;
    }

    private static MetricInputException outOfRange(int score) {
        return new MetricInputException("score", score, "must be an integer from 0 to 10 (NPS)");
    }

    private static MetricInputException outOfRangeAt(int[] scores, int from, int to,
            ArrayIndexOutOfBoundsException cause) {
        for (int i = from; i < to; i++) {
            if (scores[i] < 0 || scores[i] > 10) {
                return new MetricInputException("scores[" + i + "]", scores[i],
                        "must be an integer from 0 to 10 (NPS)", cause);
            }
        }
        throw new IllegalStateException("no out-of-range score in " + from + ".." + to, cause);
    }
}
