package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;

/**
 * The accumulator contract for the funnel: a three-step funnel with an exclusion step, fed small random journeys
 * (a few customers, steps from a small alphabet, times within a few windows, ties included).
 */
class FunnelContractTest extends AccumulatorContract<FunnelAccumulator> {

    private static final Funnel FUNNEL = Funnel.of(List.of("a", "b", "c"), Duration.ofMillis(10))
            .withExclusions(List.of("z"));
    private static final String[] ALPHABET = {"a", "b", "c", "x", "z", "a", "b"};

    @Override
    protected FunnelAccumulator create() {
        return FunnelAccumulator.create(FUNNEL);
    }

    @Override
    protected void feed(FunnelAccumulator accumulator, SplittableRandom random) {
        int customers = random.nextInt(3);
        if (customers == 0) {
            return;
        }
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int c = 0; c < customers; c++) {
            int events = 1 + random.nextInt(5);
            for (int i = 0; i < events; i++) {
                builder.addMillis("c" + random.nextInt(1000), random.nextInt(25),
                        ALPHABET[random.nextInt(ALPHABET.length)]);
            }
        }
        accumulator.add(builder.result());
    }

    @Override
    protected FunnelAccumulator fromBytes(byte[] bytes) {
        return FunnelAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 11;
    }
}
