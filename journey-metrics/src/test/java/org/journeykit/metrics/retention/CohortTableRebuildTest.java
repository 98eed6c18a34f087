package org.journeykit.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CohortTable#of} and {@link Cohort#of} rebuild a computed table and refuse cells that cannot occur. */
class CohortTableRebuildTest {

    private static final CohortDefinition MONTHLY = CohortDefinition.MONTHLY_UTC;
    /** January 2026: (2026 - 1970) x 12. */
    private static final int JANUARY = 672;

    private static Instant day(String date) {
        return Instant.parse(date + "T12:00:00Z");
    }

    @Test
    void aTableRebuiltFromItsCohortsAndCellsEqualsTheComputedOne() {
        // a: Jan, Feb, Apr; b: Jan, Mar; d: Jan; c: Feb, Mar.
        CohortTable computed = CohortRetentionAccumulator.create().add("a", day("2026-01-05"))
                .add("a", day("2026-02-10")).add("a", day("2026-04-02")).add("b", day("2026-01-31"))
                .add("b", day("2026-03-31")).add("d", day("2026-01-01")).add("c", day("2026-02-01"))
                .add("c", day("2026-03-15")).result().orElseThrow();
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort cohort : computed.cohorts()) {
            cohorts.add(Cohort.of(cohort.granularity(), cohort.period(), cohort.offsets(), cohort.cells()));
        }
        CohortTable rebuilt = CohortTable.of(computed.definition(), computed.lastPeriod(), cohorts);
        assertThat(rebuilt).isEqualTo(computed);
        // Jan {a, b, d}: active +0 3, +1 1 (a), +2 1 (b), +3 1 (a); then or later 3, 2, 2, 1.
        assertThat(rebuilt.cohorts().get(0).cells()).containsExactly(new Cohort.Cell(0, 3, 3),
                new Cohort.Cell(1, 1, 2), new Cohort.Cell(2, 1, 2), new Cohort.Cell(3, 1, 1));
    }

    @Test
    void aSparseTableKeepsOnlyItsCells() {
        // One customer active in January and December 2026: two cells, twelve offsets.
        Cohort cohort = Cohort.of(Granularity.MONTH, JANUARY, 12, List.of(new Cohort.Cell(0, 1, 1),
                new Cohort.Cell(11, 1, 1)));
        CohortTable table = CohortTable.of(MONTHLY, JANUARY + 11, List.of(cohort));
        assertThat(table.cellCount()).isEqualTo(2);
        assertThat(table.activeOrLater(0, 5)).isEqualTo(1);
        assertThat(table.active(0, 5)).isZero();
    }

    static List<List<Cohort.Cell>> impossibleCells() {
        return List.of(
                List.of(),
                List.of(new Cohort.Cell(1, 1, 1)),
                List.of(new Cohort.Cell(0, 2, 3)),
                List.of(new Cohort.Cell(0, 2, 2), new Cohort.Cell(0, 1, 1)),
                List.of(new Cohort.Cell(0, 2, 2), new Cohort.Cell(5, 1, 1)),
                List.of(new Cohort.Cell(0, 0, 0)),
                // Two customers at +0, three later: more than the cohort.
                List.of(new Cohort.Cell(0, 2, 2), new Cohort.Cell(1, 3, 3)),
                // One customer at +0 and +1, but two lost after +0: more than were active there.
                List.of(new Cohort.Cell(0, 1, 3), new Cohort.Cell(1, 1, 1)),
                // The last cell must hold everyone still counted.
                List.of(new Cohort.Cell(0, 2, 2), new Cohort.Cell(1, 1, 2)));
    }

    @ParameterizedTest
    @MethodSource("impossibleCells")
    void cellsNoCustomersCouldMakeAreRefused(List<Cohort.Cell> cells) {
        assertThatThrownBy(() -> Cohort.of(Granularity.MONTH, JANUARY, 3, cells))
                .isInstanceOf(MetricInputException.class);
    }

    @Test
    void cohortsThatDoNotFitTheTableAreRefused() {
        Cohort january = Cohort.of(Granularity.MONTH, JANUARY, 2, List.of(new Cohort.Cell(0, 1, 1)));
        Cohort february = Cohort.of(Granularity.MONTH, JANUARY + 1, 1, List.of(new Cohort.Cell(0, 1, 1)));
        assertThat(CohortTable.of(MONTHLY, JANUARY + 1, List.of(january, february)).customers()).isEqualTo(2);
        assertThatThrownBy(() -> CohortTable.of(MONTHLY, JANUARY + 1, List.of(february, january)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("after the previous");
        assertThatThrownBy(() -> CohortTable.of(MONTHLY, JANUARY + 2, List.of(january, february)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("must reach the last period");
        assertThatThrownBy(() -> CohortTable.of(MONTHLY, JANUARY + 1, List.of(january)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("some cohort was active");
        assertThatThrownBy(() -> CohortTable.of(new CohortDefinition(Granularity.WEEK, ZoneOffset.UTC),
                JANUARY + 1, List.of(january, february))).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("granularity");
        assertThatThrownBy(() -> CohortTable.of(MONTHLY, JANUARY, List.of()))
                .isInstanceOf(MetricInputException.class);
    }
}
