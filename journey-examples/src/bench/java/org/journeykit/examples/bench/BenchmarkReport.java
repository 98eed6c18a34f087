package org.journeykit.examples.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks of this package with short settings fit for a 2-core machine (one fork, 2 warm-up and 3
 * measured iterations) and prints each score and the ratios the performance targets are stated in.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench -pl journey-examples -am verify -DskipTests}.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {}

    /**
     * Runs the benchmarks and prints the report.
     *
     * @param args optionally one argument: a regular expression selecting benchmarks (default all of this
     *     package), then optionally the warm-up and the measurement iterations (default 2 and 3) and the forks
     *     (default 1), separated by spaces, such as {@code "EventFormats 8 5 3"}; with several forks each score is
     *     the mean over the forks, so that one JVM's compilation luck does not decide a ratio
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        String[] words = args.length > 0 ? args[0].strip().split("\\s+") : new String[0];
        String include = words.length > 0 && !words[0].isEmpty() ? words[0] : ".*";
        int warmups = words.length > 1 ? Integer.parseInt(words[1]) : 2;
        int measurements = words.length > 2 ? Integer.parseInt(words[2]) : 3;
        int forks = words.length > 3 ? Integer.parseInt(words[3]) : 1;
        Options options = new OptionsBuilder()
                .include(BenchmarkReport.class.getPackageName() + ".*" + include)
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(3))
                // Touch the heap up front: on VMs that reclaim idle guest memory (DAMON here), heap pages faulted in
                // during measurement made allocation-heavy runs vary by 2x between iterations.
                .jvmArgsAppend("-Xmx8g", "-Xms2g", "-XX:+AlwaysPreTouch")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("JourneyKit benchmark ratios (same run; ms per operation)");
        scores.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                System.out.printf(Locale.ROOT, "  %-28s %10.2f ms%n", entry.getKey(), entry.getValue()));
        ratio(scores, "NPS, 10M ints: library / histogram loop (target <= 1.25)", "npsInts", "baselineHistogramInts");
        ratio(scores, "NPS, 10M responses: library / histogram loop", "npsResponses", "baselineHistogramResponses");
        ratio(scores, "Cohorts, 10M events: library / array baseline (target <= 1.5)", "accumulator",
                "baselineArrays");
        ratio(scores, "Cohorts, 10M events: DuckDB SQL / library (target >= 10)", "duckDbSql", "accumulator");
        ratio(scores, "Funnel, 10M raw events, streamed: library / DuckDB SQL", "funnelFromRawEvents",
                "duckdbFunnel");
        ratio(scores, "Funnel, 10M raw events, parallel: library / DuckDB SQL (target <= 0.5)",
                "funnelFromRawEventsInParallel", "duckdbFunnel");
        ratio(scores, "Variants and DFG, 10M raw events: library / DuckDB DFG SQL",
                "variantsAndDirectlyFollowsGraphFromRawEvents", "duckdbDirectlyFollows");
        ratio(scores, "Event CSV, 500k events: library / Jackson CSV (target <= 1.5)", "csvLibrary",
                "csvBaselineJackson");
        ratio(scores, "XES, 500k events: library / JDK StAX (target <= 1.5)", "xesLibrary", "xesBaselineStax");
        ratio(scores, "XES, 500k events: library / Woodstox (target <= 1.5)", "xesLibrary", "xesBaselineWoodstox");
        ratio(scores, "BG/NBD fit, 1M customers: fit / one plain likelihood pass", "bgNbdFit1M",
                "baselineBgNbdOneLikelihoodPass");
        ratio(scores, "Shapley, 15 channels, 1M paths: library / reading the paths", "shapley15Channels1M",
                "baselineReadPaths");
        ratio(scores, "Markov order 3, 1M paths: library / reading the paths", "markovOrder3Paths1M",
                "baselineReadPaths");
        target(scores, "sBG fit, 24 periods", "sbgFit24Periods", 10);
        target(scores, "BG/NBD fit, 1M customers", "bgNbdFit1M", 5_000);
        target(scores, "Shapley, 15 channels, 1M paths", "shapley15Channels1M", 2_000);
        target(scores, "Markov order 3, 1M paths", "markovOrder3Paths1M", 2_000);
    }

    private static void target(Map<String, Double> scores, String label, String name, double limitMillis) {
        Double score = scores.get(name);
        if (score != null) {
            System.out.printf(Locale.ROOT, "  %-40s %10.2f ms (target <= %.0f ms: %s)%n", label, score, limitMillis,
                    score <= limitMillis ? "met" : "missed");
        }
    }

    private static void ratio(Map<String, Double> scores, String label, String numerator, String denominator) {
        Double top = scores.get(numerator);
        Double bottom = scores.get(denominator);
        if (top != null && bottom != null) {
            System.out.printf(Locale.ROOT, "  %-66s %6.2f%n", label, top / bottom);
        }
    }
}
