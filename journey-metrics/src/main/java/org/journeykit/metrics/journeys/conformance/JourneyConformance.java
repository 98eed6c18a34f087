package org.journeykit.metrics.journeys.conformance;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * How one actual journey conforms to its plan.
 *
 * <p>Scores, each in [0, 1]: <b>content</b> = completed planned touchpoints / planned touchpoints (1 for a plan
 * without touchpoints); <b>sequence</b> = planned touchpoints in plan order / planned touchpoints that occurred,
 * where "in plan order" is the longest subsequence of the occurred touchpoints (by first occurrence) whose plan
 * positions increase, and the others are out of order (1 when none occurred); <b>timing</b> = on-time checked
 * touchpoints / checked touchpoints, where a touchpoint is checked when the plan gives an expected duration and
 * its first occurrence recorded a duration, and is late when the recorded duration exceeds the expected one
 * times (1 + tolerance) (empty when nothing could be checked).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyConformance {

    private final ConformanceChecker checker;
    private final String customerId;
    private final Map<String, TouchpointStatus> statuses;
    private final List<String> adHoc;
    private final List<String> outOfOrder;
    private final List<String> late;
    private final int inOrder;
    private final int occurred;
    private final int checked;

    JourneyConformance(ConformanceChecker checker, String customerId, Map<String, TouchpointStatus> statuses,
            List<String> adHoc, List<String> outOfOrder, List<String> late, int inOrder, int occurred, int checked) {
        this.checker = checker;
        this.customerId = customerId;
        this.statuses = statuses;
        this.adHoc = List.copyOf(adHoc);
        this.outOfOrder = List.copyOf(outOfOrder);
        this.late = List.copyOf(late);
        this.inOrder = inOrder;
        this.occurred = occurred;
        this.checked = checked;
    }

    /**
     * Rebuilds the conformance of one journey from its findings, as the accessors give them (for a stored result,
     * such as its JSON form). The scores are derived from them.
     *
     * @param checker the checker that produced it, not null
     * @param customerId the customer, not null, not blank
     * @param statuses the status of each planned touchpoint, not null: exactly the checker's touchpoint ids (in any
     *     order; kept in plan order), no null value
     * @param adHoc the steps that occurred but are not planned, in order of first occurrence, not null, distinct,
     *     none planned, none blank
     * @param outOfOrder the planned touchpoints that occurred out of plan order, not null, in plan order, each one
     *     that occurred (not {@code MISSING})
     * @param late the planned touchpoints that took longer than planned, not null, in plan order, each one that
     *     occurred and has an expected duration
     * @param inOrderCount how many planned touchpoints occurred in plan order: the occurred count minus the out of
     *     order ones
     * @param occurredCount how many planned touchpoints occurred: those not {@code MISSING}
     * @param checkedCount how many planned touchpoints were checked for timing, from the late ones to the occurred
     *     ones with an expected duration
     * @return the conformance, not null
     * @throws NullPointerException if an argument, an element, a key or a value is null
     * @throws MetricInputException if a rule above is broken
     */
    public static JourneyConformance of(ConformanceChecker checker, String customerId,
            Map<String, TouchpointStatus> statuses, List<String> adHoc, List<String> outOfOrder, List<String> late,
            int inOrderCount, int occurredCount, int checkedCount) {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new MetricInputException("customerId", customerId, "must not be blank");
        }
        List<String> planned = checker.touchpointIds();
        if (!statuses.keySet().equals(new HashSet<>(planned))) {
            throw new MetricInputException("statuses", statuses.size() + " touchpoints",
                    "must hold exactly the " + planned.size() + " planned touchpoints of the checker");
        }
        Map<String, TouchpointStatus> ordered = new LinkedHashMap<>();
        int occurred = 0;
        int timed = 0;
        for (String id : planned) {
            TouchpointStatus status = Objects.requireNonNull(statuses.get(id), "statuses");
            ordered.put(id, status);
            if (status != TouchpointStatus.MISSING) {
                occurred++;
                if (checker.expectedMillis(checker.indexOf(id)) >= 0) {
                    timed++;
                }
            }
        }
        Set<String> steps = new HashSet<>();
        for (String step : adHoc) {
            if (step.isBlank() || checker.indexOf(step) >= 0 || !steps.add(step)) {
                throw new MetricInputException("adHoc", step, "must be distinct steps, not blank, not planned");
            }
        }
        inPlanOrder("outOfOrder", outOfOrder, checker, ordered, false);
        inPlanOrder("late", late, checker, ordered, true);
        if (occurredCount != occurred) {
            throw new MetricInputException("occurredCount", occurredCount,
                    "must be the " + occurred + " planned touchpoints that are not missing");
        }
        if (inOrderCount != occurred - outOfOrder.size()) {
            throw new MetricInputException("inOrderCount", inOrderCount,
                    "must be the occurred ones less those out of order: " + (occurred - outOfOrder.size()));
        }
        if (checkedCount < late.size() || checkedCount > timed) {
            throw new MetricInputException("checkedCount", checkedCount,
                    "must be from the " + late.size() + " late to the " + timed + " occurred with an expected duration");
        }
        return new JourneyConformance(checker, customerId, Collections.unmodifiableMap(ordered), adHoc,
                outOfOrder, late, inOrderCount, occurredCount, checkedCount);
    }

    private static void inPlanOrder(String name, List<String> ids, ConformanceChecker checker,
            Map<String, TouchpointStatus> statuses, boolean timed) {
        int previous = -1;
        for (String id : ids) {
            int at = checker.indexOf(Objects.requireNonNull(id, name));
            if (at <= previous || statuses.get(id) == TouchpointStatus.MISSING
                    || timed && checker.expectedMillis(at) < 0) {
                throw new MetricInputException(name, id, "must be planned touchpoints in plan order that occurred"
                        + (timed ? " and have an expected duration" : ""));
            }
            previous = at;
        }
    }

    /**
     * The customer of the journey.
     *
     * @return the customer id, not null
     */
    public String customerId() {
        return customerId;
    }

    /**
     * The status of each planned touchpoint.
     *
     * @return touchpoint id to status, in plan order, unmodifiable, not null
     */
    public Map<String, TouchpointStatus> statuses() {
        return statuses;
    }

    /**
     * Steps that occurred but are not in the plan, each once, in order of first occurrence.
     *
     * @return the ad-hoc steps, unmodifiable, not null
     */
    public List<String> adHoc() {
        return adHoc;
    }

    /**
     * Planned touchpoints that occurred out of plan order, in plan order.
     *
     * @return the touchpoint ids, unmodifiable, not null
     */
    public List<String> outOfOrder() {
        return outOfOrder;
    }

    /**
     * Planned touchpoints that took longer than planned, in plan order.
     *
     * @return the touchpoint ids, unmodifiable, not null
     */
    public List<String> late() {
        return late;
    }

    /**
     * The content compliance score.
     *
     * @return in [0, 1]
     */
    public double contentScore() {
        if (statuses.isEmpty()) {
            return 1.0;
        }
        long completed = statuses.values().stream().filter(s -> s == TouchpointStatus.COMPLETED).count();
        return (double) completed / statuses.size();
    }

    /**
     * The sequence compliance score.
     *
     * @return in [0, 1]
     */
    public double sequenceScore() {
        return occurred == 0 ? 1.0 : (double) inOrder / occurred;
    }

    /**
     * The timing compliance score.
     *
     * @return in [0, 1], or empty when no touchpoint could be checked
     */
    public OptionalDouble timingScore() {
        return checked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (checked - late.size()) / checked);
    }

    /**
     * How many planned touchpoints occurred in plan order: the length of the longest run described above.
     *
     * @return the count, from 0 to {@link #occurredCount()}
     */
    public int inOrderCount() {
        return inOrder;
    }

    /**
     * How many distinct planned touchpoints occurred.
     *
     * @return the count, from 0 to the number of planned touchpoints
     */
    public int occurredCount() {
        return occurred;
    }

    /**
     * How many planned touchpoints could be checked for timing.
     *
     * @return the count, from 0 to the number of planned touchpoints with an expected duration
     */
    public int checkedCount() {
        return checked;
    }

    /**
     * The checker that produced this result: the plan it was checked against.
     *
     * @return the checker, not null
     */
    public ConformanceChecker checker() {
        return checker;
    }

    /**
     * Whether another object is the conformance of the same customer's journey with the same findings by an equal
     * checker.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JourneyConformance)) {
            return false;
        }
        JourneyConformance that = (JourneyConformance) other;
        return checker.equals(that.checker) && customerId.equals(that.customerId) && statuses.equals(that.statuses)
                && adHoc.equals(that.adHoc) && outOfOrder.equals(that.outOfOrder) && late.equals(that.late)
                && inOrder == that.inOrder && occurred == that.occurred && checked == that.checked;
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(checker, customerId, statuses, adHoc, outOfOrder, late, inOrder, occurred, checked);
    }

    /**
     * The conformance as text.
     *
     * @return the customer, the statuses and the deviations, not null
     */
    @Override
    public String toString() {
        return customerId + " " + statuses + " ad hoc " + adHoc + " out of order " + outOfOrder + " late " + late;
    }
}
