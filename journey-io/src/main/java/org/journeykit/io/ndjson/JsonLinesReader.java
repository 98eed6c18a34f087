package org.journeykit.io.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    /** Decodes one line's tree into a record, recording problems. */
    interface Decoder<T> {
        @Nullable T decode(Reading reading, LocatedTree tree);
    }

    private final Reader in;
    private final JsonFactory factory;
    private final Decoder<T> decoder;
    private final OnError onError;
    private final boolean allowUnknownFields;
    private final int maxLineLength;
    private final String what;
    private final StringBuilder line = new StringBuilder(256);
    private final char[] buffer = new char[8192];
    private int bufferPosition;
    private int bufferLimit;
    private final List<SkippedLine> skipped = new ArrayList<>();
    private long lineNumber;
    private long records;
    private long blankLines;
    private long skippedCount;
    private boolean endOfInput;
    private @Nullable T next;

    JsonLinesReader(Reader in, JsonFactory factory, Decoder<T> decoder, OnError onError, boolean allowUnknownFields,
            int maxLineLength, String what) {
        this.in = in;
        this.factory = factory;
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
        if (endOfInput && line.length() == 0 && !tooLong) {
            return null;
        }
        lineNumber++;
        if (tooLong) {
            return fail(List.of(ReadProblem.of("", lineNumber, maxLineLength + 1L,
                    "must be at most " + maxLineLength + " characters long", null)), null);
        }
        if (isBlank(line)) {
            blankLines++;
            return null;
        }
        String text = line.toString();
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

    /** Reads the next line into {@link #line}; returns true when it was longer than the limit (and cut). */
    private boolean readLine() throws IOException {
        // Scans a private buffer for the line end: one Reader.read call per 8 KiB, not per character.
        line.setLength(0);
        boolean tooLong = false;
        while (true) {
            if (bufferPosition == bufferLimit) {
                bufferLimit = in.read(buffer, 0, buffer.length);
                bufferPosition = 0;
                if (bufferLimit < 0) {
                    bufferLimit = 0;
                    endOfInput = true;
                    return tooLong;
                }
            }
            int end = bufferPosition;
            while (end < bufferLimit && buffer[end] != '\n') {
                end++;
            }
            int room = maxLineLength + 1 - line.length();
            int count = end - bufferPosition;
            if (count > room) {
                line.append(buffer, bufferPosition, Math.max(room, 0));
                tooLong = true;
            } else {
                line.append(buffer, bufferPosition, count);
            }
            if (line.length() > maxLineLength) {
                tooLong = true;
            }
            bufferPosition = end;
            if (end < bufferLimit) {
                bufferPosition++;
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return tooLong;
            }
        }
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
