package org.journeykit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.examples.data.SampleData;
import org.journeykit.io.JourneyJson;
import org.journeykit.io.html.JourneyReportHtml;
import org.journeykit.io.html.ReportSection;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.svg.JourneyMapSvg;
import org.journeykit.io.svg.ProcessMapSvg;
import org.journeykit.io.svg.RetentionHeatmapSvg;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.io.svg.TrendSvg;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.Dimensions;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.model.Channel;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;

/**
 * The main job that the README's first command runs: it builds realistic journey maps and data from the
 * deterministic sample-data generator (fixed seed, nothing downloaded), runs the metrics and analytics, writes the
 * journey document (JSON), the observed data (JSON Lines), the SVG journey maps, the process map and the HTML report
 * with every section (map, persona, comparison, contact moments, gaps, scores, NPS answers, NPS per quarter, funnel,
 * paths, process map, retention, attribution, conformance) into one folder, and prints a short summary with the
 * path of the report.
 *
 * <p>Usage: {@code Main [output-folder]}; the folder defaults to {@code target/journeykit-example}. The other
 * programs of this package show each capability in detail and run on their own.
 */
public final class Main {

    /** The seed of the sample data. */
    static final long SEED = 2026;

    private Main() {}

    /**
     * Runs the main job.
     *
     * @param args an optional output folder
     * @throws IOException if an output file cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(Path.of(args.length > 0 ? args[0] : "target/journeykit-example"), System.out);
    }

    /**
     * Runs the main job into a folder.
     *
     * @param folder the output folder, created when missing, not null
     * @param out where to report progress and the summary, not null
     * @return the path of the HTML report, not null
     * @throws IOException if an output file cannot be written
     */
    public static Path run(Path folder, PrintStream out) throws IOException {
        long started = System.nanoTime();
        out.println("JourneyKit main example");
        out.println("[1/5] Building journey maps: the laptop request of an IT service desk (current and improved)"
                + " and an online shop's purchase journey");
        JourneyModel model = combine(LaptopRequestExample.model(), SampleData.onlineShop());

        out.println("[2/5] Generating sample data (seed " + SEED + ")");
        List<InteractionEvent> shopEvents = SampleData.shopEvents(40_000, SEED);
        List<SurveyResponse> surveys = SampleData.surveys(12_000, SEED);
        out.printf("      %d shop events, %d survey answers%n", shopEvents.size(), surveys.size());

        out.println("[3/5] Computing metrics and analytics");
        NpsAccumulator nps = NpsAccumulator.create();
        CesAccumulator ces = CesAccumulator.create(CesScale.CES_2_0);
        CsatAccumulator csat = CsatAccumulator.create();
        CustomerServiceExample.addSurveys(surveys, nps, ces, csat);
        NpsResult npsResult = nps.result().orElseThrow();
        CesResult cesResult = ces.result().orElseThrow();
        CsatResult csatResult = csat.result().orElseThrow();
        Map<PeriodKey, NpsResult> byQuarter = surveys.stream().filter(a -> a.getKind() == SurveyKind.NPS)
                .collect(Breakdown.collector(Dimensions.period(CalendarPeriod.QUARTER, ZoneOffset.UTC),
                        NpsAccumulator::create, NpsAccumulator::add));
        Journey shopPlan = model.findJourney("online-purchase").orElseThrow();
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(
                EventMapping.by(EventMapping.Source.TOUCHPOINT).strict(shopPlan), Duration.ofDays(30));
        shopEvents.forEach(builder::add);
        ActualJourneys journeys = builder.result();
        Optional<FunnelResult> funnel = FunnelAccumulator.create(Funnel.of(OnlineShopExample.FUNNEL,
                Duration.ofDays(7))).add(journeys).result();
        Optional<PathResult> paths = PathAccumulator.create().add(journeys).result();
        Optional<ConformanceSummary> conformance = ConformanceAccumulator.create(ConformanceChecker.of(shopPlan))
                .add(journeys).result();
        CohortRetentionAccumulator cohorts = CohortRetentionAccumulator.create(CohortDefinition.MONTHLY_UTC);
        SampleData.purchases(5_000, SEED).forEach(cohorts::add);
        Optional<CohortTable> retention = cohorts.result();
        ChannelPaths marketing = new ChannelPaths(SampleData.marketingPaths(20_000, SEED));
        Map<String, AttributionResult> attribution = new LinkedHashMap<>();
        attribution.put("first touch", Attribution.firstTouch(marketing));
        attribution.put("last touch", Attribution.lastTouch(marketing));
        attribution.put("linear", Attribution.linear(marketing));
        attribution.put("Markov", MarkovAttribution.of(marketing).attribution());
        EmotionCurve current = EmotionCurve.of(model.findJourney("laptop-request").orElseThrow());
        EmotionCurve improved = EmotionCurve.of(model.findJourney("laptop-request-improved").orElseThrow());

        out.println("[4/5] Writing files to " + folder.toAbsolutePath().normalize());
        Files.createDirectories(folder);
        JourneyJson.defaults().write(model, folder.resolve("journey-model.json"));
        try (Writer writer = Files.newBufferedWriter(folder.resolve("shop-events.ndjson"), StandardCharsets.UTF_8)) {
            JsonLines.defaults().writeEvents(shopEvents, writer);
        }
        try (Writer writer = Files.newBufferedWriter(folder.resolve("survey-answers.ndjson"),
                StandardCharsets.UTF_8)) {
            JsonLines.defaults().writeSurveys(surveys, writer);
        }
        SvgOptions withImproved = SvgOptions.builder().comparisonJourneyId("laptop-request-improved").build();
        write(folder.resolve("laptop-request.svg"), JourneyMapSvg.of(withImproved).render(model, "laptop-request"));
        write(folder.resolve("online-purchase.svg"), JourneyMapSvg.withDefaults().render(model, "online-purchase"));
        if (paths.isPresent()) {
            write(folder.resolve("shop-process-map.svg"), ProcessMapSvg.withDefaults().render(paths.get()));
        }
        List<ReportSection> sections = new ArrayList<>(ReportSection.fromModel());
        sections.add(ReportSection.scores(Optional.of(npsResult), Optional.of(cesResult), Optional.of(csatResult)));
        sections.add(ReportSection.npsDistribution(nps));
        sections.add(ReportSection.trend(TrendSvg.ofNps(), Trend.ofNps(byQuarter)));
        sections.add(ReportSection.funnel(funnel));
        sections.add(ReportSection.paths(paths));
        sections.add(ReportSection.processMap(paths));
        sections.add(ReportSection.retention(retention, RetentionHeatmapSvg.Mode.CLASSIC));
        sections.add(ReportSection.attribution(attribution));
        sections.add(ReportSection.conformance(conformance, shopPlan));
        Path report = folder.resolve("report.html");
        try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            JourneyReportHtml.of(withImproved).write(model, "laptop-request", sections, writer);
        }

