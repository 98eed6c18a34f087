package org.journeykit.io.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.journeykit.error.JourneyKitException;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of a read: pulls values straight from the parser into the model's builders, with no tree in
 * between. It gives up at the first thing that is not plainly valid (a wrong type, an unknown or repeated field, a
 * value a builder refuses) by throwing {@link Fallback}; the caller then reads the same input again with the tree
 * decoder, which finds, locates and reports every problem. Valid input therefore costs one streaming pass, and
 * the error messages come from one place.
 *
 * <p>Null values are treated as absent, as the tree decoder treats them.
 */
public final class Streamed {

    private static final Fallback FALLBACK = new Fallback();

    /** What {@link #nextField(Fields, int)} returns at the end of the object. */
    public static final int END = -1;

    private static final int UNKNOWN = -2;

    private final JsonParser parser;
    private final boolean allowUnknownFields;
    // For each slot (a field of a Fields, or its start), 1 + the index of the field that followed it in the last
    // object read; 0 when nothing is known yet (then the writer's order is the guess).
    private byte[] following = new byte[0];

    /**
     * Starts a fast read.
     *
     * @param parser the parser, positioned before or on the value to read
     * @param allowUnknownFields whether unknown fields are skipped (otherwise they end the fast path)
     */
    public Streamed(JsonParser parser, boolean allowUnknownFields) {
        this.parser = parser;
        this.allowUnknownFields = allowUnknownFields;
    }

    /** A fast-path decoder of one value. */
    @FunctionalInterface
    public interface Decode<T> {
        /**
         * Decodes the value the read is positioned before.
         *
         * @param in the fast read
         * @return the value
         * @throws IOException if the input is malformed
         * @throws Fallback if anything is not plainly valid
         */
        T decode(Streamed in) throws IOException, Fallback;
    }

    /**
     * Decodes a parser's whole input on the fast path: one value and nothing after it.
     *
     * @param parser the parser, not yet advanced; the caller closes it
     * @param allowUnknownFields whether unknown fields are skipped
     * @param decode the decoder
     * @param <T> the value type
     * @return the value, or null when the fast path gave up or the input is malformed: read it again with the
     *     decoder that reports
     * @throws IOException if reading the input fails other than by being malformed
     */
    public static <T> @Nullable T whole(JsonParser parser, boolean allowUnknownFields, Decode<T> decode)
            throws IOException {
        try {
            T value = decode.decode(new Streamed(parser, allowUnknownFields));
            return parser.nextToken() == null ? value : null;
        } catch (Fallback | JsonProcessingException | CharConversionException e) {
            // Malformed JSON, or bytes that are not text in their encoding: the reporting read says where.
            return null;
        }
    }

    /**
     * The signal that ends the fast path, for decoders to throw.
     *
     * @return the signal (one shared instance without a stack trace)
     */
    public static Fallback fallback() {
        return FALLBACK;
    }

    /**
     * The parser.
     *
     * @return the parser
     */
    public JsonParser parser() {
        return parser;
    }

    /**
     * Requires the start of an object: the current token when the parser is on one (a caller that looked ahead),
     * else the next token.
     *
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not an object
     */
    public void startObject() throws IOException, Fallback {
        if (parser.currentToken() != JsonToken.START_OBJECT && parser.nextToken() != JsonToken.START_OBJECT) {
            throw FALLBACK;
        }
    }

    /**
     * Advances to the next field of an object whose keys are free, such as an event's attributes; objects with
     * declared fields are read with {@link #nextField(Fields, int)}.
     *
     * @return the field name, or null at the end of the object
     * @throws IOException if the input is malformed
     */
    public @Nullable String nextField() throws IOException {
        return parser.nextFieldName();
    }

    /**
     * Advances to the next field of the current object, guessing which it is, and passes over fields that are
     * not among {@code fields} when unknown fields are allowed. The guess is the field that followed the previous
     * one in the last object read with this instance (at first, the next field in the writer's order); when it is
     * right, Jackson compares the name in place instead of decoding it and looking it up. Records of one JSON
     * Lines file nearly always have the same fields in the same order.
     *
     * @param fields the fields of the object type
     * @param previous the index of the field read before in this object, or {@link #END} at its start
     * @return the index of the field in {@code fields} (the parser is on its name), or {@link #END} at the end of
     *     the object
     * @throws IOException if the input is malformed
     * @throws Fallback if a name is not among the fields and unknown fields are not allowed
     */
    public int nextField(Fields fields, int previous) throws IOException, Fallback {
        int slot = fields.firstSlot + previous + 1;
        if (slot >= following.length) {
            following = Arrays.copyOf(following, Math.max(slot + 1, Fields.SLOTS.get()));
        }
        while (true) {
            int guess = following[slot] == 0 ? previous + 1 : following[slot] - 1;
            int found;
            if (guess < fields.names.length) {
                if (parser.nextFieldName(fields.names[guess])) {
                    return guess;
                }
                found = parser.currentToken() == JsonToken.FIELD_NAME ? fields.indexOf(parser.currentName()) : END;
            } else {
                String name = parser.nextFieldName();
                found = name == null ? END : fields.indexOf(name);
            }
            if (found != UNKNOWN) {
                following[slot] = (byte) (found == END ? fields.names.length + 1 : found + 1);
                return found;
            }
            unknown();
        }
    }

