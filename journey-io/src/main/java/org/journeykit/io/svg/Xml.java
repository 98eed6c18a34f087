package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.journeykit.io.internal.Markup;
import org.jspecify.annotations.Nullable;

/**
 * A small XML writer for the pictures: elements with attributes in the order given, text and attribute values
 * escaped, characters XML 1.0 does not allow dropped, numbers in a fixed format. Output is deterministic.
 */
final class Xml {

    private final StringBuilder out;
    private final List<String> open = new ArrayList<>();

    Xml(StringBuilder out) {
        this.out = out;
    }

    /** Opens an element; attributes are name, value pairs, a null value leaves the attribute out. */
    Xml start(String name, @Nullable Object... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        open.add(name);
        return this;
    }

    /** Writes an element without content. */
    Xml empty(String name, @Nullable Object... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only text. */
    Xml element(String name, String text, @Nullable Object... attributes) {
        start(name, attributes);
        text(text);
        return end();
    }

    /** Writes escaped text. */
    Xml text(String text) {
        escape(text, false, out);
        return this;
    }

    /** Closes the innermost open element. */
    Xml end() {
        String name = open.remove(open.size() - 1);
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes a line break, to keep the output readable in a diff. */
    Xml newline() {
        out.append('\n');
        return this;
    }

    private void attributes(@Nullable Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs, got " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append((String) attributes[i]).append("=\"");
            escape(value instanceof Double ? number((Double) value) : value.toString(), true, out);
            out.append('"');
        }
    }

    /** Escapes text for XML; see {@link Markup#escape(String, boolean, StringBuilder)}. */
    static void escape(String text, boolean attribute, StringBuilder out) {
        Markup.escape(text, attribute, out);
    }

    /** Escapes text into a new string. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escape(text, true, sb);
        return sb.toString();
    }

    /** Formats a coordinate with at most one decimal, Locale.ROOT, never "-0". */
    static String number(double value) {
        long tenths = Math.round(value * 10.0);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
