package org.journeykit.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.journeykit.io.JourneyJson;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.csv.SurveyCsv;
import org.journeykit.io.csv.SurveyCsvReader;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.model.JourneyModel;
import org.journeykit.observed.SurveyKind;

/**
 * Fuzz tests of the readers, fed bytes (so invalid UTF-8 is fuzzed too): whatever the bytes, the only exception is the documented {@link JourneyReadException};
 * anything else (a NullPointerException, an IllegalStateException from a builder, a StackOverflowError) fails.
 * Each input is read by the strict readers and by readers that allow unknown fields, which take other paths.
 *
 * <p>Every build runs them in regression mode over the inputs in {@code ReaderFuzzTestInputs/<method>/} (valid
 * documents and lines, and each kind of broken input), each input through every reader configuration.
 * {@code JAZZER_FUZZ=1 ./mvnw -pl journey-io test -Dtest=ReaderFuzzTest} fuzzes for real and adds every crash it
 * finds to those inputs; while fuzzing, each input goes through the one configuration its first byte picks, so an
 * execution is one read and the mutator, which varies that byte like any other, reaches every configuration.
 */
class ReaderFuzzTest {

    private static final boolean FUZZING = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

    private static final List<JourneyJson> DOCUMENT_READERS =
            List.of(JourneyJson.defaults(), JourneyJson.defaults().allowingUnknownFields());
    private static final List<JsonLines> LINE_READERS =
            List.of(JsonLines.defaults(), JsonLines.defaults().allowingUnknownFields());
    private static final List<SurveyCsv> CSV_READERS =
            List.of(SurveyCsv.defaults(), SurveyCsv.defaults().withKind(SurveyKind.CSAT));

    /**
     * The configurations {@code input} goes through, numbered {@code 0} to {@code count - 1}: all of them in
     * regression mode, the one its first byte picks while fuzzing.
     */
    private static int[] configurations(byte[] input, int count) {
        if (!FUZZING || input.length == 0) {
            return IntStream.range(0, count).toArray();
        }
        return new int[] {Byte.toUnsignedInt(input[0]) % count};
    }

    @FuzzTest
    void theDocumentReaderThrowsOnlyItsReadException(byte[] input) throws IOException {
        for (int configuration : configurations(input, 2 * DOCUMENT_READERS.size())) {
            JourneyJson json = DOCUMENT_READERS.get(configuration / 2);
            if (configuration % 2 == 0) {
                // The bytes as they come (any encoding, invalid UTF-8 included).
                check(json, () -> json.read(new ByteArrayInputStream(input)));
            } else {
                // Decoded: the fast path's input.
                check(json, () -> json.read(new String(input, StandardCharsets.UTF_8)));
            }
        }
    }

    private interface Read {
        JourneyModel read() throws IOException;
    }

    private static void check(JourneyJson json, Read read) throws IOException {
        try {
            JourneyModel model = read.read();
            // What was read is valid, so it writes and reads back to an equal model.
            if (!json.read(json.write(model)).equals(model)) {
                throw new AssertionError("a model read from input does not round-trip: " + model);
            }
        } catch (JourneyReadException expected) {
            if (expected.getProblems().isEmpty()) {
                throw new AssertionError("a read exception without problems", expected);
            }
        }
    }

    @FuzzTest
    void theJsonLinesReadersThrowOnlyTheirReadException(byte[] input) throws IOException {
        OnError[] modes = OnError.values();
        for (int configuration : configurations(input, LINE_READERS.size() * modes.length * 2)) {
            JsonLines lines = LINE_READERS.get(configuration / (modes.length * 2));
            OnError mode = modes[configuration / 2 % modes.length];
            try (JsonLinesReader<?> records = configuration % 2 == 0
                    ? lines.readEvents(new ByteArrayInputStream(input), mode)
                    : lines.readSurveys(new ByteArrayInputStream(input), mode)) {
                long read = records.stream().count();
                long skipped = records.getReport().getSkippedCount();
                if (mode == OnError.FAIL_FAST && skipped != 0) {
                    throw new AssertionError("fail-fast mode skipped " + skipped + " lines after " + read);
                }
            } catch (JourneyReadException expected) {
                if (mode != OnError.FAIL_FAST) {
                    throw new AssertionError("skip-and-report mode threw", expected);
                }
                if (expected.getProblems().isEmpty()) {
                    throw new AssertionError("a read exception without problems", expected);
                }
            }
        }
    }

    @FuzzTest
    void theCsvReaderThrowsOnlyItsReadException(byte[] input) throws IOException {
        OnError[] modes = OnError.values();
        for (int configuration : configurations(input, CSV_READERS.size() * modes.length)) {
            SurveyCsv csv = CSV_READERS.get(configuration / modes.length);
            OnError mode = modes[configuration % modes.length];
            try (SurveyCsvReader rows = csv.read(new ByteArrayInputStream(input), mode)) {
                long read = rows.stream().count();
                long skipped = rows.getReport().getSkippedCount();
                if (mode == OnError.FAIL_FAST && skipped != 0) {
                    throw new AssertionError("fail-fast mode skipped " + skipped + " rows after " + read);
                }
            } catch (JourneyReadException expected) {
                if (expected.getProblems().isEmpty()) {
                    throw new AssertionError("a read exception without problems", expected);
                }
            }
        }
    }
}
