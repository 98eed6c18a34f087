package org.journeykit.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.NearestRank;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.observed.InteractionEvent;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    private static ResolutionTimeAccumulator minutes(int... values) {
        ResolutionTimeAccumulator accumulator = ResolutionTimeAccumulator.create();
        for (int value : values) {
            accumulator.add(Duration.ofMinutes(value));
        }
        return accumulator;
    }

    @Test
    void exactPercentilesFollowTheNearestRankDefinition() {
        // 1..10 minutes: mean 5.5; median = ceil(0.5 * 10) = 5th = 5; p90 = 9th = 9; p95 = ceil(9.5) = 10th = 10.
        ResolutionTimeResult result = minutes(7, 3, 10, 1, 5, 2, 9, 4, 8, 6).result().orElseThrow();
        assertThat(result.isExact()).isTrue();
        assertThat(result.rankError()).isZero();
        assertThat(result.mean()).isEqualTo(Duration.ofSeconds(330));
        assertThat(result.median()).isEqualTo(Duration.ofMinutes(5));
        assertThat(result.percentile(0.9)).isEqualTo(Duration.ofMinutes(9));
        assertThat(result.percentile(0.95)).isEqualTo(Duration.ofMinutes(10));
        assertThat(result.percentile(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(result.max()).isEqualTo(Duration.ofMinutes(10));
        assertThat(result).hasToString("n = 10, mean PT5M30S, median PT5M, p90 PT9M (exact)");
    }

    @Test
    void oneContactIsEveryPercentile() {
        ResolutionTimeResult result = minutes(12).result().orElseThrow();
        assertThat(result.median()).isEqualTo(Duration.ofMinutes(12));
        assertThat(result.percentile(1)).isEqualTo(Duration.ofMinutes(12));
        assertThat(ResolutionTimeAccumulator.create().result()).isEmpty();
    }

    @Test
    void resolutionBeforeOpeningIsRefusedAsOutOfTimeOrder() {
        ResolutionTimeAccumulator accumulator = ResolutionTimeAccumulator.create();
        Instant opened = Instant.parse("2026-02-01T10:00:00Z");
        assertThatThrownBy(() -> accumulator.add(opened, opened.minusSeconds(1)))
                .isInstanceOf(MetricInputException.class)
                .hasMessage("resolved: 2026-02-01T09:59:59Z must not be before opened 2026-02-01T10:00:00Z");
        assertThatThrownBy(() -> accumulator.add(Duration.ofSeconds(-1))).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.addMillis(-1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> accumulator.add((Duration) null)).isInstanceOf(MetricInputException.class);
        assertThat(accumulator.count()).isZero();
        assertThat(accumulator.add(opened, opened.plusSeconds(90)).result().orElseThrow().median())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void largeInputsSwitchToTheSketchAndStayWithinItsRankError() {
        // 1..100000 ms in random order: the true q-quantile is q * 100000; the sketch's answer must have a rank
        // within the stated normalized rank error (about 1.33 %), so within 1330 ms of it (+1 for rounding).
        long seed = 5L;
        int n = 100_000;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        ResolutionTimeAccumulator left = ResolutionTimeAccumulator.create();
        ResolutionTimeAccumulator right = ResolutionTimeAccumulator.create();
        for (int i = 0; i < n; i++) {
            (i % 3 == 0 ? left : right).addMillis(values[i]);
        }
        ResolutionTimeResult result = left.merge(right).result().orElseThrow();
        assertThat(result.isExact()).isFalse();
        assertThat(result.count()).isEqualTo(n);
        // mean of 1..n = (n + 1) / 2 = 50000.5 ms, exact.
        assertThat(result.mean()).isEqualTo(Duration.ofNanos(50_000_500_000L));
        assertThat(result.min()).isEqualTo(Duration.ofMillis(1));
        assertThat(result.max()).isEqualTo(Duration.ofMillis(n));
        long bound = (long) Math.ceil(result.rankError() * n);
        assertThat(result.rankError()).isBetween(0.005, 0.02);
        // Value v has rank v, so the true q-quantile is the value q * n.
        for (long[] qn : new long[][] {{10, 10_000}, {50, 50_000}, {90, 90_000}, {99, 99_000}}) {
            assertThat(result.percentileMillis(qn[0] / 100.0)).as("seed %d q %s%%", seed, qn[0])
                    .isCloseTo(qn[1], within(bound));
        }
    }

    @Test
    void mergingSmallExactPartsStaysExactAndObeysTheMergeLaws() {
        long seed = 11L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            long[] a = random.longs(random.nextInt(1, 40), 0, 1_000_000).toArray();
            long[] b = random.longs(random.nextInt(1, 40), 0, 1_000_000).toArray();
            long[] c = random.longs(random.nextInt(1, 40), 0, 1_000_000).toArray();
            ResolutionTimeResult abc = of(a).merge(of(b)).merge(of(c)).result().orElseThrow();
            ResolutionTimeResult cba = of(c).merge(of(b).merge(of(a))).result().orElseThrow();
            long[] all = new long[a.length + b.length + c.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            System.arraycopy(c, 0, all, a.length + b.length, c.length);
            Arrays.sort(all);
            assertThat(abc.isExact()).isTrue();
            for (double q : new double[] {0, 0.25, 0.5, 0.75, 0.9, 1}) {
                long expected = all[NearestRank.index(q, all.length)];
                assertThat(abc.percentileMillis(q)).as("seed %d round %d q %s", seed, round, q).isEqualTo(expected);
                assertThat(cba.percentileMillis(q)).as("seed %d round %d q %s", seed, round, q).isEqualTo(expected);
            }
            assertThat(ResolutionTimeAccumulator.create().merge(of(a)).result().orElseThrow().percentileMillis(0.5))
                    .isEqualTo(of(a).result().orElseThrow().percentileMillis(0.5));
        }
        assertThatThrownBy(() -> ResolutionTimeAccumulator.create().merge(ResolutionTimeAccumulator.create(5)))
                .isInstanceOf(IncompatibleMergeException.class);
    }

    @Test
    void mergingPastTheExactLimitSwitchesToTheSketch() {
        ResolutionTimeAccumulator left = ResolutionTimeAccumulator.create(3).addMillis(1).addMillis(2);
        ResolutionTimeAccumulator right = ResolutionTimeAccumulator.create(3).addMillis(3).addMillis(4);
        ResolutionTimeResult result = left.merge(right).result().orElseThrow();
        assertThat(result.isExact()).isFalse();
        // Four values fit in the sketch's first level, so even the sketch is exact here: median = 2nd = 2.
        assertThat(result.percentileMillis(0.5)).isEqualTo(2L);
        assertThat(result.count()).isEqualTo(4);
    }

    private static ResolutionTimeAccumulator of(long[] millis) {
        ResolutionTimeAccumulator accumulator = ResolutionTimeAccumulator.create();
        for (long value : millis) {
            accumulator.addMillis(value);
        }
        return accumulator;
    }

    @Test
    void contactVolumeCountsHoursWeekdaysChannelsAndReasonsInTheZone() {
        // 2026-03-02 is a Monday. 08:30Z is 09:30 in Amsterdam (UTC+1 in March before the switch on the 29th).
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        ContactVolumeAccumulator left = ContactVolumeAccumulator.create(amsterdam)
                .add(InteractionEvent.builder().customerId("c1").time(Instant.parse("2026-03-02T08:30:00Z"))
                        .activity("billing").channelId("phone").build())
                .add(Instant.parse("2026-03-02T08:45:00Z"), "chat", "billing");
        ContactVolumeAccumulator right = ContactVolumeAccumulator.create(amsterdam)
                .add(Instant.parse("2026-03-07T15:00:00Z"), "phone", "delivery")
                .add(Instant.parse("2026-03-07T15:10:00Z"), null, null);
        ContactVolume volume = left.merge(right).result().orElseThrow();
        assertThat(volume.total()).isEqualTo(4);
        assertThat(volume.byHour(9)).isEqualTo(2);
        assertThat(volume.byHour(16)).isEqualTo(2);
        assertThat(volume.byWeekday(DayOfWeek.MONDAY)).isEqualTo(2);
        assertThat(volume.byWeekday(DayOfWeek.SATURDAY)).isEqualTo(2);
        assertThat(volume.byChannel()).containsOnly(entry("phone", 2L), entry("chat", 1L), entry("unknown", 1L));
        assertThat(volume.channelShare("phone")).isEqualTo(0.5);
        assertThat(volume.channelShare("email")).isZero();
        assertThat(volume.topReasons(2)).containsExactly(entry("billing", 2L), entry("delivery", 1L));
        assertThat(ContactVolumeAccumulator.create(amsterdam).result()).isEmpty();
        assertThatThrownBy(() -> left.merge(ContactVolumeAccumulator.create(ZoneOffset.UTC)))
                .isInstanceOf(IncompatibleMergeException.class);
        assertThatThrownBy(() -> left.add((InteractionEvent) null)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void firstContactResolutionIsAProportionWithAWilsonInterval() {
        // 18 of 25 resolved at first contact: 72 %; Wilson 95 %: [0.524234, 0.857161].
        FirstContactResolutionAccumulator accumulator = FirstContactResolutionAccumulator.create();
        for (int i = 0; i < 25; i++) {
            accumulator.addContacts(i < 18 ? 1 : 2);
        }
        Proportion fcr = accumulator.result().orElseThrow();
        assertThat(fcr.share()).isEqualTo(0.72);
        assertThat(fcr.wilson(0.95).lower()).isCloseTo(0.524234, within(0.000001));
        assertThat(fcr.wilson(0.95).upper()).isCloseTo(0.857161, within(0.000001));
        assertThat(FirstContactResolutionAccumulator.create().result()).isEmpty();
        assertThatThrownBy(() -> accumulator.addContacts(0)).isInstanceOf(MetricInputException.class)
                .hasMessage("contacts: 0 must be at least 1");
        assertThat(FirstContactResolutionAccumulator.create().add(true).merge(FirstContactResolutionAccumulator.create()
                .add(false)).result()).contains(Proportion.of(1, 2));
    }

    @Test
    void averageHandleTimeIsTotalOverContacts() {
        // 4 + 6 + 5 minutes over 3 contacts = 5 minutes.
        HandleTimeAccumulator left = HandleTimeAccumulator.create().add(Duration.ofMinutes(4));
        HandleTimeAccumulator right = HandleTimeAccumulator.create().add(Duration.ofMinutes(6))
                .add(InteractionEvent.builder().customerId("c").time(Instant.EPOCH).activity("call")
                        .duration(Duration.ofMinutes(5)).build());
        assertThat(left.merge(right).result()).contains(Duration.ofMinutes(5));
        assertThat(HandleTimeAccumulator.create().result()).isEmpty();
        InteractionEvent noDuration = InteractionEvent.builder().customerId("c").time(Instant.EPOCH).activity("x")
                .build();
        assertThatThrownBy(() -> left.add(noDuration)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("event.duration");
        assertThat(left.contacts()).isEqualTo(3);
    }
}
