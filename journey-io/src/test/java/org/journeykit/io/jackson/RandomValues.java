package org.journeykit.io.jackson;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.SegmentComparison;
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
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.journeys.attribution.TransitionMatrix;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;
import org.journeykit.metrics.retention.Cohort;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.Granularity;
import org.journeykit.metrics.retention.PeriodRetention;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;

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

    private Correction anyCorrection() {
        return Correction.values()[random.nextInt(Correction.values().length)];
    }

    /** An NPS trend with a correction (NONE included, which equals the uncorrected trend). */
    Trend<NpsResult> correctedNpsTrend() {
        return npsTrend().withCorrection(anyCorrection());
    }

    /** A CSAT trend with a correction. */
    Trend<CsatResult> correctedCsatTrend() {
        return csatTrend().withCorrection(anyCorrection());
    }

    /** A CES trend with a correction: it has no comparisons, so only the correction is written. */
    Trend<CesResult> correctedCesTrend() {
        return cesTrend().withCorrection(anyCorrection());
    }

    /** NPS by segment name compared with one of them, some segments small enough to have no p-value. */
    SegmentComparison<String> npsSegmentComparison() {
        Map<String, NpsResult> bySegment = new TreeMap<>();
        int n = random.nextInt(1, 8);
        for (int i = 0; i < n; i++) {
            bySegment.put("agent " + random.nextInt(20),
                    random.nextInt(5) == 0 ? NpsResult.of(random.nextLong(1, 3), 0, 0) : nps());
        }
        List<String> segments = new ArrayList<>(bySegment.keySet());
        return SegmentComparison.ofNps(bySegment, segments.get(random.nextInt(segments.size())), anyCorrection());
    }

    /** CSAT by period compared with one period: keys that are not strings. */
    SegmentComparison<PeriodKey> csatSegmentComparison() {
        Map<PeriodKey, CsatResult> byPeriod = csatByPeriod();
        List<PeriodKey> periods = new ArrayList<>(byPeriod.keySet());
        return SegmentComparison.ofCsat(byPeriod, periods.get(random.nextInt(periods.size())), anyCorrection());
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
    // Retention.

    CohortTable cohortTable() {
        Granularity granularity = Granularity.values()[random.nextInt(3)];
        ZoneId zone = random.nextBoolean() ? ZoneId.of("Europe/Amsterdam") : ZoneOffset.UTC;
        CohortRetentionAccumulator cohorts = CohortRetentionAccumulator.create(new CohortDefinition(granularity, zone));
        int customers = random.nextInt(1, 40);
        long from = 1_760_000_000L;
        for (int c = 0; c < customers; c++) {
            int events = random.nextInt(1, 6);
            for (int e = 0; e < events; e++) {
                cohorts.add("c" + c, Instant.ofEpochSecond(from + random.nextLong(0, 120L * 86_400)));
            }
        }
        if (random.nextInt(4) == 0) {
            // A customer far from the rest: a sparse table.
            cohorts.add("far", Instant.parse("1999-06-15T12:00:00Z"));
        }
        return cohorts.result().orElseThrow();
    }

    Cohort cohort() {
        List<Cohort> cohorts = cohortTable().cohorts();
        return cohorts.get(random.nextInt(cohorts.size()));
    }

    PeriodRetention periodRetention() {
        long start = random.nextInt(5) == 0 ? 0 : random.nextLong(1, 100_000);
        long kept = random.nextLong(0, start + 1);
        long acquired = random.nextLong(0, 10_000);
        return PeriodRetention.of(start, kept + acquired, acquired);
    }

    RepeatPurchaseAccumulator.Rate repeatPurchaseRate() {
        RepeatPurchaseAccumulator purchases = RepeatPurchaseAccumulator.create();
        int n = random.nextInt(1, 200);
        for (int i = 0; i < n; i++) {
            purchases.add("customer " + random.nextInt(60));
        }
        return purchases.result().orElseThrow();
    }

    // Journeys: paths, conformance, attribution.

    private static final List<String> STEPS = List.of("home", "search", "product", "cart", "pay", "help");

    /** A plan over the first four steps, with expected durations on some. */
    Journey plan() {
        Journey.Builder plan = Journey.builder().id("shop").name("Buy online").addPhases(Phase.PURCHASE);
        for (String step : STEPS.subList(0, 4)) {
            Touchpoint.Builder touchpoint = Touchpoint.builder().id(step).name(step).phaseId(Phase.PURCHASE.getId());
            if (random.nextBoolean()) {
                touchpoint.expectedDuration(Duration.ofSeconds(random.nextLong(1, 600)));
            }
            plan.addTouchpoints(touchpoint.build());
        }
        return plan.build();
    }

    ActualJourneys journeys() {
        ActualJourneyBuilder journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        int customers = random.nextInt(1, 30);
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        for (int c = 0; c < customers; c++) {
            int events = random.nextInt(1, 8);
            Instant time = start.plusSeconds(random.nextLong(0, 86_400));
            for (int e = 0; e < events; e++) {
                time = time.plusSeconds(random.nextLong(1, 900));
                InteractionEvent.Builder event = InteractionEvent.builder().customerId("c" + c).time(time)
                        .touchpointId(STEPS.get(random.nextInt(STEPS.size())));
                if (random.nextBoolean()) {
                    event.duration(Duration.ofSeconds(random.nextLong(0, 900)));
                }
                if (random.nextInt(3) == 0) {
                    event.outcome(Outcome.values()[random.nextInt(Outcome.values().length)]);
                }
                journeys.add(event.build());
            }
        }
        return journeys.result();
    }

    PathResult pathResult() {
        return PathAccumulator.create().add(journeys()).result().orElseThrow();
    }

    Variant variant() {
        List<Variant> variants = pathResult().variants();
        return variants.get(random.nextInt(variants.size()));
    }

    Edge edge() {
        return new Edge(STEPS.get(random.nextInt(6)), STEPS.get(random.nextInt(6)), random.nextLong(1, 1000),
                Duration.ofMillis(random.nextLong(0, 1_000_000_000L)));
    }

    ConformanceChecker checker() {
        return ConformanceChecker.of(plan(), random.nextBoolean() ? 0.0 : random.nextDouble(0, 2));
    }

    ConformanceSummary conformanceSummary() {
        return ConformanceAccumulator.create(checker()).add(journeys()).result().orElseThrow();
    }

    JourneyConformance journeyConformance() {
        ActualJourneys journeys = journeys();
        return checker().check(journeys, random.nextInt(journeys.size()));
    }

    ChannelPaths channelPaths() {
        ChannelPathAccumulator paths = ChannelPathAccumulator.create();
        int n = random.nextInt(1, 12);
        List<String> channels = List.of("ads", "mail", "seo", "social", "shop");
        boolean aged = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            List<String> path = new ArrayList<>();
            List<Duration> ages = new ArrayList<>();
            int length = random.nextInt(1, 5);
            for (int k = 0; k < length; k++) {
                path.add(channels.get(random.nextInt(channels.size())));
                ages.add(Duration.ofMinutes(random.nextLong(0, 100_000)));
            }
            long conversions = i == 0 ? random.nextLong(1, 20) : random.nextLong(0, 20);
            double value = conversions * random.nextInt(1, 200) / 4.0;
            paths.add(aged ? ChannelPath.of(path, conversions, value, 0, ages)
                    : ChannelPath.of(path, conversions, value, random.nextLong(0, 20)));
        }
        return paths.result().orElseThrow();
    }

    ChannelPath channelPath() {
        List<ChannelPath> paths = channelPaths().paths();
        return paths.get(random.nextInt(paths.size()));
    }

    AttributionResult attributionResult() {
        ChannelPaths paths = channelPaths();
        switch (random.nextInt(4)) {
            case 0:
                return Attribution.firstTouch(paths);
            case 1:
                return Attribution.lastTouch(paths);
            case 2:
                return Attribution.linear(paths);
            default:
                return Attribution.positionBased(paths);
        }
    }

    MarkovAttribution markov() {
        return MarkovAttribution.of(channelPaths());
    }

    TransitionMatrix transitionMatrix() {
        return markov().transitionMatrix();
    }

    HigherOrderMarkovAttribution higherOrderMarkov() {
        return HigherOrderMarkovAttribution.of(channelPaths(), random.nextInt(1, 5));
    }

    ShapleyAttribution shapley() {
        return ShapleyAttribution.of(channelPaths(),
                ShapleyAttribution.CoalitionValue.values()[random.nextInt(2)]);
    }

    // Observed data on its own.

    SurveyResponse surveyResponse() {
        SurveyKind kind = SurveyKind.values()[random.nextInt(SurveyKind.values().length)];
        // NPS is asked 0-10, CES 1-5 or 1-7; the others on any scale.
        SurveyScale scale = kind == SurveyKind.NPS ? SurveyScale.ZERO_TO_TEN
                : List.of(SurveyScale.ONE_TO_FIVE, SurveyScale.ONE_TO_SEVEN, SurveyScale.ONE_TO_TEN)
                        .get(random.nextInt(kind == SurveyKind.CES ? 2 : 3));
        SurveyResponse.Builder response = SurveyResponse.builder().kind(kind).scale(scale)
                .score(random.nextInt(scale.getMin(), scale.getMax() + 1))
                .time(Instant.ofEpochSecond(random.nextLong(1_600_000_000L, 1_800_000_000L),
                        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
        if (random.nextBoolean()) {
            response.respondentId("r" + random.nextInt(1000));
        }
        if (random.nextBoolean()) {
            response.journeyId("shop").touchpointId(STEPS.get(random.nextInt(STEPS.size())));
        }
        if (random.nextBoolean()) {
            response.channelId("chat").agentId("agent-" + random.nextInt(9)).segment("segment-" + random.nextInt(3));
        }
        if (random.nextBoolean()) {
            response.comment(random.nextBoolean() ? "Snel geholpen, \"top\"!" : "Wachttijd te lang \u2639");
        }
        return response.build();
    }

    InteractionEvent interactionEvent() {
        InteractionEvent.Builder event = InteractionEvent.builder().customerId("customer " + random.nextInt(1000))
                .time(Instant.ofEpochSecond(random.nextLong(1_600_000_000L, 1_800_000_000L),
                        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
        // A touchpoint, an activity or both.
        int what = random.nextInt(3);
        if (what != 1) {
            event.touchpointId(STEPS.get(random.nextInt(STEPS.size())));
        }
        if (what != 0) {
            event.activity("opened page " + random.nextInt(50));
        }
        if (random.nextBoolean()) {
            event.channelId("web").phaseId("purchase").agentId("bot");
        }
        if (random.nextBoolean()) {
            event.outcome(Outcome.values()[random.nextInt(Outcome.values().length)]);
        }
        if (random.nextBoolean()) {
            event.duration(Duration.ofMillis(random.nextLong(0, 10_000_000L)));
        }
        int attributes = random.nextInt(3);
        for (int i = 0; i < attributes; i++) {
            event.putAttribute("key" + i, "value " + random.nextInt(100));
        }
        return event.build();
    }
}
