package org.journeykit.metrics.survey;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates Net Promoter Score answers (0-10) as a histogram of eleven counts: constant memory whatever the
 * number of responses, exact, and mergeable.
 *
 * <p>Create one with {@code new NpsAccumulator()} (the identity), feed it with {@link #add(int)},
 * {@link #addAll(int[])}, {@link #addAll(IntStream)} or {@link #add(SurveyResponse)}, combine partial
 * accumulators with {@link #merge}, ship them with {@link #toBytes()} / {@link #fromBytes(byte[])} and read the
 * {@link NpsResult} with {@link #result()}.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class NpsAccumulator implements MetricAccumulator<NpsAccumulator, NpsResult> {

    private static final int MAGIC = 0x4E505331; // "NPS1"

    /** counts[s] = number of answers s, s in 0..10. */
    private final long[] counts = new long[11];

    /** Creates an empty accumulator: the identity of {@link #merge}. */
    public NpsAccumulator() {
        // empty histogram
    }

    /**
     * Adds one answer to "How likely is it that you would recommend us to a friend or colleague?".
     *
     * @param score the answer, an integer from 0 to 10
     * @return this accumulator
     * @throws MetricInputException if the score is outside 0-10; the state is unchanged
     */
    public NpsAccumulator add(int score) {
        if (score < 0 || score > 10) {
            throw outOfRange(score);
        }
        counts[score]++;
        return this;
    }

    /**
     * Adds one NPS survey response.
     *
     * @param response the response, not null, of kind {@link SurveyKind#NPS} (its 0-10 scale is checked by the
     *     model)
     * @return this accumulator
     * @throws MetricInputException if the response is null or not an NPS response; the state is unchanged
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
     * @throws MetricInputException if an answer is outside 0-10 (the message gives its index); the state is
     *     unchanged
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
     * @throws MetricInputException if an answer is outside 0-10; the state is unchanged
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
        for (int s = 0; s < 11; s++) {
            counts[s] += h[s];
        }
        return this;
    }

    /**
     * Adds every answer of a stream, without boxing; all or none. A parallel stream is split and merged.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @return this accumulator
     * @throws MetricInputException if an answer is outside 0-10; the state is unchanged
     */
    public NpsAccumulator addAll(IntStream scores) {
        NpsAccumulator part = scores.collect(NpsAccumulator::new, NpsAccumulator::add, NpsAccumulator::merge);
        return merge(part);
    }

    /**
     * Adds every response of an iterable; all or none.
     *
     * @param responses the responses, not null, none null, each of kind NPS
     * @return this accumulator
     * @throws MetricInputException if a response is null or not an NPS response; the state is unchanged
     */
    public NpsAccumulator addAll(Iterable<? extends @Nullable SurveyResponse> responses) {
        NpsAccumulator part = new NpsAccumulator();
        for (SurveyResponse response : responses) {
            part.add(response);
        }
        return merge(part);
    }

    /**
     * Adds another accumulator's counts to this one.
     *
     * @param other the other accumulator, not null; it is not changed
     * @return this accumulator
     */
    @Override
    public NpsAccumulator merge(NpsAccumulator other) {
        for (int s = 0; s < 11; s++) {
            counts[s] += other.counts[s];
        }
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
        return counts[score];
    }

    /**
     * The total number of answers added.
     *
     * @return the count, not negative
     */
    public long responses() {
        return Counts.sum(counts);
    }

    /**
     * The result over everything added so far.
     *
     * @return the result, or empty when no answer was added (NPS is not defined for zero responses)
     */
    @Override
    public Optional<NpsResult> result() {
        long detractors = 0;
        for (int s = 0; s <= 6; s++) {
            detractors += counts[s];
        }
        long passives = counts[7] + counts[8];
        long promoters = counts[9] + counts[10];
        if (detractors + passives + promoters == 0) {
            return Optional.empty();
        }
        return Optional.of(NpsResult.of(promoters, passives, detractors));
    }

    /**
     * The state as bytes: a 4-byte tag, then the eleven counts as big-endian longs.
     *
     * @return the bytes, not null
     */
    public byte[] toBytes() {
        return Counts.toBytes(MAGIC, 0, 10, counts);
    }

    /**
     * Reads an accumulator written by {@link #toBytes()}.
     *
     * @param bytes the bytes, not null
     * @return a new accumulator with the same counts, not null
     * @throws MetricInputException if the bytes are not a serialized NPS accumulator
     */
    public static NpsAccumulator fromBytes(byte[] bytes) {
        ByteBuffer buffer = Counts.open(bytes, MAGIC, "NPS");
        int min = buffer.getInt();
        int max = buffer.getInt();
        if (min != 0 || max != 10) {
            throw new IncompatibleMergeException("NPS", "0-10", min + "-" + max);
        }
        long[] read = Counts.readCounts(buffer, 11, "NPS");
        NpsAccumulator accumulator = new NpsAccumulator();
        System.arraycopy(read, 0, accumulator.counts, 0, 11);
        return accumulator;
    }

    @Override
    public String toString() {
        return "NpsAccumulator" + Arrays.toString(counts);
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
