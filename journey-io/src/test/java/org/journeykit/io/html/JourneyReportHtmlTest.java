package org.journeykit.io.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.io.svg.ChartFixtures;
import org.journeykit.io.svg.Fixtures;
import org.journeykit.io.svg.PictureException;
import org.journeykit.io.svg.RetentionHeatmapSvg;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.io.svg.TrendSvg;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;

class JourneyReportHtmlTest {

    /** Every section, with results of the chart fixtures (numbers worked out in {@link ChartFixtures}). */
    static List<ReportSection> everySection() {
        List<ReportSection> sections = new ArrayList<>(ReportSection.fromModel());
        // NPS of the 100 fixture answers: 50 promoters, 30 passives, 20 detractors = 30.
        NpsAccumulator answers = ChartFixtures.npsAnswers();
        // CES 2.0 on 1 to 7: 10 answers of 5 and 10 of 6, mean 5.5.
        long[] ces = new long[7];
        ces[4] = 10;
        ces[5] = 10;
        sections.add(ReportSection.scores(answers.result(), Optional.of(CesResult.of(CesScale.CES_2_0, ces)),
                Optional.of(CsatResult.of(290, 400))));
        sections.add(ReportSection.npsDistribution(answers));
        sections.add(ReportSection.trend(TrendSvg.ofNps(), ChartFixtures.npsTrend()));
        sections.add(ReportSection.funnel(Optional.of(ChartFixtures.funnel())));
        sections.add(ReportSection.paths(Optional.of(ChartFixtures.paths())));
        sections.add(ReportSection.processMap(Optional.of(ChartFixtures.paths())));
        sections.add(ReportSection.retention(Optional.of(ChartFixtures.cohorts()), RetentionHeatmapSvg.Mode.CLASSIC));
        sections.add(ReportSection.attribution(ChartFixtures.attribution()));
        sections.add(ReportSection.conformance(Optional.of(ChartFixtures.conformance()), SeedJourneys.laptopRequest()));
        return sections;
    }

    private static final JourneyReportHtml WITH_IMPROVED = JourneyReportHtml.of(SvgOptions.builder()
            .comparisonJourneyId("laptop-request-improved").build());

