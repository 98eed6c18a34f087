package org.journeykit.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.journeykit.error.JourneyKitException;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution.CoalitionValue;
import org.journeykit.metrics.lifetime.BgNbd;
import org.journeykit.metrics.lifetime.BgNbdFit;
import org.journeykit.metrics.lifetime.PurchaseHistory;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometric;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.journeykit.metrics.lifetime.SurvivalAccumulator;
import org.journeykit.metrics.lifetime.SurvivalCurve;
import org.journeykit.observed.InteractionEvent;

/**
 * Retention forecast and attribution comparison on the sample data: the shifted-beta-geometric model fitted to the
 * first cohort's first six months and projected over the rest of the year against what happened, the BG/NBD model
 * of repeat purchases with each customer's expected purchases and chance of being alive, the Kaplan-Meier curve of
 * the time to the last purchase, and the channels' credit by last touch, linear, first- to third-order Markov and
 * Shapley attribution side by side.
 *
 * <p>The sample shop's customers all buy with the same monthly probability, so the sBG and BG/NBD fits find no
 * heterogeneity and say so (a {@code ModelFitException} with the reason) instead of printing meaningless
 * parameters; the sBG part then shows the published high-end cohort of Fader and Hardie (2007).
 */
public final class ForecastExample {

    /** The months of the first cohort used to fit the sBG model; the rest of the year is the holdout. */
    static final int FIT_MONTHS = 6;
    /** A customer without a purchase for this many days before the end of the data counts as churned. */
    static final int CHURN_DAYS = 90;

    private ForecastExample() {}

    /**
     * Prints the forecasts and the attribution comparison of the built-in sample data.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(SampleData.purchases(5_000, 9), SampleData.marketingPaths(20_000, 3), System.out);
    }

    /**
     * Prints the forecasts of purchase events and the attribution comparison of channel paths.
     *
     * @param purchases purchase events, sorted by time, not null, not empty
     * @param paths channel paths with at least one conversion, not null
     * @param out where to print, not null
     */
    public static void print(List<InteractionEvent> purchases, List<ChannelPath> paths, PrintStream out) {
        Map<String, List<Instant>> byCustomer = new LinkedHashMap<>();
        for (InteractionEvent purchase : purchases) {
            byCustomer.computeIfAbsent(purchase.getCustomerId(), id -> new ArrayList<>()).add(purchase.getTime());
        }
        Instant end = SampleData.START.plusMonths(12).atStartOfDay(ZoneOffset.UTC).toInstant();
        retention(byCustomer, out);
        repeatBuying(byCustomer, end, out);
        survival(byCustomer, end, out);
        attribution(paths, out);
    }

    private static void retention(Map<String, List<Instant>> byCustomer, PrintStream out) {
        // The first monthly cohort: customers whose first purchase fell in the first month; a customer "survives"
        // month k while buying in month k or later.
        long[] survivors = new long[12];
        for (List<Instant> times : byCustomer.values()) {
            LocalDate first = LocalDate.ofInstant(times.get(0), ZoneOffset.UTC);
            if (ChronoUnit.MONTHS.between(SampleData.START, first.withDayOfMonth(1)) != 0) {
                continue;
            }
            LocalDate last = LocalDate.ofInstant(times.get(times.size() - 1), ZoneOffset.UTC);
            long lastMonth = ChronoUnit.MONTHS.between(SampleData.START, last.withDayOfMonth(1));
            for (int k = 0; k <= lastMonth && k < 12; k++) {
                survivors[k]++;
            }
        }
        out.println("Retention forecast (sBG, Fader and Hardie 2007), first cohort of " + survivors[0]
                + " customers, fitted on months 0-" + FIT_MONTHS);
        long[] fitted = java.util.Arrays.copyOf(survivors, FIT_MONTHS + 1);
        try {
            ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(fitted);
            ShiftedBetaGeometric model = fit.model();
            out.println("  " + fit);
            double[] projected = model.projectSurvivors(survivors[0], 11);
            out.println("  month  actual  projected  retention rate");
            for (int k = 1; k < 12; k++) {
                out.printf(Locale.ROOT, "  %5d  %6d  %9.1f  %13.1f%%%s%n", k, survivors[k], projected[k],
                        100 * model.retentionRate(k), k > FIT_MONTHS ? "  (holdout)" : "");
            }
            double derl = model.discountedExpectedResidualLifetime(0.01, 0);
            out.printf(Locale.ROOT, "  Discounted expected residual lifetime of a new customer (1%% a month): "
                    + "%.2f months; at EUR 12 margin a month: EUR %.2f%n", derl,
                    model.residualLifetimeValue(12, 0.01, 0));
        } catch (JourneyKitException e) {
            // The sample shop's customers all buy with the same probability: no heterogeneity for sBG to fit.
            out.println("  No sBG forecast: " + e.getMessage());
        }
        ShiftedBetaGeometricFit published = ShiftedBetaGeometric.fit(HIGH_END);
        out.printf(Locale.ROOT, "  For comparison, Fader and Hardie's high-end customers (years 0-7): %s; year 12 "
                + "projected %.1f%% (actual 39.4%%)%n", published, 100 * published.model().survival(12));
    }

