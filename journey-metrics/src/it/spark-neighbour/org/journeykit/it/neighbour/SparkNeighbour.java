package org.journeykit.it.neighbour;

import java.nio.file.Path;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.journeykit.it.app.App;

/**
 * What an application in Spark sees: DataSketches 6.x on the class path (Spark's own) beside journey-metrics.
 * Uses both: the application's own 6.x KLL sketch and JourneyKit's metrics, whose sketch is relocated.
 */
public final class SparkNeighbour {

    private SparkNeighbour() {}

    /**
     * Prints JourneyKit's report, then the 6.x sketch's median and the jar it was loaded from.
     *
     * @param args ignored
     */
    public static void main(String[] args) throws Exception {
        App.report().forEach(System.out::println);
        KllDoublesSketch own = KllDoublesSketch.newHeapInstance();
        for (int i = 1; i <= 100; i++) {
            own.update(i);
        }
        System.out.println("datasketches.median=" + own.getQuantile(0.5));
        System.out.println("datasketches.jar=" + Path.of(KllDoublesSketch.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).getFileName());
    }
}
