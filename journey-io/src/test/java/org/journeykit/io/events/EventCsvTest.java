package org.journeykit.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCsvTest {

    static List<InteractionEvent> runningExampleFromCsv() throws IOException {
        try (InputStream in = EventCsvTest.class.getResourceAsStream("/org/journeykit/io/formats/"
                + "process-running-example.csv"); EventCsvReader rows = EventCsv.pm4py().read(in, OnError.FAIL_FAST)) {
            List<InteractionEvent> events = new ArrayList<>();
            rows.forEachRemaining(events::add);
            assertThat(rows.getReport().getRecords()).isEqualTo(42);
            return events;
        }
    }

    @Test
    void runningExampleGivesTheHandCountedVariantsAndDirectlyFollowsGraph() throws IOException {
        List<InteractionEvent> events = runningExampleFromCsv();

        assertThat(events).hasSize(42);
        assertThat(RunningExample.traces(events)).containsExactlyInAnyOrderEntriesOf(RunningExample.TRACES);
        assertThat(RunningExample.dfg(RunningExample.traces(events))).isEqualTo(RunningExample.DFG);
        // 2010-12-30 11:02:00+01:00 is 10:02 UTC
        assertThat(events).filteredOn(e -> e.getCustomerId().equals("1")).first()
                .extracting(InteractionEvent::getTime).isEqualTo(Instant.parse("2010-12-30T10:02:00Z"));
    }

    @Test
    void otherColumnsBecomeAttributesAndMappedColumnsFields() {
        String csv = "customer,when,step,channel,outcome,duration,cost,org:resource\n"
                + "c-1,2026-03-01T09:30:00Z,order-form,web,COMPLETED,PT4M30S,50,Pete\n";
        EventCsv mapping = EventCsv.defaults().withColumn(EventField.CUSTOMER_ID, "customer")
                .withColumn(EventField.TIME, "when").withColumn(EventField.TOUCHPOINT_ID, "step")
                .withColumn(EventField.CHANNEL_ID, "channel");

        InteractionEvent event = mapping.read(new StringReader(csv), OnError.FAIL_FAST).next();

        assertThat(event.getCustomerId()).isEqualTo("c-1");
        assertThat(event.getTouchpointId()).contains("order-form");
        assertThat(event.getChannelId()).contains("web");
        assertThat(event.getOutcome()).contains(Outcome.COMPLETED);
        assertThat(event.getDuration()).contains(Duration.ofSeconds(270));
        assertThat(event.getAttributes()).containsExactly(java.util.Map.entry("cost", "50"),
                java.util.Map.entry("org:resource", "Pete"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-01T09:30:00Z|2026-03-01T09:30:00Z",
        "2026-03-01 10:30:00+01:00|2026-03-01T09:30:00Z",
        "2026-03-01 10:30:00.250+01:00|2026-03-01T09:30:00.250Z",
        "2026-03-01T10:30:00+0100|2026-03-01T09:30:00Z",
        "2026-03-01T10:30+01|2026-03-01T09:30:00Z",
        "2026-03-01 04:30:00-05:00|2026-03-01T09:30:00Z"})
    void readsTheCommonDateTimeForms(String text, String expected) {
        // A used parser: whatever an earlier row left in it must not matter.
        EventTimes times = new EventTimes(null);
        times.parse("2099-12-31 23:59:59.999999999+14:00");
        times.parse("2026-03-01 23:59:59+01:00");
        times.parse("2026-03-01T23:59:59Z");
        assertThat(times.parse(text)).isEqualTo(Instant.parse(expected));
        assertThat(new EventTimes(null).parse(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aDateTimeOnTheDayAndOffsetOfTheOneBeforeIsReadAsCarefullyAsTheFirst() {
        EventTimes times = new EventTimes(null);
        // Expected values by hand: 10:30 at +01:00 is 09:30 UTC; -05:00 adds five hours.
        assertThat(times.parse("2026-03-01 10:30:00+01:00")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(times.parse("2026-03-01 23:59:59+01:00")).isEqualTo(Instant.parse("2026-03-01T22:59:59Z"));
        assertThat(times.parse("2026-03-01 00:00:00+01:00")).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(times.parse("2026-03-01T00:00:01+01:00")).isEqualTo(Instant.parse("2026-02-28T23:00:01Z"));
        assertThat(times.parse("2026-03-01 10:30:00-05:00")).isEqualTo(Instant.parse("2026-03-01T15:30:00Z"));
        assertThat(times.parse("2026-03-02 10:30:00-05:00")).isEqualTo(Instant.parse("2026-03-02T15:30:00Z"));
        assertThat(times.parse("2026-03-02T10:30:00Z")).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
        assertThat(times.parse("2026-03-02T10:30:07Z")).isEqualTo(Instant.parse("2026-03-02T10:30:07Z"));
        for (String bad : List.of("2026-03-02T24:00:00Z", "2026-03-02T10:60:00Z", "2026-03-02T10:30:60Z",
                "2026-03-02T1x:30:00Z", "2026-03-02T10-30:00Z", "2026-03-02T10:30-00Z", "2026-03-02T-1:30:00Z")) {
            assertThatThrownBy(() -> times.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
            assertThat(times.parse("2026-03-02T10:30:07Z")).isEqualTo(Instant.parse("2026-03-02T10:30:07Z"));
        }
    }

    @Test
    void readsALocalTimeInTheGivenZoneOnly() {
        // Amsterdam is UTC+1 in March before the switch on the last Sunday
        assertThat(new EventTimes(ZoneId.of("Europe/Amsterdam")).parse("2026-03-01 10:30:00"))
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        String csv = "customerId,time,activity\nc-1,2026-03-01 10:30:00,visit\n";
        assertThatThrownBy(() -> EventCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST).next())
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .containsExactly(ReadProblem.of("/time", 2, 2, RuleCode.FORMAT, EventTimes.RULE,
                                "2026-03-01 10:30:00")));
    }

    @Test
    void skipsAndReportsBadRowsWithLineColumnAndCode() {
        String csv = "customerId,time,activity,outcome\n"
                + "c-1,2026-03-01T09:30:00Z,visit,completed\n"
                + ",2026-03-01T09:31:00Z,visit,\n"
                + "c-3,yesterday,visit,maybe\n"
                + "c-4,2026-03-01T09:33:00Z,visit,failed\n";
        List<InteractionEvent> events = new ArrayList<>();
        EventCsvReader rows = EventCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT);
        rows.forEachRemaining(events::add);
        ImportReport report = rows.getReport();

        assertThat(events).extracting(InteractionEvent::getCustomerId).containsExactly("c-1", "c-4");
        assertThat(report.getSkippedCount()).isEqualTo(2);
        assertThat(report.getSkipped().get(0).getProblems()).containsExactly(
                ReadProblem.of("/customerId", 3, 1, RuleCode.REQUIRED, "is required", null));
        assertThat(report.getSkipped().get(1).getProblems()).extracting(ReadProblem::getPointer,
                ReadProblem::getLine, ReadProblem::getColumn, ReadProblem::getCode).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/time", 4L, 2L, RuleCode.FORMAT),
                        org.assertj.core.groups.Tuple.tuple("/outcome", 4L, 4L, RuleCode.FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aBadRowIsReportedAtTheLineItStartsOnPastBlankLinesAndQuotedLineBreaks(String newline) {
        // Line 1 header; 2 good; 3 blank; 4-5 a good row whose quoted note spans two lines; 6 bad (no customer);
        // 7-9 a bad row (unknown outcome) whose first two cells hold two line breaks; 10 bad (no time).
        String csv = String.join(newline, "customerId,time,activity,outcome",
                "c-1,2026-03-01T09:30:00Z,visit,completed",
                "",
                "c-2,2026-03-01T09:31:00Z,\"two", "lines\",",
                ",2026-03-01T09:32:00Z,visit,",
                "c-4,2026-03-01T09:33:00Z,\"three", "", "lines\",maybe",
                "c-5,,visit,") + newline;
        EventCsvReader rows = EventCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT);
        List<InteractionEvent> events = new ArrayList<>();
        rows.forEachRemaining(events::add);

        assertThat(events).extracting(InteractionEvent::getCustomerId).containsExactly("c-1", "c-2");
        assertThat(rows.getReport().getSkipped()).extracting(skipped -> skipped.getLineNumber())
                .containsExactly(6L, 7L, 10L);
        assertThat(rows.getReport().getSkipped()).flatExtracting(skipped -> skipped.getProblems())
                .extracting(ReadProblem::getLine).containsExactly(6L, 7L, 10L);
    }

    @Test
    void aBadRowInFailFastModeNamesItsLine() {
        String csv = "customerId,time,activity\nc-1,\"2026-03-01T09:30:00Z\",\"a\nb\"\n\nc-2,soon,visit\n";
        assertThatThrownBy(() -> EventCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST).stream().count())
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getLine, ReadProblem::getColumn).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(5L, 2L)))
                .hasMessageContaining("line 5");
    }

    @Test
    void anAttributeBreakingAModelRuleIsAProblemOfItsColumn() {
        String csv = "customerId,time,activity,note\nc-1,2026-03-01T09:30:00Z,visit," + "x".repeat(1001) + "\n";
        assertThatThrownBy(() -> EventCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST).next())
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getColumn, ReadProblem::getCode)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/attributes/note", 4L,
                                RuleCode.TOO_LONG)));
    }

    @Test
    void anAttributeNameBreakingTheKeyRuleIsAProblemOfItsColumn() throws IOException {
        String longName = "k".repeat(129);
        String csv = "customerId,time,activity,cost," + longName + ",bad\uD800name\n"
                + "c-1,2026-03-01T09:30:00Z,visit,5,x,y\n";
        try (EventCsvReader rows = EventCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT)) {
            assertThat(rows.stream().count()).isZero();
            assertThat(rows.getReport().getSkipped()).flatExtracting(skipped -> skipped.getProblems())
                    .extracting(ReadProblem::getPointer, ReadProblem::getColumn, ReadProblem::getCode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("/attributes", 5L, RuleCode.TOO_LONG),
                            org.assertj.core.groups.Tuple.tuple("/attributes", 6L, RuleCode.INVALID_TEXT));
        }
    }

    @Test
    void aRowWithoutActivityWhereOnlyTheActivityIsMappedNamesTheActivityCell() {
        String csv = "customerId,time,activity\nc-1,2026-03-01T09:30:00Z,\n";
        assertThatThrownBy(() -> EventCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST).next())
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getColumn, ReadProblem::getCode)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/activity", 3L, RuleCode.REQUIRED)));
    }

    @Test
    void aHeaderWithoutTheNeededColumnsEndsTheImport() {
        assertThatThrownBy(() -> EventCsv.defaults().read(new StringReader("who,when\n"), OnError.SKIP_AND_REPORT)
                .hasNext()).isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getCode).containsOnly(RuleCode.HEADER).hasSize(3));
    }

    @Test
    void writtenEventsReadBackEqual() throws IOException {
        List<InteractionEvent> events = List.of(
                InteractionEvent.builder().customerId("c,1").time(Instant.parse("2026-03-01T09:30:00.123456Z"))
                        .activity("said \"hi\"\nthen left").channelId("web").phaseId("purchase").agentId("a-7")
                        .outcome(Outcome.ABANDONED).duration(Duration.ofSeconds(90)).putAttribute("cost", "1;2")
                        .build(),
                InteractionEvent.of("c-2", Instant.parse("2026-03-02T00:00:00Z"), "order-form"));
        StringWriter out = new StringWriter();
        try (EventCsvWriter writer = EventCsvWriter.open(out, ',', List.of("cost"))) {
            for (InteractionEvent event : events) {
                writer.write(event);
            }
        }
        List<InteractionEvent> read = new ArrayList<>();
        EventCsv.defaults().read(new StringReader(out.toString()), OnError.FAIL_FAST).forEachRemaining(read::add);

        assertThat(read).isEqualTo(events);
        assertThat(out.toString()).startsWith(
                "customerId,time,touchpointId,activity,channelId,phaseId,agentId,outcome,duration,cost\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", " a", "a ", "\ta\t", "\u2000a\u3000", "\u00a0a\u00a0", "\u001ca\u001f", "\u0000a",
        "\u1680a", "\u167fa\u167f", "!~", "  ", "a b"})
    void stripsCellsAsStringStripDoes(String text) {
        assertThat(EventCsvReader.strip(text)).isEqualTo(text.strip());
    }
}
