package org.journeykit.spark.internal;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.journeykit.error.Problem;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.Outcome;

/**
 * The optional outcome and duration columns of an events Dataset: where they are in a selected row, what their
 * caller-given names are (for errors), and how a cell becomes the model's {@link Outcome} and {@link Duration}.
 * Not part of the API.
 *
 * <p>Outcome cells are strings holding an {@link Outcome} name in any case ({@code COMPLETED}, {@code failed},
 * {@code Abandoned}); null means "not recorded". Duration cells are whole milliseconds (a BIGINT after the select's
 * cast) or a {@link Duration} (an INTERVAL DAY TO SECOND column); null means "not recorded"; negative durations
 * are refused, as {@code InteractionEvent} refuses them.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EventDetails implements Serializable {

    /** No outcome and no duration column. */
    public static final EventDetails NONE = new EventDetails(null, -1, null, -1);

    /** The rule of an outcome cell. */
    public static final String OUTCOME_RULE = "must be COMPLETED, FAILED or ABANDONED (in any case), or null";

    /** The rule of an outcome column's type. */
    public static final String OUTCOME_TYPE_RULE = "must be a STRING column of outcome names";

    /** The rule of a duration cell. */
    public static final String DURATION_RULE = "must not be negative";

    /** The rule of a duration column's type. */
    public static final String DURATION_TYPE_RULE =
            "must be whole milliseconds (TINYINT, SMALLINT, INT or BIGINT) or an INTERVAL DAY TO SECOND column";

    private static final long serialVersionUID = 1L;

    private final String outcomeColumn;
    private final int outcomeIndex;
    private final String durationColumn;
    private final int durationIndex;

    private EventDetails(String outcomeColumn, int outcomeIndex, String durationColumn, int durationIndex) {
        this.outcomeColumn = outcomeColumn;
        this.outcomeIndex = outcomeIndex;
        this.durationColumn = durationColumn;
        this.durationIndex = durationIndex;
    }

    /**
     * The details of a selection whose first {@code first} columns are the customer, the time and the step, followed
     * by the outcome column (when named) and the duration column (when named).
     *
     * @param first the index of the first detail column, zero or more
     * @param outcomeColumn the caller's name of the outcome column, or null when there is none
     * @param durationColumn the caller's name of the duration column, or null when there is none
     * @return the details, not null
     */
    public static EventDetails of(int first, String outcomeColumn, String durationColumn) {
        int outcome = outcomeColumn == null ? -1 : first;
        int duration = durationColumn == null ? -1 : outcomeColumn == null ? first : first + 1;
        return new EventDetails(outcomeColumn, outcome, durationColumn, duration);
    }

    /**
     * Checks the type of a column named as the outcome column.
     *
     * @param column the caller's column name, not null
     * @param type the column's type, not null
     * @throws MetricInputException if the type is not a string type (input {@code "outcome column 'name'"})
     */
    public static void checkOutcomeType(String column, DataType type) {
        if (!(type instanceof StringType)) {
            throw new MetricInputException(outcomeInput(column), type.sql(), OUTCOME_TYPE_RULE);
        }
    }

    /**
     * Checks the type of a column named as the duration column.
     *
     * @param column the caller's column name, not null
     * @param type the column's type, not null
     * @return true for an interval column (read as is), false for an integral column (cast to BIGINT)
     * @throws MetricInputException if the type is neither integral nor a day-time interval (input
     *     {@code "duration column 'name'"})
     */
    public static boolean checkDurationType(String column, DataType type) {
        if (type instanceof DayTimeIntervalType) {
            return true;
        }
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
                || type instanceof LongType) {
            return false;
        }
        throw new MetricInputException(durationInput(column), type.sql(), DURATION_TYPE_RULE);
    }

    /**
     * Whether an outcome or a duration column is named.
     *
     * @return true if there is at least one detail column
     */
    public boolean any() {
        return outcomeIndex >= 0 || durationIndex >= 0;
    }

    /**
     * The outcome of a row.
     *
     * @param row a selected row, not null
     * @return the outcome, or null when there is no outcome column or the cell is null
     * @throws MetricInputException if the cell is not an outcome name (the message names the column and echoes the
     *     value, shortened)
     */
    public Outcome outcome(Row row) {
        if (outcomeIndex < 0 || row.isNullAt(outcomeIndex)) {
            return null;
        }
        String text = row.getString(outcomeIndex);
        switch (text.toUpperCase(Locale.ROOT)) {
            case "COMPLETED":
                return Outcome.COMPLETED;
            case "FAILED":
                return Outcome.FAILED;
            case "ABANDONED":
                return Outcome.ABANDONED;
            default:
                throw new MetricInputException(outcomeInput(outcomeColumn), Problem.echo(text), OUTCOME_RULE);
        }
    }

    /**
     * The duration of a row.
     *
     * @param row a selected row, not null
     * @return the duration, zero or more, or null when there is no duration column or the cell is null
     * @throws MetricInputException if the duration is negative (the message names the column)
     */
    public Duration duration(Row row) {
        if (durationIndex < 0 || row.isNullAt(durationIndex)) {
            return null;
        }
        Object cell = row.get(durationIndex);
        Duration duration = cell instanceof Duration interval ? interval
                : Duration.ofMillis(((Number) cell).longValue());
        if (duration.isNegative()) {
            throw new MetricInputException(durationInput(durationColumn),
                    cell instanceof Duration ? duration : cell + " ms", DURATION_RULE);
        }
        return duration;
    }

    private static String outcomeInput(String column) {
        return "outcome column '" + Objects.requireNonNull(column, "column") + "'";
    }

    private static String durationInput(String column) {
        return "duration column '" + Objects.requireNonNull(column, "column") + "'";
    }
}
