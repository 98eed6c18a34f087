package org.journeykit.metrics.journeys.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Optional;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.funnel.FunnelComparison.StepComparison;
import org.journeykit.metrics.stats.Correction;
import org.junit.jupiter.api.Test;

class FunnelComparisonTest {

    private static final Funnel ABC = Funnel.of(List.of("a", "b", "c"), Duration.ofHours(1));

    /** A funnel result with the given entered counts per step. */
    private static FunnelResult result(Funnel funnel, long... entered) {
        List<FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < entered.length; i++) {
            long previous = i == 0 ? entered[0] : entered[i - 1];
            long dropped = i + 1 < entered.length ? entered[i] - entered[i + 1] : 0;
            steps.add(new FunnelStep(funnel.steps().get(i), entered[i], previous, entered[0], dropped,
                    Optional.empty(), Optional.empty(), new TreeMap<>()));
        }
        return new FunnelResult(funnel, steps, 0);
    }

    @Test
    void eachStepIsTestedAndTheFamilyCorrected() {
        // Segment 1: 200 -> 90 -> 45; segment 2: 200 -> 60 -> 30.
        // Step b: 90/200 vs 60/200: P = 0.375, SE = sqrt(0.375 x 0.625 x 0.01) = 0.048412, z = 0.15 / 0.048412
        // = 3.098387, p = 0.001946. Step c: 45/90 vs 30/60: equal shares, z = 0, p = 1.
        // Holm over 2: 0.001946 x 2 = 0.003892, then max(0.003892, 1 x 1) = 1.
        FunnelComparison comparison = FunnelComparison.of(result(ABC, 200, 90, 45), result(ABC, 200, 60, 30),
                Correction.HOLM);

        List<StepComparison> steps = comparison.steps();
        assertThat(steps).extracting(StepComparison::step).containsExactly("b", "c");
        assertThat(steps.get(0).test().orElseThrow().z()).isCloseTo(3.098387, within(1e-6));
        assertThat(steps.get(0).adjustedPValue().getAsDouble()).isCloseTo(2 * 0.001946, within(1e-5));
        assertThat(steps.get(0).isSignificant(0.05)).isTrue();
        assertThat(steps.get(1).adjustedPValue().getAsDouble()).isEqualTo(1.0);
        assertThat(steps.get(1).isSignificant(0.05)).isFalse();
    }

    @Test
    void aStepWithoutAnyoneBeforeItHasNoTest() {
        FunnelComparison comparison = FunnelComparison.of(result(ABC, 10, 0, 0), result(ABC, 10, 5, 2),
                Correction.BENJAMINI_HOCHBERG);
        assertThat(comparison.steps().get(1).test()).isEmpty();
        assertThat(comparison.steps().get(1).adjustedPValue()).isEmpty();
        assertThat(comparison.steps().get(0).test()).isPresent();
    }

    @Test
    void differentFunnelsAreRefused() {
        Funnel other = Funnel.of(List.of("a", "x", "c"), Duration.ofHours(1));
        assertThatThrownBy(() -> FunnelComparison.of(result(ABC, 3, 2, 1), result(other, 3, 2, 1), Correction.NONE))
                .isInstanceOf(MetricInputException.class);
    }
}
