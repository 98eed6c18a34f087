package org.journeykit.io.internal;

/** Escaping and wording shared by the SVG and HTML writers. */
public final class Markup {

    private Markup() {}

    /**
     * Escapes text for XML (and for HTML, which accepts the same escapes): {@code & < > " '} become references,
     * control characters other than tab, line feed and carriage return and unpaired surrogates are dropped.
     *
     * @param text the text
     * @param attribute true inside an attribute value (line breaks and tabs become spaces, quotes are escaped)
     * @param out where the escaped text goes
     */
    public static void escape(String text, boolean attribute, StringBuilder out) {
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
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                case '\'':
                    out.append(attribute ? "&#39;" : "'");
                    break;
                case '\n':
                case '\r':
                case '\t':
                    out.append(attribute ? " " : String.valueOf(c));
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(i + 1));
                        i++;
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
            }
        }
    }


    /**
     * The contact-moment kind as pictures and reports name it.
     *
     * @param kind the kind
     * @return its label, such as "Top moment"
     */
    public static String kindLabel(org.journeykit.model.MomentKind kind) {
        switch (kind) {
            case TOP:
                return "Top moment";
            case BRAND:
                return "Brand moment";
            case CUSTOMER:
                return "Customer moment";
            default:
                return "Superfluous moment";
        }
    }
}
