package org.journeykit.io.svg;

import java.util.List;
import java.util.Locale;
import org.journeykit.io.svg.Palette.Role;
import org.jspecify.annotations.Nullable;

/**
 * The drawing layer every picture shares: the {@link Xml} writer, the palette, the font, the document frame with its
 * {@code <title>} and {@code <desc>}, and text that never overflows its box (wrapped or shortened with an ellipsis,
 * the whole text then in a {@code <title>}).
 */
final class Canvas {

    static final String FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";
    static final double FONT = 11;
    static final double LINE = 13;

    final Xml xml;
    final Palette palette;

    Canvas(StringBuilder out, Palette palette) {
        this.xml = new Xml(out);
        this.palette = palette;
    }

    String ink() {
        return palette.colour(Role.INK);
    }

    String colour(Role role) {
        return palette.colour(role);
    }

    /**
     * Opens the {@code <svg>} element with its title, description and background; close it with {@link #close()}.
     * The ids of title and description are prefixed with {@code idPrefix} so several pictures can share a page.
     */
    void open(String cssClass, String idPrefix, double width, double height, String title, String description,
            Object... dataAttributes) {
        Object[] fixed = {"xmlns", "http://www.w3.org/2000/svg", "version", "1.1", "width", width, "height", height,
            "viewBox", "0 0 " + Xml.number(width) + " " + Xml.number(height), "role", "img",
            "aria-labelledby", idPrefix + "-title " + idPrefix + "-desc", "font-family", FONT_FAMILY,
            "font-size", FONT, "class", cssClass};
        Object[] all = java.util.Arrays.copyOf(fixed, fixed.length + dataAttributes.length);
        System.arraycopy(dataAttributes, 0, all, fixed.length, dataAttributes.length);
        xml.start("svg", all).newline();
        xml.element("title", title, "id", idPrefix + "-title").newline();
        xml.element("desc", description, "id", idPrefix + "-desc").newline();
        xml.empty("rect", "x", 0.0, "y", 0.0, "width", width, "height", height, "fill", colour(Role.BACKGROUND))
                .newline();
    }

    void close() {
        xml.end().newline();
    }

    /**
     * One line of text shortened to fit {@code maxWidth}; when shortened, the whole text is the element's
     * {@code <title>}.
     */
    void label(String text, double x, double y, double maxWidth, double fontSize, String anchor,
            @Nullable String weight, @Nullable String cssClass) {
        int chars = TextFit.charsFor(maxWidth, fontSize);
        List<String> lines = TextFit.wrap(text, chars, 1);
        boolean cut = TextFit.cuts(text, chars, 1);
        xml.start("text", "x", x, "y", y, "font-size", fontSize, "text-anchor",
                "start".equals(anchor) ? null : anchor, "font-weight", weight, "fill", ink(), "class", cssClass);
        if (cut) {
            xml.element("title", text);
        }
        xml.text(lines.isEmpty() ? "" : lines.get(0));
        xml.end();
    }

    /**
     * Text wrapped into at most {@code maxLines} lines of width {@code w}, its first baseline one font size below
     * {@code top}; when cut, the whole text is the element's {@code <title>}.
     *
     * @return the number of lines written
     */
    int paragraph(String text, double x, double top, double w, int maxLines, String anchor, @Nullable String weight) {
        int chars = TextFit.charsFor(w, FONT);
        List<String> lines = TextFit.wrap(text, chars, maxLines);
        if (lines.isEmpty()) {
            return 0;
        }
        boolean cut = TextFit.cuts(text, chars, maxLines);
        xml.start("text", "x", x, "y", top + FONT, "fill", ink(), "text-anchor", anchor, "font-weight", weight);
        if (cut) {
            xml.element("title", text);
        }
        for (int i = 0; i < lines.size(); i++) {
            xml.element("tspan", lines.get(i), "x", x, "dy", i == 0 ? null : LINE);
        }
        xml.end();
        return lines.size();
    }

    /** A five-pointed star, the moment-of-truth mark. */
    void star(double cx, double cy, double r) {
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            double radius = k % 2 == 0 ? r : r * 0.45;
            double angle = Math.PI / 5 * k - Math.PI / 2;
            d.append(k == 0 ? 'M' : 'L').append(Xml.number(cx + radius * Math.cos(angle))).append(' ')
                    .append(Xml.number(cy + radius * Math.sin(angle)));
        }
        d.append('Z');
        xml.start("path", "class", "moment-of-truth", "d", d.toString(),
                "fill", colour(Role.MOMENT_OF_TRUTH), "stroke", ink(), "stroke-width", 0.5);
        xml.element("title", "Moment of truth");
        xml.end();
    }

    /** A path through points given as x, y pairs: {@code M x y L x y ...}. */
    static String polyline(double... xy) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            d.append(i == 0 ? 'M' : 'L').append(Xml.number(xy[i])).append(' ').append(Xml.number(xy[i + 1]));
        }
        return d.toString();
    }

    /** A number with a fixed count of decimals, Locale.ROOT, never "-0". */
    static String fixed(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(value * scale) / scale + 0.0;
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }

    /** A count with thousands separators, such as 30,955. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share from 0 to 1 as a percentage with one decimal, such as 84.3 %. */
    static String percent(double share) {
        return fixed(share * 100, 1) + "%";
    }

    /** A duration in its two largest units, such as {@code 2 h 5 min}, {@code 3 d 4 h}, {@code 45 s}. */
    static String duration(java.time.Duration d) {
        long seconds = d.getSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (secs > 0 ? " " + secs + " s" : "");
        }
        return secs + " s";
    }

    /** Shortens text to one line of at most {@code chars} characters, with an ellipsis when cut. */
    static String shorten(String text, int chars) {
        List<String> lines = TextFit.wrap(text, chars, 1);
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
