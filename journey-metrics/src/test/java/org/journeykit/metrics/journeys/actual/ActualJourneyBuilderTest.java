package org.journeykit.metrics.journeys.actual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.TimeLimits;
import org.junit.jupiter.api.Test;

class ActualJourneyBuilderTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    static Journey plan() {
        return Journey.builder().id("buy").name("Buy a laptop")
                .addPhases(Phase.ORIENTATION, Phase.PURCHASE)
                .addTouchpoints(Touchpoint.of("visit-site", "Visit site", "orientation"))
                .addTouchpoints(Touchpoint.of("order-form", "Order form", "purchase"))
                .build();
    }

    private static InteractionEvent event(String customer, long minutes, String touchpoint) {
        return InteractionEvent.of(customer, T0.plusSeconds(60 * minutes), touchpoint);
    }

    @Test
    void groupsEventsPerCustomerAndOrdersThemByTime() {
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c1", 30, "b")).add(event("c1", 10, "a")).add(event("c2", 5, "x"))
                .add(event("c1", 20, "c"))
                .result();

        // Customers in order of first event (c1, c2); c1 sorted by time: a (10), c (20), b (30).
        assertThat(journeys.size()).isEqualTo(2);
        assertThat(journeys.customerId(0)).isEqualTo("c1");
        assertThat(journeys.steps(0)).containsExactly("a", "c", "b");
        assertThat(journeys.times(0)).containsExactly(T0.plusSeconds(600), T0.plusSeconds(1200),
                T0.plusSeconds(1800));
        assertThat(journeys.steps(1)).containsExactly("x");
        assertThat(journeys.eventCount()).isEqualTo(4);
    }

    @Test
    void equalTimestampsAreOrderedByStepNameThenInputOrder() {
        InteractionEvent failed = InteractionEvent.builder().customerId("c1").time(T0).touchpointId("b")
                .outcome(Outcome.FAILED).build();
        InteractionEvent completed = InteractionEvent.builder().customerId("c1").time(T0).touchpointId("b")
                .outcome(Outcome.COMPLETED).build();
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(failed).add(event("c1", 0, "a")).add(completed)
                .result();

        // All three at T0: "a" sorts before "b"; the two "b" keep input order (failed, then completed).
        assertThat(journeys.steps(0)).containsExactly("a", "b", "b");
        assertThat(journeys.outcome(0, 0)).isEmpty();
        assertThat(journeys.outcome(0, 1)).contains(Outcome.FAILED);
        assertThat(journeys.outcome(0, 2)).contains(Outcome.COMPLETED);
    }

    @Test
    void inactivityLongerThanThePeriodSplitsAJourney() {
        ActualJourneys journeys = ActualJourneyBuilder
                .create(EventMapping.by(EventMapping.Source.TOUCHPOINT), Duration.ofMinutes(30))
                .add(event("c1", 0, "a")).add(event("c1", 30, "b")).add(event("c1", 61, "c"))
                .result();

        // 0 -> 30: gap of exactly 30 min, same journey; 30 -> 61: gap of 31 min, new journey.
        assertThat(journeys.size()).isEqualTo(2);
        assertThat(journeys.steps(0)).containsExactly("a", "b");
        assertThat(journeys.steps(1)).containsExactly("c");
        assertThat(journeys.customerId(1)).isEqualTo("c1");
    }

    @Test
    void aTableMapsActivitiesAndChannelsToTouchpoints() {
        EventMapping mapping = EventMapping.by(EventMapping.Source.TOUCHPOINT)
                .withTable(Map.of("order form submitted", "order-form"))
                .strict(plan());
        ActualJourneys journeys = ActualJourneyBuilder.create(mapping)
                .add(event("c1", 0, "visit-site"))
                .add(InteractionEvent.builder().customerId("c1").time(T0.plusSeconds(60))
                        .activity("order form submitted").build())
                .result();
        assertThat(journeys.steps(0)).containsExactly("visit-site", "order-form");

        ActualJourneys byChannel = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.CHANNEL)
                        .withTable(Map.of("web", "visit-site")))
                .add(InteractionEvent.builder().customerId("c1").time(T0).touchpointId("x").channelId("web").build())
                .result();
        assertThat(byChannel.steps(0)).containsExactly("visit-site");
    }

    @Test
    void phasesComeFromThePlanWhenAnEventHasNone() {
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.PHASE).strict(plan()))
                .add(event("c1", 0, "visit-site")).add(event("c1", 1, "order-form"))
                .result();
        assertThat(journeys.steps(0)).containsExactly("orientation", "purchase");
    }

    @Test
    void aStrictMappingRejectsUnknownTouchpointsNamingTheEvent() {
        ActualJourneyBuilder builder = ActualJourneyBuilder
                .create(EventMapping.by(EventMapping.Source.TOUCHPOINT).strict(plan()))
                .add(event("c1", 0, "visit-site")).add(event("c1", 1, "order-form"));
        assertThatThrownBy(() -> builder.add(event("c1", 2, "call-centre")))
                .isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("event 2: a strict mapping allows only steps of the plan (unknown step 'call-centre')")
                .satisfies(e -> {
                    assertThat(((JourneyAnalyticsException) e).getEventIndex()).hasValue(2);
                    assertThat(((JourneyAnalyticsException) e).getRule())
                            .isEqualTo("a strict mapping allows only steps of the plan");
                });
    }

    @Test
    void aStrictMappingRejectsEventsItCannotMapAtAll() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT)
                .withTable(Map.of("order form submitted", "order-form")).strict(plan()));
        InteractionEvent unmapped = InteractionEvent.builder().customerId("c1").time(T0).activity("chatted").build();
        assertThatThrownBy(() -> builder.add(unmapped)).isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("event 0: a strict mapping must map every event to a step "
                        + "(no touchpoint value could be mapped)");
    }

    @Test
    void aLenientMappingSkipsEventsItCannotMap() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.CHANNEL))
                .add(InteractionEvent.builder().customerId("c1").time(T0).touchpointId("a").channelId("web").build())
                .add(event("c1", 1, "b"));
        assertThat(builder.skippedCount()).isEqualTo(1);
        assertThat(builder.eventCount()).isEqualTo(2);
        assertThat(builder.result().steps(0)).containsExactly("web");
    }

    @Test
    void eventsWithoutCustomerTimeOrStepAreRejectedNamingTheEvent() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        builder.addMillis("c1", 0, "a");
        assertThatThrownBy(() -> builder.addMillis(" ", 0, "a")).isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("event 1: every event needs a customer id (customer id was missing)");
        assertThatThrownBy(() -> builder.add("c1", null, "a")).isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("event 2: every event needs a time (time was missing)");
        assertThatThrownBy(() -> builder.addMillis("c1", 0, null)).isInstanceOf(JourneyAnalyticsException.class)
                .hasMessage("event 3: every event needs a step (step was missing)");
    }

    @Test
    void aZeroOrNegativeInactivityPeriodIsRejected() {
        EventMapping mapping = EventMapping.by(EventMapping.Source.TOUCHPOINT);
        assertThatThrownBy(() -> ActualJourneyBuilder.create(mapping, Duration.ZERO))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> ActualJourneyBuilder.create(mapping, Duration.ofSeconds(-1)))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("must be positive");
    }

    @Test
    void mergingCombinesACustomersEventsFromSeveralPartitions() {
        ActualJourneyBuilder left = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c1", 20, "b"));
        ActualJourneyBuilder right = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c2", 5, "x")).add(event("c1", 10, "a"));
        ActualJourneys journeys = left.merge(right).result();

        // c1 (first seen in left) gets a (10) from right before b (20) from left; then c2.
        assertThat(journeys.steps(0)).containsExactly("a", "b");
        assertThat(journeys.steps(1)).containsExactly("x");
        assertThat(journeys.codeOf("x")).isPresent();
        assertThat(journeys.codeOf("nope")).isEmpty();
        assertThat(left.eventCount()).isEqualTo(3);
    }

    @Test
    void longJourneysAreSortedStablyBeyondTheInsertionSortLimit() {
        // 100 events in reverse time order, with pairs sharing a time: steps "s1" then "s0" at each time.
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int t = 49; t >= 0; t--) {
            builder.addMillis("c", t, "s1").addMillis("c", t, "s0");
        }
        ActualJourneys journeys = builder.result();
        for (int p = 0; p < 100; p++) {
            // Time p / 2; at each time "s0" sorts before "s1".
            assertThat(journeys.timeMillis(0, p)).isEqualTo(p / 2);
            assertThat(journeys.stepName(journeys.step(0, p))).isEqualTo(p % 2 == 0 ? "s0" : "s1");
        }
        assertThat(journeys.durationMillis(0, 0)).isEqualTo(-1);
        assertThat(Optional.of(journeys.length(0))).contains(100);
    }

    @Test
    void timesOutsideTheTimeLimitsAreRefusedWithTheirRule() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        // 9999-12-31T23:59:59.999Z is the last accepted millisecond; one more is refused.
        builder.addMillis("c1", TimeLimits.LATEST_EPOCH_MILLI, "a");
        assertThatThrownBy(() -> builder.addMillis("c1", TimeLimits.LATEST_EPOCH_MILLI + 1, "a"))
                .isInstanceOfSatisfying(MetricInputException.class, e -> {
                    assertThat(e.getRule()).isEqualTo(TimeLimits.RULE);
                    assertThat(e.getMessage()).startsWith("event 1: ");
                });
        assertThatThrownBy(() -> builder.add("c1", Instant.MIN, "a")).isInstanceOf(JourneyAnalyticsException.class)
                .hasMessageContaining(TimeLimits.RULE);
        assertThat(builder.result().eventCount()).isEqualTo(1);
    }

    @Test
    void aStepLongerThanTheLimitIsRefused() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        builder.addMillis("c1", 0, "s".repeat(ActualJourneys.MAX_STEP_LENGTH));
        assertThatThrownBy(() -> builder.addMillis("c1", 0, "s".repeat(ActualJourneys.MAX_STEP_LENGTH + 1)))
                .isInstanceOf(JourneyAnalyticsException.class).hasMessageContaining("at most 200 characters");
    }

    @Test
    void mergingABuilderWithItselfDoublesItsEvents() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c1", 20, "b")).add(event("c1", 10, "a"));
        ActualJourneys journeys = builder.merge(builder).result();
        // a@10 twice (ties keep input order), then b@20 twice; 4 events offered in all.
        assertThat(journeys.steps(0)).containsExactly("a", "a", "b", "b");
        assertThat(builder.eventCount()).isEqualTo(4);
    }

    @Test
    void buildersOfDifferentInactivityPeriodsDoNotMerge() {
        EventMapping mapping = EventMapping.by(EventMapping.Source.TOUCHPOINT);
        assertThatThrownBy(() -> ActualJourneyBuilder.create(mapping, Duration.ofMinutes(30))
                .merge(ActualJourneyBuilder.create(mapping))).isInstanceOf(IncompatibleMergeException.class)
                .hasMessageContaining("1800000 ms");
    }

    @Test
    void customersGroupTheirConsecutiveJourneys() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                Duration.ofMinutes(30));
        // c1: a@0, then b@100 after more than 30 minutes: two journeys. c2: one journey.
        builder.add(event("c1", 0, "a")).add(event("c1", 100, "b")).add(event("c2", 0, "a"));
        ActualJourneys journeys = builder.result();
        assertThat(journeys.customers()).extracting(ActualJourneys.Customer::customerId,
                ActualJourneys.Customer::firstJourney, ActualJourneys.Customer::endJourney)
                .containsExactly(tuple("c1", 0, 2), tuple("c2", 2, 3));
        assertThatThrownBy(() -> new ActualJourneys.Customer(journeys, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different customers");
        assertThatThrownBy(() -> new ActualJourneys.Customer(journeys, 2, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
