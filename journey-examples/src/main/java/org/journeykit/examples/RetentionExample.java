package org.journeykit.examples;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.CustomerLifetimeValue;
import org.journeykit.metrics.retention.Granularity;
import org.journeykit.metrics.retention.PeriodRetention;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.observed.InteractionEvent;

/**
 * Retention of a web shop's customers: monthly cohorts (classic and unbounded retention), the period retention and
 * churn rate of the second half-year, the repeat-purchase rate, customer lifetime value by the simple and the
 * retention-based formula, and what five percentage points more retention would be worth.
 */
public final class RetentionExample {

    /** The gross margin assumed on revenue. */
    static final double MARGIN = 0.30;
    /** The yearly discount rate used for the retention-based lifetime value. */
    static final double DISCOUNT = 0.10;

    private RetentionExample() {}

    /**
     * Prints the retention analysis of the built-in sample purchases.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(SampleData.purchases(5_000, 9), System.out);
    }

    /**
     * Prints the retention analysis of purchase events.
     *
     * @param purchases purchase events with an {@code amount} attribute, sorted by time, not null
     * @param out where to print, not null
     */
    public static void print(List<InteractionEvent> purchases, PrintStream out) {
        CohortRetentionAccumulator cohorts = CohortRetentionAccumulator.create(
                new CohortDefinition(Granularity.MONTH, ZoneOffset.UTC));
        RepeatPurchaseAccumulator repeat = RepeatPurchaseAccumulator.create();
        Instant secondHalf = SampleData.START.plusMonths(6).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<String> firstHalfCustomers = new HashSet<>();
        Set<String> secondHalfCustomers = new HashSet<>();
        Set<String> newInSecondHalf = new HashSet<>();
        double revenue = 0;
        for (InteractionEvent purchase : purchases) {
            cohorts.add(purchase);
            repeat.add(purchase.getCustomerId());
            revenue += Double.parseDouble(purchase.getAttributes().get("amount"));
            if (purchase.getTime().isBefore(secondHalf)) {
                firstHalfCustomers.add(purchase.getCustomerId());
            } else {
                secondHalfCustomers.add(purchase.getCustomerId());
                if (!firstHalfCustomers.contains(purchase.getCustomerId())) {
                    newInSecondHalf.add(purchase.getCustomerId());
                }
            }
        }
        CohortTable table = cohorts.result().orElseThrow();
        out.println("Monthly cohorts, classic retention (share of the cohort active in month +k):");
        out.println(table);
        out.printf(Locale.ROOT, "Unbounded retention of the first cohort (%s) at +3: %.1f%% active then or later%n",
                table.cohortLabel(0), 100 * table.unboundedRetention(0, 3).orElseThrow());

        PeriodRetention period = PeriodRetention.of(firstHalfCustomers.size(), secondHalfCustomers.size(),
                newInSecondHalf.size());
        double retention = period.retentionRate().orElseThrow() / 100.0;
        out.printf(Locale.ROOT, "%nSecond half-year: start %d, end %d, new %d -> retention %.1f%%, churn %.1f%%%n",
                period.start(), period.end(), period.acquired(), period.retentionRate().orElseThrow(),
                period.churnRate().orElseThrow());
        out.printf("Repeat-purchase rate: %s%n", repeat.result().orElseThrow());

        long customers = purchases.stream().map(InteractionEvent::getCustomerId).distinct().count();
        double averageOrder = revenue / purchases.size();
        double ordersPerYear = (double) purchases.size() / customers;
        double yearlyRetention = retention * retention;
        double lifespanYears = 1.0 / (1.0 - yearlyRetention);
        double simple = CustomerLifetimeValue.simple(averageOrder, ordersPerYear, MARGIN, lifespanYears);
        double marginPerYear = averageOrder * ordersPerYear * MARGIN;
        double retentionBased = CustomerLifetimeValue.retentionBased(marginPerYear, yearlyRetention, DISCOUNT);
        double better = CustomerLifetimeValue.retentionBased(marginPerYear, Math.min(0.99, yearlyRetention + 0.05),
                DISCOUNT);
        out.printf(Locale.ROOT, "%nAverage order EUR %.2f, %.2f orders per customer per year, margin %.0f%%%n",
                averageOrder, ordersPerYear, 100 * MARGIN);
        out.printf(Locale.ROOT, "CLV, simple (lifespan 1 / yearly churn = %.1f years): EUR %.2f%n", lifespanYears,
                simple);
        out.printf(Locale.ROOT, "CLV, retention-based m r / (1 + i - r) with r = %.1f%%, i = %.0f%%: EUR %.2f%n",
                100 * yearlyRetention, 100 * DISCOUNT, retentionBased);
        out.printf(Locale.ROOT, "Five points more retention (r = %.1f%%): EUR %.2f per customer, %+.1f%%%n",
                100 * Math.min(0.99, yearlyRetention + 0.05), better, 100 * (better / retentionBased - 1));
    }
}
