package org.journeykit.error;

import java.util.Locale;

/**
 * The stable code of the rule a {@link Problem} (or a journey-io {@code ReadProblem}) breaks: for mapping problems
 * to API errors and for translating messages. A code names a kind of rule, not one sentence: the problem's rule text
 * says the details (which limit, which list), its code stays the same across releases. Codes are only ever added.
 *
 * <p>Each constant's {@link #code()} is its name in lower case with '-' for '_' ({@code TOO_LONG} is
 * {@code too-long}).
 */
public enum RuleCode {

    /** A required value is missing ("is required"). */
    REQUIRED,
    /** A text is empty or only whitespace ("must not be blank"). */
    BLANK,
    /** A text or list is longer than allowed ("must be at most 200 characters, was 201"). */
    TOO_LONG,
    /**
     * A text is not valid Unicode: it holds a lone surrogate, or came from bytes that are not UTF-8 ("must be valid
     * Unicode text").
     */
    INVALID_TEXT,
    /** An id breaks the id pattern ("must be 1 to 128 characters: a letter or digit, then ..."). */
    ID_PATTERN,
    /** An id or value is used more than once where it must be unique ("must be unique within touchpoints"). */
    DUPLICATE,
    /** A reference names nothing that exists ("must name a channel of the model"). */
    REFERENCE,
    /** A number or duration lies outside its allowed range ("must be between 1 and 5", "must be positive"). */
    RANGE,
    /** An instant lies outside the supported time range, 0001-01-01 to 9999-12-31 ({@code TimeLimits}). */
    TIME_RANGE,
    /** Values that are each fine do not go together ("may only be set on a FUTURE journey"). */
    CONFLICT,
    /** Input that is not well-formed JSON or CSV, or has content after the value. */
    MALFORMED,
    /** Input beyond a read limit: too long a document, line, string or number, too deep a nesting. */
    LIMIT,
    /** A JSON value of the wrong type ("must be a string", "must be a whole number in the int range"). */
    TYPE,
    /** A text not in the required format: an ISO-8601 instant or duration, an enum name, a currency code. */
    FORMAT,
    /** A field the format does not define ("is not a field of this object"). */
    UNKNOWN_FIELD,
    /** A field that appears twice in one object, or a CSV header that names a column twice. */
    DUPLICATE_FIELD,
    /** A document written in a format version this reader does not know. */
    VERSION,
    /** A CSV header that lacks a needed column. */
    HEADER;

    /**
     * The code as text: the constant's name in lower case with '-' for '_', such as {@code too-long}.
     *
     * @return the code, not null
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
