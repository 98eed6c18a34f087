package org.journeykit.metrics.journeys.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttributionTest {

    private static final double EPS = 1e-12;

    /** a > b > c converted once (value 10); a converted twice (value 4); b > c converted twice; b > a never. */
    private static final ChannelPaths SMALL = new ChannelPaths(List.of(
            ChannelPath.of(List.of("a", "b", "c"), 1, 10.0, 0),
            ChannelPath.of(List.of("a"), 2, 4.0, 0),
            ChannelPath.of(List.of("b", "c"), 2, 6.0, 1),
            ChannelPath.of(List.of("b", "a"), 0, 0.0, 3)));

    @Test
    void firstTouchCreditsTheFirstChannel() {
        // a: 1 (a>b>c) + 2 (a) = 3, value 14; b: 2 (b>c), value 6.
        AttributionResult result = Attribution.firstTouch(SMALL);
        // c is touched on a converting path, so it has an entry of 0.
        assertThat(result.conversions()).isEqualTo(Map.of("a", 3.0, "b", 2.0, "c", 0.0));
        assertThat(result.value()).containsEntry("a", 14.0).containsEntry("b", 6.0);
    }

    @Test
    void lastTouchCreditsTheLastChannel() {
        // c: 1 + 2 = 3, value 16; a: 2, value 4.
        AttributionResult result = Attribution.lastTouch(SMALL);
        assertThat(result.conversionsOf("c")).isEqualTo(3.0);
        assertThat(result.conversionsOf("a")).isEqualTo(2.0);
        assertThat(result.conversionsOf("b")).isEqualTo(0.0);
        assertThat(result.value().get("c")).isEqualTo(16.0);
    }

    @Test
    void linearSplitsEvenly() {
        // a>b>c: 1/3 each; a: 2 to a; b>c: 1 each. a = 1/3 + 2, b = 1/3 + 1, c = 1/3 + 1.
        AttributionResult result = Attribution.linear(SMALL);
        assertThat(result.conversionsOf("a")).isCloseTo(7.0 / 3, within(EPS));
        assertThat(result.conversionsOf("b")).isCloseTo(4.0 / 3, within(EPS));
        assertThat(result.conversionsOf("c")).isCloseTo(4.0 / 3, within(EPS));
    }

    @Test
    void positionBasedGivesFortyTwentyFortyHalfAndAll() {
        // a>b>c (1 conversion): a 0.4, b 0.2, c 0.4; a (2, one touch): a 2; b>c (2, two touches): b 1, c 1.
        AttributionResult result = Attribution.positionBased(SMALL);
        assertThat(result.conversionsOf("a")).isCloseTo(2.4, within(EPS));
        assertThat(result.conversionsOf("b")).isCloseTo(1.2, within(EPS));
        assertThat(result.conversionsOf("c")).isCloseTo(1.4, within(EPS));
        // Four touches: middle two share 0.2, 0.1 each.
        AttributionResult four = Attribution.positionBased(new ChannelPaths(List.of(
                ChannelPath.of(List.of("a", "b", "c", "d"), 1, 1.0, 0))));
        assertThat(four.conversionsOf("b")).isCloseTo(0.1, within(EPS));
        assertThat(four.conversionsOf("d")).isCloseTo(0.4, within(EPS));
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLife() {
        // Half-life 7 days: a touch 14 days before weighs 1/4, one 7 days before 1/2, one at the conversion 1.
        // Normalised: a 0.25/1.75 = 1/7, b 0.5/1.75 = 2/7, c 1/1.75 = 4/7.
        ChannelPath path = ChannelPath.of(List.of("a", "b", "c"), 1, 7.0, 0,
                List.of(Duration.ofDays(14), Duration.ofDays(7), Duration.ZERO));
        AttributionResult result = Attribution.timeDecay(new ChannelPaths(List.of(path)), Duration.ofDays(7));
        assertThat(result.conversionsOf("a")).isCloseTo(1.0 / 7, within(EPS));
        assertThat(result.conversionsOf("b")).isCloseTo(2.0 / 7, within(EPS));
        assertThat(result.conversionsOf("c")).isCloseTo(4.0 / 7, within(EPS));
        assertThat(result.value().get("c")).isCloseTo(4.0, within(EPS));
    }

    @Test
    void timeDecayRejectsPathsWithoutAgesNamingThePath() {
        assertThatThrownBy(() -> Attribution.timeDecay(SMALL, Duration.ofDays(7)))
                .isInstanceOf(MetricInputException.class)
                .hasMessageContaining("paths[0].ages")
                .hasMessageContaining("time decay needs the age of every touch");
        assertThatThrownBy(() -> Attribution.timeDecay(SMALL, Duration.ZERO))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("halfLife: PT0S must be positive");
    }

    @Test
    void markovRemovalEffectsMatchTheWorkedExample() {
        // Paths: ads converted twice, mail once, ads > mail once, ads not converted once.
        // start->ads 4/5, start->mail 1/5; ads->conv 2/4, ads->mail 1/4, ads->null 1/4; mail->conv 2/2.
        // P(conv) = 0.8 * (0.5 + 0.25 * 1) + 0.2 * 1 = 0.8.
        // Without ads: 0.2 -> effect 1 - 0.2/0.8 = 0.75. Without mail: 0.8 * 0.5 = 0.4 -> effect 0.5.
        // Attribution of the 4 conversions: ads 4 * 0.75/1.25 = 2.4, mail 4 * 0.5/1.25 = 1.6.
        MarkovAttribution markov = MarkovAttribution.of(new ChannelPaths(List.of(
                ChannelPath.of(List.of("ads"), 2, 0.0, 1),
                ChannelPath.of(List.of("mail"), 1, 0.0, 0),
                ChannelPath.of(List.of("ads", "mail"), 1, 0.0, 0))));
        assertThat(markov.conversionProbability()).isCloseTo(0.8, within(EPS));
        assertThat(markov.removalEffects().get("ads")).isCloseTo(0.75, within(EPS));
        assertThat(markov.removalEffects().get("mail")).isCloseTo(0.5, within(EPS));
        assertThat(markov.attribution().conversionsOf("ads")).isCloseTo(2.4, within(EPS));
        assertThat(markov.attribution().conversionsOf("mail")).isCloseTo(1.6, within(EPS));
        TransitionMatrix matrix = markov.transitionMatrix();
        assertThat(matrix.states()).containsExactly("(start)", "ads", "mail", "(conversion)", "(null)");
        assertThat(matrix.probability("(start)", "ads")).isCloseTo(0.8, within(EPS));
        assertThat(matrix.probability("ads", "mail")).isCloseTo(0.25, within(EPS));
        assertThat(matrix.probability("ads", "(null)")).isCloseTo(0.25, within(EPS));
        assertThat(matrix.probability("mail", "(conversion)")).isCloseTo(1.0, within(EPS));
        assertThat(matrix.toArray()[3]).containsOnly(0.0);
    }

    @Test
    void markovHandlesSelfLoopsExactly() {
        // Path a > a converted once, a not converted once.
        // start->a: 2/2 = 1. a->a: 1 (from a>a), a->conv: 1, a->null: 1, so 1/3 each.
        // x_a = x_a/3 + 1/3  =>  x_a = 1/2. P(conv) = 1/2. Removing a: 0, effect 1.
        MarkovAttribution markov = MarkovAttribution.of(new ChannelPaths(List.of(
                ChannelPath.of(List.of("a", "a"), 1, 0.0, 0),
                ChannelPath.of(List.of("a"), 0, 0.0, 1))));
        assertThat(markov.conversionProbability()).isCloseTo(0.5, within(EPS));
        assertThat(markov.removalEffects().get("a")).isCloseTo(1.0, within(EPS));
        assertThat(markov.attribution().conversionsOf("a")).isCloseTo(1.0, within(EPS));
    }

    @Test
    void markovNeedsAConversion() {
        assertThatThrownBy(() -> MarkovAttribution.of(new ChannelPaths(List.of(ChannelPath.of(List.of("a"), 0, 0.0,
                4))))).isInstanceOf(MetricInputException.class).hasMessageContaining("at least one conversion");
    }

    static ChannelPaths channelPaths() throws IOException {
        ChannelPathAccumulator accumulator = ChannelPathAccumulator.create();
        try (InputStream in = Objects.requireNonNull(AttributionTest.class
                .getResourceAsStream("/org/journeykit/metrics/journeys/channel-paths.csv"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(";");
                accumulator.add(ChannelPath.of(Arrays.asList(fields[0].split(" > ")), Long.parseLong(fields[1]),
                        Double.parseDouble(fields[2]), Long.parseLong(fields[3])));
            }
        }
        return accumulator.result().orElseThrow();
    }

    static Stream<String> models() {
        return Stream.of("first", "last", "linear", "position", "markov");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelConservesTheConversionsOfTheChannelPathsData(String model) throws IOException {
        ChannelPaths paths = channelPaths();
        AttributionResult result;
        switch (model) {
            case "first" -> result = Attribution.firstTouch(paths);
            case "last" -> result = Attribution.lastTouch(paths);
            case "linear" -> result = Attribution.linear(paths);
            case "position" -> result = Attribution.positionBased(paths);
            default -> result = MarkovAttribution.of(paths).attribution();
        }
        // Total conversions counted with awk, independently of this library:
        //   awk -F';' 'NR>1{c+=$2} END{print c}' channel-paths.csv  ->  19785
        double total = result.conversions().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).as(model).isCloseTo(19785.0, within(1e-6));
    }

    @Test
    void firstAndLastTouchOnTheChannelPathsDataMatchAnIndependentCount() throws IOException {
        ChannelPaths paths = channelPaths();
        // Counted with awk over the file (split the path on " > ", sum column 2 by first and by last channel).
        assertThat(Attribution.firstTouch(paths).conversions()).isEqualTo(Map.ofEntries(
                Map.entry("alpha", 6308.0), Map.entry("beta", 2831.0), Map.entry("delta", 1.0),
                Map.entry("epsilon", 99.0), Map.entry("eta", 3164.0), Map.entry("gamma", 165.0),
                Map.entry("iota", 4606.0), Map.entry("kappa", 74.0), Map.entry("lambda", 902.0),
                Map.entry("mi", 2.0), Map.entry("theta", 1606.0), Map.entry("zeta", 27.0)));
        assertThat(Attribution.lastTouch(paths).conversions()).isEqualTo(Map.ofEntries(
                Map.entry("alpha", 8447.0), Map.entry("beta", 989.0), Map.entry("delta", 5.0),
                Map.entry("epsilon", 531.0), Map.entry("eta", 4167.0), Map.entry("gamma", 92.0),
                Map.entry("iota", 3355.0), Map.entry("kappa", 230.0), Map.entry("lambda", 1207.0),
                Map.entry("mi", 2.0), Map.entry("theta", 653.0), Map.entry("zeta", 107.0)));
    }

    @Test
    void accumulatorSumsEqualPathsAndMergeKeepsTotals() {
        ChannelPathAccumulator left = ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("a", "b"), 1, 2.0, 3));
        ChannelPathAccumulator right = ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("a", "b"), 4, 5.0, 6))
                .add(ChannelPath.of(List.of("b"), 1, 1.0, 0));
        assertThat(left.merge(right).result().orElseThrow().paths()).containsExactly(
                ChannelPath.of(List.of("a", "b"), 5, 7.0, 9), ChannelPath.of(List.of("b"), 1, 1.0, 0));
    }

    @Test
    void actualJourneysBecomeChannelPathsUpToTheConversion() {
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.CHANNEL))
                .addMillis("c1", 1, "ads").addMillis("c1", 2, "mail").addMillis("c1", 3, "buy")
                .addMillis("c1", 4, "ads")
                .addMillis("c2", 1, "ads")
                .addMillis("c3", 1, "buy")
                .addMillis("c4", 1, "ads").addMillis("c4", 2, "mail").addMillis("c4", 3, "buy")
                .result();
        // c1 and c4: ads > mail converted (c1's ads after buy is ignored); c2: ads not converted;
        // c3: converts with no touch before, adds nothing. Sorted by channels, a path before its extensions.
        assertThat(ChannelPathAccumulator.create().add(journeys, "buy").result().orElseThrow().paths())
                .containsExactly(ChannelPath.of(List.of("ads"), 0, 0.0, 1),
                        ChannelPath.of(List.of("ads", "mail"), 2, 0.0, 0));
    }

    @Test
    void timeDecayHandlesAgesBeyondTheNanosecondRangeOfALong() {
        // 146,000 days (about 400 years) is more than Long.MAX_VALUE nanoseconds (292 years), which made
        // Duration.toNanos() throw. Half-life 73,000 days: the old touch weighs 2^-2 = 1/4, the one at the
        // conversion 1; normalised a = 0.25 / 1.25 = 0.2, b = 1 / 1.25 = 0.8.
        ChannelPath path = ChannelPath.of(List.of("a", "b"), 1, 0.0, 0,
                List.of(Duration.ofDays(146_000), Duration.ZERO));
        AttributionResult result = Attribution.timeDecay(new ChannelPaths(List.of(path)), Duration.ofDays(73_000));
        assertThat(result.conversionsOf("a")).isCloseTo(0.2, within(EPS));
        assertThat(result.conversionsOf("b")).isCloseTo(0.8, within(EPS));
    }

    @Test
    void aFreshAccumulatorHasNoPaths() {
        assertThat(ChannelPathAccumulator.create().result()).isEmpty();
    }

    @Test
    void theValueIsSummedExactlyWhateverTheOrder() {
        // In doubles 1e16 + 1 rounds back to 1e16 (the spacing there is 2, and the tie goes to the even 1e16), so
        // adding 1e16, 1, 1 left to right gives 1e16 but 1, 1, 1e16 gives 1e16 + 2. The exact sum is 1e16 + 2,
        // a double, whatever the order.
        ChannelPathAccumulator bigFirst = ChannelPathAccumulator.create();
        ChannelPathAccumulator bigLast = ChannelPathAccumulator.create();
        for (double value : new double[] {1e16, 1, 1}) {
            bigFirst.add(ChannelPath.of(List.of("a"), 1, value, 0));
        }
        for (double value : new double[] {1, 1, 1e16}) {
            bigLast.add(ChannelPath.of(List.of("a"), 1, value, 0));
        }
        assertThat(bigFirst.result()).isEqualTo(bigLast.result());
        assertThat(bigFirst.result().orElseThrow().paths().get(0).value()).isEqualTo(10_000_000_000_000_002.0);
        assertThat(bigFirst.toBytes()).isEqualTo(bigLast.toBytes());
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesItsPaths() {
        ChannelPathAccumulator paths = ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("a", "b"), 1, 2.5, 3))
                .add(ChannelPath.of(List.of("a"), 1, 1.0, 0, List.of(Duration.ofDays(1))));
        // Untimed a > b: 1 x 2, 2.5 x 2, 3 x 2; the timed path sums with its copy (same channels, same ages).
        assertThat(paths.merge(paths).result().orElseThrow().paths()).containsExactly(
                ChannelPath.of(List.of("a"), 2, 2.0, 0, List.of(Duration.ofDays(1))),
                ChannelPath.of(List.of("a", "b"), 2, 5.0, 6));
    }

    @Test
    void countsBeyondLongMaxValueAreRefusedAndTheStateIsUnchanged() {
        ChannelPathAccumulator paths = ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("a"), Long.MAX_VALUE, 0.0, 0));
        byte[] before = paths.toBytes();
        assertThatThrownBy(() -> paths.add(ChannelPath.of(List.of("a"), 1, 0.0, 0)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThatThrownBy(() -> paths.merge(paths)).isInstanceOf(MetricInputException.class);
        assertThat(paths.toBytes()).isEqualTo(before);
    }

    @Test
    void theByteFormIsTheDocumentedLayout() {
        byte[] bytes = ChannelPathAccumulator.create().add(ChannelPath.of(List.of("ad"), 2, 1.5, 1)).toBytes();
        // One path: 1 channel "ad", no ages, conversions 2, nulls 1, value 1.5 = 15 x 10^-1: scale 1, unscaled
        // 15 in one byte (0x0f).
        assertThat(bytes).containsExactly('J', 'K', 14, 1,
                0, 0, 0, 1,
                0, 0, 0, 1, 0, 0, 0, 2, 'a', 'd',
                0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, 0, 1, 0, 0, 0, 1, 0x0f);
        assertThat(ChannelPathAccumulator.fromBytes(bytes).result().orElseThrow().paths())
                .containsExactly(ChannelPath.of(List.of("ad"), 2, 1.5, 1));
        // 30 x 10^-1 is 3.0 with a trailing zero: not the one form of 3, refused.
        byte[] trailingZero = bytes.clone();
        trailingZero[bytes.length - 1] = 30;
        assertThatThrownBy(() -> ChannelPathAccumulator.fromBytes(trailingZero))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("without trailing zeros");
    }

    @Test
    void badPathsAreRejectedWithTheRule() {
        assertThatThrownBy(() -> ChannelPath.of(List.of(), 1, 0.0, 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("at least one channel");
        assertThatThrownBy(() -> ChannelPath.of(List.of("a"), -1, 0.0, 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ChannelPath.of(List.of("a", "b"), 1, 0.0, 0, List.of(Duration.ZERO)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("one per channel");
    }
}
