package org.journeykit.examples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.journeykit.metrics.survey.Nps;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.observed.SurveyResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * NPS over 10 million answers: the library against a hand-written histogram loop over the same data, once as an
 * {@code int[]} and once as {@link SurveyResponse} objects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NpsBenchmark {

    /** The number of answers. */
    public static final int SIZE = 10_000_000;

    /** Creates the benchmark (JMH instantiates it). */
    public NpsBenchmark() {
        // state lives in the nested State classes
    }

    /** Ten million uniformly random answers 0-10 as a primitive array. */
    @State(Scope.Benchmark)
    public static class Scores {

        /** The answers. */
        int[] scores = new int[0];

        /** Creates the state (JMH instantiates it). */
        public Scores() {
            // filled in setUp
        }

        /** Draws the answers with a fixed seed. */
        @Setup
        public void setUp() {
            scores = new SplittableRandom(20261122L).ints(SIZE, 0, 11).toArray();
        }
    }

    /** Ten million NPS survey responses with the same answers. */
    @State(Scope.Benchmark)
    public static class Responses {

        /** The responses. */
        List<SurveyResponse> responses = List.of();

        /** Creates the state (JMH instantiates it). */
        public Responses() {
            // filled in setUp
        }

        /** Builds the responses with a fixed seed; a thousand distinct instants are shared among them. */
        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(20261122L);
            Instant[] times = new Instant[1000];
            for (int i = 0; i < times.length; i++) {
                times[i] = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i);
            }
            List<SurveyResponse> list = new ArrayList<>(SIZE);
            for (int i = 0; i < SIZE; i++) {
                list.add(SurveyResponse.nps(random.nextInt(11), times[i % times.length]));
            }
            responses = list;
        }
    }

    /**
     * Baseline: the loop a developer would write, {@code counts[score]++} and the score from the counts.
     *
     * @param state the answers
     * @return the score, so the work is not eliminated
     */
    @Benchmark
    public double baselineHistogramInts(Scores state) {
        long[] counts = new long[11];
        for (int score : state.scores) {
            counts[score]++;
        }
        return histogramScore(counts);
    }

    /**
     * The library over the primitive array.
     *
     * @param state the answers
     * @return the result
     */
    @Benchmark
    public Optional<NpsResult> npsInts(Scores state) {
        return Nps.of(state.scores);
    }

    /**
     * Baseline over objects: the same loop reading {@code getScore()}.
     *
     * @param state the responses
     * @return the score
     */
    @Benchmark
    public double baselineHistogramResponses(Responses state) {
        long[] counts = new long[11];
        for (SurveyResponse response : state.responses) {
            counts[response.getScore()]++;
        }
        return histogramScore(counts);
    }

    /**
     * The library over the response objects (kind checked per response).
     *
     * @param state the responses
     * @return the result
     */
    @Benchmark
    public Optional<NpsResult> npsResponses(Responses state) {
        NpsAccumulator accumulator = NpsAccumulator.create();
        for (SurveyResponse response : state.responses) {
            accumulator.add(response);
        }
        return accumulator.result();
    }

    private static double histogramScore(long[] counts) {
        long total = 0;
        long detractors = 0;
        for (int s = 0; s < 11; s++) {
            total += counts[s];
            if (s <= 6) {
                detractors += counts[s];
            }
        }
        return 100.0 * (counts[9] + counts[10] - detractors) / total;
    }
}
