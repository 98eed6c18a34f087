package org.journeykit.io;

import java.util.Objects;
import java.util.Optional;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.jspecify.annotations.Nullable;

/**
 * One problem found while reading JSON: where (a JSON Pointer such as {@code /journeys/2/touchpoints/5/emotion},
 * with line and column where known), the rule broken with its stable {@link RuleCode}, and the value seen.
 *
 * <p>The value is shown as {@link Problem#echo(Object)} shows it: at most {@value Problem#MAX_ECHO} characters,
 * numbers as written in the input, lone surrogates escaped.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReadProblem {

    private final String pointer;
    private final long line;
    private final long column;
    private final RuleCode code;
    private final String rule;
    private final @Nullable String value;

    private ReadProblem(String pointer, long line, long column, RuleCode code, String rule, @Nullable String value) {
        this.pointer = pointer;
        this.line = line;
        this.column = column;
        this.code = code;
        this.rule = rule;
        this.value = value;
    }

    /**
     * Creates a problem.
     *
     * @param pointer the JSON Pointer of the offending value (RFC 6901), not null; {@code ""} is the whole document
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @param code the stable code of the rule, not null
     * @param rule the rule broken, such as "must be a string", not null
     * @param value the value seen, as text, or null when there is none (a missing field); shortened as
     *     {@link Problem#echo(Object)} shortens it
     * @return the problem, not null
     * @throws NullPointerException if pointer, code or rule is null
     */
    public static ReadProblem of(String pointer, long line, long column, RuleCode code, String rule,
            @Nullable String value) {
        return new ReadProblem(Objects.requireNonNull(pointer, "pointer"), line, column,
                Objects.requireNonNull(code, "code"), Objects.requireNonNull(rule, "rule"), Problem.echo(value));
    }

    /**
     * The same problem at another line and column, such as the line of a JSON Lines file.
     *
     * @param line the 1-based line, or -1 when unknown
     * @param column the 1-based column, or -1 when unknown
     * @return the moved problem, not null
     */
    public ReadProblem at(long line, long column) {
        return new ReadProblem(pointer, line, column, code, rule, value);
    }

    /**
     * The JSON Pointer of the offending value, such as {@code /journeys/2/touchpoints/5/emotion}; for a line of a
     * JSON Lines file the pointer is relative to that line's object.
     *
     * @return the pointer, not null; empty for the document as a whole
     */
    public String getPointer() {
        return pointer;
    }

    /**
     * The 1-based line of the offending value (for a missing field, of the object that lacks it).
     *
     * @return the line, or -1 when unknown
     */
    public long getLine() {
        return line;
    }

    /**
     * The 1-based column of the offending value.
     *
     * @return the column, or -1 when unknown
     */
    public long getColumn() {
        return column;
    }

    /**
     * The stable code of the rule that was broken; the same for the same problem whether it was found by
     * {@link JourneyJson}, a JSON Lines or CSV reader, or the Jackson module.
     *
     * @return the code, not null
     */
    public RuleCode getCode() {
        return code;
    }

    /**
     * The rule that was broken.
     *
     * @return the rule, not null
     */
    public String getRule() {
        return rule;
    }

    /**
     * The value seen, as text (long values are shortened).
     *
     * @return the value, or empty when the problem is a missing value
     */
    public Optional<String> getValue() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof ReadProblem)) {
            return false;
        }
        ReadProblem that = (ReadProblem) other;
        return pointer.equals(that.pointer) && line == that.line && column == that.column && code == that.code
                && rule.equals(that.rule) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pointer, line, column, code, rule, value);
    }

    /**
     * Prints {@code /pointer (line L, column C): rule (was 'value')}.
     *
     * @return the problem as text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(pointer.isEmpty() ? "(document)" : pointer);
        if (line > 0) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        text.append(": ").append(rule);
        if (value != null) {
            text.append(" (was '").append(value).append("')");
        }
        return text.toString();
    }
}
