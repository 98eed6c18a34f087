package org.journeykit.metrics.journeys.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final Funnel ABC = Funnel.of(List.of("a", "b", "c"), Duration.ofMinutes(60));

    private static ActualJourneyBuilder builder() {
        return ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
    }

    private static ActualJourneyBuilder at(ActualJourneyBuilder builder, String customer, long minutes, String step) {
        return builder.addMillis(customer, minutes * 60_000, step);
    }

    /**
     * u1: a@0 b@10 c@20 (converts); u2: a@0 x@5 b@30 (ends after b); u3: a@0 b@50 c@70 (c outside the 60-minute
     * window, so stops at b; the next event is c); u4: b@0 c@5 (never enters); u5: a@0 y@1 (stops at a, then y).
     */
    static ActualJourneys fiveCustomers() {
        ActualJourneyBuilder b = builder();
        at(b, "u1", 0, "a"); at(b, "u1", 10, "b"); at(b, "u1", 20, "c");
        at(b, "u2", 0, "a"); at(b, "u2", 5, "x"); at(b, "u2", 30, "b");
        at(b, "u3", 0, "a"); at(b, "u3", 50, "b"); at(b, "u3", 70, "c");
        at(b, "u4", 0, "b"); at(b, "u4", 5, "c");
        at(b, "u5", 0, "a"); at(b, "u5", 1, "y");
        return b.result();
    }

    @Test
    void looseFunnelCountsEnteredConversionAndDropOffPerStep() {
        FunnelResult result = FunnelAccumulator.create(ABC).add(fiveCustomers()).result().orElseThrow();

        // Reached a: u1 u2 u3 u5 = 4; b: u1 u2 u3 = 3; c: u1 = 1.
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(4L, 3L, 1L);
        assertThat(result.steps()).extracting(FunnelStep::droppedOff).containsExactly(1L, 2L, 0L);
        FunnelStep b = result.steps().get(1);
        FunnelStep c = result.steps().get(2);
        assertThat(result.steps().get(0).conversionFromPrevious()).hasValue(1.0);
        assertThat(b.conversionFromPrevious()).hasValue(3.0 / 4);
        assertThat(c.conversionFromPrevious()).hasValue(1.0 / 3);
        assertThat(c.conversionFromStart()).hasValue(1.0 / 4);
        assertThat(result.converted()).isEqualTo(1);
        assertThat(result.excluded()).isZero();
    }

    @Test
    void timeToNextStepHasMedianAndMean() {
        FunnelResult result = FunnelAccumulator.create(ABC).add(fiveCustomers()).result().orElseThrow();

        // a -> b: u1 10 min, u2 30 min, u3 50 min: median 30, mean 30. b -> c: u1 10 min. Last step: none.
        FunnelStep a = result.steps().get(0);
        assertThat(a.medianTimeToNext()).contains(Duration.ofMinutes(30));
        assertThat(a.meanTimeToNext()).contains(Duration.ofMinutes(30));
        assertThat(result.steps().get(1).medianTimeToNext()).contains(Duration.ofMinutes(10));
        assertThat(result.steps().get(2).medianTimeToNext()).isEqualTo(Optional.empty());
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddleByNearestRank() {
        ActualJourneyBuilder b = builder();
        at(b, "u1", 0, "a"); at(b, "u1", 10, "b");
        at(b, "u2", 0, "a"); at(b, "u2", 15, "b");
        FunnelResult result = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofHours(1)))
                .add(b.result()).result().orElseThrow();
        // Times 10 and 15 minutes: nearest rank ceil(0.5 x 2) = 1, the 1st sorted time, 10 minutes (not the 12.5
        // minutes of the mean of the middle two, which the funnel gave before). Mean (10 + 15) / 2 = 12.5 minutes.
        assertThat(result.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(10));
        assertThat(result.steps().get(0).meanTimeToNext()).contains(Duration.ofSeconds(750));
    }

    @Test
    void medianOfFourTimesIsTheSecondAndTheMeanIsRoundedDownToTheMillisecond() {
        ActualJourneyBuilder b = builder();
        // Times a -> b: 1, 2, 3 and 5 ms.
        b.addMillis("u1", 0, "a").addMillis("u1", 1, "b");
        b.addMillis("u2", 0, "a").addMillis("u2", 2, "b");
        b.addMillis("u3", 0, "a").addMillis("u3", 3, "b");
        b.addMillis("u4", 0, "a").addMillis("u4", 5, "b");
        FunnelResult result = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofHours(1)))
                .add(b.result()).result().orElseThrow();
        // Rank ceil(0.5 x 4) = 2: the 2nd sorted time, 2 ms. Mean 11 / 4 = 2.75 ms, rounded down to 2 ms.
        assertThat(result.steps().get(0).medianTimeToNext()).contains(Duration.ofMillis(2));
        assertThat(result.steps().get(0).meanTimeToNext()).contains(Duration.ofMillis(2));
    }

    @Test
    void dropOffsReportWhatTheCustomerDidNext() {
        FunnelResult result = FunnelAccumulator.create(ABC).add(fiveCustomers()).result().orElseThrow();

        // After a without b: u5 did y. After b without c: u2's journey ended, u3 did c (too late).
        assertThat(result.steps().get(0).nextAfterDropOff()).containsExactly(entry("y", 1L));
        assertThat(result.steps().get(1).nextAfterDropOff()).containsExactly(entry("(end)", 1L), entry("c", 1L));
    }

    @Test
    void theWindowEndIsInclusive() {
        ActualJourneyBuilder b = builder();
        at(b, "u1", 0, "a"); at(b, "u1", 60, "b");
        at(b, "u2", 0, "a"); at(b, "u2", 61, "b");
        FunnelResult result = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofMinutes(60)))
                .add(b.result()).result().orElseThrow();
        // u1's b at exactly 60 minutes counts; u2's at 61 does not.
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(2L, 1L);
    }

    @Test
    void equalTimestampsFollowTheJourneyOrderByStepName() {
        ActualJourneyBuilder b = builder();
        // Both events at minute 0, b added first; the journey orders them a, b (step name).
        at(b, "u", 0, "b"); at(b, "u", 0, "a");
        ActualJourneys journeys = b.result();
        // Funnel a > b: b comes after a in the order, so it converts with time 0.
        FunnelResult ab = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofMinutes(1)))
                .add(journeys).result().orElseThrow();
        assertThat(ab.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L);
        assertThat(ab.steps().get(0).medianTimeToNext()).contains(Duration.ZERO);
        // Funnel b > a: nothing follows b, so it stops at b and the journey ends.
        FunnelResult ba = FunnelAccumulator.create(Funnel.of(List.of("b", "a"), Duration.ofMinutes(1)))
                .add(journeys).result().orElseThrow();
        assertThat(ba.steps()).extracting(FunnelStep::entered).containsExactly(1L, 0L);
        assertThat(ba.steps().get(0).nextAfterDropOff()).containsExactly(entry("(end)", 1L));
    }

    @Test
    void strictOrderNeedsEachStepImmediatelyAfterThePrevious() {
        FunnelResult result = FunnelAccumulator.create(ABC.withOrder(Funnel.StepOrder.STRICT))
                .add(fiveCustomers()).result().orElseThrow();

        // u2 has x between a and b, so stops at a (next: x). u1: a b c. u3: a b, c outside the window.
        // a: u1 u2 u3 u5 = 4; b: u1 u3 = 2; c: u1 = 1.
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(4L, 2L, 1L);
        assertThat(result.steps().get(0).nextAfterDropOff()).containsExactly(entry("x", 1L), entry("y", 1L));
    }

    /** a@0 a@5 b@10 a@100 b@200, funnel a, b within 60 minutes. */
    static ActualJourneys reEntry() {
        ActualJourneyBuilder b = builder();
        at(b, "u", 0, "a"); at(b, "u", 5, "a"); at(b, "u", 10, "b"); at(b, "u", 100, "a"); at(b, "u", 200, "b");
        return b.result();
    }

    @Test
    void allAttemptsStartAgainAfterThePreviousAttemptsLastMatchedEvent() {
        Funnel funnel = Funnel.of(List.of("a", "b"), Duration.ofMinutes(60))
                .withCounting(Funnel.Counting.ALL_ATTEMPTS);
        FunnelResult result = FunnelAccumulator.create(funnel).add(reEntry()).result().orElseThrow();

        // Attempt 1 anchors at a@0 and matches b@10 (a@5 lies inside it and starts nothing).
        // Attempt 2 anchors at a@100; b@200 is 100 minutes later, outside the window.
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(2L, 1L);
        assertThat(result.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(10));
    }

    @Test
    void uniqueCustomersCountTheFurthestAttemptOnce() {
        FunnelResult result = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofMinutes(60)))
                .add(reEntry()).result().orElseThrow();
        // Best attempt: the first (reaches b); time measured from the anchor a@0: 10 minutes.
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L);
        assertThat(result.steps().get(0).meanTimeToNext()).contains(Duration.ofMinutes(10));
    }

    @Test
    void uniqueCustomersTryEveryOccurrenceOfTheFirstStepAsAnchor() {
        ActualJourneyBuilder b = builder();
        at(b, "u", 0, "a"); at(b, "u", 50, "a"); at(b, "u", 55, "b"); at(b, "u", 100, "c");
        // Anchor a@0: b@55, but c@100 is outside its 60-minute window: reaches b.
        // Anchor a@50: b@55, c@100 (50 minutes after the anchor): reaches c. Unique counting takes the furthest.
        FunnelResult unique = FunnelAccumulator.create(ABC).add(b.result()).result().orElseThrow();
        assertThat(unique.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 1L);
        assertThat(unique.steps().get(0).meanTimeToNext()).contains(Duration.ofMinutes(5));
        // All attempts: the attempt from a@0 matches b@55 and ends there; a@50 lies inside it and starts nothing.
        FunnelResult all = FunnelAccumulator.create(ABC.withCounting(Funnel.Counting.ALL_ATTEMPTS))
                .add(b.result()).result().orElseThrow();
        assertThat(all.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 0L);
    }

    @Test
    void uniqueCustomersTakeTheBestAttemptOverAllTheirJourneys() {
        ActualJourneyBuilder b = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                Duration.ofMinutes(30));
        // Journey 1: a@0 (stops). Journey 2 after 100 minutes of inactivity: a@100 b@110.
        at(b, "u", 0, "a"); at(b, "u", 100, "a"); at(b, "u", 110, "b");
        ActualJourneys journeys = b.result();
        assertThat(journeys.size()).isEqualTo(2);
        FunnelResult result = FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofMinutes(60)))
                .add(journeys).result().orElseThrow();
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L);
    }

    @Test
    void anExclusionBetweenAnchorAndLastMatchedStepExcludesTheAttempt() {
        ActualJourneyBuilder b = builder();
        at(b, "v1", 0, "a"); at(b, "v1", 1, "z"); at(b, "v1", 2, "b"); at(b, "v1", 3, "c");
        at(b, "v2", 0, "a"); at(b, "v2", 1, "b"); at(b, "v2", 2, "z");
        at(b, "v3", 0, "a"); at(b, "v3", 1, "z");
        FunnelResult result = FunnelAccumulator.create(ABC.withExclusions(List.of("z"))).add(b.result()).result().orElseThrow();

        // v1: z between a and b, excluded. v2: z after its last matched step b, reaches b, next z.
        // v3: z after its only matched step a, reaches a, next z.
        assertThat(result.excluded()).isEqualTo(1);
        assertThat(result.steps()).extracting(FunnelStep::entered).containsExactly(2L, 1L, 0L);
        assertThat(result.steps().get(1).nextAfterDropOff()).containsExactly(entry("z", 1L));
    }

    @Test
    void breakdownByACustomerDimensionRunsOnBreakdown() {
        Map<String, String> segment = Map.of("u1", "odd", "u3", "odd", "u5", "odd", "u2", "even", "u4", "even");
        Map<String, FunnelResult> results = fiveCustomers().customers().parallelStream().collect(
                Breakdown.collector(customer -> segment.get(customer.customerId()),
                        () -> FunnelAccumulator.create(ABC), FunnelAccumulator::add));

        // odd: u1 (a b c), u3 (a b), u5 (a): 3, 2, 1. even: u2 (a b), u4 (never enters): 1, 1, 0.
        assertThat(results.keySet()).containsExactlyInAnyOrder("even", "odd");
        assertThat(results.get("odd").steps()).extracting(FunnelStep::entered).containsExactly(3L, 2L, 1L);
        assertThat(results.get("even").steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 0L);
        assertThatThrownBy(() -> fiveCustomers().customers().stream().collect(Breakdown.collector(
                customer -> null, () -> FunnelAccumulator.create(ABC), FunnelAccumulator::add)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("key");
    }

    @Test
    void mergedPartitionsEqualOneAccumulator() {
        ActualJourneyBuilder left = builder();
        at(left, "u1", 0, "a"); at(left, "u1", 10, "b"); at(left, "u1", 20, "c");
        ActualJourneyBuilder right = builder();
        at(right, "u2", 0, "a"); at(right, "u2", 5, "x"); at(right, "u2", 30, "b");
        FunnelResult merged = FunnelAccumulator.create(ABC).add(left.result())
                .merge(FunnelAccumulator.create(ABC).add(right.result())).result().orElseThrow();
        // a: 2, b: 2, c: 1; a -> b times 10 and 30: nearest-rank median, rank ceil(0.5 x 2) = 1: 10; mean 20.
        assertThat(merged.steps()).extracting(FunnelStep::entered).containsExactly(2L, 2L, 1L);
        assertThat(merged.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(10));
        assertThat(merged.steps().get(0).meanTimeToNext()).contains(Duration.ofMinutes(20));
        assertThat(merged.steps().get(1).nextAfterDropOff()).containsExactly(entry("(end)", 1L));
        assertThatThrownBy(() -> FunnelAccumulator.create(ABC).merge(FunnelAccumulator.create(
                ABC.withOrder(Funnel.StepOrder.STRICT)))).isInstanceOf(IncompatibleMergeException.class)
                .hasMessageContaining("STRICT");
    }

    @Test
    void badDefinitionsAreRejectedWithTheRule() {
        assertThatThrownBy(() -> Funnel.of(List.of(), Duration.ofMinutes(1)))
                .isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("a funnel needs at least one step (empty step list)");
        assertThatThrownBy(() -> Funnel.of(List.of("a"), Duration.ZERO))
                .isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("the conversion window must be positive, at least 1 ms (was PT0S)");
        assertThatThrownBy(() -> Funnel.of(List.of("a"), Duration.ofMinutes(-5)))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Funnel.of(List.of("a", " "), Duration.ofMinutes(5)))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("steps[1]");
        assertThatThrownBy(() -> ABC.withExclusions(List.of("b")))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("'b' is both");
    }
}
