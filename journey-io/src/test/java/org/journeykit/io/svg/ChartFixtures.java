package org.journeykit.io.svg;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;

/** Small, hand-countable results for the chart tests; the comments give the numbers the tests expect. */
public final class ChartFixtures {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private ChartFixtures() {}

    /**
     * A three-step funnel: 1,000 visit, 600 view a product, 150 pay. Drop-offs 400 and 450; median times 2 h and
     * 1 d 3 h.
     */
    public static FunnelResult funnel(String first, String second, String third) {
        Funnel funnel = Funnel.of(List.of(first, second, third), Duration.ofDays(7));
        return new FunnelResult(funnel, List.of(
                new FunnelStep(first, 1000, 1000, 1000, 400, Optional.of(Duration.ofHours(2)),
                        Optional.of(Duration.ofHours(3)), new TreeMap<>(Map.of("(end)", 400L))),
                new FunnelStep(second, 600, 1000, 1000, 450, Optional.of(Duration.ofHours(27)),
                        Optional.of(Duration.ofHours(30)), new TreeMap<>(Map.of("(end)", 450L))),
                new FunnelStep(third, 150, 600, 1000, 0, Optional.empty(), Optional.empty(), new TreeMap<>())), 0);
    }

    public static FunnelResult funnel() {
        return funnel("visit-site", "view-product", "pay");
    }

    /** Journeys from step lists, one customer per journey, an hour between steps. */
    public static ActualJourneys journeys(Map<List<String>, Integer> variants) {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.ACTIVITY));
        int customer = 0;
        for (Map.Entry<List<String>, Integer> variant : variants.entrySet()) {
            for (int k = 0; k < variant.getValue(); k++) {
                String id = "c" + customer++;
                Instant t = T0;
                for (String step : variant.getKey()) {
                    builder.add(id, t, step);
                    t = t.plus(Duration.ofHours(1));
                }
            }
        }
        return builder.result();
    }

    /**
     * Shop paths: visit > view > cart > pay 50; visit > view 30; visit > search > view > cart > pay 12;
     * visit > cart > visit > view 5; visit 3. 100 journeys.
     */
    public static Map<List<String>, Integer> shopVariants() {
        Map<List<String>, Integer> v = new LinkedHashMap<>();
        v.put(List.of("visit", "view", "cart", "pay"), 50);
        v.put(List.of("visit", "view"), 30);
        v.put(List.of("visit", "search", "view", "cart", "pay"), 12);
        v.put(List.of("visit", "cart", "visit", "view"), 5);
        v.put(List.of("visit"), 3);
        return v;
    }

    public static PathResult paths() {
        return PathAccumulator.create().add(journeys(shopVariants())).result().orElseThrow();
    }

    /** A directly-follows graph of {@code activities} activities and exactly {@code edges} distinct edges. */
    public static PathResult largeGraph(int activities, int edges, long seed) {
        Random random = new Random(seed);
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.ACTIVITY));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int customer = 0;
        while (seen.size() < edges) {
            int from = random.nextInt(activities);
            int to = random.nextInt(activities);
            if (from == to || !seen.add((long) from * activities + to)) {
                continue;
            }
            String id = "c" + customer++;
            int count = 1 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                String cid = id + "-" + k;
                builder.add(cid, T0, "activity " + from);
                builder.add(cid, T0.plusSeconds(60), "activity " + to);
            }
        }
        return PathAccumulator.create().add(builder.result()).result().orElseThrow();
    }

    /**
     * Monthly cohorts: January 10 customers (all active in January, 6 in February, 3 in March), February 4 (all in
     * February, 2 in March). Unbounded in January: 10, 6, 3.
     */
    public static CohortTable cohorts() {
        CohortRetentionAccumulator acc = CohortRetentionAccumulator.create();
        Instant jan = Instant.parse("2026-01-10T10:00:00Z");
        Instant feb = Instant.parse("2026-02-10T10:00:00Z");
        Instant mar = Instant.parse("2026-03-10T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            acc.add("jan" + i, jan);
            if (i < 6) {
                acc.add("jan" + i, feb);
            }
            if (i < 3) {
                acc.add("jan" + i, mar);
            }
        }
        for (int i = 0; i < 4; i++) {
            acc.add("feb" + i, feb);
            if (i < 2) {
                acc.add("feb" + i, mar);
            }
        }
        return acc.result().orElseThrow();
    }

    /** Answers 0 to 10 with counts 2, 1, 1, 3, 2, 4, 7, 12, 18, 25, 25 (100 answers; NPS 50 - 20 = 30). */
    public static NpsAccumulator npsAnswers() {
        int[] counts = {2, 1, 1, 3, 2, 4, 7, 12, 18, 25, 25};
        NpsAccumulator nps = NpsAccumulator.create();
        for (int score = 0; score <= 10; score++) {
            for (int k = 0; k < counts[score]; k++) {
                nps.add(score);
            }
        }
        return nps;
    }

    /** Channel paths: email > search converts 30 times, search 20, social > email 10 of 25, social 0 of 15. */
    public static ChannelPaths channelPaths() {
        return ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("email", "search"), 30, 3000, 10))
                .add(ChannelPath.of(List.of("search"), 20, 1500, 30))
                .add(ChannelPath.of(List.of("social", "email"), 10, 900, 15))
                .add(ChannelPath.of(List.of("social"), 0, 0, 15))
                .result().orElseThrow();
    }

    public static Map<String, AttributionResult> attribution() {
        ChannelPaths paths = channelPaths();
        Map<String, AttributionResult> byModel = new LinkedHashMap<>();
        byModel.put("last touch", Attribution.lastTouch(paths));
        byModel.put("first touch", Attribution.firstTouch(paths));
        byModel.put("linear", Attribution.linear(paths));
        byModel.put("Markov", MarkovAttribution.of(paths).attribution());
        return byModel;
    }

    public static ConformanceSummary conformance() {
        org.journeykit.model.Journey plan = SeedJourneys.laptopRequest();
        List<String> planned = plan.getTouchpoints().stream().map(org.journeykit.model.Touchpoint::getId).toList();
        Map<List<String>, Integer> variants = new LinkedHashMap<>();
        variants.put(planned, 6);
        variants.put(planned.subList(0, planned.size() - 1), 3);
        java.util.List<String> adHoc = new java.util.ArrayList<>(planned);
        adHoc.add(2, "call-helpdesk");
        variants.put(adHoc, 2);
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.ACTIVITY));
        int customer = 0;
        for (Map.Entry<List<String>, Integer> variant : variants.entrySet()) {
            for (int k = 0; k < variant.getValue(); k++) {
                String id = "c" + customer++;
                Instant t = T0;
                for (String step : variant.getKey()) {
                    builder.add(id, t, step);
                    t = t.plus(Duration.ofHours(1));
                }
            }
        }
        return ConformanceAccumulator.create(ConformanceChecker.of(plan)).add(builder.result()).result()
                .orElseThrow();
    }

    /** NPS per quarter: Q1 200 answers at NPS 10, Q2 200 at NPS 12 (not significant), Q3 400 at NPS 40. */
    public static Trend<NpsResult> npsTrend() {
        Map<PeriodKey, NpsResult> byQuarter = new LinkedHashMap<>();
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1), NpsResult.of(80, 60, 60));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 2), NpsResult.of(82, 60, 58));
        byQuarter.put(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 3), NpsResult.of(220, 120, 60));
        return Trend.ofNps(byQuarter);
    }
}
