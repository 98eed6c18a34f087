package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.journeykit.examples.data.SampleData;
import org.journeykit.io.JourneyJson;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void theMainJobWritesTheDocumentMapsDataAndReportAndSummarises(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path report;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            report = Main.run(folder, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(folder.resolve("journey-model.json")).isRegularFile();
        assertThat(folder.resolve("laptop-request.svg")).content().startsWith("<?xml").contains("<svg").contains("</svg>");
        assertThat(folder.resolve("online-purchase.svg")).isRegularFile();
        assertThat(report).isEqualTo(folder.resolve("report.html"));
        assertThat(report).content().contains("<svg").doesNotContain("<script").contains("NPS")
                // Every section of the report, in order, each with its picture or table.
                .contains("id=\"s1-journey-map\"", "id=\"s6-scores\"", "id=\"s14-conformance\"")
                .contains("class=\"journey-map\"", "class=\"nps-chart\"", "class=\"trend-chart\"",
                        "class=\"funnel-chart\"", "class=\"path-flow\"", "class=\"process-map\"",
                        "class=\"retention-chart\"", "class=\"attribution-chart\"", "class=\"conformance-chart\"")
                .doesNotContain("no-data");
        assertThat(folder.resolve("shop-process-map.svg")).content().contains("class=\"process-map\"");

        JourneyModel model = JourneyJson.defaults().read(folder.resolve("journey-model.json"));
        assertThat(model.getJourneys()).extracting(j -> j.getId())
                .containsExactly("laptop-request", "laptop-request-improved", "online-purchase");

        long events = SampleData.shopEvents(40_000, Main.SEED).size();
        assertThat(Files.lines(folder.resolve("shop-events.ndjson"))).hasSize((int) events);
        assertThat(output)
                .contains("[1/5]").contains("[5/5] Summary")
                // Peak-end scores of the seed journeys, worked out in LaptopRequestExampleTest: 0 and 1.
                .contains("laptop request: peak-end score 0.00, improved journey 1.00")
                .contains("open the report: " + report.toAbsolutePath().normalize().toUri());
    }
}
