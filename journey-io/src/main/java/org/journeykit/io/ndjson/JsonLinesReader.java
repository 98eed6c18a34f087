package org.journeykit.io.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.Reading;
import org.journeykit.io.internal.Streamed;
import org.jspecify.annotations.Nullable;

/**
 * Reads one record per line from a JSON Lines input, in constant memory: only the current line is held.
 *
 * <p>Use it as an {@link Iterator} or a {@link #stream()}, and close it (try-with-resources) to close the input.
 * Blank lines are passed over and counted. A line that cannot be read either stops the reading with a
 * {@link JourneyReadException} naming the line ({@link OnError#FAIL_FAST}) or is skipped and recorded in
 * {@link #getReport()} ({@link OnError#SKIP_AND_REPORT}). A line longer than the limit is a problem of that line.
 * I/O failures surface as {@link UncheckedIOException}.
 *
 * <p>Not thread-safe.
 *
 * @param <T> the record type
 */
public final class JsonLinesReader<T> implements Iterator<T>, Closeable {

    /** Decodes one line: straight from the parser when it can, else from its tree, recording problems. */
    interface Decoder<T> {
        /** The fast path; throws {@link Streamed.Fallback} on anything not plainly valid. */
        T stream(Streamed in) throws IOException, Streamed.Fallback;

        /** The reporting path: every problem of the line, located. */
        @Nullable T decode(Reading reading, LocatedTree tree);
    }

    private final Reader in;
    private final JsonFactory factory;
    private final JsonFactory fastFactory;
    private final Decoder<T> decoder;
    private final OnError onError;
    private final boolean allowUnknownFields;
    private final int maxLineLength;
    private final String what;
    private char[] buffer = new char[16_384];
    private int bufferPosition;
    private int bufferLimit;
    private int lineStart;
    private int lineEnd;
    private final List<SkippedLine> skipped = new ArrayList<>();
    private long lineNumber;
    private long records;
    private long blankLines;
    private long skippedCount;
    private boolean endOfInput;
    private @Nullable T next;

    JsonLinesReader(Reader in, JsonFactory factory, JsonFactory fastFactory, Decoder<T> decoder, OnError onError,
            boolean allowUnknownFields, int maxLineLength, String what) {
        this.in = in;
        this.factory = factory;
        this.fastFactory = fastFactory;
        this.decoder = decoder;
        this.onError = onError;
        this.allowUnknownFields = allowUnknownFields;
        this.maxLineLength = maxLineLength;
        this.what = what;
    }

    /**
     * Whether another record follows; reads ahead to find it.
     *
     * @return true if {@link #next()} will return a record
     * @throws JourneyReadException in {@link OnError#FAIL_FAST} mode, at the first line that cannot be read
     * @throws UncheckedIOException if reading the input fails
     */
    @Override
    public boolean hasNext() {
        while (next == null && !endOfInput) {
            next = readRecord();
        }
        return next != null;
    }

    /**
     * The next record.
     *
     * @return the record, not null
     * @throws NoSuchElementException if there is none
     * @throws JourneyReadException in {@link OnError#FAIL_FAST} mode, at the first line that cannot be read
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records after line " + lineNumber);
        }
        T record = next;
        next = null;
        records++;
        return record;
    }

    /**
     * The remaining records as a sequential stream; closing the stream closes this reader.
     *
     * @return the stream, not null
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * What has been read so far.
     *
     * @return a snapshot of the report, not null
     */
    public ImportReport getReport() {
        return new ImportReport(lineNumber, records, blankLines, skippedCount, skipped);
    }

    /**
     * Closes the input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        endOfInput = true;
        in.close();
    }

    private @Nullable T readRecord() {
        boolean tooLong;
        try {
            tooLong = readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + (lineNumber + 1) + " failed", e);
        }
        int length = lineEnd - lineStart;
        if (endOfInput && length == 0 && !tooLong) {
            return null;
        }
        lineNumber++;
        if (tooLong) {
            return fail(List.of(ReadProblem.of("", lineNumber, maxLineLength + 1L,
                    "must be at most " + maxLineLength + " characters long", null)), null);
        }
        if (isBlank(buffer, lineStart, lineEnd)) {
            blankLines++;
            return null;
        }
        // Fast path: decode straight from the line's characters. Anything unusual falls through to the tree
        // decoder, which reads the line again and reports every problem with its pointer and column.
        try (JsonParser parser = fastFactory.createParser(buffer, lineStart, length)) {
            T record = decoder.stream(new Streamed(parser, allowUnknownFields));
            if (parser.nextToken() == null) {
                return record;
            }
        } catch (Streamed.Fallback | JsonProcessingException e) {
            // read again below
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(buffer, lineStart, length);
        try {
            return Parsing.read(() -> factory.createParser(text), what, tree -> {
                Reading reading = new Reading(tree, allowUnknownFields, 100);
                return new Parsing.Decoded<>(decoder.decode(reading, tree), reading.problems());
            });
        } catch (JourneyReadException e) {
            return fail(e.getProblems(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable T fail(List<ReadProblem> problems, @Nullable Throwable cause) {
        List<ReadProblem> onLine = new ArrayList<>(problems.size());
        for (ReadProblem problem : problems) {
            onLine.add(ReadProblem.of(problem.getPointer(), lineNumber, problem.getColumn(), problem.getRule(),
                    problem.getValue().orElse(null)));
        }
        if (onError == OnError.FAIL_FAST) {
            throw new JourneyReadException(what + " on line " + lineNumber, onLine, cause);
        }
        skippedCount++;
        if (skipped.size() < ImportReport.MAX_SKIPPED_KEPT) {
            skipped.add(new SkippedLine(lineNumber, onLine));
        }
        return null;
    }

    /**
     * Finds the next line in {@link #buffer} and sets {@link #lineStart} and {@link #lineEnd} around it (without
     * the line end). The line stays in place, so it is parsed without a copy; a line that does not fit moves to
     * the front of the buffer, which grows up to the line limit. Returns true when the line was longer than the
     * limit: its characters are then dropped as they are read, so memory stays bounded.
     */
    private boolean readLine() throws IOException {
        boolean tooLong = false;
        int scanFrom = bufferPosition;
        while (true) {
            int newline = indexOfNewline(buffer, scanFrom, bufferLimit);
            if (newline >= 0) {
                lineStart = bufferPosition;
                lineEnd = newline;
                bufferPosition = newline + 1;
                break;
            }
            if (tooLong || bufferLimit - bufferPosition > maxLineLength) {
                tooLong = true;
                bufferPosition = bufferLimit;
            }
            int pending = bufferLimit - bufferPosition;
            if (bufferPosition > 0) {
                System.arraycopy(buffer, bufferPosition, buffer, 0, pending);
                bufferPosition = 0;
                bufferLimit = pending;
            }
            if (bufferLimit == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxLineLength + 2L));
            }
            scanFrom = bufferLimit;
            int read = in.read(buffer, bufferLimit, buffer.length - bufferLimit);
            if (read < 0) {
                endOfInput = true;
                lineStart = bufferPosition;
                lineEnd = bufferLimit;
                bufferPosition = bufferLimit;
                break;
            }
            bufferLimit += read;
        }
        if (lineEnd > lineStart && buffer[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        return tooLong || lineEnd - lineStart > maxLineLength;
    }

    private static int indexOfNewline(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
