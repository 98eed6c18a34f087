package org.journeykit.io.jackson;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelComparison;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.lifetime.BgNbd;
import org.journeykit.metrics.lifetime.BgNbdFit;
import org.journeykit.metrics.lifetime.PurchaseHistory;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometric;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.journeykit.metrics.lifetime.SurvivalAccumulator;
import org.journeykit.metrics.lifetime.SurvivalCurve;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.stats.TwoProportionTest;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;

/** Seeded random values of every result type, made the way the library makes them (accumulators where they exist). */
final class RandomValues {

    private final RandomGenerator random;

    RandomValues(RandomGenerator random) {
        this.random = random;
    }

    private double anyDouble() {
        // Mix short decimals, long fractions and large magnitudes: all must read back as the same double.
        switch (random.nextInt(3)) {
            case 0:
                return random.nextInt(-1000, 1000) / 8.0;
            case 1:
                return random.nextDouble(-1, 1);
            default:
                return random.nextDouble(-1e12, 1e12);
        }
    }

    Interval interval() {
        double a = anyDouble();
        double b = anyDouble();
        double lower = Math.min(a, b);
        double upper = Math.max(a, b);
        return Interval.of(random.nextDouble(lower, Math.nextUp(upper)), lower, upper,
                random.nextDouble(0.5, 0.999));
    }

    Proportion proportion() {
        long trials = random.nextLong(1, 1_000_000);
        return Proportion.of(random.nextLong(0, trials + 1), trials);
    }

    Comparison comparison() {
        return Comparison.of(anyDouble(), anyDouble(), random.nextBoolean() ? 0.0 : Math.abs(anyDouble()));
    }

    TwoProportionTest twoProportionTest() {
        long n1 = random.nextLong(1, 5000);
        long n2 = random.nextLong(1, 5000);
        return new TwoProportionTest(random.nextLong(0, n1 + 1), n1, random.nextLong(0, n2 + 1), n2);
    }

    NpsResult nps() {
        if (random.nextBoolean()) {
            long p = random.nextLong(0, 1000);
            long d = random.nextLong(0, 1000);
            return NpsResult.of(p, random.nextLong(p + d == 0 ? 1 : 0, 1000), d);
        }
        WeightedNpsAccumulator weighted = WeightedNpsAccumulator.create();
        int n = random.nextInt(1, 60);
        for (int i = 0; i < n; i++) {
            weighted.add(random.nextInt(0, 11), random.nextDouble(0.01, 5));
        }
        return weighted.result().orElseThrow();
    }

    CesResult ces() {
        CesScale scale = random.nextBoolean() ? CesScale.CES_1_0 : CesScale.CES_2_0;
        CesAccumulator ces = CesAccumulator.create(scale);
        int n = random.nextInt(1, 200);
        for (int i = 0; i < n; i++) {
            ces.add(random.nextInt(scale.min(), scale.max() + 1));
        }
        return ces.result().orElseThrow();
    }

    CsatResult csat() {
        long responses = random.nextLong(1, 100_000);
        return CsatResult.of(random.nextLong(0, responses + 1), responses);
    }

