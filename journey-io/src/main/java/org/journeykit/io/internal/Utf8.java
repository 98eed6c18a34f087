package org.journeykit.io.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 input for the line-by-line readers (JSON Lines, CSV) so that bytes that are not UTF-8 become a
 * problem of their line, not an exception that ends the import: each malformed sequence is decoded as the lone
 * surrogate {@link #MALFORMED}, which no valid UTF-8 input can produce. Inside a string the model's text check
 * refuses it ({@code RuleCode.INVALID_TEXT}); elsewhere the JSON or CSV parser finds the line malformed.
 */
public final class Utf8 {

    /** The character each malformed byte sequence is decoded as: a lone low surrogate. */
    public static final char MALFORMED = '\uDFFF';

    private Utf8() {}

    /**
     * A reader that decodes UTF-8, malformed sequences as {@link #MALFORMED}.
     *
     * @param in the bytes
     * @return the reader; closing it closes the stream
     */
    public static Reader reader(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(MALFORMED));
        return new InputStreamReader(in, decoder);
    }
}
