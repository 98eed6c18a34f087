package org.journeykit.metrics.survey;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.observed.SurveyScale;

/** {@link CsatAccumulator} keeps the accumulator contract, on a 0-10 scale with satisfied from 8. */
class CsatContractTest extends AccumulatorContract<CsatAccumulator> {

    private static final CsatDefinition DEFINITION = new CsatDefinition(SurveyScale.ZERO_TO_TEN, 8);

    @Override
    protected CsatAccumulator create() {
        return CsatAccumulator.create(DEFINITION);
    }

    @Override
    protected void feed(CsatAccumulator accumulator, SplittableRandom random) {
        int answers = random.nextInt(12);
        for (int i = 0; i < answers; i++) {
            accumulator.add(random.nextInt(11));
        }
    }

    @Override
    protected CsatAccumulator fromBytes(byte[] bytes) {
        return CsatAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 4;
    }
}
