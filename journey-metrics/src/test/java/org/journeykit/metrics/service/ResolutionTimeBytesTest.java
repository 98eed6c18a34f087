package org.journeykit.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class ResolutionTimeBytesTest {

    @Test
    void anExactAccumulatorRoundTripsToTheSameResult() {
        ResolutionTimeAccumulator accumulator = ResolutionTimeAccumulator.create();
        for (long minutes : new long[] {5, 30, 90, 240, 15}) {
            accumulator.add(Duration.ofMinutes(minutes));
        }
        ResolutionTimeAccumulator back = ResolutionTimeAccumulator.fromBytes(accumulator.toBytes());
        assertThat(back.isExact()).isTrue();
        // Sorted 5, 15, 30, 90, 240 minutes: the median is 30 minutes, the mean 76 minutes.
        assertThat(back.result().orElseThrow().median()).isEqualTo(Duration.ofMinutes(30));
        assertThat(back.result().orElseThrow().mean()).isEqualTo(Duration.ofMinutes(76));
        assertThat(back.count()).isEqualTo(5);
    }

    @Test
    void aSketchedAccumulatorShipsItsQuantilesWithinTheRankError() {
        // 100,000 distinct times 0..99,999 ms in a seeded random order: each value v has rank v + 1, so an estimate within
        // the normalized rank error e of rank r lies within e x 100,000 of the value r - 1; it must be within the sketch's normalized rank error.
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        int[] order = random.ints(0, Integer.MAX_VALUE).limit(100_000).toArray();
        Integer[] index = new Integer[order.length];
        Arrays.setAll(index, i -> i);
        Arrays.sort(index, (a, b) -> Integer.compare(order[a], order[b]));
        ResolutionTimeAccumulator left = ResolutionTimeAccumulator.create();
        ResolutionTimeAccumulator right = ResolutionTimeAccumulator.create();
        for (int i = 0; i < index.length; i++) {
            (i % 2 == 0 ? left : right).addMillis(index[i]);
        }
        ResolutionTimeAccumulator shipped = ResolutionTimeAccumulator.fromBytes(left.toBytes())
                .merge(ResolutionTimeAccumulator.fromBytes(right.toBytes()));
        ResolutionTimeResult result = shipped.result().orElseThrow();
        assertThat(shipped.isExact()).isFalse();
        assertThat(result.count()).isEqualTo(100_000);
        assertThat(result.min()).isEqualTo(Duration.ZERO);
        assertThat(result.max()).isEqualTo(Duration.ofMillis(99_999));
        long tolerance = (long) Math.ceil(result.rankError() * 100_000);
        // The true 0.5-quantile of 0..99,999 is rank 50,000, the value 49,999; the 0.9-quantile is 89,999.
        assertThat(result.percentileMillis(0.5)).isBetween(49_999 - tolerance, 49_999 + tolerance);
        assertThat(result.percentileMillis(0.9)).isBetween(89_999 - tolerance, 89_999 + tolerance);
    }

    @Test
    void refusesBytesThatAreNotAResolutionTimeState() {
        assertThatThrownBy(() -> ResolutionTimeAccumulator.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(MetricInputException.class);
        byte[] bytes = ResolutionTimeAccumulator.create().addMillis(5).toBytes();
        bytes[bytes.length - 1] ^= 0x7f;
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> ResolutionTimeAccumulator.fromBytes(truncated))
                .isInstanceOf(MetricInputException.class);
    }
}