    /** Fader and Hardie (2007), Table 1: survivors of 1,000 high-end customers, years 0 to 7. */
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    private static void repeatBuying(Map<String, List<Instant>> byCustomer, Instant end, PrintStream out) {
        Map<String, PurchaseHistory> histories = new LinkedHashMap<>();
        byCustomer.forEach((id, times) -> {
            if (times.get(0).isBefore(end)) {
                histories.put(id, PurchaseHistory.fromPurchases(times, end, Duration.ofDays(7)));
            }
        });
        out.println();
        out.println("Repeat buying (BG/NBD, Fader, Hardie and Lee 2005), " + histories.size()
                + " customers, weeks");
        try {
            BgNbdFit fit = BgNbd.fit(List.copyOf(histories.values()));
            BgNbd model = fit.model();
            out.println("  " + fit);
            out.printf(Locale.ROOT, "  A new customer's expected repeat purchases in 26 weeks: %.2f%n",
                    model.expectedPurchases(26));
            out.println("  customer       x    t_x      T  P(alive)  next 13 weeks");
            histories.entrySet().stream().limit(5).forEach(entry -> {
                PurchaseHistory h = entry.getValue();
                out.printf(Locale.ROOT, "  %-12s %3d %6.1f %6.1f %9.3f %14.2f%n", entry.getKey(), h.frequency(),
                        h.recency(), h.age(), model.probabilityAlive(h), model.expectedPurchases(h, 13));
            });
        } catch (JourneyKitException e) {
            out.println("  No BG/NBD forecast: " + e.getMessage());
        }
    }

    private static void survival(Map<String, List<Instant>> byCustomer, Instant end, PrintStream out) {
        SurvivalAccumulator survival = SurvivalAccumulator.create();
        Instant churnLine = end.minus(Duration.ofDays(CHURN_DAYS));
        for (List<Instant> times : byCustomer.values()) {
            Instant last = times.get(times.size() - 1);
            boolean churned = last.isBefore(churnLine);
            long days = Duration.between(times.get(0), churned ? last : end).toDays();
            survival.add(days / 7, churned);
        }
        out.println();
        out.println("Time to the last purchase (Kaplan-Meier, churned after " + CHURN_DAYS
                + " days without a purchase), weeks");
        survival.result().ifPresent(curve -> {
            out.println("  " + curve);
            for (long week : new long[] {4, 13, 26, 39}) {
                out.printf(Locale.ROOT, "  S(%d weeks) = %.3f%n", week, curve.survivalAt(week));
            }
            SurvivalCurve.Step last = curve.steps().get(curve.steps().size() - 1);
            out.printf(Locale.ROOT, "  at %d weeks: S = %.3f, Greenwood SE %.3f%n", last.lifetime(),
                    last.survival(), last.standardError());
        });
    }

    private static void attribution(List<ChannelPath> paths, PrintStream out) {
        Map<String, AttributionResult> models = new LinkedHashMap<>();
        ChannelPaths summed = new ChannelPaths(paths);
        models.put("last touch", Attribution.lastTouch(summed));
        models.put("linear", Attribution.linear(summed));
        models.put("Markov 1", MarkovAttribution.of(summed).attribution());
        models.put("Markov 2", HigherOrderMarkovAttribution.of(summed, 2).attribution());
        models.put("Markov 3", HigherOrderMarkovAttribution.of(summed, 3).attribution());
        models.put("Shapley", ShapleyAttribution.of(summed, CoalitionValue.CONVERSIONS).attribution());
        models.put("Shapley rate", ShapleyAttribution.of(summed, CoalitionValue.CONVERSION_RATE)
                .attribution());
        TreeSet<String> channels = new TreeSet<>();
        models.values().forEach(result -> channels.addAll(result.conversions().keySet()));
        Map<String, Double> total = new HashMap<>();
        out.println();
        out.println("Attribution of " + paths.stream().mapToLong(ChannelPath::conversions).sum()
                + " conversions (conversions per channel)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-9s", "channel"));
        models.keySet().forEach(name -> header.append(String.format(Locale.ROOT, " %12s", name)));
        out.println(header);
        for (String channel : channels) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-9s", channel));
            models.forEach((name, result) -> {
                double value = result.conversionsOf(channel);
                total.merge(name, value, Double::sum);
                line.append(String.format(Locale.ROOT, " %12.1f", value));
            });
            out.println(line);
        }
    }
}
