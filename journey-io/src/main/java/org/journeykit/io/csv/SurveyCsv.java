package org.journeykit.io.csv;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.io.ReadLimits;
import org.journeykit.io.internal.Utf8;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.SurveyKind;
import org.jspecify.annotations.Nullable;

/**
 * Imports survey responses from CSV as survey tools export them: a header row, then one response per row.
 *
 * <p>Columns are found by their header name; {@link #withColumn} maps a tool's own name (such as
 * {@code "How likely are you to recommend us?"}) to a {@link SurveyField}. Columns that are not mapped are ignored
 * (exports carry many); an empty cell is an absent value. An export of one survey kind without a kind column sets
 * it with {@link #withKind}. Each row goes through the same checks as a JSON Lines survey line, and problems carry
 * the row's line number, the column number and a pointer naming the field ({@code /score}).
 *
 * <pre>{@code
 * SurveyCsv csv = SurveyCsv.defaults().withKind(SurveyKind.NPS)
 *         .withColumn(SurveyField.SCORE, "Recommend (0-10)").withColumn(SurveyField.TIME, "Submitted at");
 * try (SurveyCsvReader rows = csv.read(Path.of("export.csv"), OnError.SKIP_AND_REPORT)) {
 *     rows.stream().forEach(accumulator::add);
 *     ImportReport report = rows.getReport();
 * }
 * }</pre>
 *
 * <p>The {@link ReadLimits} apply to each cell (string length). A CSV syntax error (an unclosed quote) ends the
 * import with a {@link org.journeykit.io.JourneyReadException} in either mode, because no later row can be trusted.
 *
 * <p>This class is immutable and thread-safe; the readers it creates are not.
 */
public final class SurveyCsv {

    private static final SurveyCsv DEFAULTS = new SurveyCsv(new EnumMap<>(SurveyField.class), null, ',',
            ReadLimits.defaults());

    private final Map<SurveyField, String> columns;
    private final @Nullable SurveyKind kind;
    private final char separator;
    private final ReadLimits limits;

    private SurveyCsv(Map<SurveyField, String> columns, @Nullable SurveyKind kind, char separator,
            ReadLimits limits) {
        this.columns = columns;
        this.kind = kind;
        this.separator = separator;
        this.limits = limits;
    }

    /**
     * Returns an importer with the default column names ({@link SurveyField#getDefaultColumn()}), comma-separated,
     * with the default limits.
     *
     * @return the importer; not null
     */
    public static SurveyCsv defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that reads a field from the column with the given header name.
     *
     * @param field the field; not null
     * @param column the header name, matched exactly after trimming spaces; not null, not blank
     * @return the copy; not null
     * @throws NullPointerException if field or column is null
     * @throws IllegalArgumentException if column is blank
     */
    public SurveyCsv withColumn(SurveyField field, String column) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("the column name for " + field + " must not be blank");
        }
        Map<SurveyField, String> copy = new EnumMap<>(SurveyField.class);
        copy.putAll(columns);
        copy.put(field, column.strip());
        return new SurveyCsv(copy, kind, separator, limits);
    }

    /**
     * Returns a copy that gives every row this survey kind (a kind column, if mapped and present, is then ignored).
     *
     * @param kind the kind; not null
     * @return the copy; not null
     * @throws NullPointerException if kind is null
     */
    public SurveyCsv withKind(SurveyKind kind) {
        return new SurveyCsv(columns, Objects.requireNonNull(kind, "kind"), separator, limits);
    }

    /**
     * Returns a copy with another column separator, such as {@code ';'} for exports made with a Dutch locale.
     *
     * @param separator the separator; not a quote, line break or letter
     * @return the copy; not null
     * @throws IllegalArgumentException if separator is a quote, a line break, a letter or a digit
     */
    public SurveyCsv withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r' || Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("the separator must not be a quote, line break, letter or digit, was '"
                    + separator + "'");
        }
        return new SurveyCsv(columns, kind, separator, limits);
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits; not null
     * @return the copy; not null
     * @throws NullPointerException if limits is null
     */
    public SurveyCsv withLimits(ReadLimits limits) {
        return new SurveyCsv(columns, kind, separator, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Returns the header name a field is read from.
     *
     * @param field the field; not null
     * @return the column name; not null
     */
    public String columnOf(SurveyField field) {
        return columns.getOrDefault(field, field.getDefaultColumn());
    }

    /**
     * Returns the survey kind given to every row, if set.
     *
     * @return the kind; not null
     */
    public Optional<SurveyKind> getKind() {
        return Optional.ofNullable(kind);
    }

    /**
     * Opens a reader over CSV text; closing the reader closes the input. The header row is read on the first call
     * to {@code hasNext}.
     *
     * @param in the CSV text; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if in or onError is null
     */
    public SurveyCsvReader read(Reader in, OnError onError) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(onError, "onError");
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(limits.toStreamReadConstraints())
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        try {
            CsvParser parser = factory.createParser(in);
            parser.setSchema(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema()
                    .withColumnSeparator(separator));
            return new SurveyCsvReader(parser, this, onError, limits.getMaxProblems());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the CSV input", e);
        }
    }

    /**
     * Opens a reader over a UTF-8 CSV file; close the reader to close the file. Bytes that are not UTF-8 make their
     * row a problem ({@code RuleCode.INVALID_TEXT}) with its line number, like any other bad row.
     *
     * @param file the file; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if file or onError is null
     * @throws IOException if the file cannot be opened
     */
    public SurveyCsvReader read(Path file, OnError onError) throws IOException {
        Objects.requireNonNull(onError, "onError");
        return read(Utf8.reader(Files.newInputStream(file)), onError);
    }

    /**
     * Opens a reader over UTF-8 CSV bytes; closing the reader closes the stream. Bytes that are not UTF-8 make their
     * row a problem, as for {@link #read(Path, OnError)}.
     *
     * @param in the bytes; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if in or onError is null
     */
    public SurveyCsvReader read(InputStream in, OnError onError) {
        Objects.requireNonNull(in, "in");
        return read(Utf8.reader(in), onError);
    }
}
