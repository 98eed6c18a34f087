package org.journeykit.io.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.journeykit.error.InvalidModelException;
import org.journeykit.io.svg.Fixtures;
import org.journeykit.io.svg.PictureException;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;

class JourneyReportHtmlTest {

    static MetricResults sampleMetrics() {
        // Hand-made results of the kind journey-metrics produces: NPS 20 with a 95% interval [8.4, 31.6], n = 200.
        return MetricResults.of(
                List.of(ScoreSummary.of("NPS", 20, 8.4, 31.6, 0.95, 200),
                        ScoreSummary.of("CES", 4.8, 4.6, 5.0, 0.95, 150),
                        ScoreSummary.of("CSAT", 72.5, 68.1, 76.9, 0.95, 300)),
                List.of(TrendSeries.of("NPS", List.of(TrendPoint.of("2025-H2", 12, 1, 23),
                        TrendPoint.of("2026-H1", 20, 8.4, 31.6)))),
                List.of(FunnelStep.of("Search the portal", 1000, 800), FunnelStep.of("Order form", 800, 600),
                        FunnelStep.of("Approval", 600, 540)));
    }

    @Test
    void reportHoldsPersonaMapClassificationGapsAndMetrics() {
        String html = JourneyReportHtml.withDefaults().render(Fixtures.seedModel(), "laptop-request",
                sampleMetrics());
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<section class=\"persona\"", "Sanne, project manager")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "class=\"journey-map\"")
                .contains("<section class=\"classification\"", "Top moment", "Customer moment")
                .contains("<section class=\"gaps\"", "Service desk \u2192 Management")
                .contains("<section class=\"metrics\"", "[8.4, 31.6]", "2026-H1", "Order form")
                // Funnel: 540 of 600 went on = 90.0%; the conversion rate of the first step is 800/1000 = 80.0%.
                .contains(">90.0%<", ">80.0%<")
                .contains("@page{size:A4 landscape");
        // The worklist puts the most urgent strategy first: search-portal is a CUSTOMER moment rated
        // INSUFFICIENT (REPAIR), the superfluous ones are PREVENT; no failing top moment in this journey.
        assertThat(html.indexOf(">repair<")).isLessThan(html.indexOf(">prevent<"));
    }

    @Test
    void reportIsSelfContained() {
        String html = JourneyReportHtml.withDefaults().render(Fixtures.seedModel(), "laptop-request",
                sampleMetrics());
        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(", "<link");
        // The only URLs are XML namespace names, which no browser fetches.
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
    }

    @Test
    void withoutMetricsThereIsNoMetricsSection() {
        String html = JourneyReportHtml.withDefaults().render(Fixtures.seedModel(), "customer-service",
                MetricResults.none());
        assertThat(html).doesNotContain("class=\"metrics\"").contains("No touchpoint is classified yet");
    }

    @Test
    void personaNamedScriptIsEscaped() {
        JourneyModel model = Fixtures.model(Fixtures.sanne("<script>alert(1)</script>"), Fixtures.laptopRequest());
        String html = JourneyReportHtml.withDefaults().render(model, "laptop-request", MetricResults.none());
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void comparisonSectionSaysWhatTheFutureJourneyChanges() {
        JourneyReportHtml report = JourneyReportHtml.of(SvgOptions.builder()
                .comparisonJourneyId("laptop-request-improved").build());
        String html = report.render(Fixtures.seedModel(), "laptop-request", MetricResults.none());
        // Added: auto-approval; removed: approval-wait and status-call, both superfluous.
        assertThat(html).contains("Added touchpoints: auto-approval")
                .contains("Removed touchpoints: approval-wait, status-call (superfluous contact prevented: "
                        + "approval-wait, status-call)");
    }

    @Test
    void sameInputGivesSameBytesAndWriteMatchesRender() throws Exception {
        JourneyReportHtml report = JourneyReportHtml.withDefaults();
        String first = report.render(Fixtures.seedModel(), "laptop-request", sampleMetrics());
        StringWriter out = new StringWriter();
        report.write(Fixtures.seedModel(), "laptop-request", sampleMetrics(), out);
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void unknownJourneyIsRefused() {
        assertThatThrownBy(() -> JourneyReportHtml.withDefaults().render(Fixtures.seedModel(), "nope",
                MetricResults.none())).isInstanceOf(PictureException.class).hasMessageContaining("'nope'");
    }

    @Test
    void metricValuesAreChecked() {
        assertThatThrownBy(() -> ScoreSummary.of("NPS", 20, 25, 30, 0.95, 10))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("low");
        assertThatThrownBy(() -> ScoreSummary.of("NPS", 20, 10, 30, 1.0, 10))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> FunnelStep.of("Step", 10, 11))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("converted");
        assertThatThrownBy(() -> TrendSeries.of("NPS", List.of()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("points");
        assertThatThrownBy(() -> TrendPoint.of("2026", Double.NaN, 0, 1))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("value");
        assertThat(FunnelStep.of("Nobody", 0, 0).getConversionRate()).isZero();
    }
}
