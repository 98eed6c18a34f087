package org.journeykit.metrics.journeys.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution.CoalitionValue;
import org.junit.jupiter.api.Test;

class ShapleyAttributionTest {

    private static ChannelPath path(long conversions, long nulls, String... channels) {
        return ChannelPath.of(List.of(channels), conversions, 10.0 * conversions, nulls);
    }

    @Test
    void conversionsGameReproducesTheHandComputedExample() {
        List<ChannelPath> paths = List.of(path(3, 0, "ads"), path(2, 0, "ads", "mail"),
                path(1, 0, "mail", "ads", "seo"));

        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSIONS);

        // v({ads}) = 3, v({mail}) = v({seo}) = 0, v({ads, mail}) = 5, v({ads, seo}) = 3, v({mail, seo}) = 0,
        // v(all) = 6. Weights |S|! (2 - |S|)! / 3!: 1/3 for |S| = 0 or 2, 1/6 for |S| = 1.
        // phi(seo): seo adds only to {ads, mail}: (1/3)(6 - 5) = 1/3.
        // phi(mail): to {ads} (1/6)(5 - 3) + to {ads, seo} (1/3)(6 - 3) = 1/3 + 1 = 4/3.
        // phi(ads) = v(all) - 4/3 - 1/3 = 13/3 (efficiency).
        assertThat(shapley.shapleyValues().get("seo")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(shapley.shapleyValues().get("mail")).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(shapley.shapleyValues().get("ads")).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(shapley.attribution().value().get("ads")).isCloseTo(130.0 / 3, within(1e-9));
        assertThat(shapley.shapleyValues().keySet()).containsExactly("ads", "mail", "seo");
    }

    @Test
    void conversionsGameSharesEachPathEquallyAmongItsChannels() {
        // Zhao et al. (2018): with v(S) = conversions of the paths inside S, phi(i) = sum over paths containing i
        // of conversions / (distinct channels of the path). Checked on random paths over 12 channels.
        SplittableRandom random = new SplittableRandom(42);
        List<ChannelPath> paths = new ArrayList<>();
        Map<String, Double> expected = new HashMap<>();
        for (int p = 0; p < 300; p++) {
            List<String> channels = new ArrayList<>();
            int length = 1 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                channels.add("c" + random.nextInt(12));
            }
            long conversions = random.nextInt(4);
            paths.add(ChannelPath.of(channels, conversions, 0, random.nextInt(3)));
            LinkedHashSet<String> distinct = new LinkedHashSet<>(channels);
            for (String channel : distinct) {
                expected.merge(channel, (double) conversions / distinct.size(), Double::sum);
            }
        }

        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSIONS);

        for (Map.Entry<String, Double> entry : expected.entrySet()) {
            assertThat(shapley.attribution().conversionsOf(entry.getKey())).as(entry.getKey())
                    .isCloseTo(entry.getValue(), within(1e-9));
        }
    }

    @Test
    void conversionRateGameCreditsChannelsThatRaiseTheRate() {
        // "ads" 1 of 4 converts, "mail" 3 of 4, "ads > mail" 2 of 2.
        List<ChannelPath> paths = List.of(path(1, 3, "ads"), path(3, 1, "mail"), path(2, 0, "ads", "mail"));

        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSION_RATE);

        // v({ads}) = 1/4, v({mail}) = 3/4, v({ads, mail}) = (1 + 3 + 2) / (4 + 4 + 2) = 0.6.
        // phi(ads) = 1/2 (1/4 - 0) + 1/2 (0.6 - 3/4) = 0.125 - 0.075 = 0.05;
        // phi(mail) = 1/2 (3/4) + 1/2 (0.6 - 1/4) = 0.375 + 0.175 = 0.55. Sum 0.6 = v(all).
        assertThat(shapley.shapleyValues().get("ads")).isCloseTo(0.05, within(1e-12));
        assertThat(shapley.shapleyValues().get("mail")).isCloseTo(0.55, within(1e-12));
        // Scaled to the 6 conversions: ads 6 x 0.05 / 0.6 = 0.5, mail 5.5.
        assertThat(shapley.attribution().conversionsOf("ads")).isCloseTo(0.5, within(1e-12));
        assertThat(shapley.attribution().conversionsOf("mail")).isCloseTo(5.5, within(1e-12));
    }

    @Test
    void resultsAreBitForBitThoseOfTheHashSetImplementation() {
        // Pinned from the implementation before channels were numbered in one pass (commit 487efdd) on the same
        // seeded paths: each path adds into the same coalition cell in the same order, so every double is
        // identical.
        List<ChannelPath> paths = HigherOrderMarkovAttributionTest.randomPaths(new SplittableRandom(1953), 3000, 12);

        ShapleyAttribution conversions = ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSIONS);
        ShapleyAttribution rate = ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSION_RATE);

        assertThat(conversions.shapleyValues()).containsEntry("c0", 251.24999999999966)
                .containsEntry("c7", 229.6166666666667).containsEntry("c10", 271.5833333333335);
        assertThat(conversions.attribution().value()).containsEntry("c0", 12392.583333333347)
                .containsEntry("c11", 12320.433333333327);
        assertThat(rate.shapleyValues()).containsEntry("c0", 0.055155473843890294)
                .containsEntry("c7", 0.022379878927377667).containsEntry("c11", 0.03044337591177967);
        assertThat(rate.attribution().conversions()).containsEntry("c3", 350.70538447618)
                .containsEntry("c9", 237.27695694769758);
        assertThat(rate.attribution().value()).containsEntry("c6", 16003.407571293279);
    }

    @Test
    void oneChannelGetsEverything() {
        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(List.of(path(4, 2, "ads", "ads"))),
                CoalitionValue.CONVERSION_RATE);
        assertThat(shapley.attribution().conversionsOf("ads")).isEqualTo(4.0);
    }

    @Test
    void noConversionGivesZeros() {
        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(List.of(path(0, 2, "ads", "mail"))),
                CoalitionValue.CONVERSION_RATE);
        assertThat(shapley.attribution().conversions()).containsEntry("ads", 0.0).containsEntry("mail", 0.0);
    }

    @Test
    void moreChannelsThanTheExactComputationAllowsAreRefused() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i <= ShapleyAttribution.MAX_CHANNELS; i++) {
            channels.add("c" + i);
        }
        List<ChannelPath> paths = List.of(ChannelPath.of(channels, 1, 0, 0));
        assertThatThrownBy(() -> ShapleyAttribution.of(new ChannelPaths(paths), CoalitionValue.CONVERSIONS))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("at most 20");
    }

    @Test
    void takesTheAccumulatedPathsLikeTheOtherModels() {
        // The hand-computed example's paths split over two accumulators, "ads" added in two parts: merged and
        // summed, they give the same game, so phi(seo) = 1/3, phi(mail) = 4/3, phi(ads) = 13/3 again.
        ChannelPaths accumulated = ChannelPathAccumulator.create().add(path(2, 0, "ads")).add(path(2, 0, "ads", "mail"))
                .merge(ChannelPathAccumulator.create().add(path(1, 0, "ads")).add(path(1, 0, "mail", "ads", "seo")))
                .result().orElseThrow();

        ShapleyAttribution shapley = ShapleyAttribution.of(accumulated, CoalitionValue.CONVERSIONS);

        assertThat(shapley.shapleyValues().get("seo")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(shapley.shapleyValues().get("mail")).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(shapley.shapleyValues().get("ads")).isCloseTo(13.0 / 3, within(1e-12));
    }
}
