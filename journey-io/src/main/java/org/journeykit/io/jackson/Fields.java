package org.journeykit.io.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.Pointers;
import org.journeykit.io.internal.Reading;
import org.journeykit.io.internal.Times;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one JSON object being read into a value: typed getters that record a problem (with the field's
 * pointer and a {@link RuleCode}) and return a placeholder when a field is missing or of the wrong type, and
 * {@link #build} that runs the value's factory only when no problem was recorded since the object was entered,
 * turning the factory's rule violations into problems too. Not thread-safe: one per object read.
 */
final class Fields {

    private final Reading reading;
    private final ObjectNode object;
    private final String at;
    private final int mark;

    Fields(Reading reading, ObjectNode object, String at) {
        this.reading = reading;
        this.object = object;
        this.at = at;
        this.mark = reading.mark();
    }

    Reading reading() {
        return reading;
    }

    String pointer(String name) {
        return at + "/" + Pointers.escape(name);
    }

    boolean has(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    long count(String name) {
        Long value = reading.longValue(object, at, name, true);
        return value == null ? 0 : value;
    }

    int integer(String name) {
        Integer value = reading.integer(object, at, name, true);
        return value == null ? 0 : value;
    }

    boolean bool(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            reading.problem(pointer(name), RuleCode.REQUIRED, "is required", null);
            return false;
        }
        Boolean value = reading.bool(object, at, name);
        return value != null && value;
    }

    String text(String name) {
        String value = reading.string(object, at, name, true);
        return value == null ? "" : value;
    }

    double number(String name) {
        OptionalDouble value = number(name, true);
        return value.isPresent() ? value.getAsDouble() : 0.0;
    }

    OptionalDouble optionalNumber(String name) {
        return number(name, false);
    }

    private OptionalDouble number(String name, boolean required) {
        if (reading.number(object, at, name, required) == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(exact(object.get(name)));
    }

    /**
     * The double a number node was written as: parsed from its text, so the shortest decimal form a double is
     * written in reads back as the same double (-0.0 included), which a decimal's {@code doubleValue()} does not
     * promise on every JDK.
     */
    private static double exact(JsonNode node) {
        return node.isFloatingPointNumber() ? Double.parseDouble(node.toString()) : node.doubleValue();
    }

    <E extends Enum<E>> @Nullable E enumValue(String name, Class<E> type) {
        return reading.enumValue(object, at, name, type, true);
    }

    Optional<Duration> duration(String name) {
        return Optional.ofNullable(reading.duration(object, at, name));
    }

    @Nullable ZoneId zone(String name) {
        String text = reading.string(object, at, name, true);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            reading.problem(pointer(name), RuleCode.FORMAT, "must be a time-zone id such as Europe/Amsterdam or Z",
                    text);
            return null;
        }
    }

    <U> @Nullable U value(String name, ValueCodec<U> codec) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            reading.problem(pointer(name), RuleCode.REQUIRED, "is required", null);
            return null;
        }
        return codec.read(reading, node, pointer(name));
    }

    <U> Optional<U> optional(String name, ValueCodec<U> codec) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? Optional.empty()
                : Optional.ofNullable(codec.read(reading, node, pointer(name)));
    }

    <U> List<U> list(String name, ValueCodec<U> codec) {
        List<U> values = new ArrayList<>();
        ArrayNode array = reading.array(object, at, name);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                U value = codec.read(reading, array.get(i), pointer(name) + "/" + i);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    long[] longs(String name) {
        ArrayNode array = reading.array(object, at, name);
        if (array == null) {
            return new long[0];
        }
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode element = array.get(i);
            if (element.isIntegralNumber() && element.canConvertToLong()) {
                values[i] = element.longValue();
            } else {
                reading.problem(pointer(name) + "/" + i, RuleCode.TYPE, "must be a whole number in the long range",
                        element.isTextual() ? element.textValue() : element.toString());
            }
        }
        return values;
    }

    List<String> strings(String name) {
        return reading.strings(object, at, name);
    }

    /** An array of ISO-8601 durations (empty when absent); wrong elements are reported and left out. */
    List<Duration> durations(String name) {
        List<Duration> values = new ArrayList<>();
        ArrayNode array = reading.array(object, at, name);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                Duration value = durationAt(array.get(i), pointer(name) + "/" + i);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** An array of arrays of finite numbers: a matrix by rows. */
    double[][] rows(String name) {
        ArrayNode array = reading.array(object, at, name);
        if (array == null) {
            return new double[0][];
        }
        double[][] rows = new double[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = array.get(i);
            String rowAt = pointer(name) + "/" + i;
            if (!row.isArray()) {
                reading.problem(rowAt, RuleCode.TYPE, "must be an array of numbers", row.toString());
                rows[i] = new double[0];
                continue;
            }
            rows[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                JsonNode cell = row.get(j);
                if (cell.isNumber() && Double.isFinite(cell.doubleValue())) {
                    rows[i][j] = exact(cell);
                } else {
                    reading.problem(rowAt + "/" + j, RuleCode.TYPE, "must be a finite number", cell.toString());
                }
            }
        }
        return rows;
    }

    /** An object of enum names (lower case, hyphens) by key, in the written order. */
    <E extends Enum<E>> Map<String, E> enums(String name, Class<E> type) {
        Map<String, E> values = new LinkedHashMap<>();
        ObjectNode map = map(name);
        if (map != null) {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                E value = enumAt(entry.getValue(), pointer(name) + "/" + Pointers.escape(entry.getKey()), type);
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
        }
        return values;
    }

    /** An object of ISO-8601 durations by key, in the written order. */
    Map<String, Duration> durationMap(String name) {
        Map<String, Duration> values = new LinkedHashMap<>();
        ObjectNode map = map(name);
        if (map != null) {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                Duration value = durationAt(entry.getValue(), pointer(name) + "/" + Pointers.escape(entry.getKey()));
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
        }
        return values;
    }

    private @Nullable Duration durationAt(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            reading.problem(pointer, RuleCode.TYPE, "must be a string", node.toString());
            return null;
        }
        try {
            return Times.duration(node.textValue());
        } catch (DateTimeParseException e) {
            reading.problem(pointer, RuleCode.FORMAT, "must be an ISO-8601 duration such as PT10M", node.textValue());
            return null;
        }
    }

    private <E extends Enum<E>> @Nullable E enumAt(JsonNode node, String pointer, Class<E> type) {
        if (!node.isTextual()) {
            reading.problem(pointer, RuleCode.TYPE, "must be a string", node.toString());
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (Reading.Names.of(constant).equals(node.textValue())) {
                return constant;
            }
        }
        reading.problem(pointer, RuleCode.FORMAT, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Reading.Names::of).collect(Collectors.joining(", ", "[", "]")), node.textValue());
        return null;
    }

    /** An object of whole numbers by key, in the written order. */
    Map<String, Long> counts(String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ObjectNode map = map(name);
        if (map != null) {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                JsonNode value = entry.getValue();
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    counts.put(entry.getKey(), value.longValue());
                } else {
                    reading.problem(pointer(name) + "/" + Pointers.escape(entry.getKey()), RuleCode.TYPE,
                            "must be a whole number in the long range", value.toString());
                }
            }
        }
        return counts;
    }

    /** An object of finite numbers by key, in the written order. */
    Map<String, Double> numbers(String name) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        ObjectNode map = map(name);
        if (map != null) {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                JsonNode value = entry.getValue();
                if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                    numbers.put(entry.getKey(), exact(value));
                } else {
                    reading.problem(pointer(name) + "/" + Pointers.escape(entry.getKey()), RuleCode.TYPE,
                            "must be a finite number", value.toString());
                }
            }
        }
        return numbers;
    }

    /** An object of values by key, in the written order. */
    <U> Map<String, U> values(String name, ValueCodec<U> codec) {
        Map<String, U> values = new LinkedHashMap<>();
        ObjectNode map = map(name);
        if (map != null) {
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                U value = codec.read(reading, entry.getValue(),
                        pointer(name) + "/" + Pointers.escape(entry.getKey()));
                if (value != null) {
                    values.put(entry.getKey(), value);
                }
            }
        }
        return values;
    }

    private @Nullable ObjectNode map(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            reading.problem(pointer(name), RuleCode.REQUIRED, "is required", null);
            return null;
        }
        if (!node.isObject()) {
            reading.problem(pointer(name), RuleCode.TYPE, "must be an object", node.toString());
            return null;
        }
        return (ObjectNode) node;
    }

    /**
     * Whether no problem was recorded since this object was entered.
     *
     * @return true if clean
     */
    boolean ok() {
        return reading.mark() == mark;
    }

    /**
     * Builds the value when no problem was recorded in this object; a rule the factory refuses becomes a
     * {@link RuleCode#RANGE} problem at the field it names (or at the object).
     *
     * @param build the factory call
     * @param <T> the value type
     * @return the value, or null
     */
    <T> @Nullable T build(Supplier<T> build) {
        if (!ok()) {
            return null;
        }
        try {
            return build.get();
        } catch (MetricInputException e) {
            String input = e.getInput();
            boolean field = object.has(input);
            reading.problem(field ? pointer(input) : at, RuleCode.RANGE,
                    field ? e.getRule() : input + ": " + e.getRule(), e.getValue());
            return null;
        } catch (IllegalArgumentException e) {
            reading.problem(at, RuleCode.RANGE, "must hold values that fit together: " + e.getMessage(), null);
            return null;
        }
    }
}
