package org.journeykit.io.internal.xml;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes indented XML 1.0 for the XES and CJML writers, escaping every text: markup characters become references,
 * tab, line feed and carriage return in attributes become character references (so they survive attribute-value
 * normalisation), and characters XML 1.0 cannot carry at all (other control characters, unpaired surrogates,
 * U+FFFE, U+FFFF) become U+FFFD.
 *
 * <p>Not thread-safe.
 */
public final class XmlOut {

    private final Writer out;
    private int depth;

    /**
     * Writes to a writer, which is not closed.
     *
     * @param out the destination
     */
    public XmlOut(Writer out) {
        this.out = out;
    }

    /**
     * Writes the XML declaration.
     *
     * @throws IOException if writing fails
     */
    public void declaration() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /**
     * Writes a start tag on its own line.
     *
     * @param name the element name (not escaped: a constant)
     * @param attributes name, value pairs
     * @throws IOException if writing fails
     */
    public void start(String name, String... attributes) throws IOException {
        tag(name, attributes);
        out.write(">\n");
        depth++;
    }

    /**
     * Writes an empty element on its own line.
     *
     * @param name the element name (not escaped: a constant)
     * @param attributes name, value pairs
     * @throws IOException if writing fails
     */
    public void empty(String name, String... attributes) throws IOException {
        tag(name, attributes);
        out.write("/>\n");
    }

    /**
     * Writes an element holding text on its own line.
     *
     * @param name the element name (not escaped: a constant)
     * @param text the text, escaped
     * @param attributes name, value pairs
     * @throws IOException if writing fails
     */
    public void text(String name, String text, String... attributes) throws IOException {
        tag(name, attributes);
        out.write('>');
        escape(text, false);
        out.write("</");
        out.write(name);
        out.write(">\n");
    }

    /**
     * Writes an end tag on its own line.
     *
     * @param name the element name
     * @throws IOException if writing fails
     */
    public void end(String name) throws IOException {
        depth--;
        indent();
        out.write("</");
        out.write(name);
        out.write(">\n");
    }

    /**
     * Flushes the destination.
     *
     * @throws IOException if flushing fails
     */
    public void flush() throws IOException {
        out.flush();
    }

    private void tag(String name, String... attributes) throws IOException {
        indent();
        out.write('<');
        out.write(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.write(' ');
            out.write(attributes[i]);
            out.write("=\"");
            escape(attributes[i + 1], true);
            out.write('"');
        }
    }

    private void indent() throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private void escape(String text, boolean attribute) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.write("&amp;");
                    break;
                case '<':
                    out.write("&lt;");
                    break;
                case '>':
                    out.write("&gt;");
                    break;
                case '"':
                    out.write(attribute ? "&quot;" : "\"");
                    break;
                case '\'':
                    out.write(attribute ? "&apos;" : "'");
                    break;
                case '\t':
                    out.write(attribute ? "&#9;" : "\t");
                    break;
                case '\n':
                    out.write(attribute ? "&#10;" : "\n");
                    break;
                case '\r':
                    out.write("&#13;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.write(c);
                        out.write(text.charAt(i + 1));
                        i++;
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.write('\uFFFD');
                    } else {
                        out.write(c);
                    }
            }
        }
    }
}