        out.println("[5/5] Summary");
        out.printf(Locale.ROOT, "      laptop request: peak-end score %.2f, improved journey %.2f%n",
                current.getPeakEndScore().getAsDouble(), improved.getPeakEndScore().getAsDouble());
        out.printf(Locale.ROOT, "      NPS %.1f (95%% adjusted Wald %.1f to %.1f), CES 2.0 %.2f, CSAT %.1f%%%n",
                npsResult.score(), npsResult.adjustedWald(0.95).lower(), npsResult.adjustedWald(0.95).upper(),
                cesResult.mean(), csatResult.percent());
        funnel.ifPresent(f -> out.printf(Locale.ROOT, "      shop funnel: %d visitors, %d paid (%.1f%%)%n",
                f.steps().get(0).entered(), f.converted(), 100.0 * f.converted() / f.steps().get(0).entered()));
        out.printf(Locale.ROOT, "      done in %.1f s; open the report: %s%n",
                (System.nanoTime() - started) / 1e9, report.toAbsolutePath().normalize().toUri());
        return report;
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** One model with the personas, channels (each id once) and journeys of both. */
    private static JourneyModel combine(JourneyModel first, JourneyModel second) {
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (Channel channel : first.getChannels()) {
            channels.putIfAbsent(channel.getId(), channel);
        }
        for (Channel channel : second.getChannels()) {
            channels.putIfAbsent(channel.getId(), channel);
        }
        List<Persona> personas = new ArrayList<>(first.getPersonas());
        personas.addAll(second.getPersonas());
        List<Journey> journeys = new ArrayList<>(first.getJourneys());
        journeys.addAll(second.getJourneys());
        return JourneyModel.builder().title("JourneyKit sample organisation").personas(personas)
                .channels(channels.values()).journeys(journeys).build();
    }
}
