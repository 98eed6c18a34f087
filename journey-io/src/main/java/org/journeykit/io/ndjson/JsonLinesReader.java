package org.journeykit.io.ndjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.ReaderStreams;
import org.journeykit.io.internal.Reading;
import org.journeykit.io.internal.Streamed;
import org.jspecify.annotations.Nullable;

/**
 * Reads one record per line from a JSON Lines input, in bounded memory whatever the input's size.
 *
 * <p>Use it as an {@link Iterator} or a {@link #stream()}, and close it (try-with-resources) to close the input.
 * Blank lines are passed over and counted. A line that cannot be read either stops the reading with a
 * {@link JourneyReadException} naming the line ({@link OnError#FAIL_FAST}) or is skipped and recorded in
 * {@link #getReport()} ({@link OnError#SKIP_AND_REPORT}). A line longer than the limit is a problem of that line.
 * I/O failures surface as {@link UncheckedIOException}.
 *
 * <p>Memory: the reader holds the current line and up to about 64 KiB of input after it, so at most the line limit
 * plus 64 KiB of characters.
 *
 * <p>Not thread-safe.
 *
 * @param <T> the record type
 */
public final class JsonLinesReader<T> implements Iterator<T>, Closeable {

    // How it reads. Valid input is read by ONE streaming parser over the whole input (fast mode): a parser per line
    // would cost more than the parse itself. Each record the parser decodes is checked to be alone on its line
    // (only whitespace around it, its line within the limit; lines are counted here, by '\n' only) before it is
    // returned. Anything else (a bad record, malformed JSON, two records on a line, a record across lines, a line
    // over the limit) switches to line mode: the lines up to the trouble are read one by one, each with its own
    // parser and, when it is not plainly valid, with the tree decoder that reports every problem of the line. Then
    // a new parser takes over at the next line. Both modes give the same result for every line.

    /** Decodes one record: straight from the parser when it can, else from its tree, recording problems. */
    static final class Decoder<T> {
        final Streamed.Decode<T> fast;
        final Reporting<T> reporting;

        Decoder(Streamed.Decode<T> fast, Reporting<T> reporting) {
            this.fast = fast;
            this.reporting = reporting;
        }
    }

    /** The reporting path of a decoder: every problem of the line, located. */
    interface Reporting<T> {
        @Nullable T decode(Reading reading, JsonNode node, String pointer);
    }

    private static final int CHUNK = 16_384;
    private static final int READ_AHEAD = 4 * CHUNK;

    private final Reader in;
    private final JsonFactory factory;
    private final JsonFactory fastFactory;
    private final Decoder<T> decoder;
    private final OnError onError;
    private final boolean allowUnknownFields;
    private final int maxLineLength;
    private final String what;
    private final List<SkippedLine> skipped = new ArrayList<>();
    private long lineNumber;
    private long records;
    private long blankLines;
    private long skippedCount;
    private boolean endOfInput;
    private @Nullable T next;

    // The input from the first line not yet accounted for on. Offsets are counted in characters from the start
    // of the input; buffer[0] is at offset `base`.
    private char[] buffer = new char[CHUNK];
    private long base;
    private int limit;
    private boolean drained;
    private long position;

