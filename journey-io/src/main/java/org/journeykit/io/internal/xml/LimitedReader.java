package org.journeykit.io.internal.xml;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Passes characters through to the XML parser while measuring the longest run without a '{@code <}': a text node or
 * a tag with its attributes lies within one such run, so a parser never buffers a longer one. Past the limit the
 * read fails with {@link Tripped}, before the parser has seen the characters.
 */
final class LimitedReader extends Reader {

    /** The failure of a run beyond the limit; carries where it happened. */
    static final class Tripped extends IOException {
        private static final long serialVersionUID = 1L;

        final long line;
        final long column;
        final int limit;

        Tripped(long line, long column, int limit) {
            super("a text run or tag longer than " + limit + " characters");
            this.line = line;
            this.column = column;
            this.limit = limit;
        }
    }

    private final Reader in;
    private final int maxRun;
    private long run;
    private long line = 1;
    private long column;
    private long runLine = 1;
    private long runColumn = 1;
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
        long r = run;
        long l = line;
        long c = column;
        for (int i = offset; i < offset + count; i++) {
            char ch = buffer[i];
            if (ch == '\n') {
                l++;
                c = 0;
            } else {
                c++;
            }
            if (ch == '<') {
                r = 0;
                runLine = l;
                runColumn = c;
            } else if (++r > maxRun) {
                tripped = new Tripped(runLine, runColumn, maxRun);
                throw tripped;
            }
        }
        run = r;
        line = l;
        column = c;
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
