package org.journeykit.metrics.journeys.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.junit.jupiter.api.Test;

/** The two unique-customer rules where they differ, and the result's encoding of "undefined". */
class FunnelCountingTest {

    private static final Funnel ABC = Funnel.of(List.of("a", "b", "c"), Duration.ofMinutes(60));
    private static final Funnel FIRST = ABC.withCounting(Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY);
    private static final Funnel BEST = ABC.withCounting(Funnel.Counting.UNIQUE_CUSTOMERS_BEST_ENTRY);

    private static ActualJourneyBuilder builder() {
        return ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
    }

    private static ActualJourneyBuilder at(ActualJourneyBuilder builder, String customer, long minutes, String step) {
        return builder.addMillis(customer, minutes * 60_000, step);
    }

    private static FunnelResult result(Funnel funnel, ActualJourneys journeys) {
        return FunnelAccumulator.create(funnel).add(journeys).result().orElseThrow();
    }

    @Test
    void bestEntryIsTheDefault() {
        assertThat(ABC.counting()).isEqualTo(Funnel.Counting.UNIQUE_CUSTOMERS_BEST_ENTRY);
        assertThat(ABC).isEqualTo(BEST).hasSameHashCodeAs(BEST).isNotEqualTo(FIRST);
    }

    /** Mixpanel's own example: A at 1 pm, A at 1:30 pm, B at 1:45 pm, C at 2:15 pm, a one-hour window. */
    @Test
    void mixpanelsExampleStopsAtBWithFirstEntryAndConvertsWithBestEntry() {
        ActualJourneyBuilder b = builder();
        at(b, "u", 0, "a"); at(b, "u", 30, "a"); at(b, "u", 45, "b"); at(b, "u", 75, "c");
        ActualJourneys journeys = b.result();

        // First entry: the window runs from a@0 to minute 60; b@45 is inside, c@75 is 75 minutes after the anchor:
        // reaches b. Time a -> b = 45 - 0 = 45 minutes; after b the next event is c (too late).
        FunnelResult first = result(FIRST, journeys);
        assertThat(first.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 0L);
        assertThat(first.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(45));
        assertThat(first.steps().get(1).nextAfterDropOff()).containsExactly(entry("c", 1L));

        // Best entry: the anchor a@30 has its window to minute 90: b@45 (15 minutes), c@75 (45 minutes after the
        // anchor): reaches c. Times a -> b = 45 - 30 = 15 minutes, b -> c = 75 - 45 = 30 minutes.
        FunnelResult best = result(BEST, journeys);
        assertThat(best.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 1L);
        assertThat(best.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(15));
        assertThat(best.steps().get(1).medianTimeToNext()).contains(Duration.ofMinutes(30));
    }

    @Test
    void firstEntryNeverReAnchorsInALaterJourney() {
        ActualJourneyBuilder b = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                Duration.ofMinutes(30));
        // Journey 1: a@0 alone. Journey 2, after 100 minutes of inactivity: a@100 b@110 c@120.
        at(b, "u", 0, "a"); at(b, "u", 100, "a"); at(b, "u", 110, "b"); at(b, "u", 120, "c");
        ActualJourneys journeys = b.result();
        assertThat(journeys.size()).isEqualTo(2);

