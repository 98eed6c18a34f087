package org.journeykit.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON tree with the line and column of every value, keyed by JSON Pointer, so that problems found after parsing
 * still point at the place in the input.
 */
public final class LocatedTree {

    private final JsonNode root;
    private final Map<String, long[]> locations;
    private final List<String> duplicates;

    private LocatedTree(JsonNode root, Map<String, long[]> locations, List<String> duplicates) {
        this.root = root;
        this.locations = locations;
        this.duplicates = duplicates;
    }

    /**
     * Reads one JSON value from a parser positioned on its first token (or before it).
     *
     * @param parser the parser
     * @return the tree
     * @throws IOException if the input is malformed or breaks a stream constraint
     */
    public static LocatedTree read(JsonParser parser) throws IOException {
        return read(parser, true);
    }

    /**
     * Reads the value at the parser's current (or next) token, recording positions only when asked: recording
     * costs a map entry and a pointer string per value, so readers first read untracked and read again, tracked,
     * only when there are problems to locate. Untracked, a duplicate key is recorded with an empty pointer (the
     * tracked pass finds the real one).
     *
     * @param parser the parser
     * @param track whether to record the position of every value
     * @return the tree
     * @throws IOException if the input is malformed or breaks a stream constraint
     */
    public static LocatedTree read(JsonParser parser, boolean track) throws IOException {
        JsonToken token = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
        if (token == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "no content: expected a JSON value");
        }
        Map<String, long[]> locations = track ? new HashMap<>() : Map.of();
        List<String> duplicates = new ArrayList<>();
        JsonNode root = value(parser, track ? "" : null, locations, duplicates);
        return new LocatedTree(root, locations, duplicates);
    }

    private static JsonNode value(JsonParser parser, @Nullable String pointer, Map<String, long[]> locations,
            List<String> duplicates) throws IOException {
        if (pointer != null) {
            JsonLocation location = parser.currentTokenLocation();
            locations.put(pointer, new long[] {location.getLineNr(), location.getColumnNr()});
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    String child = pointer == null ? null : pointer + "/" + Pointers.escape(name);
                    if (object.has(name)) {
                        duplicates.add(child == null ? "" : child);
                    }
                    object.set(name, value(parser, child, locations, duplicates));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, pointer == null ? null : pointer + "/" + index, locations, duplicates));
                    index++;
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(parser.getBigIntegerValue()) : nodes.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(parser,
                        "unexpected token " + parser.currentToken());
        }
    }

    /**
     * A number with a fraction or exponent, kept as written for messages. A number whose exponent is beyond what a
     * {@code BigDecimal} holds (such as {@code 1e9999999999}) becomes an infinite double, which every decoder
     * refuses as "must be a finite number" (it is within the length limit, so it is not malformed).
     */
    private static JsonNode decimal(JsonParser parser) throws IOException {
        String text = parser.getText();
        try {
            return new WrittenDecimal(parser.getDecimalValue(), text);
        } catch (NumberFormatException | ArithmeticException | com.fasterxml.jackson.core.JsonParseException e) {
            // Double.parseDouble gives the infinity (or, for a huge negative exponent, the zero) the text means.
            return new WrittenDouble(Double.parseDouble(text), text);
        }
    }

    /** A decimal number that prints as the input wrote it. */
    private static final class WrittenDecimal extends com.fasterxml.jackson.databind.node.DecimalNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenDecimal(java.math.BigDecimal value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A number beyond a decimal's exponent range: an infinity (or zero) that prints as written. */
    private static final class WrittenDouble extends com.fasterxml.jackson.databind.node.DoubleNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        WrittenDouble(double value, String text) {
            super(value);
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A tree built by other means (a CSV row), with the positions its values had in the input.
     *
     * @param root the root value
     * @param locations pointer to {line, column}
     * @return the located tree, without duplicates
     */
    public static LocatedTree of(JsonNode root, Map<String, long[]> locations) {
        return new LocatedTree(root, Map.copyOf(locations), List.of());
    }

    /**
     * The pointers of fields that appear more than once in their object (the last one wins in the tree).
     *
     * @return the pointers, in input order
     */
    public List<String> duplicates() {
        return duplicates;
    }

    /**
     * The root value.
     *
     * @return the root
     */
    public JsonNode root() {
        return root;
    }

    /**
     * The line and column of the value at a pointer, or of its nearest enclosing value.
     *
     * @param pointer the JSON Pointer
     * @return {line, column}, or {-1, -1} when unknown
     */
    public long[] locate(String pointer) {
        String at = pointer;
        while (true) {
            long[] location = locations.get(at);
            if (location != null) {
                return location;
            }
            if (at.isEmpty()) {
                return new long[] {-1, -1};
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }
}
