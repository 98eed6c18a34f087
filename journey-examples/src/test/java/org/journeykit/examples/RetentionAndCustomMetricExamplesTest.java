package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.journeykit.examples.data.SampleData;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

class RetentionAndCustomMetricExamplesTest {

    private static String capture(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void retentionPrintsTheCohortTriangleAndTheLifetimeValues() {
        List<InteractionEvent> purchases = SampleData.purchases(600, 5);
        String output = capture(out -> RetentionExample.print(purchases, out));
        // Each cohort is 100% active in its own month (+0) by definition of a cohort.
        assertThat(output.lines().filter(line -> line.matches("20[0-9]{2}-[0-9]{2} .*"))).hasSize(12)
                .allSatisfy(line -> assertThat(line).containsPattern("^\\S+ +\\d+ +100\\.0%"));
        assertThat(output).contains("Repeat-purchase rate:").contains("CLV, retention-based m r / (1 + i - r)")
                .containsPattern("Five points more retention \\(r = [0-9.]+%\\): EUR [0-9.]+ per customer, \\+");
    }

    @Test
    void customMetricCountsAbandonedCheckoutsTheSameSequentiallyAndInParallel() {
        List<InteractionEvent> events = SampleData.shopEvents(5_000, 2);
        long started = events.stream().filter(e -> e.getTouchpointId().orElse("").equals("checkout")).count();
        long abandoned = events.stream().filter(e -> e.getTouchpointId().orElse("").equals("checkout")
                && e.getOutcome().orElse(null) == Outcome.ABANDONED).count();
        String output = capture(out -> CustomMetricExample.print(events, out));
        assertThat(output).contains(String.format(Locale.ROOT, "Cart abandonment: %d of %d checkouts, %.2f%%",
                abandoned, started, 100.0 * abandoned / started)).contains("Sequential and parallel results equal: true")
                .contains("Read back from its bytes: true");
    }
}
