package org.journeykit.io.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static final String EVENTS = ""
            + "{\"customerId\":\"c-1\",\"time\":\"2026-03-01T09:30:00Z\",\"touchpointId\":\"checkout\","
            + "\"outcome\":\"abandoned\",\"duration\":\"PT4M30S\",\"attributes\":{\"reason\":\"price\"}}\n"
            + "\n"
            + "{\"customerId\":\"c-2\",\"time\":\"2026-03-01T10:30:00+01:00\"}\n"
            + "{\"customerId\":\"c-3\",\"time\":\"yesterday\",\"touchpointId\":\"pay\"}\r\n"
            + "{\"customerId\":\"c-4\",\"time\":\"2026-03-02T08:00:00Z\",\"activity\":\"login\"}\n"
            + "not json\n";

    @Test
    void skipAndReportReadsOnAndRecordsEveryBadLine() throws IOException {
        try (JsonLinesReader<InteractionEvent> reader =
                JsonLines.defaults().readEvents(new StringReader(EVENTS), OnError.SKIP_AND_REPORT)) {
            List<InteractionEvent> events = reader.stream().collect(Collectors.toList());
            assertThat(events).extracting(InteractionEvent::getCustomerId).containsExactly("c-1", "c-4");
            assertThat(events.get(0).getOutcome()).contains(Outcome.ABANDONED);
            assertThat(events.get(0).getDuration()).contains(Duration.ofSeconds(270));
            assertThat(events.get(0).getAttributes()).containsEntry("reason", "price");
            ImportReport report = reader.getReport();
            assertThat(report.getLines()).isEqualTo(6);
            assertThat(report.getRecords()).isEqualTo(2);
            assertThat(report.getBlankLines()).isEqualTo(1);
            assertThat(report.getSkippedCount()).isEqualTo(3);
            assertThat(report.getSkipped()).extracting(SkippedLine::getLineNumber).containsExactly(3L, 4L, 6L);
            assertThat(report.getSkipped().get(0).getProblems()).extracting(ReadProblem::getPointer)
                    .containsExactly("/touchpointId");
            assertThat(report.getSkipped().get(1).getProblems()).singleElement().satisfies(p -> {
                assertThat(p.getPointer()).isEqualTo("/time");
                assertThat(p.getLine()).isEqualTo(4);
                assertThat(p.getValue()).contains("yesterday");
            });
            assertThat(report.getSkipped().get(2).getProblems().get(0).getRule()).startsWith("must be well-formed");
        }
    }

    @Test
    void unknownFieldsArePassedOverWhenAllowedAndReadOnTheStreamingPath() throws IOException {
        // A source system's extra fields: before, between and after the known ones, with any kind of value.
        String lines = "{\"source\":\"crm\",\"customerId\":\"c-1\",\"time\":\"2026-03-01T09:30:00Z\","
                + "\"extra\":{\"a\":[1,{\"b\":null}]},\"touchpointId\":\"checkout\",\"score\":3.5}\n"
                + "{\"customerId\":\"c-2\",\"flag\":true,\"time\":\"2026-03-01T10:00:00Z\",\"activity\":\"login\"}\n";
        try (JsonLinesReader<InteractionEvent> reader = JsonLines.defaults().allowingUnknownFields()
                .readEvents(new StringReader(lines), OnError.FAIL_FAST)) {
            assertThat(reader.stream().collect(Collectors.toList())).containsExactly(
                    InteractionEvent.of("c-1", Instant.parse("2026-03-01T09:30:00Z"), "checkout"),
                    InteractionEvent.builder().customerId("c-2").time(Instant.parse("2026-03-01T10:00:00Z"))
                            .activity("login").build());
            assertThat(reader.linesInLineMode()).isZero();
        }
        assertThatThrownBy(() -> {
            try (JsonLinesReader<InteractionEvent> reader =
                    JsonLines.defaults().readEvents(new StringReader(lines), OnError.FAIL_FAST)) {
                reader.forEachRemaining(event -> { });
            }
        }).isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                .extracting(ReadProblem::getPointer, ReadProblem::getLine)
                .containsExactly(tuple("/source", 1L),
                        tuple("/extra", 1L),
                        tuple("/score", 1L)));
    }

    @Test
    void failFastStopsAtTheFirstBadLineAndNamesIt() {
        JsonLinesReader<InteractionEvent> reader =
                JsonLines.defaults().readEvents(new StringReader(EVENTS), OnError.FAIL_FAST);
        assertThat(reader.next().getCustomerId()).isEqualTo("c-1");
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(JourneyReadException.class, e -> {
            assertThat(e.getMessage()).startsWith("1 problem reading an interaction event on line 3:");
            assertThat(e.getProblems()).singleElement().satisfies(p -> assertThat(p.getLine()).isEqualTo(3));
        });
    }

    @Test
    void surveysDefaultTheirScaleForNpsAndCsatButNotForCes() throws IOException {
        String lines = "{\"kind\":\"nps\",\"score\":9,\"time\":\"2026-03-01T09:35:00Z\",\"agentId\":\"agent-7\"}\n"
                + "{\"kind\":\"ces\",\"score\":5,\"time\":\"2026-03-01T09:35:00Z\"}\n"
                + "{\"kind\":\"csat\",\"score\":6,\"time\":\"2026-03-01T09:35:00Z\"}\n";
        try (JsonLinesReader<SurveyResponse> reader =
                JsonLines.defaults().readSurveys(new StringReader(lines), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().map(SurveyResponse::getScore)).containsExactly(9);
            assertThat(reader.getReport().getSkipped()).extracting(s -> s.getProblems().get(0).toString())
                    .containsExactly(
                            "/scale (line 2, column 1): is required for a ces response: state the answer scale, "
                                    + "such as {\"min\":1,\"max\":7}",
                            "/score (line 3, column 24): must lie on the scale 1-5 (was '6')");
        }
    }

    @Test
    void writtenLinesReadBackToEqualRecords() throws IOException {
        List<InteractionEvent> events = List.of(
                InteractionEvent.builder().customerId("c-1").time(Instant.parse("2026-03-01T09:30:00Z"))
                        .touchpointId("checkout").outcome(Outcome.FAILED).duration(Duration.ofMinutes(3))
                        .putAttribute("reason", "card \"declined\"").build(),
                InteractionEvent.builder().customerId("c-2").time(Instant.parse("2026-03-01T09:31:00.123Z"))
                        .activity("login").build());
        StringWriter out = new StringWriter();
        JsonLines.defaults().writeEvents(events, out);
        assertThat(out.toString()).hasLineCount(2);
        try (JsonLinesReader<InteractionEvent> reader =
                JsonLines.defaults().readEvents(new StringReader(out.toString()), OnError.FAIL_FAST)) {
            assertThat(reader.stream()).containsExactlyElementsOf(events);
        }
        List<SurveyResponse> answers = List.of(SurveyResponse.builder().kind(SurveyKind.CES)
                .scale(SurveyScale.ONE_TO_SEVEN).score(6).time(Instant.parse("2026-01-01T00:00:00Z"))
                .comment("Easy").build());
        StringWriter surveys = new StringWriter();
        JsonLines.defaults().writeSurveys(answers, surveys);
        try (JsonLinesReader<SurveyResponse> reader =
                JsonLines.defaults().readSurveys(new StringReader(surveys.toString()), OnError.FAIL_FAST)) {
            assertThat(reader.stream()).containsExactlyElementsOf(answers);
        }
    }

    @Test
    void aLineOverTheLimitIsAProblemOfThatLine() throws IOException {
        String line = "{\"customerId\":\"" + "x".repeat(JsonLines.MAX_LINE_LENGTH) + "\"}\n";
        try (JsonLinesReader<InteractionEvent> reader =
                JsonLines.defaults().readEvents(new StringReader(line + line), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.getReport().getSkipped()).extracting(SkippedLine::getLineNumber)
                    .containsExactly(1L, 2L);
            assertThat(reader.getReport().getSkipped().get(0).getProblems().get(0).getRule())
                    .isEqualTo("must be at most 1048576 characters long");
        }
    }
}