    // Fast mode: one parser over the input from `parserStart` on, given input up to `handed`.
    private @Nullable JsonParser parser;
    private @Nullable Streamed streamed;
    private long parserStart;
    private long handed;
    private long lineModeUntil = -1;
    private long linesInLineMode;

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
            next = position > lineModeUntil ? fastRecord() : lineRecord();
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
        // hasNext() reads the next record ahead into `next`, and is true only when it did.
        T record = hasNext() ? next : null;
        if (record == null) {
            throw new NoSuchElementException("no more records after line " + lineNumber);
        }
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
        return ReaderStreams.of(this);
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
        closeParser();
        in.close();
    }

    /** How many lines were read one by one (line mode) rather than by the streaming parser; for tests. */
    long linesInLineMode() {
        return linesInLineMode;
    }

    // ---- fast mode ----

    private @Nullable T fastRecord() {
        try {
            JsonParser p = parser;
            Streamed decoding = streamed;
            // Both are set and cleared together (see closeParser).
            if (p == null || decoding == null) {
                parserStart = position;
                handed = position;
                p = fastFactory.createParser(new Feed());
                decoding = new Streamed(p, allowUnknownFields);
                parser = p;
                streamed = decoding;
            }
            JsonToken token = p.nextToken();
            if (token == null) {
                // Only whitespace is left: line mode counts the blank lines exactly.
                return toLineMode(Long.MAX_VALUE);
            }
            if (token != JsonToken.START_OBJECT) {
                return toLineMode(currentOffset());
            }
            // ParserBase (Jackson's reader parsers) gives the line without a JsonLocation object per record.
            int startLine = p instanceof ParserBase ? ((ParserBase) p).getTokenLineNr()
                    : p.currentTokenLocation().getLineNr();
            T record = decoder.fast.decode(decoding);
            JsonLocation endAt = p.currentTokenLocation();
            long end = parserStart + endAt.getCharOffset();
            // The parser breaks lines at '\n' and '\r' and strings cannot hold either: same line, no break.
            if (endAt.getLineNr() != startLine) {
                return toLineMode(end);
            }
            long lineEnd = lineEndAfter(end + 1);
            if (lineEnd < 0) {
                return toLineMode(end);
            }
            // Only whitespace lies between the last accounted line and the record: blank lines, then the
            // record's line, which starts after the last '\n' there.
            long lineStart = position;
            long blanks = 0;
            for (long at = position; isJsonSpace(charAt(at)); at++) {
                if (charAt(at) == '\n') {
                    blanks++;
                    lineStart = at + 1;
                }
            }
            long contentEnd = lineEnd > lineStart && charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd - lineStart > maxLineLength) {
                return toLineMode(end);
            }
            blankLines += blanks;
            lineNumber += blanks + 1;
            position = lineEnd < endOffset() ? lineEnd + 1 : lineEnd;
            return record;
        } catch (Streamed.Fallback e) {
            return toLineMode(currentOffset());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return toLineMode(at == null || at.getCharOffset() < 0 ? handed : parserStart + at.getCharOffset());
        } catch (LineTooLong e) {
            return toLineMode(handed);
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + (lineNumber + 1) + " failed", e);
        }
    }

    private long currentOffset() {
        JsonParser p = parser;
        return p == null ? position : parserStart + Math.max(0, p.currentTokenLocation().getCharOffset());
    }

    /** Hands the lines up to the offset to line mode; always returns null (no record yet). */
    private @Nullable T toLineMode(long until) {
        closeParser();
        lineModeUntil = Math.max(until, position);
        return null;
    }

    private void closeParser() {
        JsonParser p = parser;
        parser = null;
        streamed = null;
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                // closing a parser over the in-memory feed cannot fail; the input is closed by close()
            }
        }
    }

    /**
     * The offset of the '\n' that ends the line, or the end of the input, when only whitespace follows the
     * offset on its line; -1 when something else does.
     */
    private long lineEndAfter(long offset) throws IOException {
        long at = offset;
        while (true) {
            if (at >= endOffset() && !fill(false)) {
                return at;
            }
            char c = charAt(at);
            if (c == '\n') {
                return at;
            }
            if (!isJsonSpace(c)) {
                return -1;
            }
            at++;
        }
    }

    /** JSON's whitespace: space, tab, carriage return, line feed. */
    private static boolean isJsonSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    // ---- line mode ----

    /** Reads the line at {@link #position}: a record, or null after a blank, skipped or missing line. */
    private @Nullable T lineRecord() {
        long lineStart = position;
        long scanFrom = position;
        long newline;
        boolean tooLong = false;
        try {
            while (true) {
                newline = indexOfNewline(scanFrom);
                if (newline >= 0) {
                    break;
                }
                scanFrom = endOffset();
                if (scanFrom - lineStart > maxLineLength + 1L) {
                    // Too long: drop what was read of it, keep looking for its end.
                    tooLong = true;
                    position = scanFrom;
                    lineStart = scanFrom;
                }
                if (!fill(true)) {
                    newline = -1;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + (lineNumber + 1) + " failed", e);
        }
        long lineEnd = newline >= 0 ? newline : endOffset();
        position = newline >= 0 ? newline + 1 : lineEnd;
        if (newline < 0 && lineEnd == lineStart && !tooLong) {
            endOfInput = true;
            return null;
        }
        lineNumber++;
        linesInLineMode++;
        if (lineEnd > lineStart && charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        if (tooLong || lineEnd - lineStart > maxLineLength) {
            return fail(List.of(ReadProblem.of("", lineNumber, maxLineLength + 1L, RuleCode.LIMIT,
                    "must be at most " + maxLineLength + " characters long", null)), null);
        }
        int from = (int) (lineStart - base);
        int length = (int) (lineEnd - lineStart);
        if (isBlank(buffer, from, from + length)) {
            blankLines++;
            return null;
        }
        try (JsonParser single = fastFactory.createParser(buffer, from, length)) {
            T record = Streamed.whole(single, allowUnknownFields, decoder.fast);
            if (record != null) {
                return record;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(buffer, from, length);
        try {
            return Parsing.read(() -> factory.createParser(text), what, tree -> {
                Reading reading = new Reading(tree, allowUnknownFields, 100);
                return new Parsing.Decoded<>(decoder.reporting.decode(reading, tree.root(), ""),
                        reading.problems());
            });
        } catch (JourneyReadException e) {
            return fail(e.getProblems(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long indexOfNewline(long from) {
        int end = limit;
        for (int i = (int) (from - base); i < end; i++) {
            if (buffer[i] == '\n') {
                return base + i;
            }
        }
        return -1;
    }

    private @Nullable T fail(List<ReadProblem> problems, @Nullable Throwable cause) {
        List<ReadProblem> onLine = new ArrayList<>(problems.size());
        for (ReadProblem problem : problems) {
            onLine.add(problem.at(lineNumber, problem.getColumn()));
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

    // ---- the buffer ----

    private long endOffset() {
        return base + limit;
    }

    private char charAt(long offset) {
        return buffer[(int) (offset - base)];
    }

    /**
     * Reads more input after what is buffered, first dropping what lies before {@link #position}. Fast mode may
     * hold at most the line limit plus {@link #READ_AHEAD} characters: beyond that it throws {@link LineTooLong}
     * and line mode, which drops a too-long line as it reads it, takes over.
     *
     * @return false at the end of the input
     */
    private boolean fill(boolean lineMode) throws IOException {
        if (drained) {
            return false;
        }
        // Keep the lines not yet accounted for, and what the fast parser has not been given yet.
        int keep = (int) ((parser == null ? position : Math.min(position, handed)) - base);
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            limit -= keep;
            base = position;
        }
        if (limit == buffer.length) {
            long most = maxLineLength + 2L + READ_AHEAD;
            if (buffer.length >= most) {
                if (!lineMode) {
                    throw new LineTooLong();
                }
                // Line mode never keeps more than the line limit (it drops a too-long line): cannot happen.
                throw new IllegalStateException("line buffer full at " + limit + " characters");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, most));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            drained = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** The input as the fast parser sees it: the buffered characters from {@link #handed} on, then more. */
    private final class Feed extends Reader {
        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            if (handed >= endOffset() && !fill(false)) {
                return -1;
            }
            int from = (int) (handed - base);
            int count = Math.min(length, limit - from);
            System.arraycopy(buffer, from, target, offset, count);
            handed += count;
            return count;
        }

        @Override
        public void close() {
            // the reader owns the input
        }
    }

    /** Fast mode would have to hold more than a line: line mode takes over. */
    private static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLong() {
            super("line longer than the limit", null);
        }
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
