package org.journeykit.examples.bench.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.journeykit.io.JourneyJson;
import org.journeykit.model.JourneyModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading and writing a large model (1,000 journeys of 50 touchpoints, about 27 MB of JSON) with
 * {@link JourneyJson} against plain Jackson databind reading and writing the same document as plain records
 * ({@link PlainDocument}). Target: the library at most 1.5 times the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JourneyDocumentBenchmark {

    private final JourneyJson json = JourneyJson.defaults();
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private JourneyModel model = IoData.model(1, 1);
    private PlainDocument plain = new PlainDocument(1, "", java.util.List.of(), java.util.List.of(),
            java.util.List.of());
    private byte[] document = new byte[0];

    /** Creates the benchmark (JMH instantiates it). */
    public JourneyDocumentBenchmark() {
        // state is built in setUp
    }

    /**
     * Builds the model, writes it and reads it as records once (which proves the records match the document).
     *
     * @throws IOException if the records do not match
     */
    @Setup
    public void setUp() throws IOException {
        model = IoData.model(1000, 50);
        document = json.write(model).getBytes(StandardCharsets.UTF_8);
        plain = mapper.readValue(document, PlainDocument.class);
    }

    /**
     * The library reads the document: tree, shape checks, builders, model-wide checks.
     *
     * @return the model
     */
    @Benchmark
    public JourneyModel libraryRead() {
        return json.read(new String(document, StandardCharsets.UTF_8));
    }

    /**
     * The library writes the document.
     *
     * @return the text
     */
    @Benchmark
    public String libraryWrite() {
        return json.write(model);
    }

    /**
     * Plain databind reads the same bytes into records.
     *
     * @return the records
     * @throws IOException never for this input
     */
    @Benchmark
    public PlainDocument baselineRead() throws IOException {
        return mapper.readValue(new String(document, StandardCharsets.UTF_8), PlainDocument.class);
    }

    /**
     * Plain databind writes the records.
     *
     * @return the text
     * @throws IOException never
     */
    @Benchmark
    public String baselineWrite() throws IOException {
        return mapper.writeValueAsString(plain);
    }
}
