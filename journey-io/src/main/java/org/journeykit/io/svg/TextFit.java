package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;

/** Wraps text into lines that fit a width, shortening the last line with an ellipsis when it does not fit. */
final class TextFit {

    /** The average advance of a character of the sans-serif fonts used, as a fraction of the font size. */
    static final double CHAR_WIDTH = 0.56;
    static final String ELLIPSIS = "\u2026";

    private TextFit() {}

    static int charsFor(double width, double fontSize) {
        return Math.max(3, (int) Math.floor(width / (fontSize * CHAR_WIDTH)));
    }

    /** The lines; the last ends with an ellipsis when text was cut. Never more than maxLines lines. */
    static List<String> wrap(String text, int maxChars, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (maxLines <= 0) {
            return lines;
        }
        String[] words = text.trim().split("\\s+");
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        int w = 0;
        while (w < words.length) {
            String word = words[w];
            if (word.isEmpty()) {
                w++;
                continue;
            }
            if (line.length() == 0 && word.length() > maxChars) {
                line.append(word, 0, maxChars);
                words[w] = word.substring(maxChars);
            } else if (line.length() == 0) {
                line.append(word);
                w++;
                continue;
            } else if (line.length() + 1 + word.length() <= maxChars) {
                line.append(' ').append(word);
                w++;
                continue;
            }
            if (lines.size() == maxLines - 1) {
                cut = true;
                break;
            }
            lines.add(line.toString());
            line.setLength(0);
        }
        if (line.length() > 0) {
            if (cut || lines.size() >= maxLines) {
                cut = true;
            }
            if (lines.size() < maxLines) {
                lines.add(line.toString());
            }
        }
        if (cut && !lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (last.length() + 1 > maxChars) {
                last = last.substring(0, Math.max(0, maxChars - 1));
            }
            lines.set(lines.size() - 1, last + ELLIPSIS);
        }
        return lines;
    }

    /** Whether {@link #wrap} would cut the text. */
    static boolean cuts(String text, int maxChars, int maxLines) {
        List<String> lines = wrap(text, maxChars, maxLines);
        return !lines.isEmpty() && lines.get(lines.size() - 1).endsWith(ELLIPSIS)
                && !text.trim().endsWith(ELLIPSIS);
    }
}
