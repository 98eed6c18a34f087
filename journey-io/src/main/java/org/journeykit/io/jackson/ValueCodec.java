package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.journeykit.io.internal.Reading;
import org.jspecify.annotations.Nullable;

/**
 * How one public value type is written as a JSON object and read back: the object's fields in a fixed order,
 * camelCase, absent optional values left out, maps in the order the value gives them. Some fields are derived
 * (such as an NPS result's {@code score}): they are written for the reader's convenience, accepted when read and
 * ignored, because the value recomputes them; the schema marks them {@code readOnly}.
 *
 * @param <T> the value type
 */
abstract class ValueCodec<T> {

    private final Class<T> type;
    private final String what;
    private final Set<String> fields;

    /**
     * Creates the codec.
     *
     * @param type the value type
     * @param what the value as messages name it, such as {@code "an NPS result"}
     * @param fields every field the object may hold, derived ones included, in the written order
     */
    ValueCodec(Class<T> type, String what, String... fields) {
        this.type = type;
        this.what = what;
        this.fields = new LinkedHashSet<>(List.of(fields));
    }

    final Class<T> type() {
        return type;
    }

    final String what() {
        return what;
    }

    /**
     * Writes the value as one JSON object, braces included.
     *
     * @param value the value
     * @param out the generator
     * @throws IOException if the generator fails
     */
    abstract void write(T value, JsonGenerator out) throws IOException;

    /**
     * Reads the value from its object's fields, recording every problem in the reading.
     *
     * @param in the object's fields
     * @return the value, or null after a problem
     */
    abstract @Nullable T read(Fields in);

    /**
     * Reads a value at a place in the tree.
     *
     * @param reading the read's state
     * @param node the value's node
     * @param at its JSON pointer
     * @return the value, or null after a problem
     */
    final @Nullable T read(Reading reading, JsonNode node, String at) {
        ObjectNode object = reading.object(node, at, fields);
        return object == null ? null : read(new Fields(reading, object, at));
    }
}
