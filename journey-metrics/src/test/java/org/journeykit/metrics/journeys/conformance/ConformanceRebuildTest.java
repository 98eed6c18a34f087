package org.journeykit.metrics.journeys.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

/** {@link ConformanceChecker#of(String, List, Map, double)} and {@link JourneyConformance#of} rebuild computed values. */
class ConformanceRebuildTest {

    private static final ConformanceChecker CHECKER = ConformanceChecker.of(ConformanceTest.plan());

    @Test
    void aCheckerRebuiltFromItsPartsEqualsTheOneMadeFromThePlan() {
        ConformanceChecker rebuilt = ConformanceChecker.of("complaint", List.of("t1", "t2", "t3", "t4"),
                Map.of("t2", Duration.ofMinutes(10), "t3", Duration.ofMinutes(5)), 0.0);
        assertThat(rebuilt).isEqualTo(CHECKER);
        assertThat(rebuilt.expectedDurations()).containsExactly(Map.entry("t2", Duration.ofMinutes(10)),
                Map.entry("t3", Duration.ofMinutes(5)));
    }

    @Test
    void aCheckerWithBrokenPartsIsRefused() {
        List<String> ids = List.of("t1", "t2");
        assertThatThrownBy(() -> ConformanceChecker.of("a b", ids, Map.of(), 0)).isInstanceOf(
                MetricInputException.class).hasMessageContaining("journeyId");
        assertThatThrownBy(() -> ConformanceChecker.of("j", List.of("t1", "t1"), Map.of(), 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("once");
        assertThatThrownBy(() -> ConformanceChecker.of("j", ids, Map.of("t9", Duration.ZERO), 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("planned touchpoint");
        assertThatThrownBy(() -> ConformanceChecker.of("j", ids, Map.of("t1", Duration.ofSeconds(-1)), 0))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ConformanceChecker.of("j", ids, Map.of(), Double.NaN))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("tolerance");
    }

    @Test
    void aJourneysConformanceRebuiltFromItsFindingsEqualsTheCheckedOne() {
        // c1 of ConformanceTest: t1 completed, t2 failing, t3 completed, t4 missing; x ad hoc; t3 out of order and
        // late; 2 of 3 occurred in order; t2 and t3 checked for timing.
        JourneyConformance checked = CHECKER.check(ConformanceTest.journeys(), 0);
        JourneyConformance rebuilt = JourneyConformance.of(CHECKER, "c1", Map.of("t4", TouchpointStatus.MISSING,
                "t3", TouchpointStatus.COMPLETED, "t2", TouchpointStatus.FAILING, "t1", TouchpointStatus.COMPLETED),
                List.of("x"), List.of("t3"), List.of("t3"), 2, 3, 2);
        assertThat(rebuilt).isEqualTo(checked);
        assertThat(rebuilt.statuses().keySet()).containsExactly("t1", "t2", "t3", "t4");
        assertThat(rebuilt.timingScore()).hasValue(0.5);
    }

    @Test
    void findingsThatNoJourneyCouldGiveAreRefused() {
        Map<String, TouchpointStatus> statuses = Map.of("t1", TouchpointStatus.COMPLETED,
                "t2", TouchpointStatus.FAILING, "t3", TouchpointStatus.COMPLETED, "t4", TouchpointStatus.MISSING);
        assertThat(JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of(), List.of(), 3, 3, 0)
                .sequenceScore()).isEqualTo(1.0);
        // A missing touchpoint cannot be late or out of order; t1 has no expected duration.
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of("t4"),
                List.of(), 2, 3, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("outOfOrder");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of(),
                List.of("t1"), 3, 3, 1)).isInstanceOf(MetricInputException.class).hasMessageContaining("late");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of("t3", "t2"),
                List.of(), 1, 3, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("plan order");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", Map.of("t1", TouchpointStatus.MISSING),
                List.of(), List.of(), List.of(), 0, 0, 0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("statuses");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of("t1"), List.of(),
                List.of(), 3, 3, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("adHoc");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of(), List.of(),
                3, 2, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("occurredCount");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of(), List.of(),
                2, 3, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("inOrderCount");
        // t2 and t3 occurred with an expected duration: at most 2 checked.
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, "c1", statuses, List.of(), List.of(), List.of(),
                3, 3, 3)).isInstanceOf(MetricInputException.class).hasMessageContaining("checkedCount");
        assertThatThrownBy(() -> JourneyConformance.of(CHECKER, " ", statuses, List.of(), List.of(), List.of(),
                3, 3, 0)).isInstanceOf(MetricInputException.class).hasMessageContaining("customerId");
    }
}
