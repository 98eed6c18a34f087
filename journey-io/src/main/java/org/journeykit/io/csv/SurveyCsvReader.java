package org.journeykit.io.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.ObservedCodec;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.ReaderStreams;
import org.journeykit.io.internal.Reading;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.io.ndjson.SkippedLine;
import org.journeykit.observed.SurveyResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads survey responses row by row from a CSV export, in constant memory: only the current row is held.
 *
 * <p>Use it as an {@link Iterator} or a {@link #stream()}, and close it. A row that cannot be read either stops the
 * reading with a {@link JourneyReadException} naming the line ({@link OnError#FAIL_FAST}) or is skipped and
 * recorded in {@link #getReport()} ({@link OnError#SKIP_AND_REPORT}). Problems carry the row's line number, the
 * 1-based column number of the cell, and a pointer naming the field ({@code /score}, {@code /scale/min}). A row
 * with more cells than the header is a problem of that row (nothing is cut off); numbers are ASCII digits with an
 * optional leading '-' ({@code +9} and other scripts' digits are refused). A header without a needed column or
 * naming a column twice, and CSV syntax errors, end the import with a {@link JourneyReadException} in either
 * mode. I/O failures surface as {@link UncheckedIOException}.
 *
 * <p>Not thread-safe.
 */
public final class SurveyCsvReader implements Iterator<SurveyResponse>, Closeable {

    private static final String WHAT = "survey CSV";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CsvParser parser;
    private final SurveyCsv mapping;
    private final OnError onError;
    private final int maxProblems;
    private final Map<SurveyField, Integer> cellOf = new EnumMap<>(SurveyField.class);
    private final List<SkippedLine> skipped = new ArrayList<>();
    private final List<String> cells = new ArrayList<>();
    private boolean headerRead;
    private int headerCells;
    private boolean endOfInput;
    private long rows;
    private long lastLine;
    private long records;
    private long skippedCount;
    private @Nullable SurveyResponse next;

    SurveyCsvReader(CsvParser parser, SurveyCsv mapping, OnError onError, int maxProblems) {
        this.parser = parser;
        this.mapping = mapping;
        this.onError = onError;
        this.maxProblems = maxProblems;
    }

    /**
     * Whether another response follows; reads ahead to find it.
     *
     * @return true if {@link #next()} will return a response
     * @throws JourneyReadException at a bad header or CSV syntax error, and in {@link OnError#FAIL_FAST} mode at
     *     the first bad row
     * @throws UncheckedIOException if reading the input fails
     */
    @Override
    public boolean hasNext() {
        try {
            if (!headerRead) {
                readHeader();
            }
            while (next == null && !endOfInput) {
                long line = readRow();
                if (line < 0) {
                    endOfInput = true;
                } else {
                    next = decode(line);
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? -1L : Math.max(1, e.getLocation().getLineNr());
            throw new JourneyReadException(WHAT, List.of(ReadProblem.of("", line, -1L, Parsing.code(e),
                    "must be well-formed CSV: " + Parsing.firstLine(e.getOriginalMessage()), null)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + WHAT, e);
        }
        return next != null;
    }

    /**
     * Returns the next response.
     *
     * @return the response; not null
     * @throws NoSuchElementException if there is none
     * @throws JourneyReadException as {@link #hasNext()}
     */
    @Override
    public SurveyResponse next() {
        // hasNext() reads the next response ahead into `next`, and is true only when it did.
        SurveyResponse result = hasNext() ? next : null;
        if (result == null) {
            throw new NoSuchElementException("no more survey responses in the CSV");
        }
        next = null;
        return result;
    }

    /**
     * Returns the remaining responses as a sequential stream; closing the stream closes this reader.
     *
     * @return the stream; not null
     */
    public Stream<SurveyResponse> stream() {
        return ReaderStreams.of(this);
    }

    /**
     * Returns what has been read so far: rows (as lines, the header excluded), responses and skipped rows.
     *
     * @return the report; not null
     */
    public ImportReport getReport() {
        return ImportReport.of(rows, records, 0, skippedCount, skipped);
    }

    /**
     * Closes the input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        parser.close();
    }

    private void readHeader() throws IOException {
        headerRead = true;
        long line = readRow();
        if (line < 0) {
            endOfInput = true;
            return;
        }
        Map<String, Integer> byName = new HashMap<>();
        List<ReadProblem> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            Integer first = byName.putIfAbsent(name, i);
            if (first != null && !name.isEmpty()) {
                problems.add(ReadProblem.of("", line, i + 1L, RuleCode.DUPLICATE_FIELD,
                        "the header must name each column once: the name is column " + (first + 1) + " already",
                        name));
            }
        }
        headerCells = cells.size();
        for (SurveyField field : SurveyField.values()) {
            Integer index = byName.get(mapping.columnOf(field));
            if (index != null) {
                cellOf.put(field, index);
            }
        }
        require(SurveyField.SCORE, line, problems);
        require(SurveyField.TIME, line, problems);
        if (mapping.getKind().isEmpty()) {
            require(SurveyField.KIND, line, problems);
        }
        if (!problems.isEmpty()) {
            throw new JourneyReadException(WHAT, problems, null);
        }
    }

    private void require(SurveyField field, long line, List<ReadProblem> problems) {
        if (!cellOf.containsKey(field)) {
            String extra = field == SurveyField.KIND ? ", or set the kind with SurveyCsv.withKind" : "";
            problems.add(ReadProblem.of("/" + field.getDefaultColumn(), line, -1L, RuleCode.HEADER,
                    "the header must have the column '" + mapping.columnOf(field) + "' for " + field + extra, null));
        }
    }

    /** Reads one row into {@link #cells}; returns its line number, or -1 at the end. */
    private long readRow() throws IOException {
        cells.clear();
        JsonToken token = parser.nextToken();
        if (token == null) {
            return -1;
        }
        // The row's START_ARRAY carries the previous row's position; its first cell carries its own line.
        long line = lastLine + 1;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            if (cells.isEmpty()) {
                line = Math.max(1, parser.currentTokenLocation().getLineNr());
            }
            cells.add(parser.getText());
        }
        lastLine = line;
        return line;
    }

    private @Nullable SurveyResponse decode(long line) {
        rows++;
        ObjectNode row = NODES.objectNode();
        Map<String, long[]> locations = new HashMap<>();
        locations.put("", new long[] {line, 1});
        if (mapping.getKind().isPresent()) {
            row.put("kind", Reading.Names.of(mapping.getKind().get()));
        } else {
            put(row, locations, line, SurveyField.KIND, "kind", true);
        }
        put(row, locations, line, SurveyField.SCORE, "score", false);
        String min = cell(SurveyField.SCALE_MIN);
        String max = cell(SurveyField.SCALE_MAX);
        if (min != null || max != null) {
            ObjectNode scale = row.putObject("scale");
            put(scale, locations, line, SurveyField.SCALE_MIN, "min", false, "/scale");
            put(scale, locations, line, SurveyField.SCALE_MAX, "max", false, "/scale");
            long[] first = locations.getOrDefault("/scale/min", locations.get("/scale/max"));
            locations.put("/scale", first);
        }
        put(row, locations, line, SurveyField.TIME, "time", false);
        put(row, locations, line, SurveyField.RESPONDENT_ID, "respondentId", false);
        put(row, locations, line, SurveyField.JOURNEY_ID, "journeyId", false);
        put(row, locations, line, SurveyField.TOUCHPOINT_ID, "touchpointId", false);
        put(row, locations, line, SurveyField.CHANNEL_ID, "channelId", false);
        put(row, locations, line, SurveyField.AGENT_ID, "agentId", false);
        put(row, locations, line, SurveyField.SEGMENT, "segment", false);
        put(row, locations, line, SurveyField.COMMENT, "comment", false);
        Reading reading = new Reading(LocatedTree.of(row, locations), false, maxProblems);
        SurveyResponse response = ObservedCodec.survey(reading, row, "");
        List<ReadProblem> problems = new ArrayList<>(reading.problems());
        if (cells.size() > headerCells) {
            // A cell the header has no column for (often an unquoted comma in a comment): the row is not cut.
            problems.add(ReadProblem.of("", line, headerCells + 1L, RuleCode.MALFORMED,
                    "must have at most " + headerCells + " cells, as many as the header; quote a value that holds "
                            + "the separator", cells.get(headerCells)));
        }
        if (response != null && problems.isEmpty()) {
            records++;
            return response;
        }
        if (onError == OnError.FAIL_FAST) {
            throw new JourneyReadException(WHAT + " line " + line, problems, null);
        }
        skippedCount++;
        if (skipped.size() < ImportReport.MAX_SKIPPED_KEPT) {
            skipped.add(SkippedLine.of(line, problems));
        }
        return null;
    }

    private @Nullable String cell(SurveyField field) {
        Integer index = cellOf.get(field);
        if (index == null || index >= cells.size()) {
            return null;
        }
        String text = cells.get(index).strip();
        return text.isEmpty() ? null : text;
    }

    private void put(ObjectNode target, Map<String, long[]> locations, long line, SurveyField field, String name,
            boolean lowerCase) {
        put(target, locations, line, field, name, lowerCase, "");
    }

    private void put(ObjectNode target, Map<String, long[]> locations, long line, SurveyField field, String name,
            boolean lowerCase, String parent) {
        String text = cell(field);
        Integer column = cellOf.get(field);
        if (text == null || column == null) {
            return;
        }
        locations.put(parent + "/" + name, new long[] {line, column + 1L});
        if ((field == SurveyField.SCORE || field == SurveyField.SCALE_MIN || field == SurveyField.SCALE_MAX)
                && isAsciiInteger(text)) {
            try {
                target.put(name, Integer.parseInt(text));
                return;
            } catch (NumberFormatException e) {
                // beyond the int range: kept as text, which the survey checks report as "must be a number"
            }
        }
        target.put(name, lowerCase ? text.toLowerCase(Locale.ROOT) : text);
    }

    /**
     * Whether a cell is an optional '-' and ASCII digits only: {@code Integer.parseInt} also takes a '+' and the
     * digits of other scripts (such as U+0669), which a survey export does not mean as a score.
     */
    private static boolean isAsciiInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
