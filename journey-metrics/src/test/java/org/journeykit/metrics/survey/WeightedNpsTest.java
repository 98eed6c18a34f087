package org.journeykit.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.junit.jupiter.api.Test;

class WeightedNpsTest {

    @Test
    void weightedResponsesUseWeightedSharesAndKishEffectiveSampleSize() {
        // Weights: 10 (2.0), 9 (1.0), 8 (1.0), 3 (0.5), 0 (0.5); sum w = 5, sum w^2 = 4 + 1 + 1 + 0.25 + 0.25 = 6.5.
        // p = 3/5 = 0.6, d = 1/5 = 0.2, NPS = 40; n_eff = 25/6.5 = 3.84615;
        // SE = 100 sqrt((0.8 - 0.16)/3.84615) = 40.792.
        WeightedNpsAccumulator accumulator = WeightedNpsAccumulator.create().add(10, 2.0).add(9, 1.0).add(8, 1.0)
                .add(3, 0.5).add(0, 0.5);
        NpsResult result = accumulator.result().orElseThrow();
        assertThat(result.isWeighted()).isTrue();
        assertThat(result.responses()).isEqualTo(5);
        assertThat(result.score()).isCloseTo(40.0, within(1e-9));
        assertThat(result.effectiveSampleSize()).isCloseTo(3.84615, within(0.00001));
        assertThat(accumulator.effectiveSampleSize().getAsDouble()).isEqualTo(result.effectiveSampleSize());
        assertThat(result.standardError()).isCloseTo(40.792, within(0.001));
    }

