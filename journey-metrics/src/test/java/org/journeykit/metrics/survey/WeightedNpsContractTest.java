package org.journeykit.metrics.survey;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

/**
 * {@link WeightedNpsAccumulator} keeps the accumulator contract with exact equality: its sums are exact, so
 * neither the state nor the result depends on the merge order.
 */
class WeightedNpsContractTest extends AccumulatorContract<WeightedNpsAccumulator> {

    @Override
    protected WeightedNpsAccumulator create() {
        return WeightedNpsAccumulator.create();
    }

    @Override
    protected void feed(WeightedNpsAccumulator accumulator, SplittableRandom random) {
        int answers = random.nextInt(8);
        for (int i = 0; i < answers; i++) {
            // Weights of very different magnitudes, where rounded double sums would depend on the order.
            double weight = Math.scalb(0.5 + random.nextDouble(), random.nextInt(-40, 41));
            accumulator.add(random.nextInt(11), weight);
        }
    }

    @Override
    protected WeightedNpsAccumulator fromBytes(byte[] bytes) {
        return WeightedNpsAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 2;
    }
}
