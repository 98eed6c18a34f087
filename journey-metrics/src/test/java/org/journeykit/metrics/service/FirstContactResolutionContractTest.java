package org.journeykit.metrics.service;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.internal.StateTag;

class FirstContactResolutionContractTest extends AccumulatorContract<FirstContactResolutionAccumulator> {

    @Override
    protected FirstContactResolutionAccumulator create() {
        return FirstContactResolutionAccumulator.create();
    }

    @Override
    protected void feed(FirstContactResolutionAccumulator accumulator, SplittableRandom random) {
        int issues = random.nextInt(20);
        for (int i = 0; i < issues; i++) {
            accumulator.addContacts(1 + random.nextInt(3));
        }
    }

    @Override
    protected FirstContactResolutionAccumulator fromBytes(byte[] bytes) {
        return FirstContactResolutionAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return StateTag.FIRST_CONTACT_RESOLUTION.code();
    }
}
