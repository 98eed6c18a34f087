package org.journeykit.metrics.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.lifetime.SurvivalAccumulator;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;

/**
 * Writes the seed inputs of {@link StateFuzzTest}: one small valid state per accumulator, so that regression mode
 * exercises each reader's whole path and a real fuzzing run starts from bytes that pass the header. Run it when a
 * format version changes: {@code java ... StateFuzzSeeds journey-metrics/src/test/resources}.
 */
final class StateFuzzSeeds {

    private StateFuzzSeeds() {}

    /** The seeds, by fuzz test method name. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("nps", NpsAccumulator.create().addAll(new int[] {10, 9, 7, 3, 0}).toBytes());
        WeightedNpsAccumulator weighted = WeightedNpsAccumulator.create();
        weighted.add(10, 1.5).add(6, 0.25).add(8, 2);
        seeds.put("weightedNps", weighted.toBytes());
        seeds.put("ces", CesAccumulator.create(CesScale.CES_2_0).addAll(new int[] {7, 5, 2}).toBytes());
        seeds.put("csat", CsatAccumulator.create().addAll(new int[] {5, 4, 1}).toBytes());
        seeds.put("firstContactResolution", FirstContactResolutionAccumulator.create().add(true).add(false)
                .toBytes());
        seeds.put("handleTime", HandleTimeAccumulator.create().add(Duration.ofSeconds(95)).add(Duration.ofMillis(1))
                .toBytes());
        ResolutionTimeAccumulator sketched = ResolutionTimeAccumulator.create(16);
        for (int i = 0; i < 100; i++) {
            sketched.addMillis(i * 7919L % 1000);
        }
        seeds.put("resolutionTime", sketched.toBytes());
        Instant t = Instant.parse("2026-03-01T09:30:00Z");
        seeds.put("contactVolume", ContactVolumeAccumulator.create(ZoneId.of("Europe/Amsterdam"))
                .add(t, "phone", "billing").add(t.plusSeconds(7200), "chat", "delivery").toBytes());
        seeds.put("repeatPurchase", RepeatPurchaseAccumulator.create().add("c-1").add("c-1").add("c-2").toBytes());
        seeds.put("cohortRetention", CohortRetentionAccumulator.create().add("c-1", t)
                .add("c-1", t.plus(Duration.ofDays(40))).add("c-2", t.plus(Duration.ofDays(3))).toBytes());
        ActualJourneys journeys = journeys(t);
        seeds.put("funnel", FunnelAccumulator.create(Funnel.of(List.of("visit", "cart", "pay"), Duration.ofDays(7)))
                .add(journeys).toBytes());
        seeds.put("paths", PathAccumulator.create().add(journeys).toBytes());
        Journey plan = Journey.builder().id("shop").name("Shop").addPhases(Phase.PURCHASE)
                .addTouchpoints(Touchpoint.of("visit", "Visit", "purchase"), Touchpoint.of("cart", "Cart", "purchase"),
                        Touchpoint.of("pay", "Pay", "purchase"))
                .build();
        seeds.put("conformance", ConformanceAccumulator.create(ConformanceChecker.of(plan)).add(journeys).toBytes());
        seeds.put("channelPaths", ChannelPathAccumulator.create()
                .add(ChannelPath.of(List.of("ads", "mail"), 1, 50.0, 0))
                .add(ChannelPath.of(List.of("search"), 0, 0.0, 3)).toBytes());
        seeds.put("survival", SurvivalAccumulator.create().add(6, true).add(9, false).add(13, true).toBytes());
        Breakdown<String, NpsAccumulator, ?> byChannel = Breakdown.create(NpsAccumulator::create);
        byChannel.accumulatorFor("phone").add(9);
        byChannel.accumulatorFor("chat").add(2);
        seeds.put("breakdown", byChannel.toBytes());
        return seeds;
    }

    private static ActualJourneys journeys(Instant t) {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        builder.add(InteractionEvent.of("c-1", t, "visit"));
        builder.add(InteractionEvent.of("c-1", t.plusSeconds(60), "cart"));
        builder.add(InteractionEvent.of("c-1", t.plusSeconds(300), "pay"));
        builder.add(InteractionEvent.of("c-2", t.plusSeconds(30), "visit"));
        builder.add(InteractionEvent.of("c-2", t.plusSeconds(90), "cart"));
        return builder.result();
    }

    /**
     * Writes every seed under {@code <resources>/org/journeykit/metrics/fuzz/StateFuzzTestInputs/<method>/seed}.
     *
     * @param args the test resources directory
     */
    public static void main(String[] args) {
        Path base = Path.of(args[0], "org", "journeykit", "metrics", "fuzz", "StateFuzzTestInputs");
        seeds().forEach((method, bytes) -> {
            try {
                Path directory = Files.createDirectories(base.resolve(method));
                Files.write(directory.resolve("valid-state"), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
