package org.journeykit.metrics.journeys.paths;

import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;

class PathContractTest extends AccumulatorContract<PathAccumulator> {

    @Override
    protected PathAccumulator create() {
        return PathAccumulator.create();
    }

    @Override
    protected void feed(PathAccumulator accumulator, SplittableRandom random) {
        int customers = random.nextInt(4);
        if (customers == 0) {
            return;
        }
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int c = 0; c < customers; c++) {
            int events = 1 + random.nextInt(4);
            for (int e = 0; e < events; e++) {
                builder.addMillis("u" + random.nextInt(6), 1_000L * random.nextInt(50), "s" + random.nextInt(5));
            }
        }
        accumulator.add(builder.result());
    }

    @Override
    protected PathAccumulator fromBytes(byte[] bytes) {
        return PathAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 12;
    }
}