    ContactVolume contactVolume() {
        ZoneId zone = random.nextBoolean() ? ZoneId.of("Europe/Amsterdam") : ZoneId.of("Z");
        ContactVolumeAccumulator volume = ContactVolumeAccumulator.create(zone);
        int n = random.nextInt(1, 300);
        for (int i = 0; i < n; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(1_600_000_000L, 1_800_000_000L));
            String channel = random.nextInt(4) == 0 ? null : List.of("phone", "chat", "e-mail").get(random.nextInt(3));
            String reason = random.nextInt(4) == 0 ? null : "reason " + random.nextInt(6);
            volume.add(time, channel, reason);
        }
        return volume.result().orElseThrow();
    }

    ResolutionTimeResult resolutionTime() {
        // Beyond 4096 times the accumulator sketches: both forms occur.
        int n = random.nextBoolean() ? random.nextInt(1, 200) : random.nextInt(4097, 20_000);
        ResolutionTimeAccumulator times = ResolutionTimeAccumulator.create();
        for (int i = 0; i < n; i++) {
            times.add(Duration.ofMillis(random.nextLong(0, 86_400_000L)));
        }
        return times.result().orElseThrow();
    }

    /** Periods of one kind, some consecutive (with a change and, for NPS and CSAT, a comparison). */
    List<PeriodKey> periods() {
        CalendarPeriod kind = CalendarPeriod.values()[random.nextInt(3)];
        List<PeriodKey> periods = new ArrayList<>();
        PeriodKey period = PeriodKey.of(kind, random.nextInt(1990, 2040), 1);
        int n = random.nextInt(1, 8);
        for (int i = 0; i < n; i++) {
            periods.add(period);
            int skip = random.nextInt(3) == 0 ? 2 : 1;
            for (int s = 0; s < skip; s++) {
                int next = period.number() + 1;
                period = next > kind.perYear() ? PeriodKey.of(kind, period.year() + 1, 1)
                        : PeriodKey.of(kind, period.year(), next);
            }
        }
        return periods;
    }

    Trend<NpsResult> npsTrend() {
        Map<PeriodKey, NpsResult> byPeriod = new TreeMap<>();
        periods().forEach(period -> byPeriod.put(period, nps()));
        return Trend.ofNps(byPeriod);
    }

    Trend<CsatResult> csatTrend() {
        Map<PeriodKey, CsatResult> byPeriod = new TreeMap<>();
        periods().forEach(period -> byPeriod.put(period, csat()));
        return Trend.ofCsat(byPeriod);
    }

    Trend<CesResult> cesTrend() {
        Map<PeriodKey, CesResult> byPeriod = new TreeMap<>();
        periods().forEach(period -> byPeriod.put(period, ces()));
        return Trend.of(byPeriod, CesResult::mean);
    }

    Map<String, NpsResult> npsBySegment() {
        Map<String, NpsResult> bySegment = new TreeMap<>();
        int n = random.nextInt(0, 5);
        for (int i = 0; i < n; i++) {
            bySegment.put("segment " + random.nextInt(10), nps());
        }
        return bySegment;
    }

    Map<PeriodKey, CsatResult> csatByPeriod() {
        Map<PeriodKey, CsatResult> byPeriod = new TreeMap<>();
        periods().forEach(period -> byPeriod.put(period, csat()));
        return byPeriod;
    }

    Funnel funnel(int steps) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            names.add("step " + i);
        }
        Funnel funnel = Funnel.of(names, Duration.ofMinutes(random.nextLong(1, 100_000)))
                .withCounting(Funnel.Counting.values()[random.nextInt(3)])
                .withOrder(Funnel.StepOrder.values()[random.nextInt(2)]);
        return random.nextBoolean() ? funnel : funnel.withExclusions(List.of("cancel", "complaint"));
    }

    FunnelResult funnelResult(Funnel funnel) {
        List<FunnelStep> steps = new ArrayList<>();
        long first = random.nextLong(0, 10_000);
        long previous = first;
        for (int i = 0; i < funnel.steps().size(); i++) {
            long entered = i == 0 ? first : random.nextLong(0, previous + 1);
            boolean last = i == funnel.steps().size() - 1;
            long next = last ? 0 : random.nextLong(0, entered + 1);
            long dropped = last ? 0 : entered - next;
            Map<String, Long> after = new LinkedHashMap<>();
            if (dropped > 0) {
                after.put(FunnelStep.END, dropped);
            }
            boolean timed = next > 0;
            Duration median = Duration.ofMillis(random.nextLong(0, 1_000_000_000L));
            steps.add(new FunnelStep(funnel.steps().get(i), entered, i == 0 ? entered : previous, first, dropped,
                    timed ? java.util.Optional.of(median) : java.util.Optional.empty(),
                    timed ? java.util.Optional.of(median.plusMillis(random.nextLong(0, 1000)))
                            : java.util.Optional.empty(), new TreeMap<>(after)));
            previous = entered;
        }
        return new FunnelResult(funnel, steps, random.nextLong(0, 100));
    }

    FunnelComparison funnelComparison() {
        Funnel funnel = funnel(random.nextInt(2, 6));
        return FunnelComparison.of(funnelResult(funnel), funnelResult(funnel),
                Correction.values()[random.nextInt(Correction.values().length)]);
    }

    BgNbdFit bgNbdFit() {
        return new BgNbdFit(new BgNbd(random.nextDouble(0.01, 5), random.nextDouble(0.01, 50),
                random.nextDouble(0.01, 5), random.nextDouble(0.01, 5)), -random.nextDouble(0, 1e5),
                random.nextLong(2, 1_000_000));
    }

    ShiftedBetaGeometricFit sbgFit() {
        List<Long> survivors = new ArrayList<>();
        long alive = random.nextLong(1, 10_000);
        int periods = random.nextInt(3, 12);
        for (int i = 0; i < periods; i++) {
            survivors.add(alive);
            alive = random.nextLong(0, alive + 1);
        }
        return new ShiftedBetaGeometricFit(new ShiftedBetaGeometric(random.nextDouble(0.01, 5),
                random.nextDouble(0.01, 5)), -random.nextDouble(0, 1e5), survivors);
    }

    SurvivalCurve survivalCurve() {
        SurvivalAccumulator survival = SurvivalAccumulator.create();
        int n = random.nextInt(1, 200);
        for (int i = 0; i < n; i++) {
            survival.add(random.nextLong(0, 40), random.nextBoolean());
        }
        return survival.result().orElseThrow();
    }

    PurchaseHistory purchaseHistory() {
        double age = random.nextDouble(0.5, 100);
        long frequency = random.nextLong(0, 50);
        return new PurchaseHistory(frequency, frequency == 0 ? 0 : random.nextDouble(0, age), age);
    }
}
