package org.journeykit.metrics.journeys.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.Outcome;

/**
 * Compares actual journeys, mapped to touchpoint ids, with a planned journey. The rules and scores are described on
 * {@link JourneyConformance}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConformanceChecker {

    private final Journey plan;
    private final List<String> planned;
    private final long[] expectedMillis;
    private final double tolerance;
    private final Map<String, Integer> planIndex;

    private ConformanceChecker(Journey plan, double tolerance) {
        this.plan = plan;
        this.tolerance = tolerance;
        List<String> ids = new ArrayList<>();
        long[] expected = new long[plan.getTouchpoints().size()];
        int i = 0;
        for (Touchpoint touchpoint : plan.getTouchpoints()) {
            ids.add(touchpoint.getId());
            expected[i++] = touchpoint.getExpectedDuration().map(d -> d.toMillis()).orElse(-1L);
        }
        this.planned = List.copyOf(ids);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            index.put(ids.get(k), k);
        }
        this.planIndex = Map.copyOf(index);
        this.expectedMillis = expected;
    }

    /**
     * A checker that counts a touchpoint late as soon as it takes longer than planned.
     *
     * @param plan the planned journey, not null
     * @return the checker, not null
     * @throws NullPointerException if plan is null
     */
    public static ConformanceChecker of(Journey plan) {
        return of(plan, 0.0);
    }

    /**
     * A checker with a timing tolerance.
     *
     * @param plan the planned journey, not null
     * @param tolerance the relative overrun allowed before a touchpoint is late, zero or more (0.5 allows 50%)
     * @return the checker, not null
     * @throws NullPointerException if plan is null
     * @throws JourneyAnalyticsException if the tolerance is negative or not finite
     */
    public static ConformanceChecker of(Journey plan, double tolerance) {
        Objects.requireNonNull(plan, "plan");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new JourneyAnalyticsException(-1, "the timing tolerance must be finite and not negative",
                    "was " + tolerance);
        }
        return new ConformanceChecker(plan, tolerance);
    }

    /**
     * The planned journey.
     *
     * @return the plan, not null
     */
    public Journey plan() {
        return plan;
    }

    /**
     * Checks one actual journey.
     *
     * @param source the journeys, mapped to touchpoint ids, not null
     * @param journey the journey index
     * @return the conformance, not null
     * @throws NullPointerException if source is null
     * @throws IndexOutOfBoundsException if the journey index is out of range
     */
    public JourneyConformance check(ActualJourneys source, int journey) {
        Objects.requireNonNull(source, "source");
        int length = source.length(journey);
        int planSize = planned.size();
        int[] firstPosition = new int[planSize];
        boolean[] completed = new boolean[planSize];
        java.util.Arrays.fill(firstPosition, -1);
        Set<String> adHoc = new LinkedHashSet<>();
        List<Integer> sequence = new ArrayList<>();
        for (int p = 0; p < length; p++) {
            String step = source.stepName(source.step(journey, p));
            Integer index = planIndex.get(step);
            if (index == null) {
                adHoc.add(step);
                continue;
            }
            if (firstPosition[index] < 0) {
                firstPosition[index] = p;
                sequence.add(index);
            }
            Optional<Outcome> outcome = source.outcome(journey, p);
            if (outcome.isEmpty() || outcome.get() == Outcome.COMPLETED) {
                completed[index] = true;
            }
        }
        Map<String, TouchpointStatus> statuses = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < planSize; i++) {
            TouchpointStatus status = firstPosition[i] < 0 ? TouchpointStatus.MISSING
                    : completed[i] ? TouchpointStatus.COMPLETED : TouchpointStatus.FAILING;
            statuses.put(planned.get(i), status);
            if (firstPosition[i] >= 0 && expectedMillis[i] >= 0) {
                long actual = source.durationMillis(journey, firstPosition[i]);
                if (actual >= 0) {
                    checked++;
                    if (actual > expectedMillis[i] * (1.0 + tolerance)) {
                        late.add(planned.get(i));
                    }
                }
            }
        }
        boolean[] inOrder = longestIncreasing(sequence, planSize);
        List<String> outOfOrder = new ArrayList<>();
        int inOrderCount = 0;
        for (int i = 0; i < planSize; i++) {
            if (firstPosition[i] >= 0) {
                if (inOrder[i]) {
                    inOrderCount++;
                } else {
                    outOfOrder.add(planned.get(i));
                }
            }
        }
        return new JourneyConformance(source.customerId(journey), Collections.unmodifiableMap(statuses),
                new ArrayList<>(adHoc), outOfOrder, late, inOrderCount, sequence.size(), checked);
    }

    /**
     * Marks the plan indices on one longest strictly increasing subsequence (patience sorting with predecessor
     * links, then back-tracking from the pile top, which has the smallest last value among the longest ones).
     */
    static boolean[] longestIncreasing(List<Integer> sequence, int planSize) {
        int n = sequence.size();
        int[] tailIndex = new int[n];
        int[] predecessor = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int value = sequence.get(i);
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sequence.get(tailIndex[mid]) < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            predecessor[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        boolean[] marked = new boolean[planSize];
        int i = length > 0 ? tailIndex[length - 1] : -1;
        while (i >= 0) {
            marked[sequence.get(i)] = true;
            i = predecessor[i];
        }
        return marked;
    }
}
