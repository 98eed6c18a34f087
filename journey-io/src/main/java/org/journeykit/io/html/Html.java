package org.journeykit.io.html;

import org.journeykit.io.internal.Markup;

/** A small HTML writer: raw markup, escaped text, simple elements. */
final class Html {

    private final StringBuilder out = new StringBuilder(32_768);

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        // Quotes are escaped too (attribute mode), so text is safe wherever it lands; HTML renders the line breaks
        // that attribute mode turns into spaces as spaces anyway.
        Markup.escape(text, true, out);
        return this;
    }

    Html element(String name, String text) {
        out.append('<').append(name).append('>');
        text(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    Html element(String name, String text, String cssClass) {
        out.append('<').append(name).append(" class=\"").append(cssClass).append("\">");
        text(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
