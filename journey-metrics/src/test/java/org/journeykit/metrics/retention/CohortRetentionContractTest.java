package org.journeykit.metrics.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.observed.TimeLimits;

/**
 * The accumulator contract for cohort retention with numeric customer keys: weekly cohorts in Amsterdam, a few
 * customers active mostly over two years and now and then at any instant of {@link TimeLimits}, so that customers
 * span several 32-period blocks.
 */
class CohortRetentionContractTest extends AccumulatorContract<CohortRetentionAccumulator> {

    static final CohortDefinition WEEKLY = new CohortDefinition(Granularity.WEEK, ZoneId.of("Europe/Amsterdam"));
    static final long FROM = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long TWO_YEARS = 730L * 24 * 3600 * 1000;

    @Override
    protected CohortRetentionAccumulator create() {
        return CohortRetentionAccumulator.create(WEEKLY);
    }

    /** An instant: mostly in 2025 and 2026, one in ten anywhere in {@link TimeLimits}. */
    static long time(SplittableRandom random) {
        return random.nextInt(10) == 0
                ? random.nextLong(TimeLimits.EARLIEST_EPOCH_MILLI, TimeLimits.LATEST_EPOCH_MILLI + 1)
                : FROM + random.nextLong(TWO_YEARS);
    }

    @Override
    protected void feed(CohortRetentionAccumulator accumulator, SplittableRandom random) {
        int events = random.nextInt(7);
        for (int i = 0; i < events; i++) {
            accumulator.add(random.nextInt(-3, 6), time(random));
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
