package org.journeykit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.MissingFieldException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of one object under construction and throws them all at once.
 *
 * <p>Not thread-safe; one instance per check.
 */
public final class Checks {

    /** Ids: a letter or digit, then letters, digits, '-', '_', '.' or ':'; at most 128 characters. */
    public static final String ID_REGEX = org.journeykit.model.Ids.PATTERN;

    /** {@link #ID_REGEX}, compiled. */
    public static final Pattern ID = Pattern.compile(ID_REGEX);

    /** The rule text for {@link #ID}. */
    public static final String ID_RULE =
            "must be 1 to 128 characters: a letter or digit, then letters, digits, '.', '_', ':' or '-'";

    /**
     * The rule text for a text with a lone surrogate ({@link RuleCode#INVALID_TEXT}): such a text cannot be written
     * as UTF-8, and readers turn bytes that are not UTF-8 into one.
     */
    public static final String TEXT_RULE =
            "must be valid Unicode text: it holds a lone surrogate, or bytes that are not UTF-8";

    // The characters allowed after the first of an id, by ASCII code (one lookup per character).
    private static final boolean[] ID_PART = idParts();

    // Every model object runs its checks when built, and almost all pass: the subject's text and the problem
    // list are made only when there is a problem to report.
    private final String kind;
    private final @Nullable String id;
    private List<Problem> problems = List.of();

    private Checks(String kind, @Nullable String id) {
        this.kind = kind;
        this.id = id;
    }

    /**
     * Starts a check.
     *
     * @param kind the type being built, such as "Journey"
     * @param id the object's id where it has one, or null
     * @return a new check
     */
    public static Checks of(String kind, @Nullable String id) {
        return new Checks(kind, id);
    }

    /**
     * Adds a problem.
     *
     * @param problem the problem
     * @return this
     */
    public Checks add(Problem problem) {
        writableProblems().add(problem);
        return this;
    }

    /**
     * Adds a problem on a field.
     *
     * @param code the rule's code
     * @param field the field
     * @param value the value seen, or null
     * @param rule the rule broken
     * @return this
     */
    public Checks add(RuleCode code, String field, @Nullable Object value, String rule) {
        return add(Problem.of(code, field, value, rule));
    }

    /**
     * Adds every problem of a nested object, under the given segment.
     *
     * @param parent the segment leading to the nested object
     * @param nested the nested problems
     * @return this
     */
    public Checks addAll(Problem.Segment parent, Collection<Problem> nested) {
        for (Problem problem : nested) {
            writableProblems().add(problem.under(parent));
        }
        return this;
    }

    /**
     * Checks that a required text is set, not blank and at most {@code max} characters.
     *
     * @param field the field
     * @param value the value, or null when the builder was not given it
     * @param max the maximum length
     * @return this
     */
    public Checks text(String field, @Nullable String value, int max) {
        if (value == null) {
            required(field, null);
        } else if (isBlank(value)) {
            add(RuleCode.BLANK, field, value, "must not be blank");
        } else if (value.length() > max) {
            add(RuleCode.TOO_LONG, field, value, "must be at most " + max + " characters, was " + value.length());
        } else if (hasLoneSurrogate(value)) {
            add(RuleCode.INVALID_TEXT, field, value, TEXT_RULE);
        }
        return this;
    }

    /**
     * Checks that an optional free text (such as a comment, which may be blank) is valid Unicode: no lone
     * surrogate.
     *
     * @param field the field
     * @param value the text, or null when absent
     * @return this
     */
    public Checks unicode(String field, @Nullable String value) {
        if (value != null && hasLoneSurrogate(value)) {
            add(RuleCode.INVALID_TEXT, field, value, TEXT_RULE);
        }
        return this;
    }

    /**
     * {@link String#isBlank()}, answered from the first character for a text that starts with one that is
     * {@linkplain #isNeverWhitespace never whitespace}, where nearly every text starts.
     *
     * @param value the text
     * @return true if it is empty or only whitespace
     */
    public static boolean isBlank(String value) {
        if (!value.isEmpty() && isNeverWhitespace(value.charAt(0))) {
            return false;
        }
        return value.isBlank();
    }

    /**
     * Whether a character lies from U+0021 to U+167F, where {@link Character#isWhitespace} (the test of
     * {@link String#isBlank()} and {@link String#strip()}) is true for no character: one test that lets blank and
     * strip checks skip their scans for nearly every text.
     *
     * @param c the character
     * @return true if it is in that range; false says nothing
     */
    public static boolean isNeverWhitespace(char c) {
        return c > ' ' && c < '\u1680';
    }

