package org.journeykit.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.internal.StateTag;

/**
 * The contract with an exact limit of 16 and a sketch of {@code k = 8}, so that a few dozen times reach the sketch
 * and its compactions. In sketch mode the kept times depend on the merge order, so states are compared by their
 * exact parts and by the sketch's guaranteed rank error.
 */
class ResolutionTimeContractTest extends AccumulatorContract<ResolutionTimeAccumulator> {

    private static final double[] QUANTILES = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    @Override
    protected ResolutionTimeAccumulator create() {
        return ResolutionTimeAccumulator.create(16, 8);
    }

    @Override
    protected void feed(ResolutionTimeAccumulator accumulator, SplittableRandom random) {
        int times = random.nextInt(40);
        int spread = random.nextBoolean() ? 50 : 1_000_000;
        for (int i = 0; i < times; i++) {
            accumulator.addMillis(random.nextInt(spread));
        }
    }

    @Override
    protected ResolutionTimeAccumulator fromBytes(byte[] bytes) {
        return ResolutionTimeAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return StateTag.RESOLUTION_TIME.code();
    }

    /**
     * Exact states must be equal, bytes and all. Sketched states must agree on count, sum, minimum and maximum,
     * and each one's percentiles must be consistent with the other's estimated ranks within the two sketches'
     * guaranteed rank errors {@code ea + eb}: if {@code v} is the first kept time whose estimated rank in {@code a}
     * reaches {@code r}, its true rank is at least {@code r - ea}, so its rank in {@code b} is at least
     * {@code r - ea - eb}; and the true rank of {@code v - 1} is below {@code r + ea}, so its rank in {@code b} is
     * below {@code r + ea + eb}.
     */
    @Override
    protected void assertSameState(ResolutionTimeAccumulator actual, ResolutionTimeAccumulator expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.isExact()).isEqualTo(expected.isExact());
        if (actual.isExact()) {
            super.assertSameState(actual, expected);
            return;
        }
        ResolutionTimeResult a = actual.result().orElseThrow();
        ResolutionTimeResult b = expected.result().orElseThrow();
        assertThat(a.mean()).isEqualTo(b.mean());
        assertThat(a.min()).isEqualTo(b.min());
        assertThat(a.max()).isEqualTo(b.max());
        assertThat(a.rankError()).isEqualTo(b.rankError());
        checkWithin(a, b);
        checkWithin(b, a);
    }

    private static void checkWithin(ResolutionTimeResult a, ResolutionTimeResult b) {
        long bound = a.maxRankError() + b.maxRankError();
        for (double q : QUANTILES) {
            long rank = org.journeykit.metrics.internal.NearestRank.rank(q, a.count());
            long value = a.percentileMillis(q);
            assertThat(b.estimatedRank(value)).as("q %s", q).isGreaterThanOrEqualTo(rank - bound);
            assertThat(b.estimatedRank(value - 1)).as("q %s", q).isLessThan(rank + bound);
        }
    }
}
