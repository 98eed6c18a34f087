package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.journeykit.examples.data.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationExampleTest {

    @Test
    void registersTheModuleValidatesFormInputAndStreamsTheEventFile(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            IntegrationExample.run(folder.resolve("events.ndjson"), 2_000, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        // The file holds every generated event plus one broken line at the end.
        int events = SampleData.shopEvents(2_000, 1).size();
        assertThat(output)
                .contains("read back equal: true")
                .contains("/journeys/0/touchpoints/3/phaseId")
                .contains("name = ' ': must not be blank")
                .contains("id = 'order form': must match")
                .contains("validated with cascading: 0 violations")
                .contains("ImportReport[lines=" + (events + 1) + ", records=" + events + ", blank=0, skipped=1]")
                .contains("skipped line " + (events + 1) + ": /time");
    }
}
