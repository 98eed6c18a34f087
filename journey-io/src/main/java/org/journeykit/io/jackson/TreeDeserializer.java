package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.Reading;
import org.jspecify.annotations.Nullable;

/**
 * Reads one value the way {@code JourneyJson} reads a document: the value's tree with the position of every node,
 * decoded with every problem recorded (pointer, line, column, rule code), then a {@link JourneyMappingException}
 * carrying all of them, located at the first. A literal {@code null} as the whole input is refused; a {@code null}
 * inside another value reads as null.
 *
 * @param <T> the value type
 */
abstract class TreeDeserializer<T> extends JsonDeserializer<T> {

    /** The most problems one value reports, as the facade. */
    static final int MAX_PROBLEMS = 1_000;

    private final Class<?> type;
    private final String what;
    private final JourneyModule.UnknownFields unknownFields;

    /**
     * Creates the deserializer.
     *
     * @param type the value type
     * @param what the value as messages name it, such as {@code "a journey document"}
     * @param unknownFields the module's unknown-fields policy
     */
    TreeDeserializer(Class<?> type, String what, JourneyModule.UnknownFields unknownFields) {
        this.type = type;
        this.what = what;
        this.unknownFields = unknownFields;
    }

    /** A decoding step, for {@link #of}. */
    interface Decode<T> {
        /**
         * Decodes the value.
         *
         * @param reading the read's state
         * @param tree the value's tree
         * @return the value, or null after a problem
         */
        @Nullable T decode(Reading reading, LocatedTree tree);
    }

    /**
     * A deserializer that needs nothing of the mapper's context.
     *
     * @param type the value type
     * @param what the value as messages name it
     * @param unknownFields the module's policy
     * @param decode the decoding
     * @param <T> the value type
     * @return the deserializer
     */
    static <T> TreeDeserializer<T> of(Class<T> type, String what, JourneyModule.UnknownFields unknownFields,
            Decode<T> decode) {
        return new TreeDeserializer<>(type, what, unknownFields) {
            @Override
            @Nullable T decode(Reading reading, LocatedTree tree, DeserializationContext context) {
                return decode.decode(reading, tree);
            }
        };
    }

    /**
     * Decodes the value, recording every problem in the reading.
     *
     * @param reading the read's state
     * @param tree the value's tree
     * @param context the mapper's context
     * @return the value, or null after a problem
     */
    abstract @Nullable T decode(Reading reading, LocatedTree tree, DeserializationContext context);

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(parser);
        } catch (JsonProcessingException e) {
            if (e instanceof JourneyMappingException) {
                throw e;
            }
            throw JourneyMappingException.of(parser, Parsing.malformed(what, parser, e), null);
        }
        Reading reading = new Reading(tree, allowUnknownFields(context), MAX_PROBLEMS);
        T value = decode(reading, tree, context);
        List<ReadProblem> problems = reading.problems();
        if (value == null || !problems.isEmpty()) {
            throw JourneyMappingException.of(parser, new JourneyReadException(what, problems, null), tree.root());
        }
        return value;
    }

    private boolean allowUnknownFields(DeserializationContext context) {
        switch (unknownFields) {
            case IGNORE:
                return true;
            case AS_MAPPER:
                return !context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            default:
                return false;
        }
    }

    @Override
    public @Nullable T getNullValue(DeserializationContext context) throws JourneyMappingException {
        JsonParser parser = context.getParser();
        if (parser != null && parser.getParsingContext().inRoot()) {
            // The whole input is null: refused as JourneyJson refuses it.
            JsonLocation at = parser.currentTokenLocation();
            throw JourneyMappingException.of(parser, new JourneyReadException(what,
                    List.of(ReadProblem.of("", at.getLineNr(), at.getColumnNr(), RuleCode.TYPE,
                            nullRule(), "null")), null), null);
        }
        return null;
    }

    /**
     * The rule a literal {@code null} as the whole input breaks.
     *
     * @return the rule, such as {@code "must be an object"}
     */
    String nullRule() {
        return "must be an object";
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
