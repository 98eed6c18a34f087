package org.journeykit.examples.bench.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.InteractionEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading 1,000,000 interaction events from JSON Lines with the library
 * against a raw Jackson streaming parse of the same bytes that touches every value and builds nothing. Targets: at
 * least 1 million events per second per core (this benchmark is single-threaded), and at most 1.5 times the raw
 * parse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JsonLinesEventsBenchmark {

    /** The number of events in the file. */
    public static final int EVENTS = 1_000_000;

    private final JsonFactory factory = new JsonFactory();
    private byte[] file = new byte[0];

    /** Creates the benchmark (JMH instantiates it). */
    public JsonLinesEventsBenchmark() {
        // state is built in setUp
    }

    /**
     * Writes the events with the library's writer.
     *
     * @throws IOException never (in memory)
     */
    @Setup
    public void setUp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(EVENTS * 160);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            JsonLines.defaults().writeEvents(() -> LongStream.range(0, EVENTS).mapToObj(IoData::event).iterator(),
                    writer);
        }
        file = out.toByteArray();
    }

    /**
     * The library reads every event (checks, builders, line numbers), fail-fast mode.
     *
     * @return the number of events
     * @throws IOException never (in memory)
     */
    @Benchmark
    public long libraryRead() throws IOException {
        try (JsonLinesReader<InteractionEvent> events = JsonLines.defaults().readEvents(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8), OnError.FAIL_FAST)) {
            long count = 0;
            while (events.hasNext()) {
                events.next();
                count++;
            }
            return count;
        }
    }

    /**
     * Raw Jackson streaming parse of the same bytes: every token, every string value read, no objects built.
     *
     * @return a checksum of the values, so nothing is optimised away
     * @throws IOException never (in memory)
     */
    @Benchmark
    public long baselineStreamingParse() throws IOException {
        long sum = 0;
        try (JsonParser parser = factory.createParser(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    sum += parser.getText().length();
                }
            }
        }
        return sum;
    }
}