    /**
     * Whether a text holds a surrogate that is not half of a pair: such a text is not valid Unicode and cannot be
     * written as UTF-8 (an encoder writes '?' for it).
     *
     * @param value the text
     * @return true if it holds a lone surrogate
     */
    public static boolean hasLoneSurrogate(String value) {
        // Every text of every model object and event is checked: the loop over texts without a surrogate, nearly
        // all of them, is kept to one test per character.
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return hasLoneSurrogate(value, i);
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String value, int from) {
        int length = value.length();
        for (int i = from; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks a required id: set, and following {@link #ID}.
     *
     * @param field the field
     * @param value the id, or null when the builder was not given it
     * @return this
     */
    public Checks id(String field, @Nullable String value) {
        if (value == null) {
            required(field, null);
        } else if (!isId(value)) {
            add(RuleCode.ID_PATTERN, field, value, ID_RULE);
        }
        return this;
    }

    /**
     * Checks that a required value was given to the builder.
     *
     * @param field the field
     * @param value the value, or null when the builder was not given it
     * @return true when the value is there
     */
    public boolean required(String field, @Nullable Object value) {
        if (value == null) {
            add(RuleCode.REQUIRED, field, null, "is required");
            return false;
        }
        return true;
    }

    /**
     * Checks an optional id (nothing when absent). Takes the {@code Optional} itself so that the checks of every
     * built object run without a capturing lambda per field.
     *
     * @param field the field name
     * @param value the optional value
     * @return this
     */
    public Checks id(String field, Optional<String> value) {
        if (value.isPresent()) {
            id(field, value.get());
        }
        return this;
    }

    /**
     * Checks an optional text (nothing when absent): not blank, at most {@code max} characters.
     *
     * @param field the field name
     * @param value the optional value
     * @param max the most characters
     * @return this
     */
    public Checks text(String field, Optional<String> value, int max) {
        if (value.isPresent()) {
            text(field, value.get(), max);
        }
        return this;
    }

    /**
     * Whether a value follows the id rule {@link #ID_REGEX}, checked character by character: ids are checked for
     * every touchpoint and every imported event, and a regular expression costs several times more.
     *
     * @param value the value
     * @return true if it is a valid id
     */
    public static boolean isId(String value) {
        int length = value.length();
        if (length == 0 || length > 128 || !isAsciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (c >= ID_PART.length || !ID_PART[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean[] idParts() {
        boolean[] part = new boolean[128];
        for (char c = 0; c < part.length; c++) {
            part[c] = isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '-';
        }
        return part;
    }

    /**
     * Checks that every element of a list of texts is not blank and at most {@code max} characters.
     *
     * @param field the list field
     * @param values the values
     * @param max the maximum length
     * @return this
     */
    public Checks texts(String field, List<String> values, int max) {
        for (int i = 0; i < values.size(); i++) {
            @Nullable String value = values.get(i);
            if (value == null) {
                add(Problem.of(RuleCode.REQUIRED, List.of(Problem.Segment.element(field, i)), null,
                        "must not be null"));
            } else if (isBlank(value)) {
                add(Problem.of(RuleCode.BLANK, List.of(Problem.Segment.element(field, i)), value,
                        "must not be blank"));
            } else if (value.length() > max) {
                add(Problem.of(RuleCode.TOO_LONG, List.of(Problem.Segment.element(field, i)), value,
                        "must be at most " + max + " characters, was " + value.length()));
            } else if (hasLoneSurrogate(value)) {
                add(Problem.of(RuleCode.INVALID_TEXT, List.of(Problem.Segment.element(field, i)), value, TEXT_RULE));
            }
        }
        return this;
    }

    /**
     * Checks that the ids of a list's elements are unique.
     *
     * @param field the list field
     * @param elements the elements
     * @param idOf reads an element's id
     * @param <T> the element type
     * @return this
     */
    public <T> Checks uniqueIds(String field, List<T> elements, Function<T, String> idOf) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String id = idOf.apply(elements.get(i));
            if (!seen.add(id)) {
                add(Problem.of(RuleCode.DUPLICATE, List.of(Problem.Segment.element(field, i, id)), id,
                        "must be unique within " + field + ": the id is used more than once"));
            }
        }
        return this;
    }

    /**
     * Throws an {@link InvalidModelException} with every problem collected, if there is any: a
     * {@link MissingFieldException} when a required field of the object itself is missing.
     *
     * @throws InvalidModelException if any problem was added
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            String subject = id == null ? kind : kind + " '" + id + "'";
            for (Problem problem : problems) {
                if (problem.getCode() == RuleCode.REQUIRED && problem.getPath().size() == 1
                        && problem.getValue().isEmpty()) {
                    throw new MissingFieldException(subject, problems);
                }
            }
            throw new InvalidModelException(subject, problems);
        }
    }

    /**
     * Whether no problem has been added.
     *
     * @return true when the object is valid so far
     */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * Shortens long values for messages, as {@link Problem#echo(Object)} does.
     *
     * @param value the value
     * @return the value, cut to {@value Problem#MAX_ECHO} characters with an ellipsis
     */
    public static String abbreviate(String value) {
        String shown = Problem.echo(value);
        return shown == null ? "" : shown;
    }

    private List<Problem> writableProblems() {
        if (problems.isEmpty()) {
            problems = new ArrayList<>();
        }
        return problems;
    }
}
