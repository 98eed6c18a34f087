package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LaptopRequestExampleTest {

    private static String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            LaptopRequestExample.print(LaptopRequestExample.model(), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheEmotionCurveWithItsPeakEndAndDip() {
        // Five-point emotions -1, 1, -2, -2, 0, 2: normalised -0.5, 0.5, -1, -1, 0, 1; the most intense point
        // (approval-wait, -1, earlier than first-login's +1) and the end (+1) give a peak-end score of 0.
        assertThat(run())
                .contains("Wait for the manager's approval            -1.00")
                .contains("peak: first-login, valley: approval-wait, end: first-login, peak-end score 0.00")
                .contains("dip at approval-wait (drop 1.50)");
    }

    @Test
    void printsTheContactMomentWorklistMostUrgentFirst() {
        String output = run();
        assertThat(output.indexOf("search-portal  CUSTOMER    INSUFFICIENT REPAIR"))
                .isPositive()
                .isLessThan(output.indexOf("approval-wait  SUPERFLUOUS INSUFFICIENT PREVENT"));
        assertThat(output).contains("first-login    TOP         GOOD         SAFEGUARD");
    }

    @Test
    void printsGapsAndTheComparisonWithTheImprovedJourney() {
        assertThat(run())
                .contains("order-form -> approval-wait: department Service desk -> Management, "
                        + "channel self-service-portal -> email, emotion change -1.50")
                .contains("removed: [approval-wait, status-call] (superfluous moments prevented: "
                        + "[approval-wait, status-call])")
                .contains("peak-end score 0.00 -> 1.00")
                .contains("Completeness: nothing left to fill in");
    }
}
