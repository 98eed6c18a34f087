package org.journeykit.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One rule broken by one value: where (a field path), what was seen, what was expected, and the stable
 * {@link RuleCode} of that rule.
 *
 * <p>The value is echoed as {@link #echo(Object)} shows it: at most {@value #MAX_ECHO} characters, numbers as
 * written ({@code 7}, not {@code 7.0}), lone surrogates as escapes (a backslash, 'u' and four hex digits).
 *
 * <p>The path is a list of {@link Segment}s, printed as
 * {@code journeys[laptop-request].touchpoints[order-form].emotion}: a field name, optionally followed by the id
 * (or index) of the element of a list that the path enters. Readers of other formats translate the segments to
 * their own locations (a JSON Pointer, a line number).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Problem {

    /** The most characters of a value a problem echoes; longer values are cut and end in "...". */
    public static final int MAX_ECHO = 60;

    private final RuleCode code;
    private final List<Segment> path;
    private final @Nullable String value;
    private final String rule;

    private Problem(RuleCode code, List<Segment> path, @Nullable String value, String rule) {
        this.code = code;
        this.path = path;
        this.value = value;
        this.rule = rule;
    }

    /**
     * Creates a problem.
     *
     * @param code the stable code of the rule, not null
     * @param path the path of the offending field from the object being built, not null, may be empty for the
     *     object as a whole
     * @param value the offending value, null when there is no value (a missing field); kept as {@link #echo(Object)}
     *     shows it
     * @param rule the rule that was broken, as a sentence fragment such as "must not be blank", not null
     * @return the problem, not null
     * @throws NullPointerException if code, path or rule is null
     */
    public static Problem of(RuleCode code, List<Segment> path, @Nullable Object value, String rule) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        return new Problem(code, List.copyOf(path), echo(value), rule);
    }

    /**
     * Creates a problem on a single field of the object being built.
     *
     * @param code the stable code of the rule, not null
     * @param field the field name, not null
     * @param value the offending value, null when there is none
     * @param rule the rule that was broken, not null
     * @return the problem, not null
     * @throws NullPointerException if code, field or rule is null
     */
    public static Problem of(RuleCode code, String field, @Nullable Object value, String rule) {
        return of(code, List.of(Segment.field(field)), value, rule);
    }

    /**
     * The text a problem shows for a value: {@code String.valueOf(value)}, except that a whole {@code double} or
     * {@code float} is shown without fraction ({@code 7}, not {@code 7.0}), a lone surrogate as an escape (a backslash, 'u'
     * and four hex digits, so the text can be written as UTF-8), and a text longer than {@value #MAX_ECHO} characters is cut to
     * {@value #MAX_ECHO} characters ending in "..." (never between the two halves of a surrogate pair).
     *
     * @param value the value, may be null
     * @return the text, or null when value is null
     */
    public static @Nullable String echo(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())
                && ((Number) value).doubleValue() == Math.rint(((Number) value).doubleValue())
                && Math.abs(((Number) value).doubleValue()) < 1e15) {
            text = Long.toString((long) ((Number) value).doubleValue());
        } else {
            text = String.valueOf(value);
        }
        return shorten(text);
    }

    private static String shorten(String text) {
        int length = text.length();
        boolean cut = length > MAX_ECHO;
        int end = cut ? MAX_ECHO - 3 : length;
        if (cut && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder shown = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (lone && shown == null) {
                shown = new StringBuilder(end + 8).append(text, 0, i);
            }
            if (shown != null) {
                if (lone) {
                    shown.append(String.format("\\u%04X", (int) c));
                } else {
                    shown.append(c);
                }
            }
        }
        if (shown == null) {
            return cut ? text.substring(0, end) + "..." : text;
        }
        return cut ? shown.append("...").toString() : shown.toString();
    }

    /**
     * The stable code of the rule that was broken.
     *
     * @return the code, not null
     */
    public RuleCode getCode() {
        return code;
    }

    /**
     * Returns this problem as seen from an enclosing object: the given segment is put in front of the path.
     *
     * @param parent the segment that leads from the enclosing object to the object this problem was found in,
     *     not null
     * @return a problem with the longer path, not null
     */
    public Problem under(Segment parent) {
        Objects.requireNonNull(parent, "parent");
        List<Segment> longer = new ArrayList<>(path.size() + 1);
        longer.add(parent);
        longer.addAll(path);
        return new Problem(code, Collections.unmodifiableList(longer), value, rule);
    }

    /**
     * The path of the offending field, from the outermost object to the field.
     *
     * @return the segments, not null, possibly empty
     */
    public List<Segment> getPath() {
        return path;
    }

    /**
     * The path printed as {@code journeys[laptop-request].touchpoints[order-form].emotion}.
     *
     * @return the path, not null, empty for a problem of the object as a whole
     */
    public String getPathString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : path) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(segment);
        }
        return text.toString();
    }

    /**
     * The offending value as text, as {@link #echo(Object)} shows it.
     *
     * @return the value, empty when the problem is a missing value
     */
    public Optional<String> getValue() {
        return Optional.ofNullable(value);
    }

    /**
     * The rule that was broken, such as "must be between -2 and 2".
     *
     * @return the rule, not null
     */
    public String getRule() {
        return rule;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Problem)) {
            return false;
        }
        Problem that = (Problem) other;
        return code == that.code && path.equals(that.path) && Objects.equals(value, that.value)
                && rule.equals(that.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, path, value, rule);
    }

    /**
     * Prints the problem as {@code path: rule (was value)}.
     *
     * @return a sentence a person can read, not null
     */
    @Override
    public String toString() {
        String where = getPathString();
        String prefix = where.isEmpty() ? "" : where + ": ";
        return prefix + rule + (value == null ? "" : " (was '" + value + "')");
    }

    /**
     * One step of a {@link Problem} path: a field name and, where the field is a list, the id or index of the
     * element.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Segment {
        private final String field;
        private final @Nullable String key;
        private final int index;

        private Segment(String field, @Nullable String key, int index) {
            this.field = field;
            this.key = key;
            this.index = index;
        }

        /**
         * A plain field.
         *
         * @param field the field name, not null
         * @return the segment, not null
         */
        public static Segment field(String field) {
            return new Segment(Objects.requireNonNull(field, "field"), null, -1);
        }

        /**
         * An element of a list field, identified by the element's id and its position in the list.
         *
         * @param field the list field's name, not null
         * @param index the zero-based position of the element, at least 0
         * @param key the element's id, not null
         * @return the segment, not null
         * @throws IllegalArgumentException if index is negative
         */
        public static Segment element(String field, int index, String key) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(key, "key");
            if (index < 0) {
                throw new IllegalArgumentException("index must be at least 0, was " + index);
            }
            return new Segment(field, key, index);
        }

        /**
         * An element of a list field whose elements have no id, identified by its position.
         *
         * @param field the list field's name, not null
         * @param index the zero-based position of the element, at least 0
         * @return the segment, not null
         * @throws IllegalArgumentException if index is negative
         */
        public static Segment element(String field, int index) {
            Objects.requireNonNull(field, "field");
            if (index < 0) {
                throw new IllegalArgumentException("index must be at least 0, was " + index);
            }
            return new Segment(field, null, index);
        }

        /**
         * The field name.
         *
         * @return the name, not null
         */
        public String getField() {
            return field;
        }

        /**
         * The id of the list element this segment enters.
         *
         * @return the id, empty for a plain field or an element without id
         */
        public Optional<String> getKey() {
            return Optional.ofNullable(key);
        }

        /**
         * The zero-based position of the list element this segment enters.
         *
         * @return the index, or -1 for a plain field
         */
        public int getIndex() {
            return index;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Segment)) {
                return false;
            }
            Segment that = (Segment) other;
            return field.equals(that.field) && Objects.equals(key, that.key) && index == that.index;
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, key, index);
        }

        /**
         * Prints {@code field}, {@code field[id]} or {@code field[index]}.
         *
         * @return the segment as text, not null
         */
        @Override
        public String toString() {
            if (key != null) {
                return field + "[" + key + "]";
            }
            return index < 0 ? field : field + "[" + index + "]";
        }
    }
}
