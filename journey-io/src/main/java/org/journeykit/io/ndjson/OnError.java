package org.journeykit.io.ndjson;

/** What a {@link JsonLinesReader} does with a line it cannot read. */
public enum OnError {
    /** Throw a {@link org.journeykit.io.JourneyReadException} naming the line; nothing after it is read. */
    FAIL_FAST,
    /** Skip the line, record it with its problems in the {@link ImportReport}, and read on. */
    SKIP_AND_REPORT
}
