package org.journeykit.it.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometric;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.survey.NpsAccumulator;

/**
 * Computes an NPS, a resolution-time median over more values than the exact limit (the sketch updates, serializes,
 * is read back and merges) and a shifted-beta-geometric fit (which runs the relocated Hipparchus optimiser and
 * special functions), and prints the results as {@code key=value} lines for PublishedJarIT to check.
 */
public final class App {

    private App() {}

    /**
     * Prints the report, and on the module path what the module system sees.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<String> lines = new ArrayList<>(report());
        Module metrics = ResolutionTimeAccumulator.class.getModule();
        if (metrics.isNamed()) {
            String relocated = "org.journeykit.metrics.internal.hipparchus.optim.nonlinear.scalar.noderiv";
            lines.add("module=" + metrics.getName());
            lines.add("relocated.present=" + metrics.getPackages().contains(relocated));
            lines.add("relocated.exported=" + metrics.isExported(relocated));
            lines.add("original.visible=" + visible("org.hipparchus.special.Gamma"));
        }
        lines.forEach(System.out::println);
    }

    /**
     * The metric lines: the same on the module path, in a linked image and on the class path.
     *
     * @return the lines, not null
     */
    public static List<String> report() {
        NpsAccumulator nps = NpsAccumulator.create();
        for (int answer : new int[] {10, 10, 9, 9, 9, 8, 7, 6, 3, 0}) {
            nps.add(answer);
        }
        // 1..10,001 seconds, odd and even seconds in two accumulators (5,001 and 5,000 values, both beyond the
        // default exact limit of 4,096, so both are sketches), each sent through its byte form, then merged.
        ResolutionTimeAccumulator odd = ResolutionTimeAccumulator.create();
        ResolutionTimeAccumulator even = ResolutionTimeAccumulator.create();
        for (int seconds = 1; seconds <= 10_001; seconds++) {
            (seconds % 2 == 1 ? odd : even).add(Duration.ofSeconds(seconds));
        }
        ResolutionTimeAccumulator all = ResolutionTimeAccumulator.fromBytes(odd.toBytes())
                .merge(ResolutionTimeAccumulator.fromBytes(even.toBytes()));
        ResolutionTimeResult resolution = all.result().orElseThrow();
        // Fader and Hardie (2007), "high end" customers: survivors of 1,000 over seven years; published fit
        // alpha 0.668, beta 3.806.
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(1000, 869, 743, 653, 593, 551, 517, 491);
        return List.of(
                "sbg.alpha=" + String.format(Locale.ROOT, "%.3f", fit.model().alpha()),
                "sbg.beta=" + String.format(Locale.ROOT, "%.3f", fit.model().beta()),
                "nps.score=" + nps.result().orElseThrow().score(),
                "resolution.count=" + resolution.count(),
                "resolution.exact=" + resolution.isExact(),
                "resolution.mean=" + resolution.mean(),
                "resolution.median.seconds=" + resolution.median().toSeconds());
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, App.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
