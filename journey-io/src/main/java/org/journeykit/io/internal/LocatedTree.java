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
     * costs a map entry and a pointer string per value, so readers of input that can be read twice read untracked
     * and locate their problems afterwards ({@link #locate}).
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
                    String child = pointer == null ? null : pointer + "/" + Pointers.escape(name);
                    if (object.has(name)) {
                        // Untracked, the pointer is made from the parser's context, only for the repeated field.
                        duplicates.add(child != null ? child : parser.getParsingContext().pathAsPointer().toString());
                    }
                    parser.nextToken();
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
     * Finds the line and column of the values at some pointers by reading the input again, without a tree: only
     * the objects and arrays on the way to a wanted pointer are entered, everything else is skipped. Costs memory
     * in proportion to the pointers, not to the input, so problems found in a large document are located without a
     * pointer for each of its values.
     *
     * @param parser a parser at the start of the same input the pointers were found in
     * @param pointers the JSON Pointers to locate
     * @return the located tree (its root is only a placeholder): {@link #locate(String)} answers for each pointer,
     *     or for its nearest enclosing value where the pointer names no value (a missing field)
     * @throws IOException if the input cannot be read again
     */
    public static LocatedTree locate(JsonParser parser, java.util.Collection<String> pointers) throws IOException {
        java.util.Set<String> onTheWay = new java.util.HashSet<>();
        for (String pointer : pointers) {
            for (String at = pointer; ; at = at.substring(0, at.lastIndexOf('/'))) {
                if (!onTheWay.add(at) || at.isEmpty()) {
                    break;
                }
            }
        }
        onTheWay.add("");
        Map<String, long[]> locations = new HashMap<>();
        if (parser.nextToken() != null) {
            visit(parser, "", onTheWay, locations);
        }
        return new LocatedTree(JsonNodeFactory.instance.nullNode(), locations, List.of());
    }

    private static void visit(JsonParser parser, String pointer, java.util.Set<String> onTheWay,
            Map<String, long[]> locations) throws IOException {
        if (!onTheWay.contains(pointer)) {
            parser.skipChildren();
            return;
        }
        JsonLocation location = parser.currentTokenLocation();
        locations.putIfAbsent(pointer, new long[] {location.getLineNr(), location.getColumnNr()});
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                visit(parser, pointer + "/" + Pointers.escape(name), onTheWay, locations);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                visit(parser, pointer + "/" + index, onTheWay, locations);
                index++;
            }
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
