package org.journeykit.io.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadLimits;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.io.ndjson.SkippedLine;
import org.jspecify.annotations.Nullable;

/**
 * The row machinery the CSV readers of this package share with the survey import's conventions: a header row
 * found by name (a byte-order mark dropped, a name given twice refused), one row at a time with its line number,
 * a row with more cells than the header refused, {@link OnError} modes, and the {@link ImportReport}. The line a
 * row starts on is found only for a row with a problem.
 */
final class CsvRows {

    private final CsvParser parser;
    private final String what;
    private final OnError onError;
    private String[] cells = new String[0];
    private int cellCount;
    private final List<SkippedLine> skipped = new ArrayList<>();
    private String[] header = new String[0];
    private long line = -1;
    private long rows;
    private long records;
    private long skippedCount;

    CsvRows(Reader in, char separator, ReadLimits limits, String what, OnError onError) {
        this.what = what;
        this.onError = onError;
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints())
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        try {
            parser = factory.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + what, e);
        }
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    }

    /**
     * Reads the header and returns each name's 0-based cell index; empty when the input is empty.
     *
     * @throws JourneyReadException if a name is given twice
     */
    Map<String, Integer> header() {
        Map<String, Integer> byName = new HashMap<>();
        if (!next()) {
            return byName;
        }
        long line = line();
        List<ReadProblem> problems = new ArrayList<>();
        header = new String[cellCount];
        for (int i = 0; i < cellCount; i++) {
            String name = cell(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            header[i] = name;
            Integer first = byName.putIfAbsent(name, i);
            if (first != null && !name.isEmpty()) {
                problems.add(ReadProblem.of("", line, i + 1L, RuleCode.DUPLICATE_FIELD,
                        "the header must name each column once: the name is column " + (first + 1) + " already",
                        name));
            }
        }
        if (!problems.isEmpty()) {
            throw new JourneyReadException(what, problems, null);
        }
        return byName;
    }

    /** The header names, in column order. */
    String[] names() {
        return header;
    }

    /** A header problem: a needed column is missing. */
    JourneyReadException missing(List<ReadProblem> problems) {
        return new JourneyReadException(what, problems, null);
    }

    /**
     * Reads the next row, whose cells {@link #cell} then gives.
     *
     * @return false at the end of the input
     * @throws JourneyReadException for malformed CSV
     */
    boolean next() {
        // A new array per row rather than one reused: storing a young cell into an array that has grown old takes
        // the garbage collector's slow write barrier (G1 card marking) for every cell.
        // The row is read into locals and published at its end: fewer stores per cell.
        String[] row = new String[Math.max(4, header.length + 1)];
        int count = 0;
        cellCount = 0;
        line = -1;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                cells = row;
                return false;
            }
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                if (count == row.length) {
                    row = Arrays.copyOf(row, 2 * count);
                }
                row[count++] = parser.getText();
            }
            cells = row;
            cellCount = count;
            return true;
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? -1L : Math.max(1, e.getLocation().getLineNr());
            throw new JourneyReadException(what, List.of(ReadProblem.of("", at, -1L, Parsing.code(e),
                    "must be well-formed CSV: " + Parsing.firstLine(e.getOriginalMessage()), null)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what, e);
        }
    }

    /**
     * The 1-based line the current row starts on. Found only when asked (for a problem), because a location per
     * row costs an eighth of the import: the parser stands on the row's end, whose location is the line its last
     * cell starts on, and the line breaks inside the cells before it (quoted values) lead back to the row's start.
     */
    long line() {
        if (line < 0) {
            long last = parser.currentTokenLocation().getLineNr();
            for (int i = 0; i < cellCount - 1; i++) {
                last -= lineBreaks(cells[i]);
            }
            line = Math.max(1, last);
        }
        return line;
    }

    /** The line breaks in a text as CSV counts them: "\r\n", "\n" and "\r" each once. */
    private static int lineBreaks(String text) {
        int breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    /** The number of cells of the current row. */
    int cellCount() {
        return cellCount;
    }

    /**
     * A cell of the current row.
     *
     * @param index the 0-based index, less than {@link #cellCount()}
     */
    String cell(int index) {
        return cells[index];
    }

    /** The problem of a row with more cells than the header, or null. */
    @Nullable ReadProblem extraCells() {
        if (cellCount <= header.length) {
            return null;
        }
        return ReadProblem.of("", line(), header.length + 1L, RuleCode.MALFORMED, "must have at most "
                + header.length + " cells, as many as the header; quote a value that holds the separator",
                cells[header.length]);
    }

    /** Counts a good row. */
    void accepted() {
        rows++;
        records++;
    }

    /**
     * Counts the current row as bad: throws in fail-fast mode, records it otherwise.
     *
     * @throws JourneyReadException in {@link OnError#FAIL_FAST} mode
     */
    void rejected(List<ReadProblem> problems) {
        rows++;
        if (onError == OnError.FAIL_FAST) {
            throw new JourneyReadException(what + " line " + line(), problems, null);
        }
        skippedCount++;
        if (skipped.size() < ImportReport.MAX_SKIPPED_KEPT) {
            skipped.add(SkippedLine.of(line(), problems));
        }
    }

    ImportReport report() {
        return ImportReport.of(rows, records, 0, skippedCount, skipped);
    }

    void close() throws IOException {
        parser.close();
    }
}
