package org.journeykit.io.html;

/** A small HTML writer: raw markup, escaped text, simple elements. */
final class Html {

    private final StringBuilder out = new StringBuilder(32_768);

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
            }
        }
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
