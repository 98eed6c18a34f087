package org.journeykit.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * The state of one read: the located tree, the problems found so far, and typed accessors that record a problem
 * (with pointer, and line and column where the tree knows them) instead of failing at the first one. A reader whose
 * tree has no positions locates the problems afterwards ({@link Parsing#read(Parsing.ParserSource, String,
 * java.util.function.Function)}).
 */
public final class Reading {

    private final LocatedTree tree;
    private final boolean allowUnknownFields;
    private final int maxProblems;
    private final List<ReadProblem> problems = new ArrayList<>();

    /**
     * Starts a read.
     *
     * @param tree the located tree
     * @param allowUnknownFields whether fields the format does not define are ignored instead of reported
     * @param maxProblems the most problems to keep
     */
    public Reading(LocatedTree tree, boolean allowUnknownFields, int maxProblems) {
        this.tree = tree;
        this.allowUnknownFields = allowUnknownFields;
        this.maxProblems = maxProblems;
        for (String duplicate : tree.duplicates()) {
            problem(duplicate, RuleCode.DUPLICATE_FIELD, "must appear only once in its object", null);
        }
    }

    /**
     * The problems found so far.
     *
     * @return the problems
     */
    public List<ReadProblem> problems() {
        return problems;
    }

    /**
     * How many problems have been found; compare with a later count to see whether a part was clean.
     *
     * @return the count
     */
    public int mark() {
        return problems.size();
    }

    /**
     * Records a problem.
     *
     * @param pointer where
     * @param code the rule's code
     * @param rule the rule broken
     * @param value the value seen, or null
     */
    public void problem(String pointer, RuleCode code, String rule, @Nullable String value) {
        if (problems.size() < maxProblems) {
            long[] at = tree.locate(pointer);
            problems.add(ReadProblem.of(pointer, at[0], at[1], code, rule, value));
        }
    }

