package org.journeykit.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.observed.TimeLimits;
import org.junit.jupiter.api.Test;

/** The cohort retention defects of issue 13, each with a hand-worked expectation. */
class CohortRetentionDefectsTest {

    private static final CohortDefinition DAILY = new CohortDefinition(Granularity.DAY, ZoneOffset.UTC);

    private static long millis(String date) {
        return Instant.parse(date + "T12:00:00Z").toEpochMilli();
    }

    @Test
    void aYearTypoAddsOneCohortAndOneCellNotATriangleOfTwoThousandYears() {
        // a: 2026-01, 2026-02; b: 2026-02; c: 0026-03 (typed for 2026-03) and 2026-01.
        CohortTable table = CohortRetentionAccumulator.create()
                .add(1L, millis("2026-01-10")).add(1L, millis("2026-02-10")).add(2L, millis("2026-02-11"))
                .add(3L, millis("0026-03-05")).add(3L, millis("2026-01-20")).result().orElseThrow();
        // Months since 1970-01: 0026-03 = (26 - 1970) * 12 + 2 = -23326; 2026-01 = 56 * 12 = 672; 2026-02 = 673.
        assertThat(table.firstPeriod()).isEqualTo(-23326);
        assertThat(table.lastPeriod()).isEqualTo(673);
        // The span is 673 + 23326 + 1 = 24000 months, but only three cohorts and five cells are stored:
        // 0026-03 {c} at +0 and +23998 (2026-01), 2026-01 {a} at +0 and +1, 2026-02 {b} at +0.
        assertThat(table.periods()).isEqualTo(24000);
        assertThat(table.cohorts()).extracting(Cohort::label).containsExactly("0026-03", "2026-01", "2026-02");
        assertThat(table.cellCount()).isEqualTo(5);
        Cohort typo = table.cohorts().get(0);
        assertThat(typo.cells()).containsExactly(new Cohort.Cell(0, 1, 1), new Cohort.Cell(23998, 1, 1));
        assertThat(typo.offsets()).isEqualTo(24000);
        // Between its two activities c is not active, but active later: classic 0, unbounded 1.
        assertThat(table.active(0, 12_000)).isZero();
        assertThat(table.activeOrLater(0, 12_000)).isEqualTo(1);
        assertThat(table.retention(0, 23998)).hasValue(1.0);
        // 0026-04 (index 1) has no customer: its rates are undefined, not NaN.
        assertThat(table.cohortSize(1)).isZero();
        assertThat(table.retention(1, 0)).isEmpty();
        // The row of 2026-01 is index 23998: a {a} active at +0 and +1, so 1 of 1.
        assertThat(table.cohortLabel(23998)).isEqualTo("2026-01");
        assertThat(table.retention(23998, 1)).hasValue(1.0);
    }

