package org.journeykit.metrics.journeys.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");

    /** Plan t1, t2 (expected 10 min), t3 (expected 5 min), t4. */
    static Journey plan() {
        return Journey.builder().id("complaint").name("Report a complaint")
                .addPhases(Phase.SUPPORT)
                .addTouchpoints(Touchpoint.of("t1", "Find contact page", "support"))
                .addTouchpoints(Touchpoint.builder().id("t2").name("Call").phaseId("support")
                        .expectedDuration(Duration.ofMinutes(10)).build())
                .addTouchpoints(Touchpoint.builder().id("t3").name("Chat").phaseId("support")
                        .expectedDuration(Duration.ofMinutes(5)).build())
                .addTouchpoints(Touchpoint.of("t4", "Confirmation mail", "support"))
                .build();
    }

    private static InteractionEvent.Builder event(String customer, long minutes, String touchpoint) {
        return InteractionEvent.builder().customerId(customer).time(T0.plusSeconds(60 * minutes))
                .touchpointId(touchpoint);
    }

    /**
     * c1: t1, x (unplanned), t3 taking 8 min, t2 failed after 5 min; t4 never happens.
     * c2: t1, t2, t3, t4 with no outcomes or durations recorded.
     */
    static ActualJourneys journeys() {
        return ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c1", 0, "t1").outcome(Outcome.COMPLETED).build())
                .add(event("c1", 1, "x").build())
                .add(event("c1", 2, "t3").duration(Duration.ofMinutes(8)).build())
                .add(event("c1", 20, "t2").outcome(Outcome.FAILED).duration(Duration.ofMinutes(5)).build())
                .add(event("c2", 0, "t1").build()).add(event("c2", 1, "t2").build())
                .add(event("c2", 2, "t3").build()).add(event("c2", 3, "t4").build())
                .result();
    }

    @Test
    void aJourneyIsComparedTouchpointByTouchpoint() {
        JourneyConformance c1 = ConformanceChecker.of(plan()).check(journeys(), 0);

        // t1 completed; t2 occurred but failed; t3 occurred (no outcome = completed); t4 missing.
        assertThat(c1.statuses()).containsExactly(entry("t1", TouchpointStatus.COMPLETED),
                entry("t2", TouchpointStatus.FAILING), entry("t3", TouchpointStatus.COMPLETED),
                entry("t4", TouchpointStatus.MISSING));
        assertThat(c1.adHoc()).containsExactly("x");
        // Plan positions by first occurrence: t1 (1), t3 (3), t2 (2). A longest increasing run has length 2;
        // the documented choice keeps the one ending at the smaller plan position (t1, t2), so t3 is out of order.
        assertThat(c1.outOfOrder()).containsExactly("t3");
        // t3 took 8 min against 5 planned: late. t2 took 5 against 10: on time.
        assertThat(c1.late()).containsExactly("t3");
        // Content 2 completed / 4 planned; sequence 2 in order / 3 occurred; timing 1 on time / 2 checked.
        assertThat(c1.contentScore()).isEqualTo(0.5);
        assertThat(c1.sequenceScore()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c1.timingScore()).hasValue(0.5);
    }

    @Test
    void aToleranceAllowsAnOverrun() {
        // 60% tolerance: t3 may take 5 * 1.6 = 8 min, exactly what it took.
        JourneyConformance c1 = ConformanceChecker.of(plan(), 0.6).check(journeys(), 0);
        assertThat(c1.late()).isEmpty();
        assertThat(c1.timingScore()).hasValue(1.0);
        assertThatThrownBy(() -> ConformanceChecker.of(plan(), -0.1)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void aJourneyThatFollowsThePlanScoresOne() {
        JourneyConformance c2 = ConformanceChecker.of(plan()).check(journeys(), 1);
        assertThat(c2.contentScore()).isEqualTo(1.0);
        assertThat(c2.sequenceScore()).isEqualTo(1.0);
        assertThat(c2.timingScore()).isEmpty();
        assertThat(c2.adHoc()).isEmpty();
    }

    @Test
    void theSummaryCountsDeviationsPerTouchpoint() {
        ConformanceAccumulator left = ConformanceAccumulator.create(ConformanceChecker.of(plan()));
        ConformanceAccumulator right = ConformanceAccumulator.create(ConformanceChecker.of(plan()));
        ActualJourneys journeys = journeys();
        left.add(ConformanceChecker.of(plan()).check(journeys, 0));
        right.add(ConformanceChecker.of(plan()).check(journeys, 1));
        ConformanceSummary summary = left.merge(right).result().orElseThrow();
        ConformanceSummary direct = ConformanceAccumulator.create(ConformanceChecker.of(plan())).add(journeys)
                .result().orElseThrow();

        // Means over c1 and c2: content (0.5 + 1) / 2 = 0.75; sequence (2/3 + 1) / 2 = 5/6; timing only c1: 0.5.
        assertThat(summary.journeyCount()).isEqualTo(2);
        assertThat(summary.meanContentScore()).isEqualTo(0.75);
        assertThat(summary.meanSequenceScore()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(summary.meanTimingScore()).hasValue(0.5);
        assertThat(summary.adHocCounts()).containsExactly(entry("x", 1L));
        // Per touchpoint (completed, failing, missing, out of order, late):
        // t1 (2,0,0,0,0); t2 (1,1,0,0,0); t3 (2,0,0,1,1); t4 (1,0,1,0,0).
        assertThat(summary.touchpoints()).extracting(TouchpointDeviations::toString).containsExactly(
                "t1: completed 2, failing 0, missing 0, out of order 0, late 0",
                "t2: completed 1, failing 1, missing 0, out of order 0, late 0",
                "t3: completed 2, failing 0, missing 0, out of order 1, late 1",
                "t4: completed 1, failing 0, missing 1, out of order 0, late 0");
        assertThat(direct.touchpoints()).extracting(TouchpointDeviations::toString)
                .isEqualTo(summary.touchpoints().stream().map(TouchpointDeviations::toString).toList());
    }

    @Test
    void aFreshAccumulatorHasNoSummaryInsteadOfZeroScores() {
        assertThat(ConformanceAccumulator.create(ConformanceChecker.of(plan())).result()).isEmpty();
    }

    @Test
    void accumulatorsOfDifferentCheckersRefuseToMergeAndStayUnchanged() {
        ConformanceAccumulator strict = ConformanceAccumulator.create(ConformanceChecker.of(plan())).add(journeys());
        ConformanceAccumulator tolerant = ConformanceAccumulator.create(ConformanceChecker.of(plan(), 0.6))
                .add(journeys());
        byte[] before = strict.toBytes();

        assertThatThrownBy(() -> strict.merge(tolerant)).isInstanceOf(IncompatibleMergeException.class)
                .hasMessageContaining("tolerance 0.0").hasMessageContaining("tolerance 0.6");
        assertThat(strict.toBytes()).isEqualTo(before);
        // The checker travels in the bytes: a state read back still refuses the other plan's state.
        assertThatThrownBy(() -> ConformanceAccumulator.fromBytes(before).merge(tolerant))
                .isInstanceOf(IncompatibleMergeException.class);
        assertThat(ConformanceAccumulator.fromBytes(before).checker()).isEqualTo(ConformanceChecker.of(plan()));
        // A journey checked by another checker is refused too.
        JourneyConformance other = ConformanceChecker.of(plan(), 0.6).check(journeys(), 0);
        assertThatThrownBy(() -> strict.add(other)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("must come from this accumulator's checker");
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesTheCountsAndKeepsTheMeans() {
        ConformanceAccumulator both = ConformanceAccumulator.create(ConformanceChecker.of(plan())).add(journeys());
        ConformanceSummary doubled = both.merge(both).result().orElseThrow();

        // Four journeys: c1 and c2 twice. Content (0.5 + 1 + 0.5 + 1) / 4 = 0.75; timing only the two c1: 0.5.
        // t3 per journey pair (completed 2, out of order 1, late 1), doubled: 4, 2, 2.
        assertThat(doubled.journeyCount()).isEqualTo(4);
        assertThat(doubled.meanContentScore()).isEqualTo(0.75);
        assertThat(doubled.meanSequenceScore()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(doubled.meanTimingScore()).hasValue(0.5);
        assertThat(doubled.touchpoints().get(2)).isEqualTo(new TouchpointDeviations("t3", 4, 0, 0, 2, 2));
        assertThat(doubled.adHocCounts()).containsExactly(entry("x", 2L));
    }

    @Test
    void theMeanSequenceScoreIsExactWhateverTheMergeOrder() {
        // Sequence scores 2/3 (c1) and 1 (c2), three times each, merged in two orders: the state holds the sums
        // per number of occurred touchpoints (m = 3: in order 2 + 2 + 2; m = 4: 4 + 4 + 4), so the mean is
        // (6/3 + 12/4) / 6 = 5/6 computed once, not a sum of rounded ratios in merge order.
        ConformanceChecker checker = ConformanceChecker.of(plan());
        ConformanceAccumulator c1 = ConformanceAccumulator.create(checker).add(checker.check(journeys(), 0));
        ConformanceAccumulator c2 = ConformanceAccumulator.create(checker).add(checker.check(journeys(), 1));
        ConformanceAccumulator left = ConformanceAccumulator.create(checker);
        ConformanceAccumulator right = ConformanceAccumulator.create(checker);
        for (int i = 0; i < 3; i++) {
            left.merge(c1).merge(c2);
            right.merge(c2);
        }
        right.merge(c1).merge(c1).merge(c1);
        assertThat(left.toBytes()).isEqualTo(right.toBytes());
        assertThat(left.result()).isEqualTo(right.result());
        assertThat(left.result().orElseThrow().meanSequenceScore()).isEqualTo((6.0 / 3 + 12.0 / 4) / 6);
    }

    @Test
    void checkersAreValuesOfTheirPlanAndTolerance() {
        assertThat(ConformanceChecker.of(plan())).isEqualTo(ConformanceChecker.of(plan(), 0.0))
                .hasSameHashCodeAs(ConformanceChecker.of(plan(), 0.0))
                .isNotEqualTo(ConformanceChecker.of(plan(), 0.1));
        ConformanceChecker checker = ConformanceChecker.of(plan());
        assertThat(checker.journeyId()).isEqualTo("complaint");
        assertThat(checker.touchpointIds()).containsExactly("t1", "t2", "t3", "t4");
        assertThat(checker.expectedDurations()).containsExactly(entry("t2", Duration.ofMinutes(10)),
                entry("t3", Duration.ofMinutes(5)));
    }

    @Test
    void aStateWhoseCountsContradictTheJourneysIsRefused() {
        byte[] bytes = ConformanceAccumulator.create(ConformanceChecker.of(plan())).add(journeys()).toBytes();
        // Layout: header 4, journey id "complaint" 4 + 9, tolerance 8, p 4, then t1: id 4 + 2, expected 8,
        // completed at 4 + 13 + 8 + 4 + 6 + 8 = 43 (8 bytes). Raising t1's completed from 2 to 3 breaks
        // "completed plus failing at most the journeys (2)".
        assertThat(bytes[43 + 7]).isEqualTo((byte) 2);
        bytes[43 + 7] = 3;
        assertThatThrownBy(() -> ConformanceAccumulator.fromBytes(bytes)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("completed plus failing must be at most the journeys (2)");
    }

    @Test
    void longestIncreasingSubsequenceKeepsTheLongestRunInPlanOrder() {
        // Plan positions 3 0 1 4 2: the longest increasing run is 0 1 2 (or 0 1 4); the pile top ends at 2.
        boolean[] marked = ConformanceChecker.longestIncreasing(List.of(3, 0, 1, 4, 2), 5);
        assertThat(marked).containsExactly(true, true, true, false, false);
    }
}
