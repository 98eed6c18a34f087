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
import java.util.stream.Collectors;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.examples.data.SampleData;
import org.journeykit.io.JourneyJson;
import org.journeykit.io.html.FunnelStep;
import org.journeykit.io.html.JourneyReportHtml;
import org.journeykit.io.html.MetricResults;
import org.journeykit.io.html.ScoreSummary;
import org.journeykit.io.html.TrendPoint;
import org.journeykit.io.html.TrendSeries;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.svg.JourneyMapSvg;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.Dimensions;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.stats.Interval;
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
 * journey document (JSON), the observed data (JSON Lines), the SVG journey maps and the HTML report into one
 * folder, and prints a short summary with the path of the report.
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
        ActualJourneyBuilder journeys = ActualJourneyBuilder.create(
                EventMapping.by(EventMapping.Source.TOUCHPOINT).strict(shopPlan), Duration.ofDays(30));
        shopEvents.forEach(journeys::add);
        FunnelResult funnel = FunnelAccumulator.create(Funnel.of(OnlineShopExample.FUNNEL, Duration.ofDays(7)))
                .add(journeys.result()).result().orElseThrow();
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
        MetricResults metrics = MetricResults.of(
                List.of(score("NPS", npsResult.adjustedWald(0.95), npsResult.score(), npsResult.responses()),
                        score("CES 2.0 (mean, 1-7)", cesResult.meanInterval(0.95).orElseThrow(), cesResult.mean(),
                                cesResult.responses()),
                        score("CSAT (% satisfied)", scaled(csatResult.wilson(0.95), 100), csatResult.percent(),
                                csatResult.responses())),
                List.of(TrendSeries.of("NPS per quarter", Trend.ofNps(byQuarter).points().stream()
                        .map(point -> {
                            Interval interval = point.result().wald(0.95);
                            return TrendPoint.of(point.period().toString(), point.value(), interval.lower(),
                                    interval.upper());
                        }).collect(Collectors.toList()))),
                funnel.steps().stream().map(step -> FunnelStep.of(step.step(), step.entered(),
                        step.entered() - step.droppedOff())).collect(Collectors.toList()));
        Path report = folder.resolve("report.html");
        try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            JourneyReportHtml.of(withImproved).write(model, "laptop-request", metrics, writer);
        }

        out.println("[5/5] Summary");
        out.printf(Locale.ROOT, "      laptop request: peak-end score %.2f, improved journey %.2f%n",
                current.getPeakEndScore().getAsDouble(), improved.getPeakEndScore().getAsDouble());
        out.printf(Locale.ROOT, "      NPS %.1f (95%% adjusted Wald %.1f to %.1f), CES 2.0 %.2f, CSAT %.1f%%%n",
                npsResult.score(), npsResult.adjustedWald(0.95).lower(), npsResult.adjustedWald(0.95).upper(),
                cesResult.mean(), csatResult.percent());
        var first = funnel.steps().get(0);
        var last = funnel.steps().get(funnel.steps().size() - 1);
        out.printf(Locale.ROOT, "      shop funnel: %d visitors, %d paid (%.1f%%)%n", first.entered(),
                last.entered(), 100.0 * last.entered() / first.entered());
        out.printf(Locale.ROOT, "      done in %.1f s; open the report: %s%n",
                (System.nanoTime() - started) / 1e9, report.toAbsolutePath().normalize().toUri());
        return report;
    }

    private static ScoreSummary score(String name, Interval interval, double value, long responses) {
        return ScoreSummary.of(name, value, interval.lower(), interval.upper(), interval.level(), responses);
    }

    private static Interval scaled(Interval interval, double factor) {
        return Interval.of(interval.estimate() * factor, interval.lower() * factor, interval.upper() * factor,
                interval.level());
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
