package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a large document with problems stays within the heap {@link JourneyJson} documents: at most
 * {@value #MULTIPLE} times the document's length. Each read runs in a JVM of its own whose heap is capped at that
 * multiple (plus a little for the JVM itself), so a reader that needs more fails with an OutOfMemoryError.
 */
class LargeDocumentHeapTest {

    /** The documented multiple ({@link JourneyJson}'s class javadoc). */
    static final int MULTIPLE = 8;

    private static final int MIB = 1024 * 1024;

    /** What the JVM needs besides the read: Jackson's and the model's classes, the problems, the test's strings. */
    private static final int BASELINE_MIB = 16;

    /**
     * Writes a document of about {@code mebibytes} MiB on one line: journeys of 1,000 touchpoints with texts, an
     * emotion and a pain point each; when broken, a last journey with an emotion off its scale, an unknown phase and an
     * unknown channel.
     */
    static void write(Path file, int mebibytes, boolean broken) throws IOException {
        long target = (long) mebibytes * MIB - 400_000;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            StringBuilder part = new StringBuilder("{\"formatVersion\":1,\"title\":\"Large\",\"channels\":"
                    + "[{\"id\":\"web\",\"name\":\"Web\",\"kind\":\"self-service\"}],\"journeys\":[");
            for (int j = 0; written + part.length() < target; j++) {
                part.append(j == 0 ? "" : ",").append("{\"id\":\"j").append(j).append("\",\"name\":\"Journey ").append(j)
                        .append("\",\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":[{\"id\":\"p1\",\"name\":"
                                + "\"Orientation\"},{\"id\":\"p2\",\"name\":\"Purchase\"}],\"touchpoints\":[");
                for (int t = 0; t < 1000; t++) {
                    part.append(t == 0 ? "" : ",").append("{\"id\":\"t").append(t)
                            .append("\",\"name\":\"Fill in the order form ").append(t).append("\",\"phaseId\":\"p")
                            .append(1 + t % 2).append("\",\"channelId\":\"web\",\"customerAction\":\"Looks for the "
                                    + "laptop model and compares the prices\",\"department\":\"Sales\",\"emotion\":"
                                    + "{\"value\":").append(t % 5 - 2).append("},\"painPoints\":[{\"id\":\"pp")
                            .append(t).append("\",\"description\":\"Slow page\",\"severity\":3}],\"rating\":\"good\"}");
                }
                part.append("]}");
                out.append(part);
                written += part.length();
                part.setLength(0);
            }
            if (broken) {
                out.append(",{\"id\":\"broken\",\"name\":\"Broken\",\"emotionScale\":{\"min\":-2,\"max\":2},\"phases\":"
                        + "[{\"id\":\"p1\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\",\"phaseId\":"
                        + "\"nowhere\",\"channelId\":\"fax\",\"emotion\":{\"value\":7}}]}");
            }
            out.append("]}");
        }
    }

    /** The child JVM: reads the file and prints the problems' count, or "valid". */
    public static void main(String[] args) throws IOException {
        try {
            JourneyModel model = JourneyJson.defaults().read(Path.of(args[0]));
            System.out.println("valid " + model.getJourneys().size());
        } catch (JourneyReadException e) {
            System.out.println(e.getProblems().size() + " problems");
        }
    }

    private static String readInJvm(Path file, long heapMib) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>();
        for (Class<?> type : List.of(LargeDocumentHeapTest.class, JourneyJson.class, JourneyModel.class,
                JsonFactory.class, ObjectMapper.class, JsonCreator.class)) {
            classPath.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + heapMib + "m", "-XX:+UseSerialGC",
                "-cp", String.join(File.pathSeparator, classPath), LargeDocumentHeapTest.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return output.strip();
    }

    @Test
    void aDocumentWithProblemsIsReadWithinEightTimesItsLength(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("large.json");
        write(file, 16, true);
        long length = Files.size(file);
        assertThat(length).isBetween(15L * MIB, 16L * MIB);
        // 16 MiB x 8 = 128 MiB for the read, 16 MiB for the JVM.
        assertThat(readInJvm(file, length * MULTIPLE / MIB + BASELINE_MIB)).isEqualTo("3 problems");
    }

    @Test
    void aQuarterOfTheDocumentedHeapIsNotEnough(@TempDir Path directory) throws Exception {
        // The cap must bite: if a quarter of the multiple were enough, the test above would prove nothing about it.
        // (The reporting pass before issue 14, a tree with a pointer and position for every value, needed about 30
        // times the input: 2 GB for 64 MiB.)
        Path file = directory.resolve("large.json");
        write(file, 16, true);
        long length = Files.size(file);
        assertThat(readInJvm(file, length * MULTIPLE / 4 / MIB + BASELINE_MIB)).contains("OutOfMemoryError");
    }
}
