package org.journeykit.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.TouchpointDeviations;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;
import org.journeykit.model.Journey;
import org.journeykit.observed.InteractionEvent;

/**
 * An online shop: the planned purchase journey against what customers really did. Interaction events become
 * actual journeys; the funnel from the site visit to payment shows the cart abandonment and what customers who
 * dropped off did next; the variants and the directly-follows graph show the paths; conformance shows where the
 * real journey leaves the map; and channel attribution credits the conversions to marketing channels, by the
 * usual rules and by the Markov chain's removal effects.
 */
public final class OnlineShopExample {

    /** The funnel's steps, from the site visit to the payment. */
    static final List<String> FUNNEL = List.of("visit-site", "view-product", "add-to-cart", "checkout", "pay");

    private OnlineShopExample() {}

    /**
     * Prints the shop analysis of the built-in sample data.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(SampleData.shopEvents(50_000, 5), SampleData.marketingPaths(20_000, 5), System.out);
    }

    /**
     * Prints the shop analysis.
     *
     * @param events the shop's interaction events, not null
     * @param marketing aggregated marketing paths, not null
     * @param out where to print, not null
     */
    public static void print(List<InteractionEvent> events, List<ChannelPath> marketing, PrintStream out) {
        Journey plan = SampleData.onlineShop().findJourney("online-purchase").orElseThrow();
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(
                EventMapping.by(EventMapping.Source.TOUCHPOINT).strict(plan), Duration.ofDays(30));
        events.forEach(builder::add);
        ActualJourneys journeys = builder.result();

        FunnelResult funnel = FunnelAccumulator.create(Funnel.of(FUNNEL, Duration.ofDays(7))).add(journeys).result()
                .orElseThrow();
        out.printf("Funnel, unique customers, 7-day window from the site visit:%n");
        for (FunnelStep step : funnel.steps()) {
            out.printf(Locale.ROOT, "  %-13s %7d  %5.1f%% of previous  %5.1f%% of start  dropped %6d%s%n",
                    step.step(), step.entered(), 100 * step.conversionFromPrevious().orElse(0),
                    100 * step.conversionFromStart().orElse(0), step.droppedOff(), step.medianTimeToNext()
                            .map(d -> String.format(Locale.ROOT, "  median %d min to next", d.toMinutes()))
                            .orElse(""));
        }
        FunnelStep cart = funnel.steps().get(FUNNEL.indexOf("add-to-cart"));
        FunnelStep paid = funnel.steps().get(FUNNEL.indexOf("pay"));
        out.printf(Locale.ROOT, "  cart abandonment: %.1f%% of the customers with a cart did not pay%n",
                100.0 * (cart.entered() - paid.entered()) / cart.entered());
        FunnelStep checkout = funnel.steps().get(FUNNEL.indexOf("checkout"));
        out.printf("  after dropping off at checkout they did: %s%n", new TreeMap<>(checkout.nextAfterDropOff()));

        PathResult paths = PathAccumulator.create().add(journeys).result().orElseThrow();
        out.printf("%nPaths: %d journeys, %d variants; the most frequent:%n", paths.journeyCount(),
                paths.variants().size());
        for (Variant variant : paths.variants().subList(0, Math.min(4, paths.variants().size()))) {
            out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100 * variant.share(), String.join(" > ", variant.steps()));
        }
        out.printf("  directly-follows graph, busiest edges:%n");
        paths.edges().stream().sorted((a, b) -> Long.compare(b.count(), a.count())).limit(4).forEach(edge ->
                out.printf("    %s -> %s: %d, mean %d s%n", edge.from(), edge.to(), edge.count(),
                        edge.meanTime().toSeconds()));

        ConformanceSummary conformance = ConformanceAccumulator.create(ConformanceChecker.of(plan)).add(journeys)
                .result().orElseThrow();
        out.printf(Locale.ROOT, "%nConformance to the planned journey: content %.2f, sequence %.2f, timing %s%n",
                conformance.meanContentScore(), conformance.meanSequenceScore(), conformance.meanTimingScore()
                        .isPresent() ? String.format(Locale.ROOT, "%.2f", conformance.meanTimingScore().getAsDouble())
                        : "-");
        for (TouchpointDeviations deviations : conformance.touchpoints()) {
            out.printf("  %-18s completed %6d  failing %5d  missing %6d  out of order %5d  late %5d%n",
                    deviations.touchpointId(), deviations.completed(), deviations.failing(), deviations.missing(),
                    deviations.outOfOrder(), deviations.late());
        }
        if (!conformance.adHocCounts().isEmpty()) {
            out.printf("  ad-hoc (unplanned) steps: %s%n", new TreeMap<>(conformance.adHocCounts()));
        }

        out.printf("%nChannel attribution of %d conversions:%n",
                marketing.stream().mapToLong(ChannelPath::conversions).sum());
        ChannelPaths channelPaths = new ChannelPaths(marketing);
        Map<String, AttributionResult> rules = new java.util.LinkedHashMap<>();
        rules.put("first touch", Attribution.firstTouch(channelPaths));
        rules.put("last touch", Attribution.lastTouch(channelPaths));
        rules.put("linear", Attribution.linear(channelPaths));
        rules.put("position 40/20/40", Attribution.positionBased(channelPaths));
        MarkovAttribution markov = MarkovAttribution.of(channelPaths);
        rules.put("Markov removal", markov.attribution());
        List<String> channels = new TreeMap<>(markov.removalEffects()).keySet().stream()
                .collect(Collectors.toList());
        out.printf("  %-18s%s%n", "", channels.stream().map(c -> String.format("%9s", c))
                .collect(Collectors.joining()));
        rules.forEach((rule, result) -> out.printf("  %-18s%s%n", rule, channels.stream()
                .map(c -> String.format(Locale.ROOT, "%9.1f", result.conversionsOf(c)))
                .collect(Collectors.joining())));
        out.printf(Locale.ROOT, "  Markov: P(conversion) %.4f; removal effects %s%n", markov.conversionProbability(),
                channels.stream().map(c -> String.format(Locale.ROOT, "%s %.3f", c, markov.removalEffects().get(c)))
                        .collect(Collectors.joining(", ")));
    }
}