    @Test
    void equalWeightsGiveTheUnweightedUncertaintyExactly() {
        // Five weights 2.5: n_eff = (5 x 2.5)^2 / (5 x 6.25) = 156.25 / 31.25 = 5, exactly, with no clamping.
        WeightedNpsAccumulator weighted = WeightedNpsAccumulator.create();
        for (int score : new int[] {10, 9, 7, 3, 5}) {
            weighted.add(score, 2.5);
        }
        NpsResult result = weighted.result().orElseThrow();
        NpsResult plain = NpsResult.of(2, 1, 2);
        assertThat(result.effectiveSampleSize()).isEqualTo(5.0);
        assertThat(result.standardError()).isEqualTo(plain.standardError());
        assertThatThrownBy(() -> weighted.add(9, 0.0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("weight: 0.0");
        assertThatThrownBy(() -> weighted.add(9, Double.NaN)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> weighted.add(9, Double.POSITIVE_INFINITY)).isInstanceOf(MetricInputException.class);
        assertThat(weighted.responses()).isEqualTo(5);
    }

    @Test
    void noAnswerHasNoResultAndNoEffectiveSampleSizeRatherThanZero() {
        assertThat(WeightedNpsAccumulator.create().result()).isEmpty();
        assertThat(WeightedNpsAccumulator.create().effectiveSampleSize()).isEmpty();
    }

    @Test
    void sumsAreExactSoTheOrderOfAnswersAndMergesDoesNotMatter() {
        // Promoters weigh 2^53, 1 and 1: exactly 2^53 + 2. In doubles, 2^53 + 1 is a tie that rounds to the even
        // 2^53, so adding the ones one by one would lose both, while adding them together first would not.
        // The detractor weighs 2^53 + 2. Exactly p = d = (2^53 + 2) / (2^54 + 4) = 1/2, so NPS = 0.
        double big = 9007199254740992.0;
        WeightedNpsAccumulator oneByOne = WeightedNpsAccumulator.create().add(9, big).add(9, 1).add(9, 1)
                .add(0, big + 2);
        WeightedNpsAccumulator onesFirst = WeightedNpsAccumulator.create().add(10, 1).add(10, 1)
                .merge(WeightedNpsAccumulator.create().add(6, big + 2).add(9, big));
        assertThat(oneByOne.result().orElseThrow().score()).isEqualTo(0.0);
        assertThat(oneByOne.result().orElseThrow().promoterShare()).isEqualTo(0.5);
        assertThat(onesFirst.result()).isEqualTo(oneByOne.result());
        assertThat(onesFirst.toBytes()).isEqualTo(oneByOne.toBytes());
    }

    @Test
    void mergeLawsHoldExactlyOnSeededRandomWeights() {
        long seed = 1234L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            WeightedNpsAccumulator[] parts = new WeightedNpsAccumulator[3];
            WeightedNpsAccumulator[] copies = new WeightedNpsAccumulator[3];
            WeightedNpsAccumulator all = WeightedNpsAccumulator.create();
            for (int p = 0; p < 3; p++) {
                parts[p] = WeightedNpsAccumulator.create();
                copies[p] = WeightedNpsAccumulator.create();
                for (int i = 0; i < 1 + random.nextInt(30); i++) {
                    int score = random.nextInt(11);
                    double weight = 0.1 + random.nextDouble(3);
                    parts[p].add(score, weight);
                    copies[p].add(score, weight);
                    all.add(score, weight);
                }
            }
            WeightedNpsAccumulator left = parts[0].merge(parts[1]).merge(parts[2]);
            WeightedNpsAccumulator right = copies[2].merge(copies[1].merge(copies[0]))
                    .merge(WeightedNpsAccumulator.create());
            assertThat(left.result()).as("seed %d round %d", seed, round).isEqualTo(all.result())
                    .isEqualTo(right.result());
            assertThat(left.toBytes()).as("seed %d round %d", seed, round).isEqualTo(all.toBytes())
                    .isEqualTo(right.toBytes());
        }
    }

    @Test
    void bytesAreTheDocumentedLayout() {
        // One promoter of weight 2.5 and one detractor of weight 0.5: counts 1, 0, 1; weights 5 x 2^-1, 0 and
        // 1 x 2^-1; squares 6.25 + 0.25 = 6.5 = 13 x 2^-1.
        WeightedNpsAccumulator accumulator = WeightedNpsAccumulator.create().add(9, 2.5).add(0, 0.5);
        byte[] expected = state(1, 0, 1, exact(-1, 5), exact(0, 0), exact(-1, 1), exact(-1, 13));
        assertThat(accumulator.toBytes()).containsExactly(expected);
        assertThat(WeightedNpsAccumulator.fromBytes(expected).result()).isEqualTo(accumulator.result());
    }

    @Test
    void aCountNearLongMaxValueDoesNotWrap() {
        // Long.MAX_VALUE - 1 promoters of total weight 1 and squares 1 (n_eff = 1, within 1 to n). One more answer
        // reaches Long.MAX_VALUE; the next is refused and the state stays as it was.
        WeightedNpsAccumulator accumulator = WeightedNpsAccumulator.fromBytes(state(Long.MAX_VALUE - 1, 0, 0,
                exact(0, 1), exact(0, 0), exact(0, 0), exact(0, 1)));
        accumulator.add(9, 1.0);
        assertThat(accumulator.responses()).isEqualTo(Long.MAX_VALUE);
        byte[] before = accumulator.toBytes();
        assertThatThrownBy(() -> accumulator.add(0, 1.0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("must not exceed 9223372036854775807 (Long.MAX_VALUE)");
        assertThatThrownBy(() -> accumulator.merge(accumulator)).isInstanceOf(MetricInputException.class);
        assertThat(accumulator.toBytes()).isEqualTo(before);
    }

    @Test
    void weightsInconsistentWithTheCountsAreRefusedOnRead() {
        // No passive, but a passive weight of 1: at byte 4 + 24 + 9 (the promoter weight's 4 + 4 + 1 bytes) = 37.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(1, 0, 0, exact(0, 1), exact(0, 1),
                exact(0, 0), exact(0, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessage("weighted NPS state at byte 37: 1.0 passive weight must be 0 exactly when its group has"
                        + " no answer (0 answers)");
        // Two promoters of total weight 1 with squares 2 (1 x 2^1): n_eff = 1 / 2 < 1, impossible for positive
        // weights. The sum of squares starts at byte 4 + 24 + 3 x 9 = 55.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(2, 0, 0, exact(0, 1), exact(0, 0),
                exact(0, 0), exact(1, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 55").hasMessageContaining("effective sample size from 1 to n");
        // One promoter of weight 1 with squares 1/2 (1 x 2^-1): n_eff = 2 > n = 1.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(1, 0, 0, exact(0, 1), exact(0, 0),
                exact(0, 0), exact(-1, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 55");
    }

    @Test
    void malformedExactSumsAreRefusedOnRead() {
        // A negative weight (unscaled byte 0xff = -1), its magnitude at byte 4 + 24 + 4 = 32.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(1, 0, 0, exact(0, 0xff), exact(0, 0),
                exact(0, 0), exact(0, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessage("weighted NPS state at byte 32: negative promoter weight must not be negative");
        // 2 written as 2 x 2^0 instead of 1 x 2^1: not canonical, so equal states would not give equal bytes.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(1, 0, 0, exact(0, 2), exact(0, 0),
                exact(0, 0), exact(2, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 28").hasMessageContaining("canonical form");
        // An exponent beyond 2200 at byte 28.
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(state(1, 0, 0, exact(5000, 1), exact(0, 0),
                exact(0, 0), exact(0, 1)))).isInstanceOf(StateFormatException.class)
                .hasMessage("weighted NPS state at byte 28: 5000 promoter weight exponent must be from -2200 to"
                        + " 2200");
        // A magnitude of 2^31 - 1 bytes is refused by its length, before anything is allocated.
        byte[] huge = ByteBuffer.allocate(4 + 24 + 8).put(new byte[] {'J', 'K', 2, 1}).putLong(1).putLong(0)
                .putLong(0).putInt(0).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> WeightedNpsAccumulator.fromBytes(huge)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 32").hasMessageContaining("from 0 to 540 bytes");
    }

    /** A weighted NPS state written by hand after the documented layout. */
    private static byte[] state(long promoters, long passives, long detractors, byte[]... sums) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'J', 'K', 2, 1});
        out.writeBytes(ByteBuffer.allocate(24).putLong(promoters).putLong(passives).putLong(detractors).array());
        for (byte[] sum : sums) {
            out.writeBytes(sum);
        }
        return out.toByteArray();
    }

    /** An exact sum {@code m x 2^e} with a one-byte {@code m}. */
    private static byte[] exact(int e, int m) {
        return ByteBuffer.allocate(9).putInt(e).putInt(1).put((byte) m).array();
    }
}
