package org.journeykit.metrics.journeys.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class HigherOrderMarkovAttributionTest {

    private static ChannelPath path(long conversions, long nulls, String... channels) {
        return ChannelPath.of(List.of(channels), conversions, conversions, nulls);
    }

    @Test
    void secondOrderSeesWhatCameBeforeTheLastTouch() {
        // "a > b" converted once, "c > b" did not. First order: b converts half the time whatever came before,
        // P = 1/2 (a) x 1/2 + 1/2 (c) x 1/2 = 0.5; without a: 1/2 x 1/2 = 0.25 (effect 0.5), without c: 0.25
        // (0.5), without b: 0 (1): shares 1/4, 1/2, 1/4 of the 1 conversion.
        // Second order: states (a), (c), (a, b) -> conversion, (c, b) -> null. P = 1/2. Without a: 0 (effect 1),
        // without b: 0 (1), without c: 1/2 (0): c gets nothing, a and b half each.
        List<ChannelPath> paths = List.of(path(1, 0, "a", "b"), path(0, 1, "c", "b"));

        HigherOrderMarkovAttribution first = HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 1);
        HigherOrderMarkovAttribution second = HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 2);

        assertThat(first.attribution().conversionsOf("a")).isCloseTo(0.25, within(1e-13));
        assertThat(first.attribution().conversionsOf("b")).isCloseTo(0.5, within(1e-13));
        assertThat(first.attribution().conversionsOf("c")).isCloseTo(0.25, within(1e-13));
        assertThat(second.conversionProbability()).isCloseTo(0.5, within(1e-14));
        assertThat(second.removalEffects()).containsEntry("a", 1.0).containsEntry("b", 1.0);
        assertThat(second.removalEffects().get("c")).isCloseTo(0.0, within(1e-14));
        assertThat(second.attribution().conversionsOf("a")).isCloseTo(0.5, within(1e-13));
        assertThat(second.attribution().conversionsOf("c")).isCloseTo(0.0, within(1e-13));
        assertThat(second.states()).isEqualTo(5);
    }

    @Test
    void firstOrderAgreesWithTheFirstOrderModel() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            List<ChannelPath> paths = randomPaths(random, 40, 5);
            MarkovAttribution exact = MarkovAttribution.of(new ChannelPaths(paths));

            HigherOrderMarkovAttribution iterated = HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 1);

            assertThat(iterated.conversionProbability()).isCloseTo(exact.conversionProbability(), within(1e-12));
            exact.removalEffects().forEach((channel, effect) -> assertThat(iterated.removalEffects().get(channel))
                    .as(channel).isCloseTo(effect, within(1e-11)));
        }
    }

    @Test
    void takesTheAccumulatedPathsLikeTheOtherModels() {
        // The same touches added to two accumulators and merged, repeated sequences summed: the chain counts are
        // those of the raw paths, so the model is the same as on the list.
        List<ChannelPath> raw = randomPaths(new SplittableRandom(5), 300, 5);
        ChannelPathAccumulator left = ChannelPathAccumulator.create();
        ChannelPathAccumulator right = ChannelPathAccumulator.create();
        for (int i = 0; i < raw.size(); i++) {
            (i % 2 == 0 ? left : right).add(raw.get(i));
        }
        ChannelPaths accumulated = left.merge(right).result().orElseThrow();

        for (int order = 1; order <= 3; order++) {
            HigherOrderMarkovAttribution fromAccumulator = HigherOrderMarkovAttribution.of(accumulated, order);
            HigherOrderMarkovAttribution fromList = HigherOrderMarkovAttribution.of(new ChannelPaths(raw), order);
            assertThat(fromAccumulator.conversionProbability())
                    .isCloseTo(fromList.conversionProbability(), within(1e-12));
            fromList.removalEffects().forEach((channel, effect) -> assertThat(fromAccumulator.removalEffects()
                    .get(channel)).as(channel).isCloseTo(effect, within(1e-11)));
        }
    }

    @Test
    void selfTransitionsAndCyclesAreExact() {
        // "a > a > b" converted, "b > a" not. Order 1: start->a 1/2, start->b 1/2; a->a 1/3, a->b 1/3, a->null
        // 1/3; b->conv 1/2, b->a 1/2. x_a = (1/3 x_b) / (2/3) = x_b / 2, x_b = 1/2 + x_a / 2 = 1/2 + x_b / 4,
        // so x_b = 2/3, x_a = 1/3 and P = (1/3 + 2/3) / 2 = 1/2.
        List<ChannelPath> paths = List.of(path(1, 0, "a", "a", "b"), path(0, 1, "b", "a"));
        assertThat(HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 1).conversionProbability())
                .isCloseTo(0.5, within(1e-14));
    }

    @Test
    void badOrdersAndPathsWithoutConversionsAreRefused() {
        List<ChannelPath> paths = List.of(path(1, 0, "a"));
        assertThatThrownBy(() -> HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 0))
                .isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> HigherOrderMarkovAttribution.of(new ChannelPaths(paths), 5))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> HigherOrderMarkovAttribution.of(new ChannelPaths(List.of(path(0, 3, "a"))), 2))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("at least one conversion");
    }

    @Test
    void attributionSumsToTheConversionsAtEveryOrder() {
        List<ChannelPath> paths = randomPaths(new SplittableRandom(3), 200, 6);
        long total = paths.stream().mapToLong(ChannelPath::conversions).sum();
        for (int order = 1; order <= 4; order++) {
            double sum = HigherOrderMarkovAttribution.of(new ChannelPaths(paths), order).attribution().conversions()
                    .values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as("order %s", order).isCloseTo(total, within(1e-9 * total));
        }
    }

    @Test
    void resultsAreBitForBitThoseOfTheBoxedImplementation() {
        // Pinned from the implementation before the primitive tables (commit 487efdd, HashMap<Long, ...> states
        // and edges) on the same seeded paths: the rewrite keeps the state numbering, the order of every sum and
        // every division, so each double is identical, not merely close.
        List<ChannelPath> paths = randomPaths(new SplittableRandom(2024), 3000, 7);
        int[] states = {8, 57, 400, 1565};
        double[] probability = {0.4974273858921118, 0.4974273858921132, 0.49742738589211255, 0.49742738589211616};
        double[][] effects = {
            {0.33013952097314225, 0.33950812072886905, 0.316193556405457, 0.31345482792917945, 0.33581715148464963,
                0.3500400841845538, 0.3411573578514683},
            {0.34225690632831796, 0.34748683833516814, 0.32464334345916435, 0.32128163537984444,
                0.35046238326809476, 0.360509358784324, 0.3514776008432544},
            {0.35381570186445077, 0.35055261615897026, 0.331371274106244, 0.3271548556535313, 0.3580051079579989,
                0.36821904501880187, 0.35688104596213566},
            {0.35719846830957935, 0.3547257575035353, 0.33933874350541016, 0.3285726202392869, 0.35964972909417336,
                0.37376543209876534, 0.36138969657488174}};
        double[] conversionsOfC5 = {450.95875137290926, 450.53934725548606, 451.1662458333598, 452.6617194876062};

        for (int order = 1; order <= 4; order++) {
            HigherOrderMarkovAttribution markov = HigherOrderMarkovAttribution.of(new ChannelPaths(paths), order);

            assertThat(markov.states()).as("order %s", order).isEqualTo(states[order - 1]);
            assertThat(markov.conversionProbability()).as("order %s", order).isEqualTo(probability[order - 1]);
            for (int c = 0; c < 7; c++) {
                assertThat(markov.removalEffects().get("c" + c)).as("order %s, c%s", order, c)
                        .isEqualTo(effects[order - 1][c]);
            }
            assertThat(markov.attribution().conversionsOf("c5")).isEqualTo(conversionsOfC5[order - 1]);
        }
    }

    static List<ChannelPath> randomPaths(SplittableRandom random, int count, int channels) {
        List<ChannelPath> paths = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<String> touches = new ArrayList<>();
            int length = 1 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                touches.add("c" + random.nextInt(channels));
            }
            paths.add(ChannelPath.of(touches, random.nextInt(3), random.nextInt(100), random.nextInt(3)));
        }
        if (paths.stream().mapToLong(ChannelPath::conversions).sum() == 0) {
            paths.add(ChannelPath.of(List.of("c0"), 1, 0, 0));
        }
        return paths;
    }
}
