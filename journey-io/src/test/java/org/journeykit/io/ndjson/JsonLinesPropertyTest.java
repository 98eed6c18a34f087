package org.journeykit.io.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.io.ReadLimits;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Lines reader against inputs built line by line, where the test knows what each line is: a valid record
 * (with its event, its fields in any order), a blank line, or a bad line. The reader must return exactly the valid
 * records, in order, and report exactly the bad lines by number, whatever mixes them and however the input arrives
 * in pieces.
 */
class JsonLinesPropertyTest {

    private static final int LIMIT = 400;
    private static final JsonLines LINES = JsonLines.defaults()
            .withLimits(ReadLimits.defaults().withMaxDocumentLength(LIMIT));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    /** What a generated input must read as. */
    private static final class Expected {
        final StringBuilder text = new StringBuilder();
        final List<InteractionEvent> events = new ArrayList<>();
        final List<Long> badLines = new ArrayList<>();
        long blankLines;
        long lines;

        void valid(String line, InteractionEvent event, String end) {
            text.append(line).append(end);
            events.add(event);
            lines++;
        }

        void blank(String line, String end) {
            text.append(line).append(end);
            blankLines++;
            lines++;
        }

        void bad(String line, String end) {
            text.append(line).append(end);
            lines++;
            badLines.add(lines);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void readsExactlyTheValidLinesAndReportsEveryOtherLineByNumber(long seed) throws IOException {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        Expected expected = generate(random, 300);
        String text = expected.text.toString();
        if (random.nextBoolean() && text.endsWith("\n") && !expected.badLines.contains(expected.lines)) {
            // A last line without its line end is still a line.
            text = text.substring(0, text.length() - 1);
        }
        int maxPiece = random.nextBoolean() ? 1 + random.nextInt(40) : 100_000;
        try (JsonLinesReader<InteractionEvent> reader = LINES.readEvents(
                new Pieces(new StringReader(text), random, maxPiece), OnError.SKIP_AND_REPORT)) {
            List<InteractionEvent> events = new ArrayList<>();
            reader.forEachRemaining(events::add);
            ImportReport report = reader.getReport();
            String why = "seed " + seed + ", pieces of at most " + maxPiece + " characters";
            assertThat(events).as(why).containsExactlyElementsOf(expected.events);
            assertThat(report.getSkipped()).as(why).extracting(SkippedLine::getLineNumber)
                    .containsExactlyElementsOf(expected.badLines);
            assertThat(report.getBlankLines()).as(why).isEqualTo(expected.blankLines);
            assertThat(report.getLines()).as(why).isEqualTo(expected.lines);
            assertThat(report.getRecords()).as(why).isEqualTo(expected.events.size());
        }
    }

    @Test
    void aLineLongerThanTheBufferIsReadWholeAndOneOverTheLimitIsSkippedWithoutLosingTheNext() throws IOException {
        InteractionEvent first = event(1);
        InteractionEvent second = event(2);
        int limit = JsonLines.MAX_LINE_LENGTH;
        String longButAllowed = line(first) + " ".repeat(100_000);
        String tooLong = line(first) + " ".repeat(limit);
        String text = longButAllowed + "\n" + tooLong + "\n" + line(second) + "\n";
        try (JsonLinesReader<InteractionEvent> reader =
                JsonLines.defaults().readEvents(new StringReader(text), OnError.SKIP_AND_REPORT)) {
            List<InteractionEvent> events = new ArrayList<>();
            reader.forEachRemaining(events::add);
            assertThat(events).containsExactly(first, second);
            assertThat(reader.getReport().getSkipped()).singleElement().satisfies(skipped -> {
                assertThat(skipped.getLineNumber()).isEqualTo(2);
                assertThat(skipped.getProblems().get(0).getRule()).isEqualTo("must be at most 1048576 characters long");
            });
        }
    }

    @Test
    void validLinesAreReadByTheStreamingParserAndOnlyTheLinesAroundABadOneOneByOne() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            text.append(i % 10 == 0 ? "  \t" : "").append(line(event(i))).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        try (JsonLinesReader<InteractionEvent> reader =
                LINES.readEvents(new StringReader(text.toString()), OnError.FAIL_FAST)) {
            reader.forEachRemaining(event -> { });
            assertThat(reader.getReport().getRecords()).isEqualTo(1_000);
            // Only the end of the input (nothing after the last line end) is looked at in line mode.
            assertThat(reader.linesInLineMode()).isZero();
        }
        String withBadLine = text.toString().replace(line(event(500)), "{\"customerId\":");
        try (JsonLinesReader<InteractionEvent> reader =
                LINES.readEvents(new StringReader(withBadLine), OnError.SKIP_AND_REPORT)) {
            reader.forEachRemaining(event -> { });
            assertThat(reader.getReport().getRecords()).isEqualTo(999);
            // The bad line, and at most the line after it that the parser had started on, are read one by one.
            assertThat(reader.linesInLineMode()).isBetween(1L, 2L);
        }
    }

