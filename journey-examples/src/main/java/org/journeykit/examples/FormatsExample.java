package org.journeykit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.io.events.EventCsv;
import org.journeykit.io.events.EventCsvReader;
import org.journeykit.io.mermaid.MermaidJourney;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.io.xes.Xes;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.observed.InteractionEvent;

/**
 * The formats journey data arrives and leaves in: PM4Py's running example imported from its CSV event log, its
 * cases as actual journeys, the log exported as XES for PM4Py or ProM, and the laptop-request journey as a Mermaid
 * diagram for a Markdown page.
 */
public final class FormatsExample {

    private FormatsExample() {}

    /**
     * Runs the example in a temporary folder.
     *
     * @param args ignored
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(Files.createTempDirectory("journeykit-formats").resolve("running-example.xes"), System.out);
    }

    /**
     * Imports the running example from CSV, prints its cases and exports it as XES.
     *
     * @param xesFile where to write the XES log, not null
     * @param out where to print, not null
     * @throws IOException if the log cannot be written
     */
    public static void run(Path xesFile, PrintStream out) throws IOException {
        // 1. Import: PM4Py's flat table (case:concept:name, concept:name, time:timestamp with offset).
        List<InteractionEvent> events = new ArrayList<>();
        try (InputStream csv = FormatsExample.class.getResourceAsStream("process-running-example.csv");
                EventCsvReader rows = EventCsv.pm4py().read(csv, OnError.SKIP_AND_REPORT)) {
            rows.forEachRemaining(events::add);
            out.println("imported: " + rows.getReport());
        }
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.ACTIVITY));
        events.forEach(builder::add);
        ActualJourneys cases = builder.result();
        for (int c = 0; c < cases.size(); c++) {
            out.println("case " + cases.customerId(c) + ": " + String.join(" > ", cases.steps(c)));
        }

        // 2. Export: the same events as an XES log, one trace per case, events in time order.
        try (Writer xes = Files.newBufferedWriter(xesFile, StandardCharsets.UTF_8)) {
            Xes.defaults().write(events, xes);
        }
        out.println("wrote " + xesFile.getFileName() + ": " + Files.size(xesFile) + " bytes");

        // 3. And a journey map as a Mermaid diagram for Markdown.
        out.print(MermaidJourney.render(LaptopRequestExample.model(), "laptop-request"));
    }
}
