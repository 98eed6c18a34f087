package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.journeykit.examples.data.SampleData;
import org.junit.jupiter.api.Test;

class ForecastExampleTest {

    @Test
    void forecastExamplePrintsEveryModelOnTheSampleData() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ForecastExample.print(SampleData.purchases(1_500, 9), SampleData.marketingPaths(5_000, 3), out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output).contains("Retention forecast (sBG", "Repeat buying (BG/NBD", "Kaplan-Meier over 1500",
                "Attribution of ").doesNotContain("NaN");
        // Each fit prints its parameters, or (on the sample shop, whose customers all buy alike) the reason why
        // there are none; the published cohort always fits.
        assertThat(output).containsPattern("(sBG\\(alpha = [0-9.]+, beta = [0-9.]+\\), LL = -[0-9.]+"
                + "|No sBG forecast: sBG fit: .*no finite maximum)")
                .containsPattern("(BG/NBD\\(r = [0-9.]+, alpha = [0-9.]+, a = [0-9.]+, b = [0-9.]+\\)"
                + "|No BG/NBD forecast: BG/NBD fit: .*no finite maximum)")
                .contains("high-end customers (years 0-7): sBG(alpha = 0.668");
        assertThat(output.lines().filter(line -> line.matches("  (search|social|email|display|direct) .*")))
                .hasSize(5);
    }
}