    /**
     * Marks a field as seen in a bit set; a field seen twice ends the fast path.
     *
     * @param seen the bits seen so far
     * @param bit the field's bit, 0 to 63
     * @return the bits with this one set
     * @throws Fallback if the bit was already set
     */
    public static long once(long seen, int bit) throws Fallback {
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw FALLBACK;
        }
        return seen | mask;
    }

    // Handles a field the format does not define: skipped when unknown fields are allowed, the fast path's end
    // otherwise.
    private void unknown() throws IOException, Fallback {
        if (!allowUnknownFields) {
            throw FALLBACK;
        }
        parser.nextToken();
        parser.skipChildren();
    }

    /**
     * Reads the next value as a string.
     *
     * @return the string, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not a string
     */
    public @Nullable String string() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw FALLBACK;
    }

    /**
     * Reads the next value as an instant, from the parser's characters without a string in between.
     *
     * @return the instant, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not a string holding an ISO-8601 instant or offset date-time
     */
    public @Nullable Instant instant() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            try {
                return Times.instant(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            } catch (DateTimeParseException e) {
                throw FALLBACK;
            }
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw FALLBACK;
    }

    /**
     * Reads the next value as an ISO-8601 duration.
     *
     * @return the duration, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not a string holding a duration
     */
    public @Nullable Duration duration() throws IOException, Fallback {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return Times.duration(text);
        } catch (DateTimeParseException e) {
            throw FALLBACK;
        }
    }

    /**
     * Reads the next value as a whole number in the int range.
     *
     * @return the number, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not such a number
     */
    public @Nullable Integer integer() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw FALLBACK;
    }

    /**
     * Reads the next value as a whole number in the long range.
     *
     * @return the number, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not such a number
     */
    public @Nullable Long longValue() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw FALLBACK;
    }

    /**
     * Reads the next value as a finite number.
     *
     * @return the number, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not a finite number
     */
    public @Nullable Double number() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        double value;
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            value = parser.getLongValue();
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            // Correctly rounded, as the tree decoder's BigDecimal.doubleValue() is: the same double.
            value = parser.getDoubleValue();
        } else {
            throw FALLBACK;
        }
        if (!Double.isFinite(value)) {
            throw FALLBACK;
        }
        // The tree decoder reads through BigDecimal, which has no negative zero: neither may this.
        return value == 0.0 ? 0.0 : value;
    }

    /**
     * Reads the next value as a boolean.
     *
     * @return the value, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not a boolean
     */
    public @Nullable Boolean bool() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw FALLBACK;
    }

    /**
     * Reads the next value as one of an enum's constants, written as {@link Reading.Names} writes them; compares
     * the parser's characters, so no string is made.
     *
     * @param constants the enum's names, from {@link #names(Class)}
     * @param <E> the enum
     * @return the constant, or null for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not one of the names
     */
    public <E extends Enum<E>> @Nullable E enumValue(EnumNames<E> constants) throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw FALLBACK;
        }
        E constant = constants.find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (constant == null) {
            throw FALLBACK;
        }
        return constant;
    }

    /**
     * Reads the fields of an object that holds two required whole numbers, such as {@code {"min":1,"max":7}}; the
     * parser is inside the object (after {@link #optionalObject()}).
     *
     * @param first the name of the first number
     * @param second the name of the second number
     * @return the two numbers, in that order
     * @throws IOException if the input is malformed
     * @throws Fallback if a number is missing, repeated or not an int, or another field is not allowed
     */
    public int[] intPair(String first, String second) throws IOException, Fallback {
        Integer a = null;
        Integer b = null;
        long seen = 0;
        String name;
        while ((name = nextField()) != null) {
            if (name.equals(first)) {
                seen = once(seen, 0);
                a = integer();
            } else if (name.equals(second)) {
                seen = once(seen, 1);
                b = integer();
            } else {
                unknown();
            }
        }
        if (a == null || b == null) {
            throw FALLBACK;
        }
        return new int[] {a, b};
    }

    /**
     * Reads the next value as an array of strings.
     *
     * @return the strings (empty for a JSON null)
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is not an array of strings
     */
    public List<String> strings() throws IOException, Fallback {
        List<String> values = new ArrayList<>();
        if (startArray()) {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_STRING) {
                    throw FALLBACK;
                }
                values.add(parser.getText());
            }
        }
        return values;
    }

    /**
     * Advances to the next value and requires an array (or null).
     *
     * @return true on the start of an array, false for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is neither
     */
    public boolean startArray() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw FALLBACK;
    }

    /**
     * Advances inside an array to the next element, which must be an object.
     *
     * @return true on the start of an element object, false at the end of the array
     * @throws IOException if the input is malformed
     * @throws Fallback if the element is not an object
     */
    public boolean nextObjectElement() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.END_ARRAY) {
            return false;
        }
        throw FALLBACK;
    }

    /**
     * Advances to the next value and requires an object (or null).
     *
     * @return true on the start of an object, false for a JSON null
     * @throws IOException if the input is malformed
     * @throws Fallback if the value is neither
     */
    public boolean optionalObject() throws IOException, Fallback {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            return true;
        }
        if (token == JsonToken.VALUE_NULL) {
            return false;
        }
        throw FALLBACK;
    }

    /**
     * Runs a model builder; a refusal ends the fast path (the tree decoder will report it with its pointer).
     *
     * @param build builds the object
     * @param <T> the type built
     * @return the object
     * @throws Fallback if the builder refuses
     */
    public static <T> T build(Supplier<T> build) throws Fallback {
        try {
            return build.get();
        } catch (JourneyKitException e) {
            throw FALLBACK;
        }
    }

    /**
     * The constants of an enum with their JSON names.
     *
     * @param type the enum
     * @param <E> the enum
     * @return the names
     */
    public static <E extends Enum<E>> EnumNames<E> names(Class<E> type) {
        return new EnumNames<>(type.getEnumConstants());
    }

    /**
     * An enum's constants with their JSON names as characters, for matching without making a string.
     *
     * @param <E> the enum
     */
    public static final class EnumNames<E extends Enum<E>> {
        private final E[] constants;
        private final char[][] names;

        EnumNames(E[] constants) {
            this.constants = constants;
            this.names = new char[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                names[i] = Reading.Names.of(constants[i]).toCharArray();
            }
        }

        @Nullable E find(char[] text, int offset, int length) {
            for (int i = 0; i < names.length; i++) {
                char[] name = names[i];
                if (name.length == length && same(name, text, offset)) {
                    return constants[i];
                }
            }
            return null;
        }

        private static boolean same(char[] name, char[] text, int offset) {
            // Enum names are a few characters long: a plain loop beats Arrays.equals' range checks here.
            for (int k = 0; k < name.length; k++) {
                if (name[k] != text[offset + k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The names of an object type's fields in the order the library writes them, for
     * {@link #nextField(Fields, int)}. Create one per type, as a constant.
     */
    public static final class Fields {
        // Every instance takes its own slots in the guess table of each Streamed.
        private static final AtomicInteger SLOTS = new AtomicInteger();
        private final SerializedString[] names;
        private final Map<String, Integer> indexes = new LinkedHashMap<>();
        private final int firstSlot;

        private Fields(String[] names) {
            if (names.length == 0 || names.length > 63) {
                throw new IllegalArgumentException("1 to 63 fields, not " + names.length);
            }
            this.names = new SerializedString[names.length];
            for (int i = 0; i < names.length; i++) {
                this.names[i] = new SerializedString(names[i]);
                if (indexes.put(names[i], i) != null) {
                    throw new IllegalArgumentException("field named twice: " + names[i]);
                }
            }
            this.firstSlot = SLOTS.getAndAdd(names.length + 1);
        }

        /**
         * The fields, in the writer's order.
         *
         * @param names the field names, 1 to 63 of them, each once
         * @return the fields
         * @throws IllegalArgumentException if there are too few or too many names, or one is given twice
         */
        public static Fields of(String... names) {
            return new Fields(names);
        }

        /**
         * The names.
         *
         * @return the names in the writer's order, unmodifiable
         */
        public Set<String> names() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(indexes.keySet()));
        }

        private int indexOf(String name) {
            Integer index = indexes.get(name);
            return index == null ? UNKNOWN : index;
        }
    }

    /** The signal that the fast path gave up; carries no stack trace (it is thrown on every invalid input). */
    public static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        private Fallback() {
            super("the fast path gave up; read again with the tree decoder", null, false, false);
        }
    }
}
