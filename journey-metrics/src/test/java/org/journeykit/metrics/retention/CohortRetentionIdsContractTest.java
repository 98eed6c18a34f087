package org.journeykit.metrics.retention;

import java.time.Instant;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

/**
 * The accumulator contract for cohort retention with string customer ids, whose internal keys depend on the order
 * the ids arrived in: the bytes must not. Daily cohorts in UTC.
 */
class CohortRetentionIdsContractTest extends AccumulatorContract<CohortRetentionAccumulator> {

    private static final String[] IDS = {"ann", "bob", "cy", "dee", "eve", "\u00e9mile", "z\ud83d\ude00"};

    @Override
    protected CohortRetentionAccumulator create() {
        return CohortRetentionAccumulator.create(new CohortDefinition(Granularity.DAY, java.time.ZoneOffset.UTC));
    }

    @Override
    protected void feed(CohortRetentionAccumulator accumulator, SplittableRandom random) {
        int events = random.nextInt(7);
        for (int i = 0; i < events; i++) {
            accumulator.add(IDS[random.nextInt(IDS.length)],
                    Instant.ofEpochMilli(CohortRetentionContractTest.time(random)));
        }
    }

    @Override
    protected CohortRetentionAccumulator fromBytes(byte[] bytes) {
        return CohortRetentionAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 10;
    }
}
