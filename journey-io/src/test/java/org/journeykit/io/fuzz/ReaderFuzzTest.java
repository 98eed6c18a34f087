package org.journeykit.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.journeykit.io.JourneyJson;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.csv.SurveyCsv;
import org.journeykit.io.csv.SurveyCsvReader;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.model.JourneyModel;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;

/**
 * Fuzz tests of the readers, fed bytes (so invalid UTF-8 is fuzzed too): whatever the bytes, the only exception is the documented {@link JourneyReadException};
 * anything else (a NullPointerException, an IllegalStateException from a builder, a StackOverflowError) fails.
 * Each input is read by the strict readers and by readers that allow unknown fields, which take other paths.
 *
 * <p>Every build runs them in regression mode over the inputs in {@code ReaderFuzzTestInputs/<method>/} (valid
 * documents and lines, and each kind of broken input). {@code JAZZER_FUZZ=1 ./mvnw -pl journey-io test
 * -Dtest=ReaderFuzzTest} fuzzes for real and adds every crash it finds to those inputs.
 */
class ReaderFuzzTest {

    private static final List<JourneyJson> DOCUMENT_READERS =
            List.of(JourneyJson.defaults(), JourneyJson.defaults().allowingUnknownFields());
    private static final List<JsonLines> LINE_READERS =
            List.of(JsonLines.defaults(), JsonLines.defaults().allowingUnknownFields());

    @FuzzTest
    void theDocumentReaderThrowsOnlyItsReadException(byte[] input) throws IOException {
        for (JourneyJson json : DOCUMENT_READERS) {
            // The bytes as they come (any encoding, invalid UTF-8 included), and decoded (the fast path's input).
            check(json, () -> json.read(new ByteArrayInputStream(input)));
            check(json, () -> json.read(new String(input, StandardCharsets.UTF_8)));
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
        for (JsonLines lines : LINE_READERS) {
            for (OnError mode : OnError.values()) {
                try (JsonLinesReader<InteractionEvent> events = lines.readEvents(new ByteArrayInputStream(input),
                        mode)) {
                    long read = events.stream().count();
                    long skipped = events.getReport().getSkippedCount();
                    if (mode == OnError.FAIL_FAST && skipped != 0) {
                        throw new AssertionError("fail-fast mode skipped " + skipped + " lines after " + read);
                    }
                } catch (JourneyReadException expected) {
                    if (mode != OnError.FAIL_FAST) {
                        throw new AssertionError("skip-and-report mode threw", expected);
                    }
                }
                try (JsonLinesReader<SurveyResponse> surveys = lines.readSurveys(new ByteArrayInputStream(input),
                        mode)) {
                    surveys.stream().count();
                } catch (JourneyReadException expected) {
                    if (mode != OnError.FAIL_FAST) {
                        throw new AssertionError("skip-and-report mode threw", expected);
                    }
                }
            }
        }
    }

    @FuzzTest
    void theCsvReaderThrowsOnlyItsReadException(byte[] input) throws IOException {
        for (SurveyCsv csv : List.of(SurveyCsv.defaults(), SurveyCsv.defaults().withKind(SurveyKind.CSAT))) {
            for (OnError mode : OnError.values()) {
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
}
