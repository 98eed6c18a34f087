package org.journeykit.io.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadLimits;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.Utf8;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;

/**
 * Imports channel paths from CSV in the shape of the ChannelAttribution package's data sets: one row per distinct
 * path, with the path written as channels joined by a separator ({@code eta > iota > alpha}), the number of
 * conversions, the conversion value and the number of paths that did not convert ("nulls"), straight into a
 * {@link ChannelPathAccumulator}.
 *
 * <p>Defaults ({@link #channelAttribution()}): {@code ;}-separated columns {@code path},
 * {@code total_conversions}, {@code total_conversion_value} (optional, 0 when absent) and {@code total_null}
 * (optional, 0 when absent), channels separated by {@code >} with spaces around them trimmed. Counts are whole
 * numbers of zero or more (ASCII digits); the value a finite decimal number of zero or more.
 *
 * <pre>{@code
 * ChannelPathAccumulator paths = ChannelPathAccumulator.create();
 * ImportReport report = ChannelPathCsv.channelAttribution().addTo(paths, Path.of("Data.csv"), OnError.FAIL_FAST);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChannelPathCsv {

    private static final ChannelPathCsv DEFAULTS = new ChannelPathCsv("path", "total_conversions",
            "total_conversion_value", "total_null", ';', ">", ReadLimits.defaults());

    private final String pathColumn;
    private final String conversionsColumn;
    private final String valueColumn;
    private final String nullsColumn;
    private final char separator;
    private final String pathSeparator;
    private final ReadLimits limits;

    private ChannelPathCsv(String pathColumn, String conversionsColumn, String valueColumn, String nullsColumn,
            char separator, String pathSeparator, ReadLimits limits) {
        this.pathColumn = pathColumn;
        this.conversionsColumn = conversionsColumn;
        this.valueColumn = valueColumn;
        this.nullsColumn = nullsColumn;
        this.separator = separator;
        this.pathSeparator = pathSeparator;
        this.limits = limits;
    }

    /**
     * Returns the importer for ChannelAttribution's column names and separators.
     *
     * @return the importer; not null
     */
    public static ChannelPathCsv channelAttribution() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with other column names.
     *
     * @param path the path column; not null, not blank
     * @param conversions the conversion-count column; not null, not blank
     * @param value the conversion-value column (optional in the file); not null, not blank
     * @param nulls the null-count column (optional in the file); not null, not blank
     * @return the copy; not null
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if a name is blank
     */
    public ChannelPathCsv withColumns(String path, String conversions, String value, String nulls) {
        return new ChannelPathCsv(name(path, "path"), name(conversions, "conversions"), name(value, "value"),
                name(nulls, "nulls"), separator, pathSeparator, limits);
    }

    /**
     * Returns a copy with another column separator.
     *
     * @param separator the separator; not a quote, line break, letter or digit
     * @return the copy; not null
     * @throws IllegalArgumentException if separator is a quote, a line break, a letter or a digit
     */
    public ChannelPathCsv withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r' || Character.isLetterOrDigit(separator)) {
            throw new IllegalArgumentException("the separator must not be a quote, line break, letter or digit, was '"
                    + separator + "'");
        }
        return new ChannelPathCsv(pathColumn, conversionsColumn, valueColumn, nullsColumn, separator,
                pathSeparator, limits);
    }

    /**
     * Returns a copy with another separator between the channels of a path.
     *
     * @param pathSeparator the separator, such as {@code ">"} or {@code "|"}; not null, not blank
     * @return the copy; not null
     * @throws NullPointerException if pathSeparator is null
     * @throws IllegalArgumentException if pathSeparator is blank
     */
    public ChannelPathCsv withPathSeparator(String pathSeparator) {
        return new ChannelPathCsv(pathColumn, conversionsColumn, valueColumn, nullsColumn, separator,
                name(pathSeparator, "pathSeparator").strip(), limits);
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits; not null
     * @return the copy; not null
     * @throws NullPointerException if limits is null
     */
    public ChannelPathCsv withLimits(ReadLimits limits) {
        return new ChannelPathCsv(pathColumn, conversionsColumn, valueColumn, nullsColumn, separator,
                pathSeparator, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Reads every row into an accumulator; closes the input. In {@link OnError#FAIL_FAST} mode the accumulator
     * keeps the rows before the bad one.
     *
     * @param target the accumulator; not null
     * @param in the CSV text; not null
     * @param onError what to do with a bad row; not null
     * @return what was read; not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyReadException at a bad header, malformed CSV, or a bad row in fail-fast mode
     * @throws UncheckedIOException if reading fails
     */
    public ImportReport addTo(ChannelPathAccumulator target, Reader in, OnError onError) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(onError, "onError");
        CsvRows rows = new CsvRows(in, separator, limits, "channel-path CSV", onError);
        try {
            Map<String, Integer> header = rows.header();
            if (header.isEmpty()) {
                return rows.report();
            }
            int path = header.getOrDefault(pathColumn, -1);
            int conversions = header.getOrDefault(conversionsColumn, -1);
            int value = header.getOrDefault(valueColumn, -1);
            int nulls = header.getOrDefault(nullsColumn, -1);
            List<ReadProblem> missing = new ArrayList<>();
            if (path < 0) {
                missing.add(ReadProblem.of("/path", 1, -1, RuleCode.HEADER, "the header must have the column '"
                        + pathColumn + "' for the path", null));
            }
            if (conversions < 0) {
                missing.add(ReadProblem.of("/conversions", 1, -1, RuleCode.HEADER, "the header must have the column '"
                        + conversionsColumn + "' for the conversions", null));
            }
            if (!missing.isEmpty()) {
                throw rows.missing(missing);
            }
            while (rows.next()) {
                ChannelPath read = decode(rows, path, conversions, value, nulls);
                if (read != null) {
                    target.add(read);
                }
            }
            return rows.report();
        } finally {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the channel-path CSV", e);
            }
        }
    }

    /**
     * Reads every row of a UTF-8 file into an accumulator.
     *
     * @param target the accumulator; not null
     * @param file the file; not null
     * @param onError what to do with a bad row; not null
     * @return what was read; not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyReadException as {@link #addTo(ChannelPathAccumulator, Reader, OnError)}
     * @throws IOException if the file cannot be opened
     */
    public ImportReport addTo(ChannelPathAccumulator target, Path file, OnError onError) throws IOException {
        Objects.requireNonNull(target, "target");
        return addTo(target, Utf8.reader(Files.newInputStream(file)), onError);
    }

    /**
     * Reads every row of UTF-8 bytes into an accumulator; closes the stream.
     *
     * @param target the accumulator; not null
     * @param in the bytes; not null
     * @param onError what to do with a bad row; not null
     * @return what was read; not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyReadException as {@link #addTo(ChannelPathAccumulator, Reader, OnError)}
     */
    public ImportReport addTo(ChannelPathAccumulator target, InputStream in, OnError onError) {
        Objects.requireNonNull(in, "in");
        return addTo(target, Utf8.reader(in), onError);
    }

    private @org.jspecify.annotations.Nullable ChannelPath decode(CsvRows rows, int path, int conversions, int value,
            int nulls) {
        // The row's line is found only for a problem (rows.line()): finding it for every row costs a location each.
        List<ReadProblem> problems = new ArrayList<>(0);
        ReadProblem extra = rows.extraCells();
        if (extra != null) {
            problems.add(extra);
        }
        List<String> channels = new ArrayList<>();
        String pathText = cell(rows, path);
        if (pathText.isEmpty()) {
            problems.add(ReadProblem.of("/path", rows.line(), path + 1L, RuleCode.REQUIRED, "is required", null));
        } else {
            int from = 0;
            while (true) {
                int at = pathText.indexOf(pathSeparator, from);
                String channel = (at < 0 ? pathText.substring(from) : pathText.substring(from, at)).strip();
                if (channel.isEmpty()) {
                    problems.add(ReadProblem.of("/path", rows.line(), path + 1L, RuleCode.BLANK,
                            "must not have an empty channel between two '" + pathSeparator + "'", pathText));
                    break;
                }
                channels.add(channel);
                if (at < 0) {
                    break;
                }
                from = at + pathSeparator.length();
            }
        }
        long conversionCount = count(rows, conversions, "/conversions", problems);
        long nullCount = count(rows, nulls, "/nulls", problems);
        double total = 0;
        String valueText = cell(rows, value);
        if (!valueText.isEmpty()) {
            try {
                total = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                total = Double.NaN;
            }
            if (!(total >= 0) || Double.isInfinite(total) || !isDecimal(valueText)) {
                problems.add(ReadProblem.of("/value", rows.line(), value + 1L, RuleCode.FORMAT,
                        "must be a finite decimal number of zero or more", valueText));
            }
        }
        if (problems.isEmpty()) {
            try {
                ChannelPath result = ChannelPath.of(channels, conversionCount, total, nullCount);
                rows.accepted();
                return result;
            } catch (JourneyAnalyticsException e) {
                problems.add(ReadProblem.of("", rows.line(), -1, RuleCode.RANGE, e.getMessage(), null));
            }
        }
        rows.rejected(problems);
        return null;
    }

    private static long count(CsvRows rows, int index, String pointer, List<ReadProblem> problems) {
        String text = cell(rows, index);
        if (text.isEmpty()) {
            return 0;
        }
        boolean digits = text.length() <= 18;
        for (int i = 0; i < text.length() && digits; i++) {
            digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (!digits) {
            problems.add(ReadProblem.of(pointer, rows.line(), index + 1L, RuleCode.FORMAT,
                    "must be a whole number of zero or more (at most 18 digits)", text));
            return 0;
        }
        return Long.parseLong(text);
    }

    /** Digits with at most one '.', an optional exponent: what R writes; no hex, no "Infinity", no 'd' suffix. */
    private static boolean isDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    private static String cell(CsvRows rows, int index) {
        return index < 0 || index >= rows.cellCount() ? "" : rows.cell(index).strip();
    }

    private static String name(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return name.strip();
    }
}