    /**
     * A value as problems echo it: a string's text, a number as written in the input, anything else as JSON,
     * shortened by {@link ReadProblem}. A large object or array is not printed whole: only its start is kept.
     *
     * @param node the value
     * @return the text
     */
    static String show(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isContainerNode() && node.size() > 8) {
            return node.isObject() ? "{...} (an object of " + node.size() + " fields)"
                    : "[...] (an array of " + node.size() + " values)";
        }
        return node.toString();
    }

    /**
     * Requires an object.
     *
     * @param node the node
     * @param pointer its pointer
     * @param known the field names the format defines there
     * @return the object, or null after recording a problem
     */
    public @Nullable ObjectNode object(JsonNode node, String pointer, Set<String> known) {
        if (!node.isObject()) {
            problem(pointer, RuleCode.TYPE, "must be an object", show(node));
            return null;
        }
        ObjectNode object = (ObjectNode) node;
        if (!allowUnknownFields) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    problem(pointer + "/" + Pointers.escape(name), RuleCode.UNKNOWN_FIELD,
                            "is not a field of this object; known fields are " + known.stream().sorted()
                                    .collect(Collectors.joining(", ", "[", "]")), null);
                }
            }
        }
        return object;
    }

    private @Nullable JsonNode field(ObjectNode object, String pointer, String name, boolean required) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(pointer + "/" + name, RuleCode.REQUIRED, "is required", null);
            }
            return null;
        }
        return value;
    }

    /**
     * Reads a string field.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param required whether a missing field is a problem
     * @return the string, or null when absent or wrong
     */
    public @Nullable String string(ObjectNode object, String pointer, String name, boolean required) {
        JsonNode value = field(object, pointer, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(pointer + "/" + name, RuleCode.TYPE, "must be a string", show(value));
            return null;
        }
        return value.textValue();
    }

    /**
     * Reads an integer field; a number with a fraction is a problem.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param required whether a missing field is a problem
     * @return the value, or null when absent or wrong
     */
    public @Nullable Integer integer(ObjectNode object, String pointer, String name, boolean required) {
        JsonNode value = field(object, pointer, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(pointer + "/" + name, RuleCode.TYPE, value.isNumber() ? "must be a whole number in the int range"
                    : "must be a number", show(value));
            return null;
        }
        return value.intValue();
    }

    /**
     * Reads a long field.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param required whether a missing field is a problem
     * @return the value, or null when absent or wrong
     */
    public @Nullable Long longValue(ObjectNode object, String pointer, String name, boolean required) {
        JsonNode value = field(object, pointer, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(pointer + "/" + name, RuleCode.TYPE, value.isNumber() ? "must be a whole number in the long range"
                    : "must be a number", show(value));
            return null;
        }
        return value.longValue();
    }

    /**
     * Reads a finite number field.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param required whether a missing field is a problem
     * @return the value, or null when absent or wrong
     */
    public @Nullable Double number(ObjectNode object, String pointer, String name, boolean required) {
        JsonNode value = field(object, pointer, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problem(pointer + "/" + name, RuleCode.TYPE, "must be a finite number", show(value));
            return null;
        }
        return value.doubleValue();
    }

    /**
     * Reads a boolean field.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @return the value, or null when absent or wrong
     */
    public @Nullable Boolean bool(ObjectNode object, String pointer, String name) {
        JsonNode value = field(object, pointer, name, false);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(pointer + "/" + name, RuleCode.TYPE, "must be true or false", show(value));
            return null;
        }
        return value.booleanValue();
    }

    /**
     * Reads an enum field written in lower case with hyphens, such as {@code self-service}.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param type the enum type
     * @param required whether a missing field is a problem
     * @param <E> the enum
     * @return the constant, or null when absent or wrong
     */
    public <E extends Enum<E>> @Nullable E enumValue(ObjectNode object, String pointer, String name, Class<E> type,
            boolean required) {
        String text = string(object, pointer, name, required);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (Names.of(constant).equals(text)) {
                return constant;
            }
        }
        problem(pointer + "/" + name, RuleCode.FORMAT, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Names::of)
                .collect(Collectors.joining(", ", "[", "]")), text);
        return null;
    }

    /**
     * Reads an ISO-8601 duration field such as {@code PT10M}.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @return the duration, or null when absent or wrong
     */
    public @Nullable Duration duration(ObjectNode object, String pointer, String name) {
        String text = string(object, pointer, name, false);
        if (text == null) {
            return null;
        }
        try {
            return Times.duration(text);
        } catch (DateTimeParseException e) {
            problem(pointer + "/" + name, RuleCode.FORMAT, "must be an ISO-8601 duration such as PT10M", text);
            return null;
        }
    }

    /**
     * Reads an instant written as an ISO-8601 instant ({@code 2026-03-01T09:30:00Z}) or offset date-time
     * ({@code 2026-03-01T10:30:00+01:00}).
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @param required whether a missing field is a problem
     * @return the instant, or null when absent or wrong
     */
    public @Nullable Instant instant(ObjectNode object, String pointer, String name, boolean required) {
        String text = string(object, pointer, name, required);
        if (text == null) {
            return null;
        }
        try {
            return Times.instant(text);
        } catch (DateTimeParseException e) {
            problem(pointer + "/" + name, RuleCode.FORMAT,
                    "must be an ISO-8601 instant or offset date-time such as 2026-03-01T09:30:00Z", text);
            return null;
        }
    }

    /**
     * Reads an array field.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @return the array (empty when absent), or null after recording a problem
     */
    public @Nullable ArrayNode array(ObjectNode object, String pointer, String name) {
        JsonNode value = field(object, pointer, name, false);
        if (value == null) {
            return object.arrayNode();
        }
        if (!value.isArray()) {
            problem(pointer + "/" + name, RuleCode.TYPE, "must be an array", show(value));
            return null;
        }
        return (ArrayNode) value;
    }

    /**
     * Reads an array of strings.
     *
     * @param object the object
     * @param pointer the object's pointer
     * @param name the field
     * @return the strings (empty when absent); wrong elements are reported and left out
     */
    public List<String> strings(ObjectNode object, String pointer, String name) {
        ArrayNode array = array(object, pointer, name);
        List<String> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (element.isTextual()) {
                values.add(element.textValue());
            } else {
                problem(pointer + "/" + name + "/" + i, RuleCode.TYPE, "must be a string", show(element));
            }
        }
        return values;
    }

    /**
     * Builds a model object, translating the model's problems to pointers under the object's pointer.
     *
     * @param pointer the pointer of the object being built
     * @param build builds it
     * @param <T> the type built
     * @return the object, or null after recording its problems
     */
    public <T> @Nullable T build(String pointer, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidModelException e) {
            for (Problem problem : e.getProblems()) {
                String at = Pointers.of(pointer, problem.getPath());
                // A number is echoed as the input wrote it (7, not the model's 7.0).
                JsonNode written = tree.root().at(at);
                String value = written.isNumber() ? show(written) : problem.getValue().orElse(null);
                problem(at, problem.getCode(), problem.getRule(), value);
            }
            return null;
        }
    }

    /** Enum constant names as the format writes them. */
    public static final class Names {
        private Names() {}

        /**
         * The JSON name of an enum constant: lower case, '_' as '-'.
         *
         * @param constant the constant
         * @return the name
         */
        public static String of(Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
