package org.journeykit.metrics.journeys.actual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.observed.InteractionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActualJourneyStreamTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final EventMapping BY_TOUCHPOINT = EventMapping.by(EventMapping.Source.TOUCHPOINT);

    private static InteractionEvent event(String customer, long minutes, String touchpoint) {
        return InteractionEvent.of(customer, T0.plusSeconds(60 * minutes), touchpoint);
    }

    @Test
    void ordersEachCustomersEventsAndHandsThemOverOnClose() {
        List<ActualJourneys> chunks = new ArrayList<>();
        try (ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, chunks::add)) {
            stream.add(event("c1", 30, "pay")).add(event("c1", 10, "visit")).add(event("c2", 5, "visit"))
                    .add(event("c2", 5, "cart"));
            // Nothing is handed over before the chunk is full or the stream closes.
            assertThat(chunks).isEmpty();
        }
        // c1 by time: visit (10), pay (30); c2 both at 5 minutes, so by step name: cart, visit.
        assertThat(chunks).singleElement().satisfies(journeys -> {
            assertThat(journeys.size()).isEqualTo(2);
            assertThat(journeys.customerId(0)).isEqualTo("c1");
            assertThat(journeys.steps(0)).containsExactly("visit", "pay");
            assertThat(journeys.steps(1)).containsExactly("cart", "visit");
        });
    }

    @Test
    void splitsACustomerAfterTheInactivityPeriodButNotAtExactlyThePeriod() {
        List<ActualJourneys> chunks = new ArrayList<>();
        try (ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, Duration.ofMinutes(30),
                chunks::add)) {
            // Gaps: 30 minutes (not a split), then 31 minutes (a split).
            stream.add(event("c1", 0, "a")).add(event("c1", 30, "b")).add(event("c1", 61, "c"));
        }
        ActualJourneys journeys = chunks.get(0);
        assertThat(journeys.size()).isEqualTo(2);
        assertThat(journeys.steps(0)).containsExactly("a", "b");
        assertThat(journeys.steps(1)).containsExactly("c");
        assertThat(journeys.customerId(1)).isEqualTo("c1");
    }

    @Test
    void aCustomerThatComesBackAfterOthersIsRefusedWithTheEventsIndex() {
        ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, chunk -> { });
        stream.add(event("c1", 0, "a")).add(event("c2", 1, "a"));
        // The third event (index 2) brings c1 back.
        assertThatThrownBy(() -> stream.add(event("c1", 2, "b")))
                .isInstanceOfSatisfying(JourneyAnalyticsException.class, e -> {
                    assertThat(e.getMessage()).contains("event 2").contains("grouped by customer").contains("c1");
                });
    }

    @Test
    void aMissingCustomerIsRefusedByTheBuildersRuleWithTheEventsIndex() {
        ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, chunk -> { });
        stream.addMillis("c1", 0, "a");
        assertThatThrownBy(() -> stream.addMillis(" ", 1, "a"))
                .isInstanceOfSatisfying(JourneyAnalyticsException.class,
                        e -> assertThat(e.getMessage()).contains("event 1").contains("customer id"));
    }

    @Test
    void anEmptyStreamHandsNothingOver() {
        List<ActualJourneys> chunks = new ArrayList<>();
        ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, chunks::add);
        stream.close();
        stream.close();
        assertThat(chunks).isEmpty();
        assertThat(stream.chunkCount()).isZero();
        assertThatThrownBy(() -> stream.addMillis("c1", 0, "a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCustomerIsNeverSplitAcrossChunks() {
        List<ActualJourneys> chunks = new ArrayList<>();
        int customers = ActualJourneyStream.CHUNK_CUSTOMERS + 10;
        try (ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, chunks::add)) {
            for (int c = 0; c < customers; c++) {
                // Customer 4,000 has 70,000 events: more than a chunk's event threshold on its own.
                int events = c == 4_000 ? 70_000 : 3;
                for (int i = 0; i < events; i++) {
                    stream.addMillis("c" + c, i, "s" + i % 3);
                }
            }
        }
        // The first chunk closes when the event threshold is passed (after customer 4,000's events), the second
        // holds the remaining customers 4,001..4,105.
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).size()).isEqualTo(4_001);
        assertThat(chunks.get(0).length(4_000)).isEqualTo(70_000);
        assertThat(chunks.get(1).size()).isEqualTo(customers - 4_001);
        assertThat(chunks.get(1).customerId(0)).isEqualTo("c4001");
    }

    /**
     * The batch builder, which holds every event, is the reference: over seeded random inputs grouped by customer
     * (events shuffled within each customer, with ties), the stream's chunks must give the same funnel and the same
     * paths.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void givesTheSameFunnelAndPathsAsTheBatchBuilder(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        Funnel funnel = Funnel.of(List.of("s0", "s1", "s2"), Duration.ofMinutes(50));
        ActualJourneyBuilder batch = ActualJourneyBuilder.create(BY_TOUCHPOINT, Duration.ofMinutes(40));
        FunnelAccumulator streamedFunnel = FunnelAccumulator.create(funnel);
        PathAccumulator streamedPaths = PathAccumulator.create();
        try (ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, Duration.ofMinutes(40), chunk -> {
            streamedFunnel.add(chunk);
            streamedPaths.add(chunk);
        })) {
            for (int c = 0; c < 12_000; c++) {
                int events = 1 + random.nextInt(12);
                for (int i = 0; i < events; i++) {
                    long millis = 60_000L * random.nextInt(120);
                    String step = "s" + random.nextInt(4);
                    batch.addMillis("customer-" + c, millis, step);
                    stream.addMillis("customer-" + c, millis, step);
                }
            }
            assertThat(stream.eventCount()).isEqualTo(batch.eventCount());
        }
        ActualJourneys all = batch.result();
        FunnelResult expectedFunnel = FunnelAccumulator.create(funnel).add(all).result().orElseThrow();
        PathResult expectedPaths = PathAccumulator.create().add(all).result().orElseThrow();
        assertThat(streamedFunnel.result()).as("seed %d", seed).contains(expectedFunnel);
        assertThat(describe(streamedPaths.result().orElseThrow())).as("seed %d", seed)
                .isEqualTo(describe(expectedPaths));
        assertThat(expectedFunnel.steps().get(0).entered()).as("seed %d: the funnel is not empty", seed)
                .isGreaterThan(1_000);
    }

    /** Everything a path result says, as text: variants and edges print every field. */
    private static String describe(PathResult paths) {
        return paths.journeyCount() + " journeys; variants " + paths.variants() + "; edges "
                + paths.edges().stream().map(edge -> edge + " in " + edge.meanTime()).collect(Collectors.toList())
                + "; starts " + paths.startCounts() + "; ends " + paths.endCounts();
    }

    /**
     * The parallel stream against the sequential one, on seeded random inputs grouped by customer: the same funnel
     * (every count, time and drop-off), with one and with three workers, and more chunks than workers.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void theParallelStreamGivesTheSameFunnelAsTheSequentialOne(long seed) {
        Funnel funnel = Funnel.of(List.of("s0", "s1", "s2"), Duration.ofMinutes(50));
        FunnelAccumulator sequential = FunnelAccumulator.create(funnel);
        List<ParallelJourneyStream<FunnelAccumulator>> parallel = List.of(
                ParallelJourneyStream.create(BY_TOUCHPOINT, Duration.ofMinutes(40), 1,
                        () -> FunnelAccumulator.create(funnel), FunnelAccumulator::add),
                ParallelJourneyStream.create(BY_TOUCHPOINT, Duration.ofMinutes(40), 3,
                        () -> FunnelAccumulator.create(funnel), FunnelAccumulator::add));
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        try (ActualJourneyStream stream = ActualJourneyStream.create(BY_TOUCHPOINT, Duration.ofMinutes(40),
                sequential::add)) {
            for (int c = 0; c < 20_000; c++) {
                int events = 1 + random.nextInt(8);
                for (int i = 0; i < events; i++) {
                    long millis = 60_000L * random.nextInt(120);
                    String step = "s" + random.nextInt(4);
                    String customer = "customer-" + c;
                    stream.addMillis(customer, millis, step);
                    parallel.forEach(p -> p.addMillis(customer, millis, step));
                }
            }
        }
        for (ParallelJourneyStream<FunnelAccumulator> p : parallel) {
            p.close();
            assertThat(p.chunkCount()).isGreaterThan(3);
            assertThat(p.accumulator().result()).as("seed %d", seed).isEqualTo(sequential.result());
            assertThat(p.accumulator().toBytes()).isEqualTo(sequential.toBytes());
        }
    }

    @Test
    void theParallelStreamRefusesACustomerThatComesBackWithTheEventsIndex() {
        ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(BY_TOUCHPOINT,
                () -> FunnelAccumulator.create(Funnel.of(List.of("a"), Duration.ofMinutes(1))),
                FunnelAccumulator::add);
        for (int c = 0; c < ActualJourneyStream.CHUNK_CUSTOMERS * 3; c++) {
            stream.addMillis("c" + c, 0, "a");
        }
        // Event index 3 x 4,096 = 12,288 brings c5 back, after two chunks went to the workers. The workers check
        // the customers, so the refusal comes at the latest from close.
        assertThatThrownBy(() -> {
            stream.addMillis("c5", 1, "a");
            stream.close();
        }).isInstanceOfSatisfying(JourneyAnalyticsException.class, e -> {
            assertThat(e.getEventIndex()).hasValue(12_288);
            assertThat(e.getMessage()).contains("grouped by customer").contains("c5");
        });
        assertThatThrownBy(stream::accumulator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theParallelStreamRefusesACustomerThatComesBackWithinOneChunk() {
        ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(BY_TOUCHPOINT,
                () -> FunnelAccumulator.create(Funnel.of(List.of("a"), Duration.ofMinutes(1))),
                FunnelAccumulator::add);
        // c1 (events 0, 1), c2 (event 2), c1 again at event 3.
        stream.addMillis("c1", 0, "a").addMillis("c1", 1, "a").addMillis("c2", 0, "a").addMillis("c1", 2, "a");
        assertThatThrownBy(stream::close).isInstanceOfSatisfying(JourneyAnalyticsException.class,
                e -> assertThat(e.getEventIndex()).hasValue(3));
    }

    @Test
    void aWorkersFailureIsRethrownAndTheWorkersEnd() {
        IllegalStateException boom = new IllegalStateException("boom");
        ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(BY_TOUCHPOINT, null, 2,
                () -> FunnelAccumulator.create(Funnel.of(List.of("a"), Duration.ofMinutes(1))),
                (accumulator, chunk) -> {
                    throw boom;
                });
        assertThatThrownBy(() -> {
            for (int c = 0; c < ActualJourneyStream.CHUNK_CUSTOMERS * 20; c++) {
                stream.addMillis("c" + c, 0, "a");
            }
            stream.close();
        }).isSameAs(boom);
        // Closing (as try-with-resources would after the failed add) ends the workers and rethrows; again, nothing.
        assertThatThrownBy(stream::close).isSameAs(boom);
        stream.close();
        assertThatThrownBy(stream::accumulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("journeykit-journeys")
                && t.isAlive());
    }

    @Test
    void theAccumulatorIsThereOnlyAfterClose() {
        ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(BY_TOUCHPOINT,
                () -> FunnelAccumulator.create(Funnel.of(List.of("a", "b"), Duration.ofMinutes(1))),
                FunnelAccumulator::add);
        stream.addMillis("c1", 0, "a").addMillis("c1", 1, "b").addMillis("c2", 0, "a");
        assertThatThrownBy(stream::accumulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not closed");
        stream.close();
        // c1 reaches a and b, c2 only a.
        assertThat(stream.accumulator().result().orElseThrow().steps()).extracting(FunnelStep::entered)
                .containsExactly(2L, 1L);
        assertThatThrownBy(() -> ParallelJourneyStream.create(BY_TOUCHPOINT, null, 0,
                () -> FunnelAccumulator.create(Funnel.of(List.of("a"), Duration.ofMinutes(1))),
                FunnelAccumulator::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
