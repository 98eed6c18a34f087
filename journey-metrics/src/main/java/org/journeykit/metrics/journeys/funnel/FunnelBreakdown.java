package org.journeykit.metrics.journeys.funnel;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;

/**
 * A funnel broken down by a dimension of the customer (segment, persona, region, acquisition channel...), one
 * {@link FunnelResult} per value.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelBreakdown {

    private FunnelBreakdown() {}

    /**
     * Evaluates the funnel separately for each value of the dimension.
     *
     * @param funnel the funnel, not null
     * @param source the journeys, not null
     * @param dimension gives the dimension value of a customer id; must not return null
     * @return dimension value to result, ordered by value, unmodifiable, not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyAnalyticsException if the dimension returns null for a customer (the message names the
     *     journey index)
     */
    public static SortedMap<String, FunnelResult> analyze(Funnel funnel, ActualJourneys source,
            Function<String, String> dimension) {
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dimension, "dimension");
        FunnelAccumulator.Codes codes = FunnelAccumulator.Codes.of(funnel, source);
        Map<String, FunnelAccumulator> byValue = new TreeMap<>();
        int j = 0;
        while (j < source.size()) {
            String customer = source.customerId(j);
            int end = j + 1;
            while (end < source.size() && customer.equals(source.customerId(end))) {
                end++;
            }
            String value = dimension.apply(customer);
            if (value == null) {
                throw new JourneyAnalyticsException(j, "the breakdown dimension must give every customer a value",
                        "null for journey " + j);
            }
            byValue.computeIfAbsent(value, v -> FunnelAccumulator.create(funnel)).addCustomer(source, codes, j, end);
            j = end;
        }
        TreeMap<String, FunnelResult> results = new TreeMap<>();
        byValue.forEach((value, accumulator) -> results.put(value, accumulator.result()));
        return Collections.unmodifiableSortedMap(results);
    }
}
