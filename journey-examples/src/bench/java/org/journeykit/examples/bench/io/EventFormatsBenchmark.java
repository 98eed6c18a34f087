package org.journeykit.examples.bench.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.journeykit.io.events.EventCsv;
import org.journeykit.io.events.EventCsvReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.io.xes.Xes;
import org.journeykit.io.xes.XesReader;
import org.journeykit.observed.InteractionEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Event-log import (issue 16): 500,000 events read from a PM4Py-style CSV (case, activity, timestamp with offset,
 * resource, cost) and from the same log as XES, each by the library and by a plain parse of the same bytes in the
 * same run: Jackson's CSV parser reading every cell, and a StAX parser reading every attribute value, twice: the
 * JDK's own and Woodstox, the one journey-io reads XES with (so the XES ratio is the library's cost over its own
 * parser, and the JDK's row shows what the choice of parser gained). Targets: at least 500,000 events per second
 * (at most 1,000 ms per operation) and at most 1.5 times the plain parse. The events are in time order, eight per
 * case 37 seconds apart, as exports sorted by timestamp are: the CSV reader reads only the time of day of a
 * timestamp on the day and offset of the one before, so a log sorted by case across many days reads somewhat slower.
 *
 * <p>Run with {@code ./mvnw -B -q -Pbench -pl journey-examples -am verify -DskipTests -Dbench.args=EventFormats}
 * (the report prints the five scores and the ratios csvLibrary / csvBaselineJackson, xesLibrary / xesBaselineStax
 * and xesLibrary / xesBaselineWoodstox), or run {@link #main} of this class on the module's class path, which
 * prints the rates and ratios itself ({@code smoke} as argument for a one-second check).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class EventFormatsBenchmark {

    /** The number of events in each file. */
    public static final int EVENTS = 500_000;

    private static final String[] ACTIVITIES = {"register request", "examine casually", "examine thoroughly",
        "check ticket", "decide", "reinitiate request", "pay compensation", "reject request"};
    private static final String[] RESOURCES = {"Pete", "Mike", "Ellen", "Sue", "Sean", "Sara"};

    private final CsvFactory csv = CsvFactory.builder().build();
    private final XMLInputFactory stax = plainStax();
    private final XMLInputFactory woodstox = plainWoodstox();
    private byte[] csvFile = new byte[0];
    private byte[] xesFile = new byte[0];

    /** Creates the benchmark (JMH instantiates it). */
    public EventFormatsBenchmark() {
        // state is built in setUp
    }

    private static XMLInputFactory plainStax() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // the same safety settings as the library, so the comparison is of the reading, not of the features
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static XMLInputFactory plainWoodstox() {
        // The StAX implementation journey-io reads XES with (Woodstox), found by the javax.xml.stream service lookup
        // because journey-io brings it; checked, so that the comparison cannot silently fall back to the JDK's.
        XMLInputFactory factory = XMLInputFactory.newFactory();
        if (!factory.getClass().getName().startsWith("com.ctc.wstx.")) {
            throw new IllegalStateException("expected Woodstox's XMLInputFactory, found " + factory.getClass());
        }
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /**
     * Writes the CSV by hand and the XES with the library's writer, from the same events.
     *
     * @throws IOException never (in memory)
     */
    @Setup
    public void setUp() throws IOException {
        List<InteractionEvent> events = new ArrayList<>(EVENTS);
        StringBuilder text = new StringBuilder(EVENTS * 80);
        text.append("case:concept:name,concept:name,time:timestamp,org:resource,cost\n");
        Instant start = Instant.parse("2010-12-30T10:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            String customer = Integer.toString(i / 8);
            String activity = ACTIVITIES[i % ACTIVITIES.length];
            Instant time = start.plusSeconds(i * 37L);
            String resource = RESOURCES[i % RESOURCES.length];
            String cost = Integer.toString(50 + i % 400);
            String offsetTime = time.atOffset(java.time.ZoneOffset.ofHours(1)).toLocalDateTime().toString()
                    .replace('T', ' ');
            text.append(customer).append(',').append(activity).append(',').append(offsetTime.length() == 16
                    ? offsetTime + ":00" : offsetTime).append("+01:00,").append(resource).append(',').append(cost)
                    .append('\n');
            events.add(InteractionEvent.builder().customerId(customer).activity(activity).time(time)
                    .putAttribute("org:resource", resource).putAttribute("cost", cost).build());
        }
        csvFile = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(EVENTS * 300);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Xes.defaults().write(events, writer);
        }
        xesFile = out.toByteArray();
    }

    /**
     * The library reads every CSV row into an event (time parsing, checks, builders, line numbers).
     *
     * @return the number of events
     * @throws IOException never (in memory)
     */
    @Benchmark
    public long csvLibrary() throws IOException {
        try (EventCsvReader rows = EventCsv.pm4py().read(new ByteArrayInputStream(csvFile), OnError.FAIL_FAST)) {
            long count = 0;
            while (rows.hasNext()) {
                rows.next();
                count++;
            }
            return count;
        }
    }

    /**
     * Jackson's CSV parser over the same bytes: every cell read as a string, nothing built.
     *
     * @return a checksum of the cells
     * @throws IOException never (in memory)
     */
    @Benchmark
    public long csvBaselineJackson() throws IOException {
        long sum = 0;
        try (CsvParser parser = csv.createParser(new InputStreamReader(new ByteArrayInputStream(csvFile),
                StandardCharsets.UTF_8))) {
            parser.setSchema(CsvSchema.emptySchema());
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    sum += parser.getText().length();
                }
            }
        }
        return sum;
    }

    /**
     * The library reads every XES event (hardened StAX, limits, time parsing, checks, builders).
     *
     * @return the number of events
     * @throws IOException never (in memory)
     */
    @Benchmark
    public long xesLibrary() throws IOException {
        try (XesReader reader = Xes.defaults().read(new ByteArrayInputStream(xesFile))) {
            long count = 0;
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
            return count;
        }
    }

    /**
     * The JDK's StAX parser over the same bytes: every element, every attribute value read, nothing built.
     *
     * @return a checksum of the values
     * @throws XMLStreamException never (well-formed input)
     */
    @Benchmark
    public long xesBaselineStax() throws XMLStreamException {
        return plainRead(stax);
    }

    /**
     * Woodstox's StAX parser, the one the library uses, over the same bytes: every element, every attribute value
     * read, nothing built.
     *
     * @return a checksum of the values
     * @throws XMLStreamException never (well-formed input)
     */
    @Benchmark
    public long xesBaselineWoodstox() throws XMLStreamException {
        return plainRead(woodstox);
    }

    // Every element, every attribute value read, nothing built: the plain parse both StAX baselines time.
    private long plainRead(XMLInputFactory factory) throws XMLStreamException {
        long sum = 0;
        XMLStreamReader reader = factory.createXMLStreamReader(new InputStreamReader(
                new ByteArrayInputStream(xesFile), StandardCharsets.UTF_8));
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    sum += reader.getAttributeValue(i).length();
                }
            }
        }
        reader.close();
        return sum;
    }

    /**
     * Runs the five benchmarks (one fork; pass {@code smoke} for one short iteration each) and prints the events
     * per second and the ratios to the plain parses.
     *
     * @param args optionally {@code smoke}
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean smoke = args.length > 0 && "smoke".equals(args[0]);
        OptionsBuilder options = new OptionsBuilder();
        options.include(EventFormatsBenchmark.class.getName()).forks(1)
                .warmupIterations(smoke ? 1 : 3).warmupTime(TimeValue.seconds(smoke ? 1 : 3))
                .measurementIterations(smoke ? 1 : 5).measurementTime(TimeValue.seconds(smoke ? 1 : 3))
                .jvmArgsAppend("-Xmx2g", "-Xms1g");
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> ms = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            ms.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        for (String[] pair : new String[][] {{"csvLibrary", "csvBaselineJackson"}, {"xesLibrary", "xesBaselineStax"},
            {"xesLibrary", "xesBaselineWoodstox"}}) {
            Double library = ms.get(pair[0]);
            Double baseline = ms.get(pair[1]);
            if (library != null && baseline != null) {
                System.out.printf(Locale.ROOT, "%s: %.0f events/s (target >= 500000), / %s %.2f (target <= 1.5)%n",
                        pair[0], EVENTS / (library / 1000.0), pair[1], library / baseline);
            }
        }
    }
}
