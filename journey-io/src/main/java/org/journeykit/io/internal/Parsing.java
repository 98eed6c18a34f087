package org.journeykit.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/** Runs a parse and turns malformed input and limit violations into a {@link JourneyReadException}. */
public final class Parsing {

    private Parsing() {}

    /** Opens a new parser over the same input, for inputs that can be read twice (strings, byte arrays). */
    public interface ParserSource {
        /**
         * Opens a parser at the start of the input.
         *
         * @return the parser
         * @throws IOException if it cannot be opened
         */
        JsonParser open() throws IOException;
    }

    /**
     * Reads input that can be read twice. The value is decoded from a tree without positions (no map entry and
     * pointer string per value); only when the decoder finds problems is the input read a second time, without a
     * tree, to find the line and column of each problem's pointer ({@link LocatedTree#locate}). So reading a
     * document with problems costs about as much memory as reading a valid one.
     *
     * @param <T> the decoded type
     * @param source opens the input
     * @param what what is read, for the message
     * @param decode decodes a tree, recording problems
     * @return the decoded value
     * @throws JourneyReadException listing every problem
     * @throws IOException if the input cannot be read
     */
    public static <T> T read(ParserSource source, String what, Function<LocatedTree, Decoded<T>> decode)
            throws IOException {
        JsonParser first;
        try {
            first = source.open();
        } catch (JsonProcessingException e) {
            // Limits that can be checked before parsing (the document length of an in-memory input) fail here.
            JsonLocation at = e.getLocation();
            throw new JourneyReadException(what, List.of(ReadProblem.of("", at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(), code(e), "must be well-formed JSON within the read limits: "
                            + firstLine(e.getOriginalMessage()), null)), e);
        } catch (CharConversionException e) {
            // Bytes whose encoding Jackson cannot tell apart (such as an unsupported UCS-4 byte order).
            throw notText(what, -1, -1, e);
        }
        Decoded<T> decoded;
        try (JsonParser parser = first) {
            decoded = decode.apply(whole(parser, what, false));
        }
        if (decoded.value != null && decoded.problems.isEmpty()) {
            return decoded.value;
        }
        throw new JourneyReadException(what, located(source, what, decoded.problems), null);
    }

    /**
     * The problems with their lines and columns, from a second pass over the input. That pass can fail where the
     * first did not: jackson-core's field-name symbol table is shared by every parser of a factory, and a name whose
     * bytes are not UTF-8 (such as 0xFF then "kd") is taken for a short name already in the table ("kd"), padded
     * with 0xFF bytes there, instead of being refused; the table can be reset between the two passes. The input is
     * then malformed, and that is the problem reported.
     */
    private static List<ReadProblem> located(ParserSource source, String what, List<ReadProblem> problems)
            throws IOException {
        List<String> pointers = new java.util.ArrayList<>(problems.size());
        for (ReadProblem problem : problems) {
            pointers.add(problem.getPointer());
        }
        LocatedTree where;
        try (JsonParser parser = source.open()) {
            try {
                where = LocatedTree.locate(parser, pointers);
            } catch (JsonProcessingException e) {
                throw malformed(what, parser, e);
            }
        }
        List<ReadProblem> located = new java.util.ArrayList<>(problems.size());
        for (ReadProblem problem : problems) {
            long[] at = where.locate(problem.getPointer());
            located.add(problem.getLine() >= 0 ? problem : problem.at(at[0], at[1]));
        }
        return located;
    }

    private static LocatedTree whole(JsonParser parser, String what, boolean track) throws IOException {
        LocatedTree tree;
        try {
            tree = LocatedTree.read(parser, track);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new JourneyReadException(what, List.of(ReadProblem.of("", at.getLineNr(), at.getColumnNr(),
                        RuleCode.MALFORMED, TRAILING_RULE, trailing.asString())), null);
            }
        } catch (JsonProcessingException e) {
            throw malformed(what, parser, e);
        } catch (CharConversionException e) {
            // Bytes that are not text in the encoding Jackson detected (such as a UTF-32 code above U+10FFFF).
            JsonLocation at = parser.currentLocation();
            throw notText(what, at.getLineNr(), at.getColumnNr(), e);
        }
        return tree;
    }

    private static JourneyReadException notText(String what, long line, long column, CharConversionException e) {
        return new JourneyReadException(what, List.of(ReadProblem.of("", line, column, RuleCode.INVALID_TEXT,
                ENCODING_RULE + firstLine(e.getMessage()), null)), e);
    }

    /** The rule bytes that are not text in their encoding break; followed by the decoder's message. */
    public static final String ENCODING_RULE = "must be UTF-8, UTF-16 or UTF-32 text: ";

    /**
     * Turns a parser's exception into a read exception with the pointer and location of the failure.
     *
     * @param what what was being read
     * @param parser the parser
     * @param e the parser's exception
     * @return the read exception
     */
    public static JourneyReadException malformed(String what, JsonParser parser, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String pointer = parser.getParsingContext() == null ? ""
                : parser.getParsingContext().pathAsPointer().toString();
        return new JourneyReadException(what, List.of(ReadProblem.of(pointer,
                at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), code(e),
                "must be well-formed JSON within the read limits: " + firstLine(e.getOriginalMessage()), null)), e);
    }

    /** The rule a value with content after it breaks. */
    public static final String TRAILING_RULE = "must hold one JSON value: found trailing content after it";

    /**
     * The code of a parser's exception: a read limit, or malformed input.
     *
     * @param e the exception
     * @return the code
     */
    public static RuleCode code(JsonProcessingException e) {
        return e instanceof StreamConstraintsException ? RuleCode.LIMIT : RuleCode.MALFORMED;
    }

    /**
     * The first line of a parser's message, at most 200 characters: Jackson's messages may quote the input.
     *
     * @param message the message, or null
     * @return the line
     */
    public static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }

    /**
     * A decoding result: the value, or null, and the problems found.
     *
     * @param <T> the value type
     */
    public static final class Decoded<T> {
        final @Nullable T value;
        final List<ReadProblem> problems;

        /**
         * Creates a result.
         *
         * @param value the value, or null when there are problems
         * @param problems the problems
         */
        public Decoded(@Nullable T value, List<ReadProblem> problems) {
            this.value = value;
            this.problems = problems;
        }
    }
}
