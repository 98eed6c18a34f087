package org.journeykit.io.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.journeykit.io.ReadLimits;
import org.journeykit.io.internal.ObservedCodec;
import org.journeykit.io.internal.Utf8;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;

/**
 * Reads and writes JSON Lines files of survey responses and interaction events: one JSON object per line, UTF-8.
 *
 * <p>An interaction event line:
 * <pre>{@code
 * {"customerId":"c-17","time":"2026-03-01T09:30:00Z","touchpointId":"checkout","channelId":"website","outcome":"abandoned"}
 * }</pre>
 * A survey response line ({@code scale} may be left out for NPS, 0-10, and CSAT, 1-5):
 * <pre>{@code
 * {"kind":"nps","score":9,"time":"2026-03-01T09:35:00+01:00","agentId":"agent-7","comment":"Quick and friendly"}
 * }</pre>
 * Times are ISO-8601 instants or offset date-times; durations ISO-8601 ({@code PT4M30S}); enum values lower case
 * with hyphens. Lines are limited to {@link #MAX_LINE_LENGTH} characters and the {@link ReadLimits} apply to each.
 *
 * <p>This class is immutable and thread-safe; the readers it creates are not.
 */
public final class JsonLines {

    /** The longest line read, in characters (1 MiB). */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    private static final JsonLines DEFAULTS = new JsonLines(ReadLimits.defaults(), false);

    private final ReadLimits limits;
    private final boolean allowUnknownFields;
    private final JsonFactory factory;
    private final JsonFactory fastFactory;

    private JsonLines(ReadLimits limits, boolean allowUnknownFields) {
        this.limits = limits;
        this.allowUnknownFields = allowUnknownFields;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // The fast path finds repeated fields itself (a bit per field) and then hands the line to the reporting
        // path above; Jackson's duplicate detection would cost a set per object on every line. It reads the whole
        // input with one parser, so the document length limit becomes the line length limit, checked per line.
        // Where unknown fields are allowed the fast path passes over them unread, so Jackson's duplicate detection
        // is on for those readers: a repeated unknown key is refused on either path.
        this.fastFactory = JsonFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints().rebuild().maxDocumentLength(-1L).build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, allowUnknownFields)
                .build();
    }

    /**
     * JSON Lines with safe defaults: default limits, unknown fields rejected.
     *
     * @return the default instance, not null
     */
    public static JsonLines defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that ignores fields the format does not define.
     *
     * @return the copy, not null
     */
    public JsonLines allowingUnknownFields() {
        return new JsonLines(limits, true);
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits, not null
     * @return the copy, not null
     */
    public JsonLines withLimits(ReadLimits limits) {
        return new JsonLines(Objects.requireNonNull(limits, "limits"), allowUnknownFields);
    }

    /**
     * Reads interaction events; closing the returned reader closes {@code in}.
     *
     * @param in the input, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null
     */
    public JsonLinesReader<InteractionEvent> readEvents(Reader in, OnError onError) {
        return new JsonLinesReader<>(buffered(in), factory, fastFactory,
                new JsonLinesReader.Decoder<>(ObservedCodec::event, ObservedCodec::event),
                Objects.requireNonNull(onError, "onError"), allowUnknownFields, lineLength(),
                "an interaction event");
    }

    /**
     * Reads interaction events from a UTF-8 file. Bytes that are not UTF-8 make their line a problem
     * ({@code RuleCode.INVALID_TEXT} inside a string, {@code RuleCode.MALFORMED} elsewhere), with its line number,
     * like any other bad line.
     *
     * @param file the file, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null; close it
     * @throws IOException if the file cannot be opened
     */
    public JsonLinesReader<InteractionEvent> readEvents(Path file, OnError onError) throws IOException {
        return readEvents(Utf8.reader(Files.newInputStream(file)), onError);
    }

    /**
     * Reads interaction events from UTF-8 bytes; closing the returned reader closes {@code in}. Bytes that are not
     * UTF-8 make their line a problem, as for {@link #readEvents(Path, OnError)}.
     *
     * @param in the bytes, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null; close it
     * @throws NullPointerException if in or onError is null
     */
    public JsonLinesReader<InteractionEvent> readEvents(InputStream in, OnError onError) {
        return readEvents(Utf8.reader(Objects.requireNonNull(in, "in")), onError);
    }

    /**
     * Reads survey responses; closing the returned reader closes {@code in}.
     *
     * @param in the input, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null
     */
    public JsonLinesReader<SurveyResponse> readSurveys(Reader in, OnError onError) {
        return new JsonLinesReader<>(buffered(in), factory, fastFactory,
                new JsonLinesReader.Decoder<>(ObservedCodec::survey, ObservedCodec::survey),
                Objects.requireNonNull(onError, "onError"), allowUnknownFields, lineLength(),
                "a survey response");
    }

    /**
     * Reads survey responses from a UTF-8 file. Bytes that are not UTF-8 make their line a problem
     * ({@code RuleCode.INVALID_TEXT} inside a string, {@code RuleCode.MALFORMED} elsewhere), with its line number,
     * like any other bad line.
     *
     * @param file the file, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null; close it
     * @throws IOException if the file cannot be opened
     */
    public JsonLinesReader<SurveyResponse> readSurveys(Path file, OnError onError) throws IOException {
        return readSurveys(Utf8.reader(Files.newInputStream(file)), onError);
    }

    /**
     * Reads survey responses from UTF-8 bytes; closing the returned reader closes {@code in}. Bytes that are not
     * UTF-8 make their line a problem, as for {@link #readSurveys(Path, OnError)}.
     *
     * @param in the bytes, not null
     * @param onError what to do with a line that cannot be read, not null
     * @return the reader, not null; close it
     * @throws NullPointerException if in or onError is null
     */
    public JsonLinesReader<SurveyResponse> readSurveys(InputStream in, OnError onError) {
        return readSurveys(Utf8.reader(Objects.requireNonNull(in, "in")), onError);
    }

    /**
     * Writes interaction events, one per line; the writer is flushed, not closed.
     *
     * @param events the events, not null
     * @param out the output, not null
     * @throws IOException if writing fails
     */
    public void writeEvents(Iterable<InteractionEvent> events, Writer out) throws IOException {
        Objects.requireNonNull(events, "events");
        try (JsonGenerator generator = generator(out)) {
            for (InteractionEvent event : events) {
                ObservedCodec.write(Objects.requireNonNull(event, "event"), generator);
                generator.writeRaw('\n');
            }
        }
        out.flush();
    }

    /**
     * Writes survey responses, one per line; the writer is flushed, not closed.
     *
     * @param responses the responses, not null
     * @param out the output, not null
     * @throws IOException if writing fails
     */
    public void writeSurveys(Iterable<SurveyResponse> responses, Writer out) throws IOException {
        Objects.requireNonNull(responses, "responses");
        try (JsonGenerator generator = generator(out)) {
            for (SurveyResponse response : responses) {
                ObservedCodec.write(Objects.requireNonNull(response, "response"), generator);
                generator.writeRaw('\n');
            }
        }
        out.flush();
    }

    private JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator generator = factory.createGenerator(Objects.requireNonNull(out, "out"));
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setRootValueSeparator(null);
        return generator;
    }

    private int lineLength() {
        return (int) Math.min(MAX_LINE_LENGTH, limits.getMaxDocumentLength());
    }

    private static Reader buffered(Reader in) {
        // The reader scans its own 16 KiB buffer; a BufferedReader in front would only copy every character twice.
        return Objects.requireNonNull(in, "in");
    }
}
