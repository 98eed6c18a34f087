package org.journeykit.io.internal.xml;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Passes characters through to the XML parser while measuring the longest run without a '{@code <}': a text node or
 * a tag with its attributes lies within one such run, so a parser never buffers a longer one (names, comments and
 * processing instructions included, which the parser's own limits do not all cover). Past the limit the read fails
 * with {@link Tripped}, before the parser has seen the characters of that read.
 *
 * <p>The scan compares each character once, with '{@code <}' only, so it costs little next to the parse; where the
 * run is, the parser's location says ({@link XmlIn}).
 */
final class LimitedReader extends Reader {

    /** The failure of a run beyond the limit. */
    static final class Tripped extends IOException {
        private static final long serialVersionUID = 1L;

        final int limit;

        Tripped(int limit) {
            super("a text run or tag longer than " + limit + " characters");
            this.limit = limit;
        }
    }

    private final Reader in;
    private final int maxRun;
    /** Characters passed on before the current read. */
    private long passed;
    /** The position of the last '<' passed on, -1 before the first. */
    private long lastOpen = -1;
    private @Nullable Tripped tripped;

    LimitedReader(Reader in, int maxRun) {
        this.in = in;
        this.maxRun = maxRun;
    }

    /** The failure, once a run was too long; null before. */
    @Nullable Tripped tripped() {
        return tripped;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (tripped != null) {
            throw tripped;
        }
        int count = in.read(buffer, offset, length);
        if (count <= 0) {
            return count;
        }
        // Positions are counted from the start of the input: the character at buffer[i] is at base + i.
        long base = passed - offset;
        long open = lastOpen;
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '<') {
                long at = base + i;
                if (at - open - 1 > maxRun) {
                    throw trip();
                }
                open = at;
            }
        }
        passed += count;
        lastOpen = open;
        if (passed - open - 1 > maxRun) {
            throw trip();
        }
        return count;
    }

    private Tripped trip() {
        tripped = new Tripped(maxRun);
        return tripped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
