package org.journeykit.metrics.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.journeykit.observed.TimeLimits;

/**
 * Maps epoch milliseconds to period numbers fast: a table over 15-minute buckets holds the period of every bucket
 * that lies inside one period; buckets that straddle a period boundary (possible only in zones whose offset is not
 * a multiple of 15 minutes) and times outside the table take the exact path through {@link LocalDate}.
 *
 * <p>The table (about 280 KB for two years) is built only after {@value #EXACT_BEFORE_TABLE} times outside it, so
 * that the many small accumulators of a parallel stream or a distributed aggregation, each with a few events, do
 * not each pay for it.
 */
final class PeriodCalendar {

    private static final long BUCKET = 15 * 60 * 1000L;
    private static final int STRADDLES = Integer.MIN_VALUE;
    /** At most about 240 years of buckets (32 MiB). */
    private static final long MAX_BUCKETS = 1L << 23;
    /** Times outside the table answered exactly before the table is built or extended. */
    static final int EXACT_BEFORE_TABLE = 256;

    private final Granularity granularity;
    private final ZoneId zone;
    private long firstBucket;
    private int[] periods = new int[0];
    private int misses;

    PeriodCalendar(Granularity granularity, ZoneId zone) {
        this.granularity = granularity;
        this.zone = zone;
    }

    /** The period of {@link TimeLimits#EARLIEST} in this zone: no accepted activity lies before it. */
    int minPeriod() {
        return exact(TimeLimits.EARLIEST_EPOCH_MILLI);
    }

    /** The period of {@link TimeLimits#LATEST} in this zone: no accepted activity lies after it. */
    int maxPeriod() {
        return exact(TimeLimits.LATEST_EPOCH_MILLI);
    }

    int period(long epochMilli) {
        long index = Math.floorDiv(epochMilli, BUCKET) - firstBucket;
        if (index >= 0 && index < periods.length) {
            int period = periods[(int) index];
            if (period != STRADDLES) {
                return period;
            }
            return exact(epochMilli);
        }
        return grow(epochMilli);
    }

    int exact(long epochMilli) {
        return granularity.periodOf(LocalDate.ofInstant(Instant.ofEpochMilli(epochMilli), zone));
    }

    long startMillis(int period) {
        return granularity.startOf(period).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private int grow(long epochMilli) {
        int period = exact(epochMilli);
        if (++misses < EXACT_BEFORE_TABLE) {
            return period;
        }
        misses = 0;
        int margin = granularity == Granularity.MONTH ? 12 : granularity == Granularity.WEEK ? 53 : 366;
        int from = period - margin;
        int to = period + margin;
        if (periods.length > 0) {
            from = Math.min(from, periodAtBucket(0));
            to = Math.max(to, periodAtBucket(periods.length - 1));
        }
        long startBucket = Math.floorDiv(startMillis(from), BUCKET);
        long endBucket = Math.floorDiv(startMillis(to + 1), BUCKET);
        if (endBucket - startBucket > MAX_BUCKETS) {
            return period;
        }
        int[] table = new int[(int) (endBucket - startBucket)];
        int current = from;
        long currentEnd = startMillis(current + 1);
        long currentStart = startMillis(current);
        for (int i = 0; i < table.length; i++) {
            long lo = (startBucket + i) * BUCKET;
            long hi = lo + BUCKET;
            while (lo >= currentEnd) {
                current++;
                currentStart = currentEnd;
                currentEnd = startMillis(current + 1);
            }
            table[i] = lo >= currentStart && hi <= currentEnd ? current : STRADDLES;
        }
        firstBucket = startBucket;
        periods = table;
        return period;
    }

    private int periodAtBucket(int index) {
        return exact((firstBucket + index) * BUCKET);
    }
}
