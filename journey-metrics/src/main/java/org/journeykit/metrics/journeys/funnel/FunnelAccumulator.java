package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.metrics.journeys.actual.ActualJourneys;

/**
 * Accumulates a {@link Funnel}: {@linkplain #create(Funnel) create}, {@linkplain #add(ActualJourneys) add},
 * {@linkplain #merge(FunnelAccumulator) merge}, {@linkplain #result() result}. The matching rules are documented
 * on {@link Funnel}.
 *
 * <p>With {@link Funnel.Counting#UNIQUE_CUSTOMERS}, a customer is one unit only if all their journeys reach the
 * same accumulator: partition by customer id before accumulating in parallel.
 *
 * <p>Memory: counts per step, one time per counted conversion between two steps (for the median), and a count
 * per distinct "what they did instead" step; nothing per event.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class FunnelAccumulator {

    private final Funnel funnel;
    private final int size;
    private final long windowMillis;
    private final boolean strict;
    private final boolean unique;
    private final long[] entered;
    private final long[][] times;
    private final int[] timeCounts;
    private final List<Map<String, long[]>> instead;
    private long excluded;

    // Scratch state, reused per journey.
    private final int[] matched;
    private final int[] best;
    private int bestReached;
    private int bestJourney;

    private FunnelAccumulator(Funnel funnel) {
        this.funnel = funnel;
        this.size = funnel.steps().size();
        this.windowMillis = funnel.window().toMillis();
        this.strict = funnel.order() == Funnel.StepOrder.STRICT;
        this.unique = funnel.counting() == Funnel.Counting.UNIQUE_CUSTOMERS;
        this.entered = new long[size];
        this.times = new long[size][16];
        this.timeCounts = new int[size];
        this.instead = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            instead.add(new HashMap<>());
        }
        this.matched = new int[size];
        this.best = new int[size];
    }

    /**
     * Creates an empty accumulator for a funnel.
     *
     * @param funnel the funnel, not null
     * @return the accumulator, not null
     * @throws NullPointerException if funnel is null
     */
    public static FunnelAccumulator create(Funnel funnel) {
        return new FunnelAccumulator(Objects.requireNonNull(funnel, "funnel"));
    }

    /**
     * Evaluates every journey.
     *
     * @param source the journeys, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     */
    public FunnelAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        Codes codes = Codes.of(funnel, source);
        int j = 0;
        while (j < source.size()) {
            int end = j + 1;
            String customer = source.customerId(j);
            while (end < source.size() && customer.equals(source.customerId(end))) {
                end++;
            }
            addCustomer(source, codes, j, end);
            j = end;
        }
        return this;
    }

    /** Step codes of a funnel in one source's dictionary. */
    static final class Codes {
        final int[] steps;
        final boolean[] excluded;

        private Codes(int[] steps, boolean[] excluded) {
            this.steps = steps;
            this.excluded = excluded;
        }

        static Codes of(Funnel funnel, ActualJourneys source) {
            int[] steps = new int[funnel.steps().size()];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = source.codeOf(funnel.steps().get(k)).orElse(-1);
            }
            boolean[] excluded = new boolean[source.stepCount()];
            for (String exclusion : funnel.exclusions()) {
                source.codeOf(exclusion).ifPresent(code -> excluded[code] = true);
            }
            return new Codes(steps, excluded);
        }
    }

    /** Evaluates journeys [first, end) of one customer. */
    void addCustomer(ActualJourneys source, Codes codes, int first, int end) {
        bestReached = 0;
        boolean anyExcluded = false;
        for (int j = first; j < end; j++) {
            int length = source.length(j);
            int position = 0;
            while (position < length) {
                int anchor = -1;
                for (int p = position; p < length; p++) {
                    if (source.step(j, p) == codes.steps[0]) {
                        anchor = p;
                        break;
                    }
                }
                if (anchor < 0) {
                    break;
                }
                int reached = match(source, codes, j, anchor, length);
                if (reached < 0) {
                    anyExcluded = true;
                    reached = -reached;
                    if (!unique) {
                        excluded++;
                    }
                } else if (unique) {
                    if (reached > bestReached) {
                        bestReached = reached;
                        bestJourney = j;
                        System.arraycopy(matched, 0, best, 0, reached);
                    }
                } else {
                    count(source, j, matched, reached);
                }
                position = unique ? anchor + 1 : matched[reached - 1] + 1;
            }
        }
        if (unique) {
            if (bestReached > 0) {
                count(source, bestJourney, best, bestReached);
            } else if (anyExcluded) {
                excluded++;
            }
        }
    }

    /** Matches one attempt into {@link #matched}; returns the steps reached, negated when the attempt is excluded. */
    private int match(ActualJourneys source, Codes codes, int j, int anchor, int length) {
        matched[0] = anchor;
        long anchorTime = source.timeMillis(j, anchor);
        int reached = 1;
        int last = anchor;
        boolean excludedSeen = false;
        for (int k = 1; k < size; k++) {
            int found = -1;
            if (strict) {
                int candidate = last + 1;
                if (candidate < length && source.step(j, candidate) == codes.steps[k]
                        && source.timeMillis(j, candidate) - anchorTime <= windowMillis) {
                    found = candidate;
                }
            } else {
                for (int q = last + 1; q < length; q++) {
                    if (source.timeMillis(j, q) - anchorTime > windowMillis) {
                        break;
                    }
                    int step = source.step(j, q);
                    if (step == codes.steps[k]) {
                        found = q;
                        break;
                    }
                    if (codes.excluded[step]) {
                        excludedSeen = true;
                    }
                }
            }
            if (found < 0) {
                break;
            }
            if (excludedSeen) {
                matched[reached] = found;
                return -(reached + 1);
            }
            matched[reached++] = found;
            last = found;
        }
        return reached;
    }

    private void count(ActualJourneys source, int j, int[] positions, int reached) {
        for (int k = 0; k < reached; k++) {
            entered[k]++;
            if (k + 1 < reached) {
                addTime(k, source.timeMillis(j, positions[k + 1]) - source.timeMillis(j, positions[k]));
            }
        }
        if (reached < size) {
            int next = positions[reached - 1] + 1;
            String name = next < source.length(j) ? source.stepName(source.step(j, next)) : FunnelStep.END;
            instead.get(reached - 1).computeIfAbsent(name, n -> new long[1])[0]++;
        }
    }

    private void addTime(int k, long millis) {
        if (timeCounts[k] == times[k].length) {
            times[k] = Arrays.copyOf(times[k], times[k].length * 2);
        }
        times[k][timeCounts[k]++] = millis;
    }

    /**
     * Adds everything another accumulator of the same funnel has counted.
     *
     * @param other the other accumulator, not null, left unchanged
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws org.journeykit.metrics.journeys.actual.JourneyAnalyticsException if the funnels differ
     */
    public FunnelAccumulator merge(FunnelAccumulator other) {
        Objects.requireNonNull(other, "other");
        Funnel a = funnel;
        Funnel b = other.funnel;
        if (!(a.steps().equals(b.steps()) && a.window().equals(b.window()) && a.counting() == b.counting()
                && a.order() == b.order() && a.exclusions().equals(b.exclusions()))) {
            throw new org.journeykit.metrics.journeys.actual.JourneyAnalyticsException(-1,
                    "only accumulators of the same funnel can be merged", funnel + " and " + other.funnel);
        }
        for (int k = 0; k < size; k++) {
            entered[k] += other.entered[k];
            for (int i = 0; i < other.timeCounts[k]; i++) {
                addTime(k, other.times[k][i]);
            }
            for (Map.Entry<String, long[]> entry : other.instead.get(k).entrySet()) {
                instead.get(k).computeIfAbsent(entry.getKey(), n -> new long[1])[0] += entry.getValue()[0];
            }
        }
        excluded += other.excluded;
        return this;
    }

    /**
     * The funnel figures counted so far.
     *
     * @return the result, not null
     */
    public FunnelResult result() {
        List<FunnelStep> steps = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            long[] sorted = Arrays.copyOf(times[k], timeCounts[k]);
            Arrays.sort(sorted);
            Optional<Duration> median = Optional.empty();
            Optional<Duration> mean = Optional.empty();
            int n = sorted.length;
            if (n > 0) {
                long middle = n % 2 == 1 ? sorted[n / 2] : Math.floorDiv(sorted[n / 2 - 1] + sorted[n / 2], 2L);
                median = Optional.of(Duration.ofMillis(middle));
                long sum = 0;
                for (long t : sorted) {
                    sum += t;
                }
                mean = Optional.of(Duration.ofMillis(Math.floorDiv(sum, (long) n)));
            }
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(instead.get(k).entrySet());
            entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : a.getKey().compareTo(b.getKey()));
            Map<String, Long> next = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> entry : entries) {
                next.put(entry.getKey(), entry.getValue()[0]);
            }
            long droppedOff = k + 1 < size ? entered[k] - entered[k + 1] : 0;
            steps.add(new FunnelStep(funnel.steps().get(k), entered[k], k == 0 ? entered[0] : entered[k - 1],
                    entered[0], droppedOff, median, mean, Collections.unmodifiableMap(next)));
        }
        return new FunnelResult(funnel, steps, excluded);
    }
}
