package org.journeykit.metrics.retention;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

/** The accumulator contract for the repeat-purchase rate. */
class RepeatPurchaseContractTest extends AccumulatorContract<RepeatPurchaseAccumulator> {

    private static final String[] IDS = {"ann", "bob", "cy", "dee", "eve", "\u00e9mile", "z\ud83d\ude00", "0"};

    @Override
    protected RepeatPurchaseAccumulator create() {
        return RepeatPurchaseAccumulator.create();
    }

    @Override
    protected void feed(RepeatPurchaseAccumulator accumulator, SplittableRandom random) {
        int purchases = random.nextInt(7);
        for (int i = 0; i < purchases; i++) {
            accumulator.add(IDS[random.nextInt(IDS.length)]);
        }
    }

    @Override
    protected RepeatPurchaseAccumulator fromBytes(byte[] bytes) {
        return RepeatPurchaseAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 9;
    }
}
