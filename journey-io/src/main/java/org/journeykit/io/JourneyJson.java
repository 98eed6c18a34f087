package org.journeykit.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.ModelDecoder;
import org.journeykit.io.internal.ModelEncoder;
import org.journeykit.io.internal.ModelStreamDecoder;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.Reading;
import org.journeykit.io.internal.Streamed;
import org.journeykit.model.JourneyModel;

/**
 * Reads and writes journey documents, for callers without an {@code ObjectMapper} of their own (those register
 * {@link org.journeykit.io.jackson.JourneyModule} instead).
 *
 * <p>Safe defaults: the {@link ReadLimits#defaults() default limits}, duplicate keys and trailing content rejected,
 * fields the format does not define rejected ({@link #allowingUnknownFields()} relaxes that), no polymorphic typing.
 * Output is UTF-8, indented by two spaces with {@code \n} line ends, fields in a fixed order: the same model always
 * gives the same bytes.
 *
 * <p>Example, from the tests:
 * <pre>{@code
 * String json = JourneyJson.defaults().write(model);
 * JourneyModel back = JourneyJson.defaults().read(json);   // back.equals(model)
 * }</pre>
 *
 * <p>Memory: a read needs heap of at most about 8 times the document's length in bytes, whether the document is
 * valid or not (64 MiB, the default {@link ReadLimits#getMaxDocumentLength() limit}, reads in 512 MiB). A valid
 * document is read straight into the model (about 3 times its length, the model included); one with problems is read
 * into a tree without positions (about 6 times), decoded element by element with every problem found, and read once
 * more, without a tree, to find the line and column of each problem. Streams and readers are read into memory first
 * (up to the limit), so they take the same paths. Measured with documents of many small values, the costliest kind
 * per byte; {@code LargeDocumentHeapTest} reads a 16 MiB document with problems under a heap cap of 8 times its length.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyJson {

    /** The format version this library reads and writes; a document with a higher version is refused. */
    public static final int FORMAT_VERSION = ModelDecoder.FORMAT_VERSION;

    /**
     * The class-path resource (inside this module) holding the JSON Schema, draft 2020-12, of the document; read it
     * with {@link #schema()}.
     */
    public static final String SCHEMA_RESOURCE = "/org/journeykit/io/journey-document.schema.json";

    private static final JourneyJson DEFAULTS = new JourneyJson(ReadLimits.defaults(), false);
    private static final String WHAT = "a journey document";

    private final ReadLimits limits;
    private final boolean allowUnknownFields;
    private final JsonFactory factory;
    private final JsonFactory fastFactory;

    private JourneyJson(ReadLimits limits, boolean allowUnknownFields) {
        this.limits = limits;
        this.allowUnknownFields = allowUnknownFields;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        // The fast path (valid documents) finds repeated known fields itself (a bit per field) and never reports a
        // location. Unknown fields it passes over without looking at them, so where they are allowed, Jackson's
        // duplicate detection finds repeated ones (a repeated key then takes the reporting path, as it must).
        this.fastFactory = JsonFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, allowUnknownFields)
                .build();
    }

    /**
     * The reader and writer with safe defaults.
     *
     * @return the default instance, not null
     */
    public static JourneyJson defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that ignores fields the format does not define, for documents written by a newer minor
     * version or extended by another tool.
     *
     * @return the copy, not null
     */
    public JourneyJson allowingUnknownFields() {
        return new JourneyJson(limits, true);
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits, not null
     * @return the copy, not null
     * @throws NullPointerException if limits is null
     */
    public JourneyJson withLimits(ReadLimits limits) {
        return new JourneyJson(Objects.requireNonNull(limits, "limits"), allowUnknownFields);
    }

    /**
     * The limits this instance reads with.
     *
     * @return the limits, not null
     */
    public ReadLimits getLimits() {
        return limits;
    }

    /**
     * Reads a journey document from a string.
     *
     * @param json the document, not null
     * @return the model, not null
     * @throws JourneyReadException listing every problem found, with JSON Pointers, lines and columns
     * @throws NullPointerException if json is null
     */
    public JourneyModel read(String json) {
        Objects.requireNonNull(json, "json");
        checkLength(json.length());
        try {
            return read(() -> fastFactory.createParser(json), () -> factory.createParser(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a journey document from a UTF-8 (or UTF-16/32, detected) stream; the stream is not closed. The stream is
     * read whole into memory first, up to {@link ReadLimits#getMaxDocumentLength()} bytes, and then read as bytes.
     *
     * @param in the stream, not null
     * @return the model, not null
     * @throws JourneyReadException listing every problem found
     * @throws IOException if reading the stream fails
     */
    public JourneyModel read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] bytes = in.readNBytes(bufferLimit());
        checkLength(bytes.length > limits.getMaxDocumentLength() ? -1 : bytes.length);
        return read(() -> fastFactory.createParser(bytes), () -> factory.createParser(bytes));
    }

    /**
     * Reads a journey document from a character stream; the reader is not closed. The characters are read whole
     * into memory first, up to {@link ReadLimits#getMaxDocumentLength()} of them.
     *
     * @param in the reader, not null
     * @return the model, not null
     * @throws JourneyReadException listing every problem found
     * @throws IOException if reading fails
     */
    public JourneyModel read(Reader in) throws IOException {
        Objects.requireNonNull(in, "in");
        int limit = bufferLimit();
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while (text.length() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - text.length()))) >= 0) {
            text.append(buffer, 0, read);
        }
        checkLength(text.length() > limits.getMaxDocumentLength() ? -1 : text.length());
        String json = text.toString();
        return read(() -> fastFactory.createParser(json), () -> factory.createParser(json));
    }

    /**
     * Reads a journey document from a file.
     *
     * @param file the file, not null
     * @return the model, not null
     * @throws JourneyReadException listing every problem found
     * @throws IOException if reading the file fails
     */
    public JourneyModel read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        checkLength(Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    // The most bytes or characters a stream is read for: one more than the limit, to tell a longer document.
    private int bufferLimit() {
        return (int) Math.min(limits.getMaxDocumentLength() + 1, Integer.MAX_VALUE - 8);
    }

    /**
     * Reads input that can be read twice: first straight into the builders, and only when that meets anything not
     * plainly valid, again through the located tree, which reports every problem.
     */
    private JourneyModel read(Parsing.ParserSource fast, Parsing.ParserSource source) throws IOException {
        try (JsonParser parser = fast.open()) {
            JourneyModel model = Streamed.whole(parser, allowUnknownFields,
                    in -> new ModelStreamDecoder(in).document());
            if (model != null) {
                return model;
            }
        } catch (JsonProcessingException | java.io.CharConversionException e) {
            // a limit checked on opening, or bytes in no encoding Jackson knows: the reporting read reports it
        }
        return Parsing.read(source, WHAT, this::decode);
    }

    /**
     * Checks the length of an in-memory input here: some Jackson 2 lines (2.17 among them) check {@code maxDocumentLength} only when
     * it loads more input, which an in-memory input never needs, so on the oldest supported line a longer string
     * would be read whole.
     *
     * @param length the input's length, or -1 for a stream found longer than the limit
     */
    private void checkLength(long length) {
        if (length < 0 || length > limits.getMaxDocumentLength()) {
            String seen = length < 0 ? "" : " (" + length + ")";
            throw new JourneyReadException(WHAT, List.of(ReadProblem.of("", -1, -1, RuleCode.LIMIT,
                    "must be well-formed JSON within the read limits: Document length" + seen
                            + " exceeds the maximum allowed (" + limits.getMaxDocumentLength() + ")", null)), null);
        }
    }

    private Parsing.Decoded<JourneyModel> decode(LocatedTree tree) {
        Reading reading = new Reading(tree, allowUnknownFields, limits.getMaxProblems());
        JourneyModel model = new ModelDecoder(reading, true).document(tree.root());
        return new Parsing.Decoded<>(model, reading.problems());
    }

    /**
     * Writes a model as a journey document.
     *
     * @param model the model, not null
     * @return the document, UTF-8 text ending in a newline, not null
     * @throws NullPointerException if model is null
     */
    public String write(JourneyModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(model, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes a model as a journey document to a stream in UTF-8; the stream is flushed, not closed.
     *
     * @param model the model, not null
     * @param out the stream, not null
     * @throws IOException if writing fails
     */
    public void write(JourneyModel model, OutputStream out) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(out, "out");
        try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            generator.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter));
            ModelEncoder.document(model, generator);
            generator.writeRaw('\n');
        }
        out.flush();
    }

    /**
     * Writes a model as a journey document to a file, replacing it.
     *
     * @param model the model, not null
     * @param file the file, not null
     * @throws IOException if writing fails
     */
    public void write(JourneyModel model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(Objects.requireNonNull(file, "file"))) {
            write(model, out);
        }
    }

    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

    /**
     * Returns the JSON Schema (draft 2020-12) of the document format this library writes. Every written document
     * validates against it; documents the reader rejects for their shape (wrong types, missing or unknown fields,
     * values out of range) fail it too. Rules the schema cannot express (unique ids, references between personas,
     * channels, phases and journeys, emotion values on the journey's own scale) are checked by the reader only.
     *
     * @return the schema text, UTF-8 JSON; not null
     * @throws UncheckedIOException if the resource cannot be read (a broken installation)
     */
    public static String schema() {
        try (InputStream in = JourneyJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(SCHEMA_RESOURCE));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}