    @Test
    void aYearTypoAmongThousandsOfDailyCustomersCostsOneEntryOfState() {
        SplittableRandom random = new SplittableRandom(13L);
        CohortRetentionAccumulator clean = CohortRetentionAccumulator.create(DAILY);
        long from = millis("2026-01-01");
        for (int i = 0; i < 20_000; i++) {
            clean.add(random.nextInt(2_000), from + random.nextLong(365L * 86_400_000));
        }
        CohortTable cleanTable = clean.result().orElseThrow();
        byte[] cleanBytes = clean.toBytes();
        CohortRetentionAccumulator typo = CohortRetentionAccumulator.fromBytes(cleanBytes)
                .add(5_000L, millis("0026-06-15"));
        CohortTable typoTable = typo.result().orElseThrow();
        // One new customer with one period: key (8) + block count (4) + block (4) + periods (4) = 20 bytes more.
        assertThat(typo.toBytes()).hasSize(cleanBytes.length + 20);
        // One more cohort with one cell, though the span grows from one year to two thousand.
        assertThat(typoTable.cohorts()).hasSize(cleanTable.cohorts().size() + 1);
        assertThat(typoTable.cellCount()).isEqualTo(cleanTable.cellCount() + 1);
        // The span: from 0026-06-15 to the last day of the clean data (2027-01-01 at the latest), in days.
        assertThat(typoTable.periods()).isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(26, 6, 15),
                LocalDate.ofEpochDay(cleanTable.lastPeriod())) + 1);
        // The stored cells never exceed the distinct (customer, day) pairs: at most 20,000 events + 1.
        assertThat(typoTable.cellCount()).isLessThanOrEqualTo(20_001);
        assertThat(typoTable.cohorts().subList(1, typoTable.cohorts().size())).isEqualTo(cleanTable.cohorts());
    }

    @Test
    void everyInstantOfTheTimeLimitsIsAcceptedAndNothingOutside() {
        CohortRetentionAccumulator accumulator = CohortRetentionAccumulator.create(DAILY)
                .add(1L, TimeLimits.EARLIEST_EPOCH_MILLI).add(2L, TimeLimits.LATEST_EPOCH_MILLI);
        CohortTable table = accumulator.result().orElseThrow();
        // Days from 0001-01-01 to 9999-12-31: 9999 x 365 + 2424 leap days (2499 - 99 + 24) = 3,652,059.
        assertThat(table.periods()).isEqualTo(3_652_059);
        assertThat(table.cellCount()).isEqualTo(2);
        assertThat(table.cohortLabel(0)).isEqualTo("0001-01-01");
        assertThat(table.cohorts().get(1).label()).isEqualTo("9999-12-31");
        byte[] before = accumulator.toBytes();
        assertThatThrownBy(() -> accumulator.add(3L, TimeLimits.LATEST_EPOCH_MILLI + 1))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        assertThatThrownBy(() -> accumulator.add(3L, TimeLimits.EARLIEST_EPOCH_MILLI - 1))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        assertThatThrownBy(() -> accumulator.addAll(new long[] {3, 4},
                new long[] {millis("2026-01-01"), Long.MIN_VALUE}))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("epochMillis[1]");
        CohortRetentionAccumulator ids = CohortRetentionAccumulator.create(DAILY);
        assertThatThrownBy(() -> ids.add("ann", TimeLimits.LATEST.plusMillis(1)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        // A batch large enough to be partitioned (65,536 events or more) checks while it scatters: the same.
        long[] customers = new long[70_000];
        long[] times = new long[70_000];
        java.util.Arrays.fill(times, millis("2026-01-01"));
        times[69_999] = TimeLimits.LATEST_EPOCH_MILLI + 1;
        assertThatThrownBy(() -> accumulator.addAll(customers, times)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("epochMillis[69999]").hasMessageContaining(TimeLimits.RULE);
        // All or nothing: the valid events of the refused batches were not added either.
        assertThat(accumulator.toBytes()).isEqualTo(before);
        assertThat(ids.result()).isEmpty();
    }

    @Test
    void mergingWithItselfIsTheUnionWithACopy() {
        // The state is a set of (customer, period) pairs: the union with a copy of itself is itself.
        CohortRetentionAccumulator a = CohortRetentionAccumulator.create(DAILY).add(1L, millis("2026-01-01"))
                .add(2L, millis("1999-05-05")).add(1L, millis("2026-03-01"));
        byte[] before = a.toBytes();
        assertThat(a.merge(a).toBytes()).isEqualTo(before);
        CohortRetentionAccumulator copy = CohortRetentionAccumulator.fromBytes(before);
        assertThat(CohortRetentionAccumulator.fromBytes(before).merge(copy).toBytes()).isEqualTo(before);
    }

    @Test
    void aRefusedMergeLeavesTheStateUnchanged() {
        CohortRetentionAccumulator keys = CohortRetentionAccumulator.create(DAILY).add(1L, millis("2026-01-01"));
        byte[] before = keys.toBytes();
        assertThatThrownBy(() -> keys.merge(CohortRetentionAccumulator.create(DAILY).add("ann",
                Instant.ofEpochMilli(millis("2026-01-02"))))).isInstanceOf(IncompatibleMergeException.class)
                .hasMessageContaining("numeric keys").hasMessageContaining("string ids");
        assertThatThrownBy(() -> keys.merge(CohortRetentionAccumulator.create().add(2L, millis("2026-01-02"))))
                .isInstanceOf(IncompatibleMergeException.class).hasMessageContaining("DAY in Z")
                .hasMessageContaining("MONTH in Z");
        assertThat(keys.toBytes()).isEqualTo(before);
    }

    @Test
    void bytesOfStringIdsDoNotDependOnTheOrderTheIdsArrived() {
        Instant jan = Instant.parse("2026-01-05T00:00:00Z");
        Instant feb = Instant.parse("2026-02-05T00:00:00Z");
        CohortRetentionAccumulator one = CohortRetentionAccumulator.create().add("bob", jan).add("ann", feb);
        CohortRetentionAccumulator other = CohortRetentionAccumulator.create().add("ann", feb).add("bob", jan);
        assertThat(one.toBytes()).isEqualTo(other.toBytes());
        // Header J K 10 1, month 3, zone "Z", ids 2, 2 customers; "ann": 1 block 21 (672..703), bit 673 - 672 = 1.
        byte[] expected = new State().header().granularity(3).zone("Z").identification(2).count(2)
                .id("ann").count(1).block(21, 1 << 1).id("bob").count(1).block(21, 1).bytes();
        assertThat(one.toBytes()).isEqualTo(expected);
    }

    @Test
    void theOldThirtyThreeByteStateThatLoopedForeverIsRefusedAtItsFirstByte() {
        // The old layout: "COH1", month, "UTC", numeric keys, a base, 1 word and Integer.MAX_VALUE customers made
        // the old reader double an int capacity until it was 0, forever.
        byte[] old = new State().raw(0x434F4831).granularity(2).utf("UTC").identification(1).identification(1)
                .raw(0).raw(1).raw(Integer.MAX_VALUE).raw(0).raw(0).identification(0).bytes();
        assertThat(old).hasSize(33);
        refused(old, "at byte 0", "magic");
    }

    @Test
    void aHugeCustomerCountIsRefusedBeforeAnythingIsAllocated() {
        // Integer.MAX_VALUE customers: beyond the limit of 2^28 entries (was: a loop forever).
        // Offsets: header 0-3, granularity 4, zone length 5-8 and "UTC" 9-11, identification 12, customers 13-16,
        // then the first customer's key 17-24, its block count 25-28, its first block 29-32 and periods 33-36.
        byte[] bytes = new State().header().granularity(3).zone("UTC").identification(1).count(Integer.MAX_VALUE)
                .key(1).count(1).raw(21).bytes();
        assertThat(bytes).hasSize(33);
        refused(bytes, "at byte 13", "at most 268435456");
        // 2^24 customers in 16 remaining bytes: each takes at least 8 + 4 + 8 = 20 bytes, 2^24 x 20 = 335,544,320
        // (was: an OutOfMemoryError).
        byte[] few = new State().header().granularity(3).zone("UTC").identification(1).count(1 << 24)
                .key(1).count(1).raw(21).bytes();
        refused(few, "at byte 13", "needs at least 335544320 bytes but only 16 remain");
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(1).key(1)
                .count(Integer.MAX_VALUE).block(21, 1).bytes(), "at byte 25", "blocks count must be at most");
    }

    @Test
    void statesThatWouldCorruptALaterMergeAreRefused() {
        // Each of these was read by the old reader and broke a later merge or result; the rule is named.
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(2)
                .key(7).count(1).block(21, 1).key(7).count(1).block(21, 2).bytes(), "at byte 37", "strictly ascending");
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(1)
                .key(7).count(2).block(21, 1).block(21, 2).bytes(), "at byte 37", "strictly ascending");
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(1)
                .key(7).count(1).block(21, 0).bytes(), "at byte 33", "at least one period");
        // Months since 1970-01: 0001-01 is (1 - 1970) x 12 = -23628, block floor(-23628 / 32) = -739; 9999-12 is
        // 8029 x 12 + 11 = 96359, block floor(96359 / 32) = 3011. Block 2^26 is month 2^31, far beyond.
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(1)
                .key(7).count(1).block(1 << 26, 1).bytes(), "at byte 29", "block must be from -739 to 3011");
        // Block 3011 holds months 96352 to 96383; bit 31 is month 96383 (10001-12), after 96359.
        refused(new State().header().granularity(3).zone("UTC").identification(1).count(1)
                .key(7).count(1).block(3011, 1 << 31).bytes(), "at byte 33", "must lie from -23628 to 96359");
        refused(new State().header().granularity(3).zone("UTC").identification(0).count(1)
                .key(7).count(1).block(21, 1).bytes(), "at byte 13", "0 exactly when identification is 0");
        refused(new State().header().granularity(3).zone("UTC").identification(2).count(1)
                .id(" ").count(1).block(21, 1).bytes(), "at byte 17", "not blank");
        refused(new State().header().granularity(4).bytes(), "at byte 4", "granularity must be");
        refused(new State().header().granularity(3).zone("+1").identification(0).count(0).bytes(), "at byte 5",
                "as ZoneId.getId() gives it, +01:00");
        refused(new State().header().granularity(3).zone("Mars/Olympus").identification(0).count(0).bytes(),
                "at byte 5", "time zone id known");
        refused(new State().header().granularity(3).zone("UTC").identification(0).count(0).raw(0).bytes(),
                "at byte 17", "must not follow the end of the state");
    }

    @Test
    void keysChosenToCollideUnderAPlainFibonacciHashStayFast() {
        // k = i x 0xf1de83e19937733d, the inverse of the Fibonacci constant 0x9e3779b97f4a7c15 modulo 2^64, so
        // k x 0x9e3779b97f4a7c15 = i: without the seed all 300,000 keys would share their top hash bits and one
        // probe cluster, some 4.5 x 10^10 probes. Hostile bytes could carry such keys.
        long inverse = 0xf1de83e19937733dL;
        assertThat(inverse * 0x9e3779b97f4a7c15L).isEqualTo(1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CohortRetentionAccumulator accumulator = CohortRetentionAccumulator.create(DAILY);
            for (long i = 0; i < 300_000; i++) {
                accumulator.add(i * inverse, millis("2026-01-01"));
            }
            CohortRetentionAccumulator read = CohortRetentionAccumulator.fromBytes(accumulator.toBytes());
            assertThat(read.customers()).isEqualTo(300_000);
            assertThat(read.result().orElseThrow().cohortSize(0)).isEqualTo(300_000);
        });
    }

    @Test
    void aCustomerActiveInAHundredThousandBlocksCostsLinearTime() {
        // One event every 32 days from 0001-01-01: 100,000 events in 100,000 blocks of 32 days. Kept in the
        // customer's probe cluster, each new block would probe all earlier ones: 5 x 10^9 probes.
        long day = 86_400_000L;
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CohortRetentionAccumulator accumulator = CohortRetentionAccumulator.create(DAILY);
            for (long i = 0; i < 100_000; i++) {
                accumulator.add(1L, TimeLimits.EARLIEST_EPOCH_MILLI + i * 32 * day);
            }
            byte[] bytes = accumulator.toBytes();
            // Header 4, granularity 1, "Z" 5, identification 1, customers 4, key 8, blocks 4, 100,000 x 8.
            assertThat(bytes).hasSize(4 + 1 + 5 + 1 + 4 + 8 + 4 + 800_000);
            CohortRetentionAccumulator read = CohortRetentionAccumulator.fromBytes(bytes);
            read.merge(accumulator).merge(CohortRetentionAccumulator.fromBytes(bytes));
            assertThat(read.toBytes()).isEqualTo(bytes);
            Cohort cohort = read.result().orElseThrow().cohorts().get(0);
            // Active at offsets 0, 32, ..., 3,199,968: 100,000 cells; active then or later at +3,199,968: 1.
            assertThat(cohort.cellCount()).isEqualTo(100_000);
            assertThat(cohort.cells().get(99_999)).isEqualTo(new Cohort.Cell(3_199_968, 1, 1));
            assertThat(cohort.activeOrLater(3_199_967)).isEqualTo(1);
        });
    }

    @Test
    void customersWithManyBlocksCountLikeANaiveSetAcrossMergesAndBytes() {
        long seed = 4242L;
        SplittableRandom random = new SplittableRandom(seed);
        long from = millis("2000-01-01");
        long span = 40L * 365 * 86_400_000;
        CohortRetentionAccumulator[] parts = new CohortRetentionAccumulator[3];
        for (int p = 0; p < 3; p++) {
            parts[p] = CohortRetentionAccumulator.create(DAILY);
        }
        java.util.Map<Long, java.util.TreeSet<Integer>> naive = new java.util.HashMap<>();
        for (int i = 0; i < 6_000; i++) {
            long customer = random.nextInt(4);
            long t = from + random.nextLong(span);
            parts[random.nextInt(3)].add(customer, t);
            naive.computeIfAbsent(customer, c -> new java.util.TreeSet<>())
                    .add((int) Math.floorDiv(t, 86_400_000L));
        }
        CohortTable table = CohortRetentionAccumulator.fromBytes(parts[0].toBytes())
                .merge(CohortRetentionAccumulator.fromBytes(parts[1].merge(parts[2]).toBytes())).result().orElseThrow();
        for (java.util.TreeSet<Integer> days : naive.values()) {
            Cohort cohort = table.cohortOfPeriod(days.first()).orElseThrow();
            for (int day : days) {
                assertThat(cohort.active(day - days.first())).as("seed %d", seed).isPositive();
            }
        }
        long cells = 0;
        for (Cohort cohort : table.cohorts()) {
            cells += cohort.cellCount();
        }
        long distinct = naive.values().stream().mapToLong(java.util.TreeSet::size).sum();
        // The four customers have distinct first days (checked below), so every (customer, day) is its own cell.
        assertThat(table.cohorts()).hasSize(naive.size());
        assertThat(cells).as("seed %d", seed).isEqualTo(distinct);
        assertThat(table.customers()).isEqualTo(4);
    }

    private static void refused(byte[] bytes, String where, String rule) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
                assertThatThrownBy(() -> CohortRetentionAccumulator.fromBytes(bytes))
                        .isInstanceOf(StateFormatException.class).hasMessageContaining(where)
                        .hasMessageContaining(rule));
    }

    /** Writes a state by hand, field by field, as the layout documented on toBytes. */
    static final class State {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        private State write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        State header() {
            return write(() -> out.write(new byte[] {'J', 'K', 10, 1}));
        }

        State granularity(int code) {
            return write(() -> out.writeByte(code));
        }

        State identification(int code) {
            return write(() -> out.writeByte(code));
        }

        State utf(String text) {
            return write(() -> out.writeUTF(text));
        }

        State zone(String id) {
            return text(id);
        }

        State id(String id) {
            return text(id);
        }

        private State text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return write(() -> {
                out.writeInt(utf8.length);
                out.write(utf8);
            });
        }

        State count(int count) {
            return raw(count);
        }

        State raw(int value) {
            return write(() -> out.writeInt(value));
        }

        State key(long key) {
            return write(() -> out.writeLong(key));
        }

        State block(int block, int periods) {
            return write(() -> {
                out.writeInt(block);
                out.writeInt(periods);
            });
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
