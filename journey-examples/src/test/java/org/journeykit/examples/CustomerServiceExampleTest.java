package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.journeykit.examples.data.SampleData;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.junit.jupiter.api.Test;

class CustomerServiceExampleTest {

    private final List<InteractionEvent> contacts = SampleData.serviceContacts(2_000, 11);
    private final List<SurveyResponse> surveys = SampleData.surveys(1_500, 11);

    private String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CustomerServiceExample.print(contacts, surveys, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheNpsOfTheSurveysByItsDefinition() {
        // NPS = 100 (promoters - detractors) / n, promoters 9-10, detractors 0-6, counted here by hand.
        long promoters = surveys.stream().filter(s -> s.getKind() == SurveyKind.NPS && s.getScore() >= 9).count();
        long detractors = surveys.stream().filter(s -> s.getKind() == SurveyKind.NPS && s.getScore() <= 6).count();
        long n = surveys.stream().filter(s -> s.getKind() == SurveyKind.NPS).count();
        String expected = String.format(Locale.ROOT, "NPS %.1f (95%% Wald", 100.0 * (promoters - detractors) / n);
        assertThat(run()).contains(expected).contains("n = " + n);
    }

    @Test
    void printsContactCountsFirstContactResolutionAndTheHalfYearComparison() {
        long resolved = contacts.stream()
                .filter(c -> c.getOutcome().orElseThrow() == org.journeykit.observed.Outcome.COMPLETED).count();
        String output = run();
        assertThat(output)
                .contains("Contacts: 2000")
                .contains(String.format(Locale.ROOT, "first-contact resolution: %.1f%%", 100.0 * resolved / 2000))
                .contains("top reasons: invoice")
                .contains("NPS per agent")
                .contains("2025-H2")
                .containsPattern("2026-H1 +-?[0-9.]+ +change [+-][0-9.]+, z = ");
    }
}
