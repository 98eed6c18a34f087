package org.journeykit.metrics.survey;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

/** {@link CesAccumulator} keeps the accumulator contract (CES 2.0; the 1-5 scale shares the code). */
class CesContractTest extends AccumulatorContract<CesAccumulator> {

    @Override
    protected CesAccumulator create() {
        return CesAccumulator.create(CesScale.CES_2_0);
    }

    @Override
    protected void feed(CesAccumulator accumulator, SplittableRandom random) {
        int answers = random.nextInt(12);
        for (int i = 0; i < answers; i++) {
            accumulator.add(random.nextInt(1, 8));
        }
    }

    @Override
    protected CesAccumulator fromBytes(byte[] bytes) {
        return CesAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 3;
    }
}
