package org.journeykit.metrics.survey;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

/** {@link NpsAccumulator} keeps the accumulator contract. */
class NpsContractTest extends AccumulatorContract<NpsAccumulator> {

    @Override
    protected NpsAccumulator create() {
        return NpsAccumulator.create();
    }

    @Override
    protected void feed(NpsAccumulator accumulator, SplittableRandom random) {
        int answers = random.nextInt(12);
        for (int i = 0; i < answers; i++) {
            accumulator.add(random.nextInt(11));
        }
    }

    @Override
    protected NpsAccumulator fromBytes(byte[] bytes) {
        return NpsAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 1;
    }
}
