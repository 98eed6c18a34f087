package org.journeykit.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.TimeLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CohortRetentionTest {

    private static Instant utc(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    private static CohortRetentionAccumulator accumulator(Granularity granularity, ZoneId zone) {
        return CohortRetentionAccumulator.create(new CohortDefinition(granularity, zone));
    }

    private static CohortRetentionAccumulator handExample() {
        // a: Jan, Feb, Apr; b: Jan, Mar; c: Feb, Mar; d: Jan; e: Mar. Given out of time order on purpose.
        return accumulator(Granularity.MONTH, ZoneOffset.UTC)
                .add("a", utc("2026-04-02")).add("a", utc("2026-01-05")).add("a", utc("2026-02-10"))
                .add("b", utc("2026-03-31")).add("b", utc("2026-01-31"))
                .add("c", utc("2026-02-01")).add("c", utc("2026-03-15")).add("c", utc("2026-03-16"))
                .add("d", utc("2026-01-01"))
                .add(InteractionEvent.of("e", utc("2026-03-03"), "visit"));
    }

    @Test
    void monthlyCohortsMatchTheHandCountedTriangle() {
        // Jan cohort {a, b, d}: active +1 {a}, +2 {b}, +3 {a}; active then or later +1 {a, b}, +2 {a, b}, +3 {a}.
        // Feb cohort {c}: +1 {c}, +2 {}; Mar cohort {e}: +1 {}; Apr cohort empty.
        CohortTable table = handExample().result().orElseThrow();
        assertThat(table.periods()).isEqualTo(4);
        assertThat(table.cohortLabel(0)).isEqualTo("2026-01");
        assertThat(table.cohortStart(1)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(new long[] {table.cohortSize(0), table.cohortSize(1), table.cohortSize(2), table.cohortSize(3)})
                .containsExactly(3, 1, 1, 0);
        assertThat(activeRow(table, 0)).containsExactly(3, 1, 1, 1);
        assertThat(activeRow(table, 1)).containsExactly(1, 1, 0);
        assertThat(activeRow(table, 2)).containsExactly(1, 0);
        assertThat(new long[] {table.activeOrLater(0, 0), table.activeOrLater(0, 1), table.activeOrLater(0, 2),
            table.activeOrLater(0, 3)}).containsExactly(3, 2, 2, 1);
        assertThat(table.retention(0, 1)).hasValue(1.0 / 3);
        assertThat(table.unboundedRetention(0, 2)).hasValue(2.0 / 3);
        // April: nobody started then, so its retention is undefined, not NaN.
        assertThat(table.cohortSize(3)).isZero();
        assertThat(table.retention(3, 0)).isEmpty();
        assertThat(table.unboundedRetention(3, 0)).isEmpty();
        // The walk over stored rows: three cohorts with customers, April has none.
        assertThat(table.cohorts()).extracting(Cohort::label).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(table.cohorts().get(0).cells()).containsExactly(new Cohort.Cell(0, 3, 3),
                new Cohort.Cell(1, 1, 2), new Cohort.Cell(2, 1, 2), new Cohort.Cell(3, 1, 1));
        // Feb cohort {c}: active at +0 and +1, nobody at +2 (a cell not stored), so +2 is answered as 0 and 0.
        assertThat(table.cohorts().get(1).cells()).containsExactly(new Cohort.Cell(0, 1, 1), new Cohort.Cell(1, 1, 1));
        assertThat(table.cohorts().get(1).activeOrLater(2)).isZero();
        assertThat(table.cellCount()).isEqualTo(4 + 2 + 1);
    }

    private static long[] activeRow(CohortTable table, int cohort) {
        long[] row = new long[table.offsets(cohort)];
        for (int k = 0; k < row.length; k++) {
            row[k] = table.active(cohort, k);
        }
        return row;
    }

    @Test
    void triangleReadsAsText() {
        assertThat(handExample().result().orElseThrow().toString()).isEqualTo(String.join("\n",
                "cohort      size      +0      +1      +2      +3",
                "2026-01        3  100.0%   33.3%   33.3%   33.3%",
                "2026-02        1  100.0%  100.0%    0.0%",
                "2026-03        1  100.0%    0.0%"));
    }

    @Test
    void zoneDecidesTheMonthOfAnActivityNearMidnight() {
        // 2026-01-31T23:30Z is 2026-02-01T00:30 in Amsterdam (UTC+1): January in UTC, February in Amsterdam.
        Instant t = Instant.parse("2026-01-31T23:30:00Z");
        assertThat(accumulator(Granularity.MONTH, ZoneOffset.UTC).add(1L, t.toEpochMilli())
                .result().orElseThrow().cohortLabel(0)).isEqualTo("2026-01");
        assertThat(accumulator(Granularity.MONTH, ZoneId.of("Europe/Amsterdam"))
                .add(1L, t.toEpochMilli()).result().orElseThrow().cohortLabel(0)).isEqualTo("2026-02");
    }

    @Test
    void weeksAreIsoWeeksStartingMonday() {
        // 2026-01-04 is a Sunday (ISO week 2026-W01), 2026-01-05 a Monday (W02).
        CohortTable table = accumulator(Granularity.WEEK, ZoneOffset.UTC)
                .add("x", utc("2026-01-04")).add("x", utc("2026-01-05")).result().orElseThrow();
        assertThat(table.cohortLabel(0)).isEqualTo("2026-W01");
        assertThat(table.cohortStart(0)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(table.active(0, 1)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Amsterdam", "Asia/Kolkata", "America/St_Johns", "Africa/Monrovia"})
    void randomActivityMatchesANaiveSetBasedCount(String zoneName) {
        // Africa/Monrovia was UTC-0:44:30 until 1972: its midnights fall inside 15-minute buckets.
        ZoneId zone = ZoneId.of(zoneName);
        long seed = zoneName.hashCode();
        SplittableRandom random = new SplittableRandom(seed);
        long from = zoneName.equals("Africa/Monrovia") ? Instant.parse("1970-01-01T00:00:00Z").toEpochMilli()
                : Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        long span = 400L * 24 * 3600 * 1000;
        for (Granularity granularity : Granularity.values()) {
            CohortRetentionAccumulator accumulator = accumulator(granularity, zone);
            Map<Long, TreeSet<Integer>> naive = new HashMap<>();
            for (int i = 0; i < 3000; i++) {
                long customer = random.nextInt(300);
                long t = from + random.nextLong(span);
                accumulator.add(customer, t);
                LocalDate date = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
                naive.computeIfAbsent(customer, c -> new TreeSet<>()).add(granularity.periodOf(date));
            }
            CohortTable table = accumulator.result().orElseThrow();
            int first = naive.values().stream().mapToInt(TreeSet::first).min().orElseThrow();
            int last = naive.values().stream().mapToInt(TreeSet::last).max().orElseThrow();
            long[][] active = new long[last - first + 1][last - first + 1];
            long[][] later = new long[last - first + 1][last - first + 1];
            for (TreeSet<Integer> periods : naive.values()) {
                int cohort = periods.first() - first;
                for (int p : periods) {
                    active[cohort][p - periods.first()]++;
                }
                for (int k = 0; k <= periods.last() - periods.first(); k++) {
                    later[cohort][k]++;
                }
            }
            assertThat(table.periods()).as("seed %d %s", seed, granularity).isEqualTo(last - first + 1);
            assertThat(table.cohortStart(0)).isEqualTo(granularity.startOf(first));
            for (int c = 0; c < table.periods(); c++) {
                for (int k = 0; k < table.offsets(c); k++) {
                    assertThat(table.active(c, k)).as("seed %d %s cohort %d k %d", seed, granularity, c, k)
                            .isEqualTo(active[c][k]);
                    assertThat(table.activeOrLater(c, k)).as("seed %d %s cohort %d k %d", seed, granularity, c, k)
                            .isEqualTo(later[c][k]);
                }
            }
            // The sparse walk: every stored cohort and cell, and nothing else, holds customers.
            long[][] walkedActive = new long[last - first + 1][last - first + 1];
            long[][] walkedLater = new long[last - first + 1][last - first + 1];
            for (Cohort cohort : table.cohorts()) {
                int c = cohort.period() - first;
                assertThat(cohort.offsets()).isEqualTo(last - cohort.period() + 1);
                int previous = -1;
                for (Cohort.Cell cell : cohort.cells()) {
                    walkedActive[c][cell.offset()] = cell.active();
                    // Between active offsets the unbounded count is that of the next active offset.
                    for (int k = previous + 1; k <= cell.offset(); k++) {
                        walkedLater[c][k] = cell.activeOrLater();
                    }
                    previous = cell.offset();
                }
            }
            assertThat(walkedActive).as("seed %d %s", seed, granularity).isDeepEqualTo(active);
            assertThat(walkedLater).as("seed %d %s", seed, granularity).isDeepEqualTo(later);
        }
    }

    @Test
    void mergeLawsHoldAndCohortIsTheEarliestPeriodAcrossParts() {
        long seed = 314159L;
        SplittableRandom random = new SplittableRandom(seed);
        long from = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
        for (int round = 0; round < 10; round++) {
            CohortRetentionAccumulator[] parts = new CohortRetentionAccumulator[3];
            CohortRetentionAccumulator all = accumulator(Granularity.MONTH, ZoneOffset.UTC);
            CohortRetentionAccumulator[] copies = new CohortRetentionAccumulator[3];
            for (int p = 0; p < 3; p++) {
                parts[p] = accumulator(Granularity.MONTH, ZoneOffset.UTC);
                copies[p] = accumulator(Granularity.MONTH, ZoneOffset.UTC);
            }
            for (int i = 0; i < 600; i++) {
                long customer = random.nextInt(100);
                // Spread over ten years so the per-customer bit words must widen in both directions.
                long t = from + random.nextLong(-1_500L * 24 * 3600 * 1000, 2_000L * 24 * 3600 * 1000);
                int p = random.nextInt(3);
                parts[p].add(customer, t);
                copies[p].add(customer, t);
                all.add(customer, t);
            }
            CohortTable expected = all.result().orElseThrow();
            assertThat(parts[0].merge(parts[1]).merge(parts[2]).result()).as("seed %d", seed).contains(expected);
            CohortRetentionAccumulator right = copies[1].merge(copies[2]);
            CohortRetentionAccumulator empty = accumulator(Granularity.MONTH, ZoneOffset.UTC);
            assertThat(empty.merge(right).merge(copies[0]).result()).as("seed %d", seed).contains(expected);
        }
    }

    @Test
    void stringIdsMergeByIdNotByInternalKey() {
        CohortRetentionAccumulator left = accumulator(Granularity.MONTH, ZoneOffset.UTC)
                .add("ann", utc("2026-02-01")).add("bob", utc("2026-01-01"));
        CohortRetentionAccumulator right = accumulator(Granularity.MONTH, ZoneOffset.UTC)
                .add("bob", utc("2026-02-01")).add("ann", utc("2026-01-01"));
        CohortTable table = left.merge(right).result().orElseThrow();
        // Both customers: January cohort, active in February.
        assertThat(table.cohortSize(0)).isEqualTo(2);
        assertThat(table.active(0, 1)).isEqualTo(2);
        assertThat(left.customers()).isEqualTo(2);
    }

    @Test
    void badInputAndIncompatibleMergesAreRefused() {
        CohortRetentionAccumulator accumulator = accumulator(Granularity.DAY, ZoneOffset.UTC);
        assertThat(accumulator.result()).isEmpty();
        assertThatThrownBy(() -> accumulator.add((String) null, Instant.EPOCH))
                .isInstanceOf(MetricInputException.class).hasMessage("customerId: null must not be null");
        assertThatThrownBy(() -> accumulator.add("x", null)).isInstanceOf(MetricInputException.class);
        accumulator.add("x", utc("2026-01-01"));
        assertThatThrownBy(() -> accumulator.add(5L, 0L)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("string id");
        assertThatThrownBy(() -> accumulator.add("x", Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        assertThatThrownBy(() -> accumulator.add("", utc("2026-01-01"))).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("not blank");
        assertThatThrownBy(() -> accumulator.add("a\uD800", utc("2026-01-01")))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> accumulator.add("x".repeat(129), utc("2026-01-01")))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("128 characters");
        assertThatThrownBy(() -> accumulator.addAll(new long[2], new long[1])).isInstanceOf(MetricInputException.class);
        assertThat(accumulator.customers()).isEqualTo(1);
        assertThatThrownBy(() -> accumulator.merge(accumulator(Granularity.MONTH, ZoneOffset.UTC)))
                .isInstanceOf(IncompatibleMergeException.class);
        assertThatThrownBy(() -> accumulator.merge(
                accumulator(Granularity.DAY, ZoneOffset.UTC).add(1L, 0L)))
                .isInstanceOf(IncompatibleMergeException.class);
        assertThatThrownBy(() -> handExample().result().orElseThrow().active(0, 4))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("k: 4");
    }

    @Test
    void bulkArraysGiveTheSameTableAsSingleAdds() {
        long[] customers = {1, 2, 1, 3};
        long[] times = {utc("2026-01-02").toEpochMilli(), utc("2026-01-09").toEpochMilli(),
            utc("2026-03-02").toEpochMilli(), utc("2026-02-02").toEpochMilli()};
        CohortRetentionAccumulator single = accumulator(Granularity.MONTH, ZoneOffset.UTC);
        for (int i = 0; i < customers.length; i++) {
            single.add(customers[i], times[i]);
        }
        assertThat(accumulator(Granularity.MONTH, ZoneOffset.UTC).addAll(customers, times)
                .result()).isEqualTo(single.result());
    }

    @Test
    void largeBulkBatchesArePartitionedAndGiveTheSameTableAsSingleAdds() {
        long seed = 2718L;
        SplittableRandom random = new SplittableRandom(seed);
        int n = 200_000;
        long[] customers = new long[n];
        long[] times = new long[n];
        long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        CohortRetentionAccumulator single = accumulator(Granularity.WEEK, ZoneOffset.UTC)
                .add(-7L, from);
        for (int i = 0; i < n; i++) {
            customers[i] = random.nextLong(-50_000, 50_000) * 7919;
            times[i] = from + random.nextLong(800L * 24 * 3600 * 1000);
            single.add(customers[i], times[i]);
        }
        CohortRetentionAccumulator bulk = accumulator(Granularity.WEEK, ZoneOffset.UTC)
                .add(-7L, from).addAll(customers, times);
        assertThat(bulk.result()).as("seed %d", seed).isEqualTo(single.result());
        assertThat(bulk.customers()).isEqualTo(single.customers());
    }

    @Test
    void bytesRoundTripKeepsKeysIdsAndBits() {
        CohortRetentionAccumulator strings = handExample();
        CohortRetentionAccumulator copy = CohortRetentionAccumulator.fromBytes(strings.toBytes());
        assertThat(copy.result()).isEqualTo(strings.result());
        // The copy keeps the ids: a later activity of "d" lands on the same customer.
        copy.add("d", utc("2026-02-02"));
        assertThat(copy.result().orElseThrow().active(0, 1)).isEqualTo(2);
        CohortRetentionAccumulator keys = accumulator(Granularity.DAY, ZoneId.of("Asia/Tokyo"))
                .add(1L, 0L).add(2L, 86_400_000L * 100);
        CohortRetentionAccumulator keysCopy = CohortRetentionAccumulator.fromBytes(keys.toBytes());
        assertThat(keysCopy.result()).isEqualTo(keys.result());
        assertThat(keysCopy.definition().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(CohortRetentionAccumulator.fromBytes(CohortRetentionAccumulator.create().toBytes()).result())
                .isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(keys.toBytes(), 20);
        assertThatThrownBy(() -> CohortRetentionAccumulator.fromBytes(truncated))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("cohort retention state at byte");
    }

    @Test
    void parallelCollectorOverEventsGivesTheSameTable() {
        java.util.List<InteractionEvent> events = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(77L);
        long from = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        CohortRetentionAccumulator sequential = accumulator(Granularity.MONTH, ZoneOffset.UTC);
        for (int i = 0; i < 2000; i++) {
            InteractionEvent event = InteractionEvent.of("c" + random.nextInt(200),
                    Instant.ofEpochMilli(from + random.nextLong(200L * 24 * 3600 * 1000)), "visit");
            events.add(event);
            sequential.add(event);
        }
        assertThat(events.parallelStream().collect(CohortRetentionAccumulator.collector(
                CohortDefinition.MONTHLY_UTC))).as("seed 77").isEqualTo(sequential.result());
    }
}
