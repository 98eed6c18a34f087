package org.journeykit.metrics.lifetime;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.TimeLimits;

/**
 * One customer's purchase history in the form the BG/NBD model needs (Fader, Hardie and Lee 2005): the number of
 * repeat purchases x (frequency), the time of the last purchase t_x (recency) and the length of observation T
 * (age), both measured from the customer's first purchase in one time unit chosen by the caller (weeks in the
 * paper).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param frequency the number of repeat purchases x (purchases after the first), 0 or more
 * @param recency the time of the last purchase since the first, t_x, finite, from 0 to age; 0 when x = 0
 * @param age the time from the first purchase to the end of observation, T, finite, positive
 */
public record PurchaseHistory(long frequency, double recency, double age) {

    /** The largest frequency accepted: 1,000,000 repeat purchases. */
    public static final long MAX_FREQUENCY = 1_000_000;

    /**
     * Checks the history.
     *
     * @param frequency x, 0 to {@link #MAX_FREQUENCY}
     * @param recency t_x, finite, 0 to age, and 0 when x = 0
     * @param age T, finite, positive, at most 1e9 units
     * @throws MetricInputException if a rule above is broken
     */
    public PurchaseHistory {
        if (frequency < 0 || frequency > MAX_FREQUENCY) {
            throw new MetricInputException("frequency", frequency, "must be from 0 to " + MAX_FREQUENCY);
        }
        if (!(age > 0 && age <= 1e9)) {
            throw new MetricInputException("age", age, "must be positive and at most 1e9 time units");
        }
        if (!(recency >= 0 && recency <= age)) {
            throw new MetricInputException("recency", recency, "must be from 0 to the age " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new MetricInputException("recency", recency, "must be 0 for a customer without repeat purchases");
        }
    }

    /**
     * The history of a customer from the instants of the purchases. Purchases at the same instant count once;
     * x is the number of distinct instants after the first, t_x the time from the first to the last, T the time
     * from the first to the end, each divided by the unit.
     *
     * @param purchases the purchase instants, in any order, not null, not empty, none null, none after end,
     *     each within {@link TimeLimits}
     * @param end the end of observation, not null, after the first purchase
     * @param unit the time unit, positive, not null (such as 7 days for weeks)
     * @return the history, not null
     * @throws MetricInputException if a rule above is broken
     * @throws NullPointerException if an argument or a purchase is null
     */
    public static PurchaseHistory fromPurchases(Collection<Instant> purchases, Instant end, Duration unit) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(unit, "unit");
        TreeSet<Instant> distinct = new TreeSet<>();
        for (Instant purchase : purchases) {
            Objects.requireNonNull(purchase, "purchase");
            if (!TimeLimits.isSupported(purchase)) {
                throw new MetricInputException("purchase", purchase, TimeLimits.RULE);
            }
            distinct.add(purchase);
        }
        if (distinct.isEmpty()) {
            throw new MetricInputException("purchases", "none", "must hold the customer's first purchase");
        }
        if (!TimeLimits.isSupported(end)) {
            throw new MetricInputException("end", end, TimeLimits.RULE);
        }
        if (unit.isNegative() || unit.isZero()) {
            throw new MetricInputException("unit", unit, "must be positive");
        }
        if (distinct.last().isAfter(end)) {
            throw new MetricInputException("purchase", distinct.last(), "must not be after the end " + end);
        }
        Instant first = distinct.first();
        double unitSeconds = seconds(unit);
        double age = seconds(Duration.between(first, end)) / unitSeconds;
        double recency = seconds(Duration.between(first, distinct.last())) / unitSeconds;
        return new PurchaseHistory(distinct.size() - 1L, recency, age);
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