    @Test
    void reportHoldsEverySectionInTheOrderChosen() {
        String html = WITH_IMPROVED.render(SeedJourneys.model(), "laptop-request", everySection());
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<section class=\"persona\"", "Sanne, project manager")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "class=\"journey-map\"")
                .contains("<section class=\"contact-moments\"", "Top moment", "Customer moment")
                .contains("<section class=\"gaps\"", "Service desk \u2192 Management")
                .contains("class=\"funnel-chart\"", "class=\"path-flow\"", "class=\"process-map\"",
                        "class=\"retention-chart\"", "class=\"nps-chart\"", "class=\"attribution-chart\"",
                        "class=\"conformance-chart\"", "class=\"trend-chart\"")
                .contains("@page{size:A4 landscape");
        List<String> order = List.of("id=\"s1-journey-map\"", "id=\"s2-persona\"", "id=\"s3-comparison\"",
                "id=\"s4-contact-moments\"", "id=\"s5-gaps\"", "id=\"s6-scores\"", "id=\"s7-nps-distribution\"",
                "id=\"s8-trend\"", "id=\"s9-funnel\"", "id=\"s10-paths\"", "id=\"s11-process-map\"",
                "id=\"s12-retention\"", "id=\"s13-attribution\"", "id=\"s14-conformance\"");
        int at = -1;
        for (String id : order) {
            int next = html.indexOf(id);
            assertThat(next).as(id).isGreaterThan(at);
            at = next;
        }
        // The worklist puts the most urgent strategy first: search-portal is a CUSTOMER moment rated
        // INSUFFICIENT (REPAIR), the superfluous ones are PREVENT.
        assertThat(html.indexOf(">repair<")).isLessThan(html.indexOf(">prevent<"));
    }

    @Test
    void sectionsComeInTheCallersOrder() {
        String html = JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "laptop-request",
                List.of(ReportSection.funnel(Optional.of(ChartFixtures.funnel())), ReportSection.journeyMap()));
        assertThat(html.indexOf("id=\"s1-funnel\"")).isLessThan(html.indexOf("id=\"s2-journey-map\""));
        assertThat(html).doesNotContain("<section class=\"persona\"");
    }

    @Test
    void scoresAreStatedWithTheirIntervals() {
        String html = JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "laptop-request",
                everySection());
        NpsResult nps = ChartFixtures.npsAnswers().result().orElseThrow();
        assertThat(nps.score()).isEqualTo(30.0);
        // NPS 30.0; CES mean (10 x 5 + 10 x 6) / 20 = 5.50; CSAT 290 / 400 = 72.5 %.
        assertThat(html).contains(">30.0<", ">5.50<", ">72.5<", ">100<", ">20<", ">400<")
                .contains(String.format(java.util.Locale.ROOT, "%.1f to %.1f", nps.adjustedWald(0.95).lower(),
                        nps.adjustedWald(0.95).upper()));
    }

    @Test
    void sectionsWithoutDataSaySo() {
        String html = JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "laptop-request", List.of(
                ReportSection.scores(Optional.empty(), Optional.empty(), Optional.empty()),
                ReportSection.npsDistribution(NpsAccumulator.create()),
                ReportSection.funnel(Optional.empty()), ReportSection.paths(Optional.empty()),
                ReportSection.processMap(Optional.empty()),
                ReportSection.retention(Optional.empty(), RetentionHeatmapSvg.Mode.UNBOUNDED),
                ReportSection.attribution(Map.of()),
                ReportSection.conformance(Optional.empty(), SeedJourneys.laptopRequest()),
                ReportSection.comparison()));
        assertThat(html).contains("no answers yet", "No NPS answers were recorded", "No funnel result yet",
                "No path result yet", "so there is no process map", "No cohort table yet",
                "No attribution results were given", "No conformance summary yet",
                "No comparison journey is set");
        assertThat(html.split("<section ", -1)).hasSize(10);
    }

    @Test
    void curveSummaryStatesEmotionsOnTheJourneysScaleAndDoesNotCallTheEndADip() {
        String html = JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "laptop-request",
                List.of(ReportSection.journeyMap()));
        // Emotions -1, 1, -2, -2, 0, 2 on the five-point scale -2 to 2: lowest the approval wait (-2), highest the
        // first login (2); the one dip is the approval wait; the last point rises, so no fall at the end.
        assertThat(html).contains("Lowest emotion: Wait for the manager&#39;s approval (-2 on -2 to 2)")
                .contains("Highest: Install own apps and start working (2 on -2 to 2)")
                .contains("1 dip (Wait for the manager&#39;s approval)").doesNotContain("ends on a fall");
    }

    @Test
    void aJourneyThatEndsLowerIsSaidToEndOnAFallNotADip() {
        // The seed's customer-service journey is checked by hand below; a short journey is clearer: 2, 0.
        org.journeykit.model.Journey down = org.journeykit.model.Journey.builder().id("down").name("Down")
                .phases(List.of(org.journeykit.model.Phase.PURCHASE)).addTouchpoints(
                        org.journeykit.model.Touchpoint.builder().id("a").name("Alpha").phaseId("purchase")
                                .emotion(org.journeykit.model.EmotionScale.FIVE_POINT.emotion(2)).build(),
                        org.journeykit.model.Touchpoint.builder().id("b").name("Beta").phaseId("purchase")
                                .emotion(org.journeykit.model.EmotionScale.FIVE_POINT.emotion(0)).build())
                .build();
        JourneyModel model = JourneyModel.builder().addJourneys(down).build();
        String html = JourneyReportHtml.withDefaults().render(model, "down", List.of(ReportSection.journeyMap()));
        assertThat(html).contains("0 dips.").contains("The journey ends on a fall at Beta, its last touchpoint.")
                .doesNotContain("class=\"dip\"");
    }

    @Test
    void reportIsSelfContained() {
        String html = WITH_IMPROVED.render(SeedJourneys.model(), "laptop-request", everySection());
        assertThat(html).doesNotContain("<script", "src=", "@import", "<link");
        // The only links are to the page's own sections; url() only names the pictures' own patterns and markers.
        assertThat(html.replaceAll("href=\"#s[0-9]+-[a-z-]+\"", "")).doesNotContain("href=");
        assertThat(html.replaceAll("url\\(#jk-[a-z]+-[0-9a-f]+-[a-z-]+\\)", "")).doesNotContain("url(");
        // The only URLs are XML namespace names, which no browser fetches.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    }

    @Test
    void personaNamedScriptIsEscaped() {
        JourneyModel model = Fixtures.model(Fixtures.sanne("<script>alert(1)</script>"), SeedJourneys.laptopRequest());
        String html = JourneyReportHtml.withDefaults().render(model, "laptop-request", ReportSection.fromModel());
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void comparisonSectionNamesTheTouchpointsTheFutureJourneyChanges() {
        String html = WITH_IMPROVED.render(SeedJourneys.model(), "laptop-request", List.of(ReportSection.comparison()));
        // Added: auto-approval; removed: approval-wait and status-call, both superfluous; by name, not id.
        assertThat(html).contains("Added touchpoints: Automatic approval within the team budget")
                .contains("Removed touchpoints: Wait for the manager&#39;s approval, Call the service desk about "
                        + "the status (superfluous contact prevented: Wait for the manager&#39;s approval, Call the "
                        + "service desk about the status)");
    }

    @Test
    void sameInputGivesSameBytesAndWriteMatchesRender() throws Exception {
        String first = WITH_IMPROVED.render(SeedJourneys.model(), "laptop-request", everySection());
        StringWriter out = new StringWriter();
        WITH_IMPROVED.write(SeedJourneys.model(), "laptop-request", everySection(), out);
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void unknownJourneyIsRefused() {
        assertThatThrownBy(() -> JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "nope",
                ReportSection.fromModel())).isInstanceOf(PictureException.class).hasMessageContaining("'nope'");
    }
}
