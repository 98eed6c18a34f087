package org.journeykit.examples;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.breakdown.CalendarPeriod;
import org.journeykit.metrics.breakdown.Dimensions;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;

/**
 * A customer-service department (seed article 004) measured from its contact-centre data and surveys: contact
 * reasons, volume by hour and weekday, channel preference, resolution and handle time, first-contact resolution,
 * NPS, CES and CSAT with confidence intervals, feedback per agent, and this half-year against the last with its
 * significance.
 *
 * <p>Every metric is a mergeable accumulator: the same code runs on one thread here and as the state of a Spark,
 * Flink or Beam aggregation.
 */
public final class CustomerServiceExample {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    private CustomerServiceExample() {}

    /**
     * Prints the department's metrics for the built-in sample data.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(SampleData.serviceContacts(20_000, 4), SampleData.surveys(9_000, 4), System.out);
    }

    /**
     * Prints the metrics of the given contacts and survey answers.
     *
     * @param contacts contact-centre events with reason, agent, handle time and outcome, not null
     * @param surveys survey answers attributed to agents, not null
     * @param out where to print, not null
     */
    public static void print(List<InteractionEvent> contacts, List<SurveyResponse> surveys, PrintStream out) {
        ContactVolumeAccumulator volumeAccumulator = ContactVolumeAccumulator.create(ZONE);
        HandleTimeAccumulator handleTime = HandleTimeAccumulator.create();
        ResolutionTimeAccumulator resolutionTime = ResolutionTimeAccumulator.create();
        FirstContactResolutionAccumulator firstContact = FirstContactResolutionAccumulator.create();
        for (InteractionEvent contact : contacts) {
            volumeAccumulator.add(contact);
            handleTime.add(contact);
            resolutionTime.add(Duration.ofMinutes(Long.parseLong(contact.getAttributes().get("resolutionMinutes"))));
            firstContact.add(contact.getOutcome().filter(Outcome.COMPLETED::equals).isPresent());
        }
        ContactVolume volume = volumeAccumulator.result().orElseThrow();
        out.printf("Contacts: %d%n", volume.total());
        out.printf("  top reasons: %s%n", volume.topReasons(3).stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        int busiest = 0;
        for (int hour = 0; hour < 24; hour++) {
            busiest = volume.byHour(hour) > volume.byHour(busiest) ? hour : busiest;
        }
        out.printf("  busiest hour: %02d:00-%02d:00 (%d contacts); Monday %d, Saturday %d%n", busiest, busiest + 1,
                volume.byHour(busiest), volume.byWeekday(DayOfWeek.MONDAY), volume.byWeekday(DayOfWeek.SATURDAY));
        out.printf("  channel preference: %s%n", new TreeMap<>(volume.byChannel()).keySet().stream()
                .map(channel -> String.format(Locale.ROOT, "%s %.1f%%", channel, 100 * volume.channelShare(channel)))
                .collect(Collectors.joining(", ")));
        ResolutionTimeResult resolution = resolutionTime.result().orElseThrow();
        out.printf("  resolution time: median %s, 90th percentile %s, mean %s (%s)%n", hours(resolution.median()),
                hours(resolution.percentile(0.9)), hours(resolution.mean()),
                resolution.isExact() ? "exact" : String.format(Locale.ROOT, "KLL sketch, rank error %.2f%%",
                        100 * resolution.rankError()));
        Duration aht = handleTime.result().orElseThrow();
        out.printf("  average handle time: %d min %02d s%n", aht.toMinutes(), aht.toSecondsPart());
        Proportion fcr = firstContact.result().orElseThrow();
        Interval fcrInterval = fcr.wilson(0.95);
        out.printf(Locale.ROOT, "  first-contact resolution: %.1f%% (95%% Wilson %.1f%%-%.1f%%)%n", 100 * fcr.share(),
                100 * fcrInterval.lower(), 100 * fcrInterval.upper());

        NpsAccumulator nps = NpsAccumulator.create();
        CesAccumulator ces = CesAccumulator.create(CesScale.CES_2_0);
        CsatAccumulator csat = CsatAccumulator.create();
        addSurveys(surveys, nps, ces, csat);
        NpsResult npsResult = nps.result().orElseThrow();
        Interval adjusted = npsResult.adjustedWald(0.95);
        out.printf(Locale.ROOT, "%nNPS %.1f (95%% Wald %.1f to %.1f; adjusted Wald %.1f to %.1f), n = %d%n",
                npsResult.score(), npsResult.wald(0.95).lower(), npsResult.wald(0.95).upper(), adjusted.lower(),
                adjusted.upper(), npsResult.responses());
        CesResult cesResult = ces.result().orElseThrow();
        Interval cesMean = cesResult.meanInterval(0.95).orElseThrow();
        out.printf(Locale.ROOT, "CES 2.0 mean %.2f (95%% %.2f-%.2f), easy %.1f%%, net ease %.1f%n",
                cesResult.mean(), cesMean.lower(), cesMean.upper(), 100 * cesResult.shareEasy(),
                100 * cesResult.netEase());
        CsatResult csatResult = csat.result().orElseThrow();
        Interval csatInterval = csatResult.wilson(0.95);
        out.printf(Locale.ROOT, "CSAT %.1f%% satisfied (top-2-box, 95%% Wilson %.1f%%-%.1f%%)%n",
                csatResult.percent(), 100 * csatInterval.lower(), 100 * csatInterval.upper());

        List<SurveyResponse> npsAnswers = surveys.stream().filter(a -> a.getKind() == SurveyKind.NPS)
                .collect(Collectors.toList());
        Map<String, NpsResult> byAgent = npsAnswers.stream()
                .collect(Breakdown.collector(Dimensions.agent(), NpsAccumulator::create, NpsAccumulator::add));
        out.printf("%nNPS per agent (feedback attributed to the employee who handled the contact):%n");
        new TreeMap<>(byAgent).forEach((agent, result) -> out.printf(Locale.ROOT,
                "  %-12s %6.1f +/- %4.1f (n = %d)%n", agent, result.score(), result.marginOfError(0.95),
                result.responses()));

        Map<PeriodKey, NpsResult> byHalfYear = npsAnswers.stream().collect(Breakdown.collector(
                Dimensions.period(CalendarPeriod.HALF_YEAR, ZONE), NpsAccumulator::create, NpsAccumulator::add));
        out.printf("%nNPS per half-year, with the change against the previous one:%n");
        for (Trend.Point<NpsResult> point : Trend.ofNps(byHalfYear).points()) {
            out.printf(Locale.ROOT, "  %s  %6.1f%s%n", point.period(), point.value(), point.comparison()
                    .map(c -> String.format(Locale.ROOT, "  change %+.1f, %s: %s", c.difference(),
                            c.z().isPresent() ? String.format(Locale.ROOT, "z = %.2f, p = %.4f", c.z().getAsDouble(),
                                    c.pValue().getAsDouble()) : "z and p undefined (no spread)",
                            c.isSignificant(0.95) ? "significant at 95%" : "not significant"))
                    .orElse(""));
        }
    }

    /** Adds each answer to the accumulator of its question; other questions are passed over. */
    static void addSurveys(List<SurveyResponse> surveys, NpsAccumulator nps, CesAccumulator ces, CsatAccumulator csat) {
        for (SurveyResponse answer : surveys) {
            switch (answer.getKind()) {
                case NPS -> nps.add(answer);
                case CES -> ces.add(answer);
                case CSAT -> csat.add(answer);
                default -> { }
            }
        }
    }

    private static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f h", duration.toMinutes() / 60.0);
    }
}
