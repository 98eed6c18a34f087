package org.journeykit.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The stream view shared by the streaming readers (CSV, JSON Lines, event CSV, XES). */
public final class ReaderStreams {

    private ReaderStreams() {}

    /**
     * The remaining records of a reader as a sequential, ordered stream of non-null elements; closing the stream
     * closes the reader.
     *
     * @param reader the reader, iterating its records, not null
     * @param <T> the record type
     * @param <R> the reader type
     * @return the stream, not null; its close handler throws {@link UncheckedIOException} if closing fails
     */
    public static <T, R extends Iterator<T> & Closeable> Stream<T> of(R reader) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
