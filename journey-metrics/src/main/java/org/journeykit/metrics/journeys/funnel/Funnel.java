package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;

/**
 * A funnel definition: ordered steps (touchpoint ids or phase ids, whatever the
 * {@link org.journeykit.metrics.journeys.actual.ActualJourneys} were mapped to), a conversion window, how to
 * count, in which order steps must follow, and steps that exclude an attempt.
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
 *       steps {@code 1..k} matched.</li>
 *   <li><b>Re-entry.</b> With {@link Counting#ALL_ATTEMPTS}, the next attempt starts at the first occurrence of
 *       the first step <em>after the last event matched by the previous attempt</em>, so attempts never share
 *       events and a repeated first step inside an attempt (for example {@code A A B}) does not start a new
 *       attempt. With {@link Counting#UNIQUE_CUSTOMERS}, every occurrence of the first step anchors an attempt
 *       (a later anchor has a later window end and may get further).</li>
 *   <li><b>Order.</b> {@link StepOrder#LOOSE}: any other events may occur between two steps.
 *       {@link StepOrder#STRICT}: each step must be the event immediately after the previous matched step.</li>
 *   <li><b>Exclusion.</b> An attempt in which an exclusion step occurs after the anchor and before the attempt's
 *       last matched step is excluded entirely (counted only by {@link FunnelResult#excluded()}). An exclusion
 *       step after the last matched step does not exclude. Exclusion steps must differ from the funnel's
 *       steps.</li>
 *   <li><b>Counting.</b> {@link Counting#ALL_ATTEMPTS} counts every attempt that is not excluded.
 *       {@link Counting#UNIQUE_CUSTOMERS} counts each customer once, by their attempt that reached the furthest
 *       step over all of the customer's journeys (the earliest anchor on a tie, which also gives the times to the
 *       next step); a customer whose every
 *       attempt is excluded is counted as excluded.</li>
 *   <li><b>Times.</b> The time to the next step is the next step's time minus this step's time in the counted
 *       attempt. The median of an even number of times is the mean of the two middle ones, rounded down to the
 *       millisecond.</li>
 *   <li><b>What they did instead.</b> For an attempt that reached step {@code k} but not step {@code k + 1}, the
 *       step of the event right after the attempt's last matched event (regardless of the window), or
 *       {@value FunnelStep#END} when the journey ended there.</li>
 * </ol>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Funnel {

    /** What the funnel counts. */
    public enum Counting {
        /** Each customer once, by their best attempt. */
        UNIQUE_CUSTOMERS,
        /** Every attempt. */
        ALL_ATTEMPTS
    }

    /** How strictly the steps must follow each other. */
    public enum StepOrder {
        /** Other events may occur between steps. */
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
     * A loose, unique-customer funnel without exclusions.
     *
     * @param steps the steps in order, not null, not empty, no blank entries (a step may repeat)
     * @param window the conversion window measured from the first step, positive, not null
     * @return the funnel, not null
     * @throws NullPointerException if an argument or a step is null
     * @throws JourneyAnalyticsException if the step list is empty or has a blank step, or the window is zero or
     *     negative
     */
    public static Funnel of(List<String> steps, Duration window) {
        List<String> copy = List.copyOf(steps);
        Objects.requireNonNull(window, "window");
        if (copy.isEmpty()) {
            throw new JourneyAnalyticsException(-1, "a funnel needs at least one step", "empty step list");
        }
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).isBlank()) {
                throw new JourneyAnalyticsException(-1, "funnel steps must not be blank", "steps[" + i + "]");
            }
        }
        if (window.isZero() || window.isNegative()) {
            throw new JourneyAnalyticsException(-1, "the conversion window must be positive", "was " + window);
        }
        return new Funnel(copy, window, Counting.UNIQUE_CUSTOMERS, StepOrder.LOOSE, Set.of());
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
     * A copy with exclusion steps.
     *
     * @param exclusions steps that exclude an attempt, not null, none of them a funnel step
     * @return the new funnel, not null
     * @throws NullPointerException if exclusions or one of them is null
     * @throws JourneyAnalyticsException if an exclusion step is also a funnel step
     */
    public Funnel withExclusions(Collection<String> exclusions) {
        Set<String> copy = new LinkedHashSet<>(exclusions);
        for (String exclusion : copy) {
            Objects.requireNonNull(exclusion, "exclusion");
            if (steps.contains(exclusion)) {
                throw new JourneyAnalyticsException(-1, "an exclusion step must not be a funnel step",
                        "'" + exclusion + "' is both");
            }
        }
        return new Funnel(steps, window, counting, order, Set.copyOf(copy));
    }

    /**
     * The steps in order.
     *
     * @return the steps, unmodifiable, not empty
     */
    public List<String> steps() {
        return steps;
    }

    /**
     * The conversion window, measured from the first step.
     *
     * @return the window, positive, not null
     */
    public Duration window() {
        return window;
    }

    /**
     * What the funnel counts.
     *
     * @return the counting, not null
     */
    public Counting counting() {
        return counting;
    }

    /**
     * How strictly steps must follow each other.
     *
     * @return the order, not null
     */
    public StepOrder order() {
        return order;
    }

    /**
     * The exclusion steps.
     *
     * @return the steps, unmodifiable, possibly empty
     */
    public Set<String> exclusions() {
        return exclusions;
    }

    @Override
    public String toString() {
        return new ArrayList<>(steps) + " within " + window + " " + counting + " " + order
                + (exclusions.isEmpty() ? "" : " excluding " + exclusions);
    }
}
