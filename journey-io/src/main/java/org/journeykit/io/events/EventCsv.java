package org.journeykit.io.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.io.ReadLimits;
import org.journeykit.io.internal.Utf8;
import org.journeykit.io.ndjson.OnError;
import org.jspecify.annotations.Nullable;

/**
 * Imports interaction events from CSV as CRMs, ticket systems and process-mining tools export them: a header row,
 * then one event per row, read in constant memory.
 *
 * <p>Columns are found by their header name, as in {@link org.journeykit.io.csv.SurveyCsv}: {@link #withColumn}
 * maps a tool's own name to an {@link EventField}; {@link #pm4py()} maps PM4Py's flat-table names
 * ({@code case:concept:name}, {@code concept:name}, {@code time:timestamp}). Every other column becomes an
 * attribute named by its header ({@code org:resource}, {@code cost}); an empty cell is an absent value. Problems
 * carry the row's line number, the 1-based column and a pointer naming the field ({@code /time}) or attribute
 * ({@code /attributes/cost}), with a {@link org.journeykit.error.RuleCode}; {@link OnError} decides whether a bad
 * row stops the import or is skipped and reported.
 *
 * <pre>{@code
 * EventCsv csv = EventCsv.pm4py();
 * try (EventCsvReader rows = csv.read(Path.of("running-example.csv"), OnError.FAIL_FAST)) {
 *     rows.stream().forEach(builder::add);
 * }
 * }</pre>
 *
 * <p>The {@link ReadLimits} apply to each cell. A CSV syntax error or a header without a needed column ends the
 * import with a {@link org.journeykit.io.JourneyReadException} in either mode.
 *
 * <p>This class is immutable and thread-safe; the readers it creates are not.
 */
public final class EventCsv {

    private static final EventCsv DEFAULTS = new EventCsv(new EnumMap<>(EventField.class), ',', null, true,
            ReadLimits.defaults());

    private final Map<EventField, String> columns;
    private final char separator;
    private final @Nullable ZoneId zone;
    private final boolean attributes;
    private final ReadLimits limits;

    private EventCsv(Map<EventField, String> columns, char separator, @Nullable ZoneId zone, boolean attributes,
            ReadLimits limits) {
        this.columns = columns;
        this.separator = separator;
        this.zone = zone;
        this.attributes = attributes;
        this.limits = limits;
    }

    /**
     * Returns an importer with the default column names ({@link EventField#getDefaultColumn()}), comma-separated,
     * other columns kept as attributes, times with an offset only, the default limits.
     *
     * @return the importer; not null
     */
    public static EventCsv defaults() {
        return DEFAULTS;
    }

    /**
     * Returns an importer for PM4Py's flat event tables ({@code pm4py.write_csv}, the process-mining literature's
     * CSV logs): {@code case:concept:name} is the customer, {@code concept:name} the activity,
     * {@code time:timestamp} the time; other columns ({@code org:resource}, {@code cost}) become attributes.
     *
     * @return the importer; not null
     */
    public static EventCsv pm4py() {
        return DEFAULTS.withColumn(EventField.CUSTOMER_ID, "case:concept:name")
                .withColumn(EventField.ACTIVITY, "concept:name")
                .withColumn(EventField.TIME, "time:timestamp");
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
    public EventCsv withColumn(EventField field, String column) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("the column name for " + field + " must not be blank");
        }
        Map<EventField, String> copy = new EnumMap<>(EventField.class);
        copy.putAll(columns);
        copy.put(field, column.strip());
        return new EventCsv(copy, separator, zone, attributes, limits);
    }

    /**
     * Returns a copy with another column separator, such as {@code ';'}.
     *
     * @param separator the separator; not a quote, line break, letter or digit
     * @return the copy; not null
     * @throws IllegalArgumentException if separator is a quote, a line break, a letter or a digit
     */
    public EventCsv withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r' || Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("the separator must not be a quote, line break, letter or digit, was '"
                    + separator + "'");
        }
        return new EventCsv(columns, separator, zone, attributes, limits);
    }

    /**
     * Returns a copy that reads date-times without an offset in this zone (with an offset, the offset wins).
     *
     * @param zone the zone, such as {@code Europe/Amsterdam}; not null
     * @return the copy; not null
     * @throws NullPointerException if zone is null
     */
    public EventCsv withZone(ZoneId zone) {
        return new EventCsv(columns, separator, Objects.requireNonNull(zone, "zone"), attributes, limits);
    }

    /**
     * Returns a copy that ignores the columns not mapped to a field instead of keeping them as attributes.
     *
     * @return the copy; not null
     */
    public EventCsv withoutAttributes() {
        return new EventCsv(columns, separator, zone, false, limits);
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits; not null
     * @return the copy; not null
     * @throws NullPointerException if limits is null
     */
    public EventCsv withLimits(ReadLimits limits) {
        return new EventCsv(columns, separator, zone, attributes, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Returns the header name a field is read from.
     *
     * @param field the field; not null
     * @return the column name; not null
     */
    public String columnOf(EventField field) {
        return columns.getOrDefault(field, field.getDefaultColumn());
    }

    /**
     * Returns the zone of date-times without an offset, if set.
     *
     * @return the zone; not null
     */
    public Optional<ZoneId> getZone() {
        return Optional.ofNullable(zone);
    }

    /**
     * Whether columns not mapped to a field become attributes.
     *
     * @return true unless {@link #withoutAttributes()}
     */
    public boolean keepsAttributes() {
        return attributes;
    }

    /**
     * Returns the column separator.
     *
     * @return the separator
     */
    public char getSeparator() {
        return separator;
    }

    /**
     * Opens a reader over CSV text; closing the reader closes the input. The header is read on the first call to
     * {@code hasNext}.
     *
     * @param in the CSV text; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if in or onError is null
     */
    public EventCsvReader read(Reader in, OnError onError) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(onError, "onError");
        return new EventCsvReader(new CsvRows(in, separator, limits, "event CSV", onError), this);
    }

    /**
     * Opens a reader over a UTF-8 CSV file; close the reader to close the file. Bytes that are not UTF-8 make their
     * row a problem ({@code RuleCode.INVALID_TEXT}).
     *
     * @param file the file; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if file or onError is null
     * @throws IOException if the file cannot be opened
     */
    public EventCsvReader read(Path file, OnError onError) throws IOException {
        Objects.requireNonNull(onError, "onError");
        return read(Utf8.reader(Files.newInputStream(file)), onError);
    }

    /**
     * Opens a reader over UTF-8 CSV bytes; closing the reader closes the stream.
     *
     * @param in the bytes; not null
     * @param onError what to do with a bad row; not null
     * @return the reader; not null
     * @throws NullPointerException if in or onError is null
     */
    public EventCsvReader read(InputStream in, OnError onError) {
        Objects.requireNonNull(in, "in");
        return read(Utf8.reader(in), onError);
    }
}