        // First entry: the anchor is a@0, whose journey ends there: reaches a, then "(end)".
        FunnelResult first = result(FIRST, journeys);
        assertThat(first.steps()).extracting(FunnelStep::entered).containsExactly(1L, 0L, 0L);
        assertThat(first.steps().get(0).nextAfterDropOff()).containsExactly(entry(FunnelStep.END, 1L));
        // Best entry: a@100 reaches c (b 10, c 20 minutes after it).
        assertThat(result(BEST, journeys).steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 1L);
    }

    @Test
    void firstEntryCountsTheCustomerAsExcludedWhenTheFirstAttemptIs() {
        ActualJourneyBuilder b = builder();
        // a@0 z@1 b@2 (z between a and b: excluded), then a@100 b@101 c@102 (clean).
        at(b, "u", 0, "a"); at(b, "u", 1, "z"); at(b, "u", 2, "b");
        at(b, "u", 100, "a"); at(b, "u", 101, "b"); at(b, "u", 102, "c");
        ActualJourneys journeys = b.result();

        // First entry: only the attempt from a@0 counts, and it is excluded: nobody entered, 1 excluded. The
        // result is still present (someone entered), but no conversion rate is defined: 0 of 0.
        FunnelResult first = result(FIRST.withExclusions(List.of("z")), journeys);
        assertThat(first.excluded()).isEqualTo(1);
        assertThat(first.steps()).extracting(FunnelStep::entered).containsExactly(0L, 0L, 0L);
        assertThat(first.steps().get(0).conversionFromStart()).isEmpty();
        assertThat(first.steps().get(1).conversionFromPrevious()).isEmpty();
        // Best entry: the excluded attempt is skipped; a@100 reaches c.
        FunnelResult best = result(BEST.withExclusions(List.of("z")), journeys);
        assertThat(best.excluded()).isZero();
        assertThat(best.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 1L);
    }

    @Test
    void bestEntryBreaksATieByTheEarliestAnchor() {
        ActualJourneyBuilder b = builder();
        // Events a@0 b@50 a@55 b@58, funnel a > b > c, no c at all.
        at(b, "u", 0, "a"); at(b, "u", 50, "b"); at(b, "u", 55, "a"); at(b, "u", 58, "b");
        // Anchor a@0: b@50, reaches b. Anchor a@55: b@58, reaches b. Tie: the earliest anchor, a@0, gives the time
        // a -> b = 50 minutes and the step after its b@50: a.
        FunnelResult best = result(BEST, b.result());
        assertThat(best.steps()).extracting(FunnelStep::entered).containsExactly(1L, 1L, 0L);
        assertThat(best.steps().get(0).medianTimeToNext()).contains(Duration.ofMinutes(50));
        assertThat(best.steps().get(1).nextAfterDropOff()).containsExactly(entry("a", 1L));
    }

    @Test
    void firstEntryTakesTheFirstOfEqualTimeAnchorsInJourneyOrder() {
        ActualJourneyBuilder b = builder();
        // Funnel a > b. At minute 0: "a" twice (the journey keeps input order among equal steps), then b@61.
        at(b, "u", 0, "a"); at(b, "u", 0, "a"); at(b, "u", 61, "b");
        Funnel ab = Funnel.of(List.of("a", "b"), Duration.ofMinutes(60))
                .withCounting(Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY);
        // The first a@0 anchors; b@61 is 61 minutes later, outside the window: reaches a; next event: the second a.
        FunnelResult first = result(ab, b.result());
        assertThat(first.steps()).extracting(FunnelStep::entered).containsExactly(1L, 0L);
        assertThat(first.steps().get(0).nextAfterDropOff()).containsExactly(entry("a", 1L));
    }

    @Test
    void theResultIsEmptyWhenNobodyEntered() {
        ActualJourneyBuilder b = builder();
        at(b, "u", 0, "b"); at(b, "u", 1, "c");
        assertThat(FunnelAccumulator.create(ABC).result()).isEmpty();
        assertThat(FunnelAccumulator.create(ABC).add(b.result()).result()).isEmpty();
    }

    @Test
    void conversionRatesAreEmptyOnlyWhereTheyAreUndefined() {
        ActualJourneyBuilder b = builder();
        at(b, "u", 0, "a");
        FunnelResult result = result(ABC, b.result());
        // a: 1 of 1 = 1.0; b: 0 of 1 = 0.0 (defined: somebody could have gone on); c: 0 of 0, undefined.
        assertThat(result.steps().get(0).conversionFromPrevious()).hasValue(1.0);
        assertThat(result.steps().get(1).conversionFromPrevious()).hasValue(0.0);
        assertThat(result.steps().get(2).conversionFromPrevious()).isEmpty();
        assertThat(result.steps().get(2).conversionFromStart()).hasValue(0.0);
        assertThat(result.steps().get(0).medianTimeToNext()).isEmpty();
    }
}
