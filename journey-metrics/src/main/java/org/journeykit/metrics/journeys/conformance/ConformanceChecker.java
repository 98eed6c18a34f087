package org.journeykit.metrics.journeys.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.model.Ids;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Compares actual journeys, mapped to touchpoint ids, with a planned journey. The rules and scores are described on
 * {@link JourneyConformance}.
 *
 * <p>A checker is a value: two checkers are equal when they check against the same journey id, the same touchpoint
 * ids in the same order with the same expected durations (in whole milliseconds, as the check uses them) and the
 * same tolerance. Only accumulators of equal checkers merge. At most {@value #MAX_TOUCHPOINTS} planned touchpoints.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConformanceChecker {

    /** The most planned touchpoints a checker accepts. */
    public static final int MAX_TOUCHPOINTS = 1_024;

    private final String journeyId;
    private final List<String> planned;
    private final long[] expectedMillis;
    private final double tolerance;
    private final Map<String, Integer> planIndex;

    /**
     * Creates a checker from its parts, already checked.
     *
     * @param journeyId the planned journey's id
     * @param planned the touchpoint ids in plan order, distinct
     * @param expectedMillis per touchpoint the expected duration in milliseconds, or -1 when none
     * @param tolerance the relative overrun allowed, finite, not negative
     */
    ConformanceChecker(String journeyId, List<String> planned, long[] expectedMillis, double tolerance) {
        this.journeyId = journeyId;
        this.planned = List.copyOf(planned);
        this.expectedMillis = expectedMillis.clone();
        this.tolerance = tolerance + 0.0;
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < this.planned.size(); k++) {
            index.put(this.planned.get(k), k);
        }
        this.planIndex = Map.copyOf(index);
    }

    /**
     * A checker that counts a touchpoint late as soon as it takes longer than planned.
     *
     * @param plan the planned journey, not null, with at most {@value #MAX_TOUCHPOINTS} touchpoints
     * @return the checker, not null
     * @throws NullPointerException if plan is null
     * @throws MetricInputException if the plan has more than {@value #MAX_TOUCHPOINTS} touchpoints
     */
    public static ConformanceChecker of(Journey plan) {
        return of(plan, 0.0);
    }

    /**
     * A checker with a timing tolerance.
     *
     * @param plan the planned journey, not null, with at most {@value #MAX_TOUCHPOINTS} touchpoints
     * @param tolerance the relative overrun allowed before a touchpoint is late, zero or more (0.5 allows 50%)
     * @return the checker, not null
     * @throws NullPointerException if plan is null
     * @throws MetricInputException if the tolerance is negative or not finite, or the plan has more than
     *     {@value #MAX_TOUCHPOINTS} touchpoints
     */
    public static ConformanceChecker of(Journey plan, double tolerance) {
        Objects.requireNonNull(plan, "plan");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new MetricInputException("tolerance", tolerance, "must be finite and not negative (conformance)");
        }
        List<Touchpoint> touchpoints = plan.getTouchpoints();
        if (touchpoints.size() > MAX_TOUCHPOINTS) {
            throw new MetricInputException("plan touchpoints", touchpoints.size(),
                    "must be at most " + MAX_TOUCHPOINTS + " (conformance)");
        }
        List<String> ids = new ArrayList<>();
        long[] expected = new long[touchpoints.size()];
        int i = 0;
        for (Touchpoint touchpoint : touchpoints) {
            ids.add(touchpoint.getId());
            expected[i++] = touchpoint.getExpectedDuration().map(ConformanceChecker::millis).orElse(-1L);
        }
        return new ConformanceChecker(plan.getId(), ids, expected, tolerance);
    }

    /**
     * Rebuilds a checker from its parts, as its accessors give them (for a stored result, such as its JSON form).
     * Expected durations count in whole milliseconds (rounded down), as {@link #of(Journey, double)} counts them.
     *
     * @param journeyId the planned journey's id, not null, an id of the model ({@link Ids#PATTERN})
     * @param touchpointIds the planned touchpoint ids in plan order, not null, distinct, each an id of the model, at
     *     most {@value #MAX_TOUCHPOINTS}
     * @param expectedDurations touchpoint id to expected duration, not null; each key one of the touchpoint ids,
     *     each duration zero or more; touchpoints not in it have no expected duration
     * @param tolerance the relative overrun allowed before a touchpoint is late, finite, zero or more
     * @return the checker, not null
     * @throws NullPointerException if an argument, an element, a key or a value is null
     * @throws MetricInputException if a rule above is broken
     */
    public static ConformanceChecker of(String journeyId, List<String> touchpointIds,
            Map<String, Duration> expectedDurations, double tolerance) {
        checkId("journeyId", journeyId);
        List<String> ids = List.copyOf(touchpointIds);
        Objects.requireNonNull(expectedDurations, "expectedDurations");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new MetricInputException("tolerance", tolerance, "must be finite and not negative (conformance)");
        }
        if (ids.size() > MAX_TOUCHPOINTS) {
            throw new MetricInputException("touchpointIds", ids.size(),
                    "must be at most " + MAX_TOUCHPOINTS + " (conformance)");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            checkId("touchpointId", id);
            if (!seen.add(id)) {
                throw new MetricInputException("touchpointId", id, "must occur once in the plan");
            }
        }
        long[] expected = new long[ids.size()];
        Arrays.fill(expected, -1);
        for (Map.Entry<String, Duration> entry : expectedDurations.entrySet()) {
            int at = ids.indexOf(Objects.requireNonNull(entry.getKey(), "expectedDurations"));
            Duration duration = Objects.requireNonNull(entry.getValue(), "expectedDurations");
            if (at < 0) {
                throw new MetricInputException("expectedDurations", shorten(entry.getKey()),
                        "must name a planned touchpoint");
            }
            if (duration.isNegative()) {
                throw new MetricInputException("expectedDuration", duration, "must not be negative");
            }
            expected[at] = millis(duration);
        }
        return new ConformanceChecker(journeyId, ids, expected, tolerance);
    }

    private static void checkId(String name, String id) {
        Objects.requireNonNull(id, name);
        if (!id.matches(Ids.PATTERN)) {
            throw new MetricInputException(name, shorten(id), "must be an id of the model: " + Ids.PATTERN);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static long millis(Duration duration) {
        return duration.getSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : duration.toMillis();
    }

    /**
     * The id of the planned journey.
     *
     * @return the journey id, not null
     */
    public String journeyId() {
        return journeyId;
    }

    /**
     * The planned touchpoints.
     *
     * @return the touchpoint ids in plan order, unmodifiable, not null
     */
    public List<String> touchpointIds() {
        return planned;
    }

    /**
     * The expected durations of the planned touchpoints that have one, in whole milliseconds as the check uses
     * them.
     *
     * @return touchpoint id to expected duration, in plan order, unmodifiable, not null
     */
    public Map<String, Duration> expectedDurations() {
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            if (expectedMillis[i] >= 0) {
                durations.put(planned.get(i), Duration.ofMillis(expectedMillis[i]));
            }
        }
        return Collections.unmodifiableMap(durations);
    }

    /**
     * The relative overrun allowed before a touchpoint is late.
     *
     * @return the tolerance, finite, zero or more
     */
    public double tolerance() {
        return tolerance;
    }

    /** The expected duration of the touchpoint at a plan position, in milliseconds, or -1 when none. */
    long expectedMillis(int position) {
        return expectedMillis[position];
    }

    /** The plan position of a touchpoint id. */
    int indexOf(String touchpointId) {
        Integer index = planIndex.get(touchpointId);
        return index == null ? -1 : index;
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
        return new JourneyConformance(this, source.customerId(journey), Collections.unmodifiableMap(statuses),
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

    /**
     * Whether another object is a checker of the same journey id, touchpoints, expected durations and tolerance.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ConformanceChecker)) {
            return false;
        }
        ConformanceChecker that = (ConformanceChecker) other;
        return journeyId.equals(that.journeyId) && planned.equals(that.planned)
                && Arrays.equals(expectedMillis, that.expectedMillis)
                && Double.compare(tolerance, that.tolerance) == 0;
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(journeyId, planned, Arrays.hashCode(expectedMillis), tolerance);
    }

    /**
     * The checker as short text: the journey id (shortened to 40 characters), the number of touchpoints, the
     * tolerance and a fingerprint of the rest.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        String id = journeyId.length() <= 40 ? journeyId : journeyId.substring(0, 40) + "...";
        return "checker of journey '" + id + "' (" + planned.size() + " touchpoints, tolerance " + tolerance
                + ", fingerprint " + Integer.toHexString(hashCode()) + ")";
    }
}
