package org.journeykit.examples.bench.journeys;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.journeykit.metrics.journeys.actual.ActualJourneyStream;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;

/**
 * Streams many events per customer into a funnel and the paths in a heap far smaller than the events, proving that
 * the streaming analyses keep memory per customer and per distinct path, not per event. With the defaults, 1
 * million customers with 50 events each (50 million events; held in the batch builder they would take 850 MB) run
 * in a 64 MB heap.
 *
 * <p>Run:
 * <pre>
 * ./mvnw -B -q -Pbench -DskipTests -pl journey-examples -am package dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -Xmx64m -cp "journey-examples/target/bench-classes:journey-examples/target/classes:$(cat \
 *     journey-examples/target/classpath.txt)" \
 *     org.journeykit.examples.bench.journeys.StreamingMemoryCheck 1000000 50
 * </pre>
 */
public final class StreamingMemoryCheck {

    private StreamingMemoryCheck() {}

    /**
     * Streams the events and prints the funnel, the number of variants, the time and the heap in use.
     *
     * @param args the number of customers (default 1,000,000) and of events per customer (default 50)
     */
    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String[] steps = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"};
        FunnelAccumulator funnel = FunnelAccumulator.create(Funnel.of(List.of("s0", "s1", "s2"), Duration.ofHours(2)));
        PathAccumulator paths = PathAccumulator.create();
        long start = System.nanoTime();
        try (ActualJourneyStream stream = ActualJourneyStream.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
                Duration.ofHours(1), chunk -> {
                    funnel.add(chunk);
                    paths.add(chunk);
                })) {
            for (int c = 0; c < customers; c++) {
                String customer = "c" + c;
                for (int i = 0; i < perCustomer; i++) {
                    long h = (c * 2654435761L + i * 40503L) % 4294967296L;
                    // Sessions of 5 events, 3 hours apart: short variants, so the number of paths stays small.
                    long millis = (i / 5) * 10_800_000L + (i % 5) * 600_000L + (h / 8) % 300_000L;
                    stream.addMillis(customer, millis, steps[(int) ((h >>> 7) % 8)]);
                }
            }
        }
        FunnelResult result = funnel.result().orElseThrow();
        PathResult pathResult = paths.result().orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        long events = (long) customers * perCustomer;
        System.out.printf(Locale.ROOT, "%d events of %d customers in %.1f s (%.1f M events/s); %d journeys, %d "
                + "variants; funnel entered %d, converted %d; max heap %d MB, heap in use after the last "
                + "collection %d MB%n", events, customers, seconds, events / seconds / 1e6, pathResult.journeyCount(),
                pathResult.variants().size(), result.steps().get(0).entered(), result.converted(),
                Runtime.getRuntime().maxMemory() >> 20, live >> 20);
    }
}
