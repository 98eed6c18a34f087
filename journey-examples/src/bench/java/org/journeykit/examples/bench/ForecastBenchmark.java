package org.journeykit.examples.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.lifetime.BgNbd;
import org.journeykit.metrics.lifetime.BgNbdFit;
import org.journeykit.metrics.lifetime.PurchaseHistory;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometric;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The forecasting and attribution targets of issue 18: an sBG fit from 24 periods (target 10 ms), a BG/NBD fit of
 * 1 million customers (5 s), exact Shapley over 15 channels and 1 million paths (2 s), Markov removal effects of
 * order 3 over 1 million paths (2 s). Seeded data; times of the BG/NBD histories in whole days, expressed in
 * weeks, as a shop's data would be. Two baselines in the same run: one plain likelihood pass over the customers
 * and one plain read of the paths.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForecastBenchmark {

    /** The number of customers and of paths. */
    public static final int SIZE = 1_000_000;

    /** Creates the benchmark (JMH instantiates it). */
    public ForecastBenchmark() {
        // state lives in the nested State class
    }

    /** The seeded inputs. */
    @State(Scope.Benchmark)
    public static class Data {

        /** Survivors of a cohort of 100,000 over 24 periods, from sBG(0.8, 2.5). */
        long[] survivors = new long[0];
        /** One million BG/NBD histories from the CDNOW parameters. */
        List<PurchaseHistory> customers = List.of();
        /** One million customers' paths over 15 channels, aggregated by channel sequence. */
        ChannelPaths paths = new ChannelPaths(List.of());

        /** Creates the state (JMH instantiates it). */
        public Data() {
            // filled in setUp
        }

        /** Draws the inputs with fixed seeds. */
        @Setup
        public void setUp() {
            double[] expected = new ShiftedBetaGeometric(0.8, 2.5).projectSurvivors(100_000, 24);
            survivors = new long[25];
            for (int t = 0; t <= 24; t++) {
                survivors[t] = Math.round(expected[t]);
            }
            customers = customers(new BgNbd(0.243, 4.414, 0.793, 2.426), SIZE, new SplittableRandom(2005));
            paths = new ChannelPaths(paths(SIZE, 15, new SplittableRandom(2018)));
        }
    }

    /**
     * sBG fit from 24 periods.
     *
     * @param data the inputs
     * @return the fit
     */
    @Benchmark
    public ShiftedBetaGeometricFit sbgFit24Periods(Data data) {
        return ShiftedBetaGeometric.fit(data.survivors);
    }

    /**
     * BG/NBD fit of one million customers.
     *
     * @param data the inputs
     * @return the fit
     */
    @Benchmark
    public BgNbdFit bgNbdFit1M(Data data) {
        return BgNbd.fit(data.customers);
    }

    /**
     * Exact Shapley attribution over 15 channels and one million paths.
     *
     * @param data the inputs
     * @return the attribution
     */
    @Benchmark
    public ShapleyAttribution shapley15Channels1M(Data data) {
        return ShapleyAttribution.of(data.paths, ShapleyAttribution.CoalitionValue.CONVERSION_RATE);
    }

    /**
     * Markov removal effects of order 3 over one million paths (15 channels).
     *
     * @param data the inputs
     * @return the attribution
     */
    @Benchmark
    public HigherOrderMarkovAttribution markovOrder3Paths1M(Data data) {
        return HigherOrderMarkovAttribution.of(data.paths, 3);
    }

    /**
     * Baseline for the BG/NBD fit: one plain pass over the million customers summing {@link BgNbd#logLikelihood}
     * at the true parameters, the cost of a single likelihood evaluation written the obvious way (the fit needs
     * some 70 evaluations and 10 gradient-and-Hessian passes).
     *
     * @param data the inputs
     * @return the summed log-likelihood
     */
    @Benchmark
    public double baselineBgNbdOneLikelihoodPass(Data data) {
        BgNbd truth = new BgNbd(0.243, 4.414, 0.793, 2.426);
        double sum = 0;
        for (PurchaseHistory history : data.customers) {
            sum += truth.logLikelihood(history);
        }
        return sum;
    }

    /**
     * Baseline for the attribution models: one plain pass over the paths that reads every touch's channel (its
     * hash code, as any lookup by channel must) and the path's counts: the floor set by reading the input.
     *
     * @param data the inputs
     * @return a checksum of what was read
     */
    @Benchmark
    public long baselineReadPaths(Data data) {
        long sum = 0;
        for (ChannelPath path : data.paths.paths()) {
            for (String channel : path.channels()) {
                sum += channel.hashCode();
            }
            sum += path.conversions() + path.nulls();
        }
        return sum;
    }

    /**
     * BG/NBD customers: 12 weeks of acquisition, observed to week 39, purchase days rounded to whole days.
     *
     * @param m the model
     * @param n the number of customers
     * @param random the seeded source
     * @return the histories, not null
     */
    static List<PurchaseHistory> customers(BgNbd m, int n, SplittableRandom random) {
        List<PurchaseHistory> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lambda = gamma(m.r(), random) / m.alpha();
            double g = gamma(m.a(), random);
            double p = g / (g + gamma(m.b(), random));
            double age = (189 + random.nextInt(84)) / 7.0;
            long x = 0;
            double recency = 0;
            double time = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > age) {
                    break;
                }
                x++;
                recency = Math.min(age, Math.rint(time * 7) / 7);
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(new PurchaseHistory(x, x == 0 ? 0 : recency, age));
        }
        return customers;
    }

    /**
     * Paths of one to six touches over the channels, converting more often with low-numbered channels.
     *
     * @param n the number of customers
     * @param channels the number of channels
     * @param random the seeded source
     * @return the aggregated paths, not null
     */
    static List<ChannelPath> paths(int n, int channels, SplittableRandom random) {
        Map<List<String>, long[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int length = 1 + random.nextInt(6);
            List<String> touches = new ArrayList<>(length);
            double chance = 0.01;
            for (int t = 0; t < length; t++) {
                int channel = random.nextInt(channels);
                touches.add("channel-" + channel);
                chance += 0.03 * (channels - channel) / channels;
            }
            counts.computeIfAbsent(touches, k -> new long[2])[random.nextDouble() < chance ? 0 : 1]++;
        }
        List<ChannelPath> paths = new ArrayList<>(counts.size());
        counts.forEach((touches, count) -> paths.add(ChannelPath.of(touches, count[0], count[0] * 50.0, count[1])));
        paths.sort(java.util.Comparator.comparing(path -> String.join(">", path.channels())));
        return paths;
    }

    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double u1 = 1 - random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            if (Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