    private static Expected generate(RandomGenerator random, int count) throws IOException {
        Expected expected = new Expected();
        for (int i = 0; i < count; i++) {
            String end = random.nextInt(5) == 0 ? "\r\n" : "\n";
            InteractionEvent event = event(random.nextLong(1_000_000));
            String line = line(event);
            switch (random.nextInt(18)) {
                case 0:
                    expected.blank(blank(random), end);
                    break;
                case 1:
                    expected.valid(blank(random) + line + blank(random), event, end);
                    break;
                case 2:
                    // A lone carriage return is whitespace inside a line, not a line break.
                    expected.valid(" \r " + line, event, end);
                    break;
                case 3:
                    expected.valid(line.replaceFirst("\\{", "{\"agentId\":null,"), event, end);
                    break;
                case 4:
                    expected.bad(line.substring(0, line.length() / 2), end);
                    break;
                case 5:
                    expected.bad(line + " " + line, end);
                    break;
                case 6:
                    expected.bad(line + "\r" + line, end);
                    break;
                case 7:
                    // One record over two lines: both lines are bad.
                    int cut = line.indexOf(",\"time\"") + 1;
                    expected.bad(line.substring(0, cut), end);
                    expected.bad(line.substring(cut), end);
                    break;
                case 8:
                    expected.bad(line.replaceFirst("\\{", "{\"customerId\":\"twice\","), end);
                    break;
                case 9:
                    expected.bad(line.replaceFirst("\\{", "{\"colour\":\"red\","), end);
                    break;
                case 10:
                    expected.bad(line.replace("Z\"", "\"").replace("\"time\":\"", "\"time\":\"not "), end);
                    break;
                case 11:
                    expected.bad("42", end);
                    break;
                case 12:
                    expected.bad(line + " ".repeat(LIMIT + 1 - line.length() + random.nextInt(3)), end);
                    break;
                case 13:
                    expected.bad("{\"customerId\":7,\"time\":\"2026-03-01T09:00:00Z\",\"activity\":\"x\"}", end);
                    break;
                case 14:
                case 15:
                    // The order of the fields is free, and may change from line to line.
                    expected.valid(shuffled(line, random), event, end);
                    break;
                default:
                    expected.valid(line, event, end);
            }
        }
        return expected;
    }

    private static String shuffled(String line, RandomGenerator random) throws IOException {
        Map<String, Object> fields = JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
        List<String> names = new ArrayList<>(fields.keySet());
        for (int i = names.size() - 1; i > 0; i--) {
            Collections.swap(names, i, random.nextInt(i + 1));
        }
        Map<String, Object> reordered = new LinkedHashMap<>();
        names.forEach(name -> reordered.put(name, fields.get(name)));
        return JSON.writeValueAsString(reordered);
    }

    private static String blank(RandomGenerator random) {
        String[] blanks = {"", " ", "\t", "  \t "};
        return blanks[random.nextInt(blanks.length)];
    }

    private static InteractionEvent event(long i) {
        InteractionEvent.Builder event = InteractionEvent.builder().customerId("customer-" + i % 1000)
                .time(START.plusMillis(i * 1_001)).touchpointId("touchpoint-" + i % 7);
        if (i % 3 == 0) {
            event.outcome(Outcome.values()[(int) (i % Outcome.values().length)]).duration(Duration.ofSeconds(i % 600));
        }
        if (i % 5 == 0) {
            event.putAttribute("reason", "r" + i % 4);
        }
        return event.build();
    }

    private static String line(InteractionEvent event) throws IOException {
        StringWriter out = new StringWriter();
        LINES.writeEvents(List.of(event), out);
        String text = out.toString();
        return text.substring(0, text.length() - 1);
    }

    /** Hands the input over in pieces of random size, as a network stream does. */
    private static final class Pieces extends FilterReader {
        private final RandomGenerator random;
        private final int maxPiece;

        Pieces(Reader in, RandomGenerator random, int maxPiece) {
            super(in);
            this.random = random;
            this.maxPiece = maxPiece;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            return super.read(target, offset, Math.min(length, 1 + random.nextInt(maxPiece)));
        }
    }
}
