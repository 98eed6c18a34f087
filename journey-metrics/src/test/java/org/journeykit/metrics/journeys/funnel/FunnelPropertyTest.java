package org.journeykit.metrics.journeys.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunnelPropertyTest {

    private static final List<String> STEPS = List.of("a", "b", "c");
    private static final long WINDOW = 10;

    /**
     * The definition, by brute force: a customer reaches level k when some positions p1 &lt; ... &lt; pk hold the
     * funnel's first k steps in order with every time at most the window after the time at p1.
     */
    private static int level(String[] steps, long[] times, int from, int k, long anchorTime, boolean firstOnly) {
        if (k == STEPS.size()) {
            return k;
        }
        int best = k;
        for (int p = from; p < steps.length; p++) {
            if (steps[p].equals(STEPS.get(k)) && (k == 0 || times[p] - anchorTime <= WINDOW)) {
                best = Math.max(best, level(steps, times, p + 1, k + 1, k == 0 ? times[p] : anchorTime, false));
                if (firstOnly) {
                    break; // first entry: only the first occurrence of the first step anchors
                }
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20261123L})
    void bestEntryAgreesWithTheBruteForceDefinition(long seed) {
        check(seed, Funnel.Counting.UNIQUE_CUSTOMERS_BEST_ENTRY);
    }

    /** First entry: the same definition with the anchor fixed at the first occurrence of the first step. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20261123L})
    void firstEntryAgreesWithTheBruteForceDefinition(long seed) {
        check(seed, Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY);
    }

    private static void check(long seed, Funnel.Counting counting) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        ActualJourneyBuilder left = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        ActualJourneyBuilder right = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        long[] expected = new long[STEPS.size()];
        String[] alphabet = {"a", "b", "c", "x"};
        for (int customer = 0; customer < 300; customer++) {
            int length = 1 + random.nextInt(8);
            String[] steps = new String[length];
            long[] times = new long[length];
            long time = 0;
            for (int p = 0; p < length; p++) {
                time += 1 + random.nextInt(6); // strictly increasing: no ties to order
                steps[p] = alphabet[random.nextInt(alphabet.length)];
                times[p] = time;
                ActualJourneyBuilder part = customer % 2 == 0 ? left : right;
                builder.addMillis("u" + customer, time, steps[p]);
                part.addMillis("u" + customer, time, steps[p]);
            }
            int level = level(steps, times, 0, 0, 0, counting == Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY);
            for (int k = 0; k < level; k++) {
                expected[k]++;
            }
        }
        Funnel funnel = Funnel.of(STEPS, Duration.ofMillis(WINDOW)).withCounting(counting);
        ActualJourneys journeys = builder.result();
        FunnelResult result = FunnelAccumulator.create(funnel).add(journeys).result().orElseThrow();
        FunnelResult merged = FunnelAccumulator.create(funnel).add(left.result())
                .merge(FunnelAccumulator.create(funnel).add(right.result())).result().orElseThrow();

        assertThat(result.steps()).extracting(FunnelStep::entered).as("seed " + seed)
                .containsExactly(expected[0], expected[1], expected[2]);
        assertThat(merged.steps()).extracting(FunnelStep::entered).as("seed " + seed)
                .containsExactly(expected[0], expected[1], expected[2]);
    }
}
