package org.journeykit.examples.bench.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.InteractionEvent;

/**
 * Reads a JSON Lines file of at least 1 GB of interaction events in a small heap, proving the reader's memory does
 * not grow with the file. Creates the file first if it is missing (never commit it).
 *
 * <p>Run (a few minutes; the file is written under {@code target/}, never commit it):
 * <pre>
 * ./mvnw -B -q -Pbench -DskipTests -pl journey-examples -am package dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -Xmx128m -cp "journey-examples/target/bench-classes:journey-examples/target/classes:$(cat \
 *     journey-examples/target/classpath.txt)" \
 *     org.journeykit.examples.bench.io.LargeJsonLinesCheck journey-examples/target/events-1g.ndjson
 * </pre>
 * Building with {@code -am} makes the class path point at this checkout's modules, not at older snapshots in the
 * local repository.
 */
public final class LargeJsonLinesCheck {

    private static final long ONE_GB = 1L << 30;
    private static final int BATCH = 100_000;

    private LargeJsonLinesCheck() {}

    /**
     * Creates the file if needed, reads it, and prints the count, the time and the heap limit.
     *
     * @param args the file path (default {@code target/events-1g.ndjson})
     * @throws IOException if the file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/events-1g.ndjson");
        if (!Files.exists(file) || Files.size(file) < ONE_GB) {
            write(file);
        }
        long start = System.nanoTime();
        long count = 0;
        try (JsonLinesReader<InteractionEvent> events = JsonLines.defaults().readEvents(file, OnError.FAIL_FAST)) {
            while (events.hasNext()) {
                events.next();
                count++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // What survived the last collection of each heap pool: the memory the reading really holds on to. (Peak
        // figures per pool happen at different moments and add up to more than the heap.)
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "read %d events from %.2f GB in %.1f s (%.0f events/s); max heap %d MB,"
                + " heap in use after the last collection %d MB%n", count, Files.size(file) / (double) ONE_GB,
                seconds, count / seconds, Runtime.getRuntime().maxMemory() >> 20, live >> 20);
    }

    private static void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JsonLines lines = JsonLines.defaults();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long next = 0;
            while (Files.size(file) < ONE_GB) {
                long from = next;
                List<InteractionEvent> batch = LongStream.range(from, from + BATCH).mapToObj(IoData::event).toList();
                lines.writeEvents(batch, out);
                next += BATCH;
            }
        }
    }
}
