package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * A funnel definition: ordered steps (touchpoint ids or phase ids, whatever the {@link ActualJourneys} were
 * mapped to), a conversion window, how to count, in which order steps must follow, and steps that exclude an
 * attempt. It is the one configuration of a {@link FunnelAccumulator}.
 *
 * <h2>Matching rules</h2>
 * <ol>
 *   <li><b>Event order.</b> Events are taken in the journey's order: by time, equal times by step name, then input
 *       order (see {@link org.journeykit.metrics.journeys.actual.ActualJourneyBuilder}). An event with the same
 *       time as the previous matched step counts as after it when it comes later in that order.</li>
 *   <li><b>Attempts and the anchor.</b> An attempt starts at an occurrence of the first step; that event is the
 *       anchor and the window is measured from its time. Each later step is matched greedily to its
 *       <em>earliest</em> occurrence after the previous matched step. A step matches only if its time minus the
 *       anchor's time is at most the window (the window end is inclusive). The attempt reaches step {@code k} when
 *       steps {@code 1..k} matched. An attempt never spans two journeys of a customer (journeys split by
 *       inactivity).</li>
 *   <li><b>Which occurrences of the first step anchor an attempt</b> depends on the {@link Counting}; see there.
 *       </li>
 *   <li><b>Order.</b> {@link StepOrder#LOOSE}: any other events may occur between two steps.
 *       {@link StepOrder#STRICT}: each step must be the event immediately after the previous matched step.</li>
 *   <li><b>Exclusion.</b> An attempt in which an exclusion step occurs after the anchor and before the attempt's
 *       last matched step is excluded entirely (counted only by {@link FunnelResult#excluded()}). An exclusion
 *       step after the last matched step does not exclude. Exclusion steps must differ from the funnel's
 *       steps.</li>
 *   <li><b>Times.</b> The time to the next step is the next step's time minus this step's time in the counted
 *       attempt, in whole milliseconds, from 0 to the window. The median is the nearest-rank median used
 *       throughout JourneyKit: of {@code n} sorted times, the one at rank {@code ceil(n / 2)}, so for an even
 *       count the lower of the two middle times; the mean is rounded down to the millisecond.</li>
 *   <li><b>What they did instead.</b> For an attempt that reached step {@code k} but not step {@code k + 1}, the
 *       step of the event right after the attempt's last matched event (regardless of the window), or
 *       {@value FunnelStep#END} when the journey ended there.</li>
 * </ol>
 *
 * <h2>Limits</h2>
 * At most {@value #MAX_STEPS} steps and {@value #MAX_STEPS} exclusion steps, each 1 to
 * {@value ActualJourneys#MAX_STEP_LENGTH} characters and not blank; a window of at least one millisecond and at
 * most {@link #MAX_WINDOW} (the span of {@link TimeLimits}); finer parts of the window than a millisecond are
 * dropped, as event times have millisecond precision.
 *
 * <p>Equal funnels (same steps, window, counting, order and exclusions) are {@linkplain #equals equal}; only
 * accumulators of equal funnels merge.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Funnel {

    /** The most steps, and the most exclusion steps, a funnel may have. */
    public static final int MAX_STEPS = 64;

    /** The longest conversion window: the span of {@link TimeLimits}, about 10,000 years. */
    public static final Duration MAX_WINDOW =
            Duration.ofMillis(TimeLimits.LATEST_EPOCH_MILLI - TimeLimits.EARLIEST_EPOCH_MILLI);

    /**
     * What the funnel counts: each customer once, by one of the two established rules for re-entry, or every
     * attempt.
     */
    public enum Counting {
        /**
         * Each customer once, by their best attempt; <b>the default</b>. Every occurrence of the first step, in
         * any of the customer's journeys, anchors an attempt (a customer re-enters the funnel at each later
         * first step, even while an earlier attempt is still inside its window); the customer is counted by the
         * attempt that reached the furthest step. <b>Tie rule:</b> among attempts that reach equally far, the one
         * with the earliest anchor (earlier journey, then earlier position) gives the times to the next step and
         * what the customer did instead. Excluded attempts are skipped; a customer whose every attempt is
         * excluded is counted as excluded.
         *
         * <p>Source: PostHog's funnels (each person counted at the furthest step they reached in any attempt) and
         * Mixpanel's "Optimized Re-entry" mode, which "actively evaluate[s] all funnel entry attempts - even if
         * the user's previous funnel is still in progress"
         * (<a href="https://docs.mixpanel.com/docs/reports/funnels/funnels-advanced">Mixpanel, funnels
         * advanced</a>); also ClickHouse's {@code windowFunnel}, the maximum level over all anchors. The tie rule
         * is this library's (Mixpanel's re-entry mode picks the most recent entry before step 2 instead).
         *
         * <p>Why the default: it answers "did this customer get through within the window at any time", it does
         * not hide a conversion behind an abandoned earlier visit when the first step is a frequent event (a site
         * visit), it is what the SQL of most warehouses computes, and it is what this library always did, so
         * figures do not change under existing users.
         */
        UNIQUE_CUSTOMERS_BEST_ENTRY,
        /**
         * Each customer once, by their first attempt: only the customer's first occurrence of the first step (the
         * earliest in journey order over all their journeys) anchors, and the window is never re-anchored at a
         * later occurrence. <b>Tie rule:</b> of several first-step events at the same time, the first in the
         * journey order (step name, then input order) anchors. If that attempt is excluded, the customer is
         * counted as excluded.
         *
         * <p>Source: Mixpanel's classic unique funnels: "the conversion window starts on the first instance of the
         * first event, and will not be updated by later versions of the same event"
         * (<a href="https://help.mixpanel.com/hc/en-us/articles/115004561926-Funnels-Deep-Dive">Mixpanel, funnels
         * deep dive</a>; its example, A at 1 pm, A at 1:30 pm, B at 1:45 pm, C at 2:15 pm with a one-hour window,
         * reaches B here and C with {@link #UNIQUE_CUSTOMERS_BEST_ENTRY}).
         */
        UNIQUE_CUSTOMERS_FIRST_ENTRY,
        /**
         * Every attempt that is not excluded. The next attempt starts at the first occurrence of the first step
         * after the last event matched by the previous attempt, so attempts never share events and a repeated
         * first step inside an attempt (for example {@code A A B}) does not start a new attempt (Mixpanel's
         * "totals").
         */
        ALL_ATTEMPTS;

        /**
         * Whether each customer is counted once.
         *
         * @return true for the two unique-customer rules
         */
        public boolean isUnique() {
            return this != ALL_ATTEMPTS;
        }
    }

    /** How strictly the steps must follow each other. */
    public enum StepOrder {
        /** Other events may occur between steps; the default. */
        LOOSE,
        /** Each step must immediately follow the previous one. */
        STRICT
    }

    private final List<String> steps;
    private final Duration window;
    private final Counting counting;
    private final StepOrder order;
    private final Set<String> exclusions;

    private Funnel(List<String> steps, Duration window, Counting counting, StepOrder order, Set<String> exclusions) {
        this.steps = steps;
        this.window = window;
        this.counting = counting;
        this.order = order;
        this.exclusions = exclusions;
    }

    /**
     * A loose funnel that counts unique customers by their best attempt
     * ({@link Counting#UNIQUE_CUSTOMERS_BEST_ENTRY}), without exclusions.
     *
     * @param steps the steps in order, not null, 1 to {@value #MAX_STEPS} entries, each not blank and at most
     *     {@value ActualJourneys#MAX_STEP_LENGTH} characters (a step may repeat)
     * @param window the conversion window measured from the first step, at least one millisecond, at most
     *     {@link #MAX_WINDOW}, not null; finer parts than a millisecond are dropped
     * @return the funnel, not null
     * @throws NullPointerException if an argument or a step is null
     * @throws JourneyAnalyticsException if the step list is empty or too long, a step is blank or too long, or
     *     the window is shorter than a millisecond or longer than {@link #MAX_WINDOW}
     */
    public static Funnel of(List<String> steps, Duration window) {
        List<String> copy = List.copyOf(steps);
        Objects.requireNonNull(window, "window");
        if (copy.isEmpty()) {
            throw new JourneyAnalyticsException("a funnel needs at least one step", "empty step list");
        }
        if (copy.size() > MAX_STEPS) {
            throw new JourneyAnalyticsException("a funnel has at most " + MAX_STEPS + " steps",
                    copy.size() + " steps");
        }
        for (int i = 0; i < copy.size(); i++) {
            checkName(copy.get(i), "funnel steps", "steps[" + i + "]");
        }
        if (window.compareTo(Duration.ofMillis(1)) < 0) {
            throw new JourneyAnalyticsException("the conversion window must be positive, at least 1 ms",
                    "was " + window);
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw new JourneyAnalyticsException("the conversion window must be at most " + MAX_WINDOW,
                    "was " + window);
        }
        return new Funnel(copy, Duration.ofMillis(window.toMillis()), Counting.UNIQUE_CUSTOMERS_BEST_ENTRY,
                StepOrder.LOOSE, Set.of());
    }

    private static void checkName(String name, String what, String where) {
        if (name.isBlank()) {
            throw new JourneyAnalyticsException(what + " must not be blank", where);
        }
        if (name.length() > ActualJourneys.MAX_STEP_LENGTH) {
            throw new JourneyAnalyticsException(what + " must be at most " + ActualJourneys.MAX_STEP_LENGTH
                    + " characters", where + " has " + name.length());
        }
    }

    /**
     * A copy with another counting.
     *
     * @param counting what to count, not null
     * @return the new funnel, not null
     * @throws NullPointerException if counting is null
     */
    public Funnel withCounting(Counting counting) {
        return new Funnel(steps, window, Objects.requireNonNull(counting, "counting"), order, exclusions);
    }

    /**
     * A copy with another step order.
     *
     * @param order the order, not null
     * @return the new funnel, not null
     * @throws NullPointerException if order is null
     */
    public Funnel withOrder(StepOrder order) {
        return new Funnel(steps, window, counting, Objects.requireNonNull(order, "order"), exclusions);
    }

    /**
     * A copy with exclusion steps (replacing any set before).
     *
     * @param exclusions steps that exclude an attempt, not null, at most {@value #MAX_STEPS} distinct ones, none
     *     blank, longer than {@value ActualJourneys#MAX_STEP_LENGTH} characters or a funnel step; duplicates are
     *     dropped
     * @return the new funnel, not null
     * @throws NullPointerException if exclusions or one of them is null
     * @throws JourneyAnalyticsException if an exclusion step is blank, too long or also a funnel step, or there
     *     are too many
     */
    public Funnel withExclusions(Collection<String> exclusions) {
        TreeSet<String> copy = new TreeSet<>();
        for (String exclusion : exclusions) {
            Objects.requireNonNull(exclusion, "exclusion");
            checkName(exclusion, "exclusion steps", "'" + exclusion + "'");
            if (steps.contains(exclusion)) {
                throw new JourneyAnalyticsException("an exclusion step must not be a funnel step",
                        "'" + exclusion + "' is both");
            }
            copy.add(exclusion);
        }
        if (copy.size() > MAX_STEPS) {
            throw new JourneyAnalyticsException("a funnel has at most " + MAX_STEPS + " exclusion steps",
                    copy.size() + " exclusion steps");
        }
        return new Funnel(steps, window, counting, order, Collections.unmodifiableSortedSet(copy));
    }

    /**
     * The steps in order.
     *
     * @return the steps, unmodifiable, 1 to {@value #MAX_STEPS}
     */
    public List<String> steps() {
        return steps;
    }

    /**
     * The conversion window, measured from the first step.
     *
     * @return the window in whole milliseconds, from 1 ms to {@link #MAX_WINDOW}, not null
     */
    public Duration window() {
        return window;
    }

    /**
     * What the funnel counts.
     *
     * @return the counting, not null; {@link Counting#UNIQUE_CUSTOMERS_BEST_ENTRY} unless changed
     */
    public Counting counting() {
        return counting;
    }

    /**
     * How strictly steps must follow each other.
     *
     * @return the order, not null; {@link StepOrder#LOOSE} unless changed
     */
    public StepOrder order() {
        return order;
    }

    /**
     * The exclusion steps.
     *
     * @return the steps sorted by name, unmodifiable, possibly empty
     */
    public Set<String> exclusions() {
        return exclusions;
    }

    /**
     * Whether another object is a funnel with the same steps, window, counting, order and exclusions.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Funnel that && steps.equals(that.steps) && window.equals(that.window)
                && counting == that.counting && order == that.order && exclusions.equals(that.exclusions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(steps, window, counting, order, exclusions);
    }

    /**
     * The funnel in words, such as {@code [a, b] within PT1H UNIQUE_CUSTOMERS_BEST_ENTRY LOOSE excluding [z]}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return new ArrayList<>(steps) + " within " + window + " " + counting + " " + order
                + (exclusions.isEmpty() ? "" : " excluding " + exclusions);
    }
}
