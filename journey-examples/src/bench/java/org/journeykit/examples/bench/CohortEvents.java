package org.journeykit.examples.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The cohort benchmarks' data: 10 million activity events of 1 million customers over 2025, in time order.
 * Each customer joins at a uniformly random instant of the year; each event belongs to a uniformly random
 * customer and falls uniformly between that customer's join and the end of the year.
 */
final class CohortEvents {

    static final int EVENTS = 10_000_000;
    static final int CUSTOMERS = 1_000_000;
    static final long YEAR_START = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long YEAR_END = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    final long[] customers = new long[EVENTS];
    final long[] times = new long[EVENTS];

    CohortEvents() {
        SplittableRandom random = new SplittableRandom(42L);
        long[] joins = new long[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            joins[c] = random.nextLong(YEAR_START, YEAR_END);
        }
        long[] packed = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            int customer = random.nextInt(CUSTOMERS);
            long time = random.nextLong(joins[customer], YEAR_END);
            // time - YEAR_START < 2^35 ms, customer < 2^20: sort by time through one long.
            packed[i] = (time - YEAR_START) << 20 | customer;
        }
        Arrays.parallelSort(packed);
        for (int i = 0; i < EVENTS; i++) {
            customers[i] = packed[i] & ((1 << 20) - 1);
            times[i] = (packed[i] >>> 20) + YEAR_START;
        }
    }
}
