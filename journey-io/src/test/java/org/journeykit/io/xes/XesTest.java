package org.journeykit.io.xes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.events.RunningExample;
import org.journeykit.io.xml.XmlLimits;
import org.journeykit.model.Ids;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class XesTest {

    private static final String DIR = "/org/journeykit/io/formats/";

    static List<InteractionEvent> read(String xes) {
        List<InteractionEvent> events = new ArrayList<>();
        Xes.defaults().read(new StringReader(xes)).forEachRemaining(events::add);
        return events;
    }

    static List<InteractionEvent> sample() {
        return List.of(
                InteractionEvent.builder().customerId("c<&\"'>1").time(Instant.parse("2026-03-01T09:31:00Z"))
                        .activity("order <form> & \"pay\"\ttab\nline\u0001").touchpointId("order-form")
                        .channelId("web").phaseId("purchase").agentId("a-7").outcome(Outcome.FAILED)
                        .duration(Duration.ofSeconds(90)).putAttribute("case:segment", "gold")
                        .putAttribute("reason", "price ]]> <x/>").build(),
                InteractionEvent.builder().customerId("c<&\"'>1").time(Instant.parse("2026-03-01T09:30:00Z"))
                        .touchpointId("landing").putAttribute("case:segment", "gold")
                        .putAttribute("lifecycle:transition", "start").build(),
                InteractionEvent.builder().customerId("c-2").time(Instant.parse("2026-03-02T10:00:00.5Z"))
                        .activity("visit").putAttribute("org:resource", "Sara Smith").build());
    }

    static String write(List<InteractionEvent> events) throws IOException {
        StringWriter out = new StringWriter();
        Xes.defaults().write(events, out);
        return out.toString();
    }

    @Test
    void runningExampleFromXesGivesTheSameVariantsAndGraphAsFromCsv() throws IOException {
        List<InteractionEvent> events = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(DIR + "running-example.xes");
                XesReader reader = Xes.defaults().read(in)) {
            reader.forEachRemaining(events::add);
            assertThat(reader.getTraceCount()).isEqualTo(6);
        }
        List<InteractionEvent> fromCsv = new ArrayList<>(RunningExample.fromCsv());

        assertThat(events).hasSize(42);
        assertThat(RunningExample.traces(events)).containsExactlyInAnyOrderEntriesOf(RunningExample.TRACES);
        assertThat(RunningExample.dfg(RunningExample.traces(events))).isEqualTo(RunningExample.DFG);
        assertThat(events).extracting(InteractionEvent::getCustomerId, InteractionEvent::getTime,
                InteractionEvent::getActivity).containsExactlyElementsOf(fromCsv.stream().map(e ->
                        org.assertj.core.groups.Tuple.tuple(e.getCustomerId(), e.getTime(), e.getActivity()))
                        .toList());
        // case 3 mod 3 = 0: the trace attribute is copied onto each event under case:
        assertThat(events.get(0).getAttributes()).containsEntry("case:priority", "0")
                .containsEntry("lifecycle:transition", "complete");
    }

    @Test
    void writtenEventsReadBackWithEveryField() throws IOException {
        List<InteractionEvent> events = sample();
        List<InteractionEvent> read = read(write(events));

        // Events come back per customer in time order; control characters XML cannot carry become U+FFFD; the
        // lifecycle transition every written event carries (the Lifecycle extension's global) comes back as an
        // attribute, "complete" where the event had none.
        InteractionEvent expected = InteractionEvent.builder().from(events.get(0))
                .activity("order <form> & \"pay\"\ttab\nline\uFFFD").putAttribute("lifecycle:transition", "complete")
                .build();
        InteractionEvent visit = InteractionEvent.builder().from(events.get(2))
                .putAttribute("lifecycle:transition", "complete").build();
        assertThat(read).containsExactly(events.get(1), expected, visit);
    }

    @Test
    void actualJourneysAreWrittenOneTracePerJourney() throws IOException {
        org.journeykit.metrics.journeys.actual.ActualJourneyBuilder builder =
                org.journeykit.metrics.journeys.actual.ActualJourneyBuilder.create(
                        org.journeykit.metrics.journeys.actual.EventMapping.by(
                                org.journeykit.metrics.journeys.actual.EventMapping.Source.ACTIVITY),
                        Duration.ofDays(30));
        RunningExample.fromCsv().forEach(builder::add);
        // c-9 has two journeys 60 days apart: the second trace is named c-9#2
        builder.add(InteractionEvent.builder().customerId("c-9").time(Instant.parse("2026-01-01T00:00:00Z"))
                .activity("visit").outcome(Outcome.COMPLETED).duration(Duration.ofMinutes(3)).build());
        builder.add(InteractionEvent.builder().customerId("c-9").time(Instant.parse("2026-03-02T00:00:00Z"))
                .activity("visit").build());
        StringWriter out = new StringWriter();
        Xes.defaults().write(builder.result(), out);
        List<InteractionEvent> read = read(out.toString());

        assertThat(read).hasSize(44);
        assertThat(RunningExample.traces(read.subList(0, 42))).containsExactlyInAnyOrderEntriesOf(
                RunningExample.TRACES);
        assertThat(read.subList(42, 44)).extracting(InteractionEvent::getCustomerId).containsExactly("c-9", "c-9#2");
        assertThat(read.get(42).getOutcome()).contains(Outcome.COMPLETED);
        assertThat(read.get(42).getDuration()).contains(Duration.ofMinutes(3));
        assertThat(read.get(43).getAttributes()).containsEntry("case:journey:customer", "c-9");
    }

    @Test
    void theWriterMatchesItsGoldenFile() throws IOException {
        org.journeykit.io.events.Golden.assertMatches("sample.golden.xes", write(sample()));
    }

    /**
     * The IEEE 1849 XSD cannot be downloaded here and no copy with a stated source was found, so the structure the
     * standard prescribes is checked by XPath over a standard DOM parse instead.
     */
    @Test
    void theWrittenLogHasTheStructureTheStandardPrescribes() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                write(sample()).getBytes(StandardCharsets.UTF_8)));
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();

        assertThat(xpath.evaluate("/log/@xes.version", document)).isEqualTo("1849-2016");
        assertThat(document.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.xes-standard.org/");
        assertThat(((NodeList) xpath.evaluate("/log/extension/@name", document, XPathConstants.NODESET))
                .getLength()).isEqualTo(4);
        for (String name : List.of("Concept", "Time", "Lifecycle", "Organizational")) {
            assertThat(xpath.evaluate("count(/log/extension[@name='" + name + "' and @prefix and @uri])",
                    document)).isEqualTo("1");
        }
        assertThat(xpath.evaluate("/log/classifier[@name='Activity']/@keys", document)).isEqualTo("concept:name");
        // The order of the log's children: extensions, globals, classifiers, attributes, traces.
        NodeList children = (NodeList) xpath.evaluate("/log/*", document, XPathConstants.NODESET);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            String name = children.item(i).getNodeName();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(name)) {
                order.add(name);
            }
        }
        assertThat(order).containsExactly("extension", "global", "classifier", "string", "trace");
        assertThat(xpath.evaluate("count(/log/trace)", document)).isEqualTo("2");
        assertThat(xpath.evaluate("count(/log/trace[not(string[@key='concept:name'])])", document)).isEqualTo("0");
        assertThat(xpath.evaluate("count(//event[not(date[@key='time:timestamp'])])", document)).isEqualTo("0");
        assertThat(xpath.evaluate("count(//event[not(string[@key='concept:name'])])", document)).isEqualTo("0");
        // Only the attribute element names the standard defines, each with key and value.
        assertThat(xpath.evaluate("count(//event/*[not(self::string or self::date or self::int or self::float or "
                + "self::boolean or self::id)])", document)).isEqualTo("0");
        assertThat(xpath.evaluate("count(//*[(self::string or self::date) and (not(@key) or not(@value))])",
                document)).isEqualTo("0");
        assertThat(xpath.evaluate("/log/trace[1]/event[1]/date/@value", document)).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(xpath.evaluate("/log/trace[1]/string[@key='concept:name']/@value", document))
                .isEqualTo("c<&\"'>1");
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() {
        String billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
                + "<log><trace><string key=\"concept:name\" value=\"&lol3;\"/></trace></log>";
        assertRefused(billionLaughs, RuleCode.MALFORMED);
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<log><trace><string key=\"concept:name\" value=\"&x;\"/></trace></log>";
        assertRefused(xxe, RuleCode.MALFORMED);
        String undeclared = "<log><trace><string key=\"concept:name\" value=\"&x;\"/></trace></log>";
        assertRefused(undeclared, RuleCode.MALFORMED);
    }

    @Test
    void tenThousandLevelsAreRefusedAtTheDepthLimit() {
        String deep = "<log>" + "<trace>".repeat(10_000) + "</trace>".repeat(10_000) + "</log>";
        JourneyReadException e = assertRefused(deep, RuleCode.LIMIT);
        assertThat(e.getProblems().get(0).getRule()).contains("32 levels");
    }

    @Test
    void aHundredMegabyteTextNodeIsRefusedWithoutReadingIt() {
        long size = 100L * 1024 * 1024;
        InputStream head = new ByteArrayInputStream("<log><trace>".getBytes(StandardCharsets.US_ASCII));
        InputStream text = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> Xes.defaults().read(new SequenceInputStream(head, text)).hasNext())
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0))
                        .extracting(ReadProblem::getCode, ReadProblem::getLine).containsExactly(RuleCode.LIMIT, 1L));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theElementCountIsLimited() {
        String many = "<log>" + "<x/>".repeat(200) + "</log>";
        assertThatThrownBy(() -> Xes.defaults().withLimits(XmlLimits.defaults().withMaxElements(100))
                .read(new StringReader(many)).hasNext()).isInstanceOfSatisfying(JourneyReadException.class,
                        e -> assertThat(e.getProblems().get(0).getCode()).isEqualTo(RuleCode.LIMIT));
    }

    @Test
    void badEventsAreRefusedWithLineColumnAndRule() {
        String noTime = "<log>\n<trace>\n<string key=\"concept:name\" value=\"c-1\"/>\n<event>\n"
                + "<string key=\"concept:name\" value=\"visit\"/>\n</event>\n</trace>\n</log>";
        JourneyReadException e = assertRefused(noTime, RuleCode.REQUIRED);
        assertThat(e.getProblems().get(0)).extracting(ReadProblem::getPointer, ReadProblem::getLine)
                .containsExactly("/event", 4L);
        String badDate = "<log>\n<trace>\n<string key=\"concept:name\" value=\"c-1\"/>\n<event>\n"
                + "<date key=\"time:timestamp\" value=\"2010-12-30 14:32\"/>\n</event>\n</trace>\n</log>";
        assertThat(assertRefused(badDate, RuleCode.FORMAT).getProblems().get(0).getLine()).isEqualTo(5L);
        String notXes = "<journal/>";
        assertRefused(notXes, RuleCode.MALFORMED);
        assertRefused("<log><trace>", RuleCode.MALFORMED);
    }

    @Test
    void anUndeclaredEntityInTextIsRefused() {
        // Without a DTD nothing can be declared: only the five predefined entities and character references pass.
        assertRefused("<log><trace>a&x;b</trace></log>", RuleCode.MALFORMED);
        assertThat(read("<log><trace><string key=\"concept:name\" value=\"a&amp;b&#33;\"/><event>"
                + "<date key=\"time:timestamp\" value=\"2010-12-30T14:32:00Z\"/>"
                + "<string key=\"concept:name\" value=\"x\"/></event></trace></log>"))
                .extracting(InteractionEvent::getCustomerId).containsExactly("a&b!");
    }

    @Test
    void aTextRunUpToTheLimitIsReadAndOneCharacterMoreIsRefused() {
        // The run after the last '<' of "<log>0123456789</log>" is "log>0123456789": 4 + 10 = 14 characters.
        String xml = "<log>0123456789</log>";
        assertThat(readWithTextLimit(xml, 14, Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> readWithTextLimit(xml, 13, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0))
                        .extracting(ReadProblem::getCode).isEqualTo(RuleCode.LIMIT));
    }

    @Test
    void theRunLimitHoldsAcrossReadsOfOneCharacter() {
        // The same document delivered one character per read: the run is measured across the reads.
        String xml = "<log>0123456789</log>";
        assertThat(readWithTextLimit(xml, 14, 1)).isEmpty();
        assertThatThrownBy(() -> readWithTextLimit(xml, 13, 1)).isInstanceOf(JourneyReadException.class);
    }

    @Test
    void aLongElementNameIsRefusedAtTheTextLimit() {
        // Names are not text nodes: the parser's own text limit does not see them, the run limit does.
        String xml = "<log><" + "n".repeat(2_000) + "/></log>";
        assertThatThrownBy(() -> readWithTextLimit(xml, 1_000, Integer.MAX_VALUE))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0))
                        .extracting(ReadProblem::getCode, ReadProblem::getLine).containsExactly(RuleCode.LIMIT, 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A-7", "9", "pete", "r.1_x:y-z", "-a", ".a", "_", ":a", "a b", "a/b", "é",
        "aé", "", " a", "a ", "Ellen", "case:concept:name"})
    void anIdIsWhatTheIdPatternSays(String text) {
        assertThat(XesReader.isId(text)).isEqualTo(text.matches(Ids.PATTERN));
    }

    @Test
    void idsOfEveryLengthAndCharacterAgreeWithThePattern() {
        // Every character below U+0100 in the first, a middle and the last place, and the lengths around the limit.
        for (char c = 0; c < 0x100; c++) {
            for (String text : List.of(c + "a", "a" + c + "b", "ab" + c)) {
                assertThat(XesReader.isId(text)).as("%s", text).isEqualTo(text.matches(Ids.PATTERN));
            }
        }
        for (int length : new int[] {127, 128, 129}) {
            String text = "a".repeat(length);
            assertThat(XesReader.isId(text)).as("length %d", length).isEqualTo(text.matches(Ids.PATTERN));
        }
    }

    @Test
    void anOrgResourceThatIsNoIdIsKeptAsAnAttribute() {
        String xml = "<log><trace><string key=\"concept:name\" value=\"c-1\"/><event>"
                + "<date key=\"time:timestamp\" value=\"2010-12-30T14:32:00+01:00\"/>"
                + "<string key=\"concept:name\" value=\"decide\"/>"
                + "<string key=\"org:resource\" value=\"Sara Jones\"/></event><event>"
                + "<date key=\"time:timestamp\" value=\"2010-12-30T14:33:00+01:00\"/>"
                + "<string key=\"concept:name\" value=\"pay\"/>"
                + "<string key=\"org:resource\" value=\"Sara\"/></event></trace></log>";
        List<InteractionEvent> events = read(xml);
        assertThat(events.get(0).getAgentId()).isEmpty();
        assertThat(events.get(0).getAttributes()).containsEntry("org:resource", "Sara Jones");
        assertThat(events.get(1).getAgentId()).contains("Sara");
        assertThat(events.get(1).getTime()).isEqualTo(Instant.parse("2010-12-30T13:33:00Z"));
    }

    @Test
    void aDateWithoutOffsetIsReadInTheZoneAndRefusedWithoutOne() {
        String xml = "<log><trace><string key=\"concept:name\" value=\"c-1\"/><event>"
                + "<date key=\"time:timestamp\" value=\"2010-12-30T14:32:00\"/>"
                + "<string key=\"concept:name\" value=\"decide\"/></event></trace></log>";
        List<InteractionEvent> events = new ArrayList<>();
        Xes.defaults().withZone(ZoneId.of("Europe/Amsterdam")).read(new StringReader(xml))
                .forEachRemaining(events::add);
        // Amsterdam is UTC+1 in December: 14:32 local is 13:32 UTC.
        assertThat(events).extracting(InteractionEvent::getTime).containsExactly(Instant.parse("2010-12-30T13:32:00Z"));
        assertRefused(xml, RuleCode.FORMAT);
    }

    private static List<InteractionEvent> readWithTextLimit(String xml, int limit, int charsPerRead) {
        Reader in = new FilterReader(new StringReader(xml)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, charsPerRead));
            }
        };
        List<InteractionEvent> events = new ArrayList<>();
        Xes.defaults().withLimits(XmlLimits.defaults().withMaxTextLength(limit)).read(in)
                .forEachRemaining(events::add);
        return events;
    }

    private static JourneyReadException assertRefused(String xml, RuleCode code) {
        try {
            read(xml);
        } catch (JourneyReadException e) {
            assertThat(e.getProblems()).extracting(ReadProblem::getCode).first().isEqualTo(code);
            return e;
        }
        throw new AssertionError("not refused: " + xml.substring(0, Math.min(80, xml.length())));
    }
}
