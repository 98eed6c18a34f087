package org.journeykit.metrics.service;

import java.time.Duration;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.internal.StateTag;

class HandleTimeContractTest extends AccumulatorContract<HandleTimeAccumulator> {

    @Override
    protected HandleTimeAccumulator create() {
        return HandleTimeAccumulator.create();
    }

    @Override
    protected void feed(HandleTimeAccumulator accumulator, SplittableRandom random) {
        int contacts = random.nextInt(20);
        for (int i = 0; i < contacts; i++) {
            // Up to an hour, with nanoseconds, so that merges carry nanoseconds into seconds.
            accumulator.add(Duration.ofSeconds(random.nextInt(3600), random.nextInt(1_000_000_000)));
        }
    }

    @Override
    protected HandleTimeAccumulator fromBytes(byte[] bytes) {
        return HandleTimeAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return StateTag.HANDLE_TIME.code();
    }
}
