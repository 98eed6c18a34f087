package org.journeykit.metrics.lifetime;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

class SurvivalContractTest extends AccumulatorContract<SurvivalAccumulator> {

    @Override
    protected SurvivalAccumulator create() {
        return SurvivalAccumulator.create();
    }

    @Override
    protected void feed(SurvivalAccumulator accumulator, SplittableRandom random) {
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            long lifetime = random.nextInt(24);
            if (random.nextInt(4) == 0) {
                accumulator.add(lifetime, random.nextInt(3), random.nextInt(3));
            } else {
                accumulator.add(lifetime, random.nextBoolean());
            }
        }
    }

    @Override
    protected SurvivalAccumulator fromBytes(byte[] bytes) {
        return SurvivalAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 16;
    }
}
