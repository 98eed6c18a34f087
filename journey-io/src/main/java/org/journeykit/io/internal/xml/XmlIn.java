package org.journeykit.io.internal.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.xml.XmlLimits;
import org.jspecify.annotations.Nullable;

/**
 * A hardened StAX cursor for the XML readers: Woodstox's parser, created by class (never another implementation
 * found through the {@code javax.xml.stream} service lookup), with DTDs and external entities off; a document type
 * declaration or an undeclared entity is refused; nesting depth, element count and text length are limited by
 * {@link XmlLimits}, by this class's own checks first and by Woodstox's limits behind them; every failure is a
 * {@link JourneyReadException} with line, column and {@link RuleCode}.
 *
 * <p>Not thread-safe.
 */
public final class XmlIn implements Closeable {

    private final XMLStreamReader reader;
    private final LimitedReader source;
    private final XmlLimits limits;
    private final String what;
    private int depth;
    private long elements;

    private XmlIn(XMLStreamReader reader, LimitedReader source, XmlLimits limits, String what) {
        this.reader = reader;
        this.source = source;
        this.limits = limits;
        this.what = what;
    }

    private static XMLInputFactory factory(XmlLimits limits) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Replacing (the five predefined entities and character references) makes every other entity an error:
        // without it Woodstox drops an undeclared entity from an attribute value without a word.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Eager parsing: a malformed text fails in next(), as an XMLStreamException, not later in a getter as
        // Woodstox's unchecked lazy exception.
        factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        // Woodstox's own limits, one past this class's, so that this class's checks fail first with their rule;
        // these stay as the second line. The text and attribute limits are the run limit LimitedReader enforces.
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, saturated(limits.getMaxNestingDepth()));
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, saturated(limits.getMaxElements()));
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.getMaxTextLength());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.getMaxTextLength());
        return factory;
    }

    private static int saturated(int limit) {
        return limit == Integer.MAX_VALUE ? limit : limit + 1;
    }

    private static long saturated(long limit) {
        return limit == Long.MAX_VALUE ? limit : limit + 1;
    }

    /**
     * Opens a cursor over characters.
     *
     * @param in the XML text; closed by {@link #close()}
     * @param limits the limits
     * @param what what is read, for messages ("an XES log")
     * @return the cursor
     * @throws JourneyReadException if the document cannot even start
     */
    public static XmlIn open(Reader in, XmlLimits limits, String what) {
        LimitedReader source = new LimitedReader(in, limits.getMaxTextLength());
        try {
            // A factory per document: cheap next to a parse, and no shared mutable configuration between threads.
            return new XmlIn(factory(limits).createXMLStreamReader(source), source, limits, what);
        } catch (XMLStreamException e) {
            throw failure(e, source, what, null);
        }
    }

    /**
     * A strict UTF-8 reader over bytes: a byte sequence that is not UTF-8 fails the read with
     * {@link RuleCode#INVALID_TEXT}.
     *
     * @param in the bytes
     * @return the reader
     */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Moves to the next start element, end element or end of document, passing over text, comments and
     * processing instructions.
     *
     * @return {@link XMLStreamConstants#START_ELEMENT}, {@link XMLStreamConstants#END_ELEMENT} or
     *     {@link XMLStreamConstants#END_DOCUMENT}
     * @throws JourneyReadException for malformed input, a DTD, an entity reference or a limit
     */
    public int next() {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        depth++;
                        elements++;
                        if (depth > limits.getMaxNestingDepth()) {
                            throw fail(RuleCode.LIMIT, "must nest elements at most " + limits.getMaxNestingDepth()
                                    + " levels deep", reader.getLocalName());
                        }
                        if (elements > limits.getMaxElements()) {
                            throw fail(RuleCode.LIMIT, "must have at most " + limits.getMaxElements() + " elements",
                                    reader.getLocalName());
                        }
                        return event;
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        return event;
                    case XMLStreamConstants.END_DOCUMENT:
                        return event;
                    case XMLStreamConstants.DTD:
                        throw fail(RuleCode.MALFORMED, "must not have a document type declaration (DTDs are "
                                + "refused: no entities, no external references)", null);
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw fail(RuleCode.MALFORMED, "must not refer to an entity other than the five predefined"
                                + " ones", reader.getLocalName());
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw failure(e, source, what, reader);
        }
    }

    /**
     * Skips the rest of the current element, its children included; the cursor ends on its end tag.
     *
     * @throws JourneyReadException as {@link #next()}
     */
    public void skipElement() {
        int level = depth;
        while (depth >= level) {
            if (next() == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    /**
     * The local name of the current element.
     *
     * @return the name
     */
    public String name() {
        return reader.getLocalName();
    }

    /**
     * The value of an attribute of the current start element, by local name in any namespace.
     *
     * @param name the attribute's local name
     * @return the value, or null when absent
     */
    public @Nullable String attribute(String name) {
        for (int i = 0, count = reader.getAttributeCount(); i < count; i++) {
            if (name.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * The text of the current element, which must have no child elements; the cursor ends on its end tag.
     *
     * @return the text, not null
     * @throws JourneyReadException as {@link #next()}, or if the element has children
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        try {
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    if (text.length() > limits.getMaxTextLength()) {
                        throw fail(RuleCode.LIMIT, "must be at most " + limits.getMaxTextLength() + " characters",
                                null);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    return text.toString();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw fail(RuleCode.MALFORMED, "must hold text only, not the element", reader.getLocalName());
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw fail(RuleCode.MALFORMED, "must not refer to an entity other than the five predefined"
                            + " ones", reader.getLocalName());
                }
            }
        } catch (XMLStreamException e) {
            throw failure(e, source, what, reader);
        }
    }

    /**
     * The current nesting depth, the root element being 1.
     *
     * @return the depth, 0 outside the root
     */
    public int depth() {
        return depth;
    }

    /**
     * The location of the current event, for a problem found later (read it once: each call makes a new object).
     *
     * @return the location, not null
     */
    public Location location() {
        return reader.getLocation();
    }

    /**
     * The line of the current event.
     *
     * @return the 1-based line, or -1 when unknown
     */
    public long line() {
        return reader.getLocation().getLineNumber();
    }

    /**
     * The column of the current event.
     *
     * @return the 1-based column, or -1 when unknown
     */
    public long column() {
        return reader.getLocation().getColumnNumber();
    }

    /**
     * A problem at the current position.
     *
     * @param code the rule's code
     * @param rule the rule
     * @param value the value seen, or null
     * @return the problem
     */
    public ReadProblem problem(RuleCode code, String rule, @Nullable String value) {
        return ReadProblem.of(path(), line(), column(), code, rule, value);
    }

    /**
     * An exception for one problem at the current position.
     *
     * @param code the rule's code
     * @param rule the rule
     * @param value the value seen, or null
     * @return the exception, to throw
     */
    public JourneyReadException fail(RuleCode code, String rule, @Nullable String value) {
        return new JourneyReadException(what, List.of(problem(code, rule, value)), null);
    }

    /**
     * An exception for the given problems.
     *
     * @param problems the problems, not empty
     * @return the exception, to throw
     */
    public JourneyReadException fail(List<ReadProblem> problems) {
        return new JourneyReadException(what, problems, null);
    }

    private String path() {
        int event = reader.getEventType();
        return event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT
                ? "/" + reader.getLocalName() : "";
    }

    private static JourneyReadException failure(XMLStreamException e, LimitedReader source, String what,
            @Nullable XMLStreamReader reader) {
        Location at = e.getLocation();
        if (at == null && reader != null) {
            // Woodstox's limit and I/O failures carry no location: the parser's current event is where it stopped.
            at = reader.getLocation();
        }
        long line = at == null ? -1 : at.getLineNumber();
        long column = at == null ? -1 : at.getColumnNumber();
        LimitedReader.Tripped tripped = source.tripped();
        if (tripped != null) {
            return new JourneyReadException(what, List.of(ReadProblem.of("", line, column, RuleCode.LIMIT,
                    "must not have a text node or tag longer than " + tripped.limit + " characters", null)), e);
        }
        Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (nested instanceof CharacterCodingException) {
            return new JourneyReadException(what, List.of(ReadProblem.of("", line, column, RuleCode.INVALID_TEXT,
                    "must be UTF-8 text", null)), e);
        }
        if (nested instanceof IOException) {
            throw new UncheckedIOException("cannot read " + what, (IOException) nested);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        // Woodstox appends the location on a line of its own; the problem carries it as line and column.
        int location = message.indexOf("\n at [row,col");
        String reason = location >= 0 ? message.substring(0, location) : message;
        if (e.getLocation() == null && reason.contains("limit")) {
            return new JourneyReadException(what, List.of(ReadProblem.of("", line, column, RuleCode.LIMIT,
                    "must stay within the XML limits: " + reason.strip(), null)), e);
        }
        return new JourneyReadException(what, List.of(ReadProblem.of("", line, column, RuleCode.MALFORMED,
                "must be well-formed XML: " + reason.strip(), null)), e);
    }

    /**
     * Closes the parser and the input.
     *
     * @throws IOException if closing the input fails
     */
    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot close the XML parser", e);
        } finally {
            source.close();
        }
    }
}
