package org.journeykit.metrics.journeys.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;

class ConformanceContractTest extends AccumulatorContract<ConformanceAccumulator> {

    private static final ConformanceChecker CHECKER = ConformanceChecker.of(ConformanceTest.plan(), 0.2);
    private static final String[] STEPS = {"t1", "t2", "t3", "t4", "x", "y"};
    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");

    @Override
    protected ConformanceAccumulator create() {
        return ConformanceAccumulator.create(CHECKER);
    }

    /** Events drawn once, since building and validating an event costs more than checking it. */
    private static final InteractionEvent[] EVENTS = events(new SplittableRandom(13));

    private static InteractionEvent[] events(SplittableRandom random) {
        InteractionEvent[] events = new InteractionEvent[512];
        for (int i = 0; i < events.length; i++) {
            InteractionEvent.Builder event = InteractionEvent.builder().customerId("u" + random.nextInt(5))
                    .time(T0.plusSeconds(60L * random.nextInt(30))).touchpointId(STEPS[random.nextInt(6)]);
            if (random.nextBoolean()) {
                event.outcome(Outcome.values()[random.nextInt(Outcome.values().length)]);
            }
            if (random.nextBoolean()) {
                event.duration(Duration.ofMinutes(random.nextInt(12)));
            }
            events[i] = event.build();
        }
        return events;
    }

    @Override
    protected void feed(ConformanceAccumulator accumulator, SplittableRandom random) {
        int events = random.nextInt(10);
        if (events == 0) {
            return;
        }
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int e = 0; e < events; e++) {
            builder.add(EVENTS[random.nextInt(EVENTS.length)]);
        }
        accumulator.add(builder.result());
    }

    @Override
    protected ConformanceAccumulator fromBytes(byte[] bytes) {
        return ConformanceAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 13;
    }
}
