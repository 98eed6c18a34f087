package org.journeykit.metrics.journeys.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {7L, 11L, 20261123L})
    void countsAddUpAndMergingPartitionsChangesNothing(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        ActualJourneyBuilder whole = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        ActualJourneyBuilder left = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        ActualJourneyBuilder right = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        long events = 0;
        int customers = 500;
        for (int customer = 0; customer < customers; customer++) {
            int length = 1 + random.nextInt(6);
            for (int p = 0; p < length; p++) {
                // Steps drawn from 20 names so that the right partition meets names in another order.
                String step = "t" + random.nextInt(20);
                whole.addMillis("u" + customer, p * 1000L, step);
                (customer < customers / 2 ? left : right).addMillis("u" + customer, p * 1000L, step);
                events++;
            }
        }
        PathResult result = PathAccumulator.create().add(whole.result()).result().orElseThrow();
        PathResult merged = PathAccumulator.create().add(left.result())
                .merge(PathAccumulator.create().add(right.result())).result().orElseThrow();

        // Each journey of n events gives one variant occurrence, one start, one end and n - 1 edges,
        // each edge taking exactly 1 s.
        assertThat(result.variants().stream().mapToLong(Variant::count).sum()).as("seed " + seed)
                .isEqualTo(customers);
        assertThat(result.startCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(customers);
        assertThat(result.endCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(customers);
        assertThat(result.edges().stream().mapToLong(Edge::count).sum()).as("seed " + seed)
                .isEqualTo(events - customers);
        assertThat(result.edges()).allSatisfy(e -> assertThat(e.meanTime().toMillis()).isEqualTo(1000));
        assertThat(merged.variants()).extracting(Variant::toString).as("seed " + seed)
                .containsExactlyElementsOf(result.variants().stream().map(Variant::toString).toList());
        assertThat(merged.edges()).extracting(Edge::toString)
                .containsExactlyElementsOf(result.edges().stream().map(Edge::toString).toList());
    }
}
