package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.io.csv.SurveyCsv;
import org.journeykit.io.csv.SurveyCsvReader;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.io.ndjson.SkippedLine;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.SurveyResponse;
import org.junit.jupiter.api.Test;

/** Each hostile input that outside testing found (issue 14) is refused as a located, coded problem. */
class HostileInputTest {

    private static final String NPS = "{\"kind\":\"nps\",\"score\":9,\"time\":\"2026-03-01T09:30:00Z\"}";

    private static String journeyWithEmotion(String value) {
        return "{\"formatVersion\":1,\"journeys\":[{\"id\":\"j\",\"name\":\"J\",\"emotionScale\":{\"min\":-2,\"max\":2},"
                + "\"phases\":[{\"id\":\"p\",\"name\":\"P\"}],\"touchpoints\":[{\"id\":\"t\",\"name\":\"T\","
                + "\"phaseId\":\"p\",\"emotion\":{\"value\":" + value + "}}]}]}";
    }

    private static List<SkippedLine> skippedSurveys(byte[] input, int expectedRecords) throws IOException {
        try (JsonLinesReader<SurveyResponse> reader = JsonLines.defaults().readSurveys(
                new ByteArrayInputStream(input), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().count()).isEqualTo(expectedRecords);
            return reader.getReport().getSkipped();
        }
    }

    @Test
    void aHugeExponentIsAProblemOfItsValueNotANumberFormatException() {
        for (JourneyJson json : List.of(JourneyJson.defaults(), JourneyJson.defaults().allowingUnknownFields())) {
            assertThatThrownBy(() -> json.read(journeyWithEmotion("1e9999999999")))
                    .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                            .extracting(ReadProblem::getPointer, ReadProblem::getCode, p -> p.getValue().get())
                            .containsExactly(tuple("/journeys/0/touchpoints/0/emotion/value", RuleCode.TYPE,
                                    "1e9999999999")));
        }
    }

    @Test
    void aHugeExponentSkipsOnlyItsLine() throws IOException {
        String lines = NPS + "\n{\"kind\":\"nps\",\"score\":1e9999999999,\"time\":\"2026-03-01T09:30:00Z\"}\n" + NPS;
        List<SkippedLine> skipped = skippedSurveys(lines.getBytes(StandardCharsets.UTF_8), 2);
        assertThat(skipped).extracting(SkippedLine::getLineNumber).containsExactly(2L);
        assertThat(skipped.get(0).getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                .containsExactly(tuple("/score", RuleCode.TYPE));
    }

    @Test
    void duplicateUnknownKeysAreRefusedOnTheFastPathToo() {
        String document = "{\"formatVersion\":1,\"colour\":\"red\",\"colour\":\"blue\"}";
        assertThatThrownBy(() -> JourneyJson.defaults().allowingUnknownFields().read(document))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getCode).containsExactly(RuleCode.MALFORMED));
    }

    @Test
    void duplicateUnknownKeysSkipTheirJsonLine() throws IOException {
        String line = "{\"kind\":\"nps\",\"x\":1,\"score\":9,\"x\":2,\"time\":\"2026-03-01T09:30:00Z\"}";
        try (JsonLinesReader<SurveyResponse> reader = JsonLines.defaults().allowingUnknownFields()
                .readSurveys(new StringReader(NPS + "\n" + line + "\n" + NPS), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().count()).isEqualTo(2);
            assertThat(reader.getReport().getSkipped()).extracting(SkippedLine::getLineNumber).containsExactly(2L);
        }
    }

    @Test
    void invalidUtf8InAJsonLinesFileIsAProblemOfItsLineAndSkipModeGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((NPS + "\n").getBytes(StandardCharsets.UTF_8));
        // Line 2: a comment holding 0xC3 0x28, which is not UTF-8 (0xC3 starts a two-byte sequence, 0x28 is '(').
        bytes.writeBytes("{\"kind\":\"nps\",\"score\":9,\"time\":\"2026-03-01T09:30:00Z\",\"comment\":\"a"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28});
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        // Line 3: a lone 0xFF outside any string.
        bytes.writeBytes(new byte[] {(byte) 0xFF, '\n'});
        bytes.writeBytes(NPS.getBytes(StandardCharsets.UTF_8));
        List<SkippedLine> skipped = skippedSurveys(bytes.toByteArray(), 2);
        assertThat(skipped).extracting(SkippedLine::getLineNumber).containsExactly(2L, 3L);
        assertThat(skipped.get(0).getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                .containsExactly(tuple("/comment", RuleCode.INVALID_TEXT));
        assertThat(skipped.get(1).getProblems()).extracting(ReadProblem::getCode)
                .containsExactly(RuleCode.MALFORMED);
    }

    @Test
    void invalidUtf8InACsvFileIsAProblemOfItsRowAndSkipModeGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("kind,score,time,comment\nnps,9,2026-03-01T09:30:00Z,fine\nnps,8,2026-03-01T09:30:00Z,b"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x28, (byte) 0xA1});
        bytes.writeBytes("\nnps,7,2026-03-01T09:30:00Z,ok\n".getBytes(StandardCharsets.UTF_8));
        try (SurveyCsvReader reader = SurveyCsv.defaults().read(new ByteArrayInputStream(bytes.toByteArray()),
                OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().map(SurveyResponse::getScore)).containsExactly(9, 7);
            // The header is line 1, so the bad row is line 3; the comment is the fourth cell.
            assertThat(reader.getReport().getSkipped()).singleElement().satisfies(line -> {
                assertThat(line.getLineNumber()).isEqualTo(3);
                assertThat(line.getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getColumn,
                        ReadProblem::getCode).containsExactly(tuple("/comment", 4L, RuleCode.INVALID_TEXT));
            });
        }
    }

    @Test
    void aCsvRowWithMoreCellsThanTheHeaderIsRefusedNotCut() {
        String csv = "kind,score,time,comment\nnps,9,2026-03-01T09:30:00Z,Great, but slow delivery\n";
        try (SurveyCsvReader reader = SurveyCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST)) {
            // Four header cells; the row has five, the fifth (" but slow delivery") in column 5.
            assertThatThrownBy(reader::hasNext).isInstanceOfSatisfying(JourneyReadException.class, e ->
                    assertThat(e.getProblems()).extracting(ReadProblem::getLine, ReadProblem::getColumn,
                                    ReadProblem::getCode, p -> p.getValue().get())
                            .containsExactly(tuple(2L, 5L, RuleCode.MALFORMED, " but slow delivery")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCsvHeaderNamingAColumnTwiceIsRefused() {
        String csv = "kind,score,time,score\nnps,9,2026-03-01T09:30:00Z,3\n";
        SurveyCsvReader reader = SurveyCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT);
        assertThatThrownBy(reader::hasNext).isInstanceOfSatisfying(JourneyReadException.class, e ->
                assertThat(e.getProblems()).extracting(ReadProblem::getLine, ReadProblem::getColumn,
                        ReadProblem::getCode).containsExactly(tuple(1L, 4L, RuleCode.DUPLICATE_FIELD)));
    }

    @Test
    void csvScoresWithAPlusSignOrOtherScriptsDigitsAreRefused() throws IOException {
        // U+0669 is ARABIC-INDIC DIGIT NINE, which Integer.parseInt reads as 9.
        String csv = "kind,score,time\nnps,+9,2026-03-01T09:30:00Z\nnps,\u0669,2026-03-01T09:30:00Z\n"
                + "nps,-0,2026-03-01T09:30:00Z\n";
        try (SurveyCsvReader reader = SurveyCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().map(SurveyResponse::getScore)).containsExactly(0);
            assertThat(reader.getReport().getSkipped()).extracting(SkippedLine::getLineNumber,
                    line -> line.getProblems().get(0).getCode(), line -> line.getProblems().get(0).getValue().get())
                    .containsExactly(tuple(2L, RuleCode.TYPE, "+9"), tuple(3L, RuleCode.TYPE, "\u0669"));
        }
    }

    @Test
    void instantsOutsideTheTimeLimitsAreRefusedWhenReading() throws IOException {
        String far = "{\"kind\":\"nps\",\"score\":9,\"time\":\"+999999999-01-01T00:00:00Z\"}";
        String early = "{\"kind\":\"nps\",\"score\":9,\"time\":\"0000-12-31T23:59:59Z\"}";
        List<SkippedLine> skipped = skippedSurveys((far + "\n" + early + "\n" + NPS)
                .getBytes(StandardCharsets.UTF_8), 1);
        assertThat(skipped).extracting(SkippedLine::getLineNumber, line -> line.getProblems().get(0).getPointer(),
                        line -> line.getProblems().get(0).getCode())
                .containsExactly(tuple(1L, "/time", RuleCode.TIME_RANGE), tuple(2L, "/time", RuleCode.TIME_RANGE));
    }

    @Test
    void aLoneSurrogateIsRefusedNotWrittenAsAQuestionMark() throws IOException {
        String line = "{\"kind\":\"nps\",\"score\":9,\"time\":\"2026-03-01T09:30:00Z\",\"comment\":\"a\\ud800b\"}";
        List<SkippedLine> skipped = skippedSurveys(line.getBytes(StandardCharsets.UTF_8), 0);
        assertThat(skipped.get(0).getProblems()).extracting(ReadProblem::getCode, p -> p.getValue().get())
                .containsExactly(tuple(RuleCode.INVALID_TEXT, "a\\uD800b"));
        assertThatThrownBy(() -> JourneyJson.defaults().read("{\"formatVersion\":1,\"title\":\"\\udc00\"}"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/title", RuleCode.INVALID_TEXT)));
        // A pair of surrogates (U+1F600) is a valid character and is kept.
        assertThat(JourneyJson.defaults().read("{\"formatVersion\":1,\"title\":\"\\ud83d\\ude00\"}").getTitle())
                .hasValue("\uD83D\uDE00");
    }

    @Test
    void aValueOf999000CharactersMakesAShortMessageEverywhere() throws IOException {
        String huge = "x".repeat(999_000);
        // Facade: the title is at most 200 characters.
        assertThatThrownBy(() -> JourneyJson.defaults().read("{\"formatVersion\":1,\"title\":\"" + huge + "\"}"))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> {
                    assertThat(e.getProblems().get(0).getValue().get()).hasSize(Problem.MAX_ECHO);
                    assertThat(e.getMessage()).hasSizeLessThan(400);
                });
        // Skipped-line report: the comment is at most 10,000 characters.
        String line = "{\"kind\":\"nps\",\"score\":9,\"time\":\"2026-03-01T09:30:00Z\",\"comment\":\"" + huge + "\"}";
        List<SkippedLine> skipped = skippedSurveys(line.getBytes(StandardCharsets.UTF_8), 0);
        assertThat(skipped.get(0).toString()).hasSizeLessThan(400);
        // CSV: the same comment in a cell.
        try (SurveyCsvReader reader = SurveyCsv.defaults().read(new StringReader(
                "kind,score,time,comment\nnps,9,2026-03-01T09:30:00Z," + huge + "\n"), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().count()).isZero();
            assertThat(reader.getReport().getSkipped().get(0).toString()).hasSizeLessThan(400);
        }
        // Builders.
        assertThatThrownBy(() -> Touchpoint.builder().id("t").name(huge).phaseId("p").build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getMessage())
                        .hasSizeLessThan(400));
    }

    @Test
    void numbersAreEchoedAsWritten() {
        // The model holds 7.0; the problem shows 7, in code and from the reader alike.
        assertThatThrownBy(() -> Emotion.of(EmotionScale.FIVE_POINT, 7))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(p -> p.getValue().get()).containsExactly("7"));
        assertThatThrownBy(() -> JourneyJson.defaults().read(journeyWithEmotion("7.50")))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(p -> p.getValue().get()).containsExactly("7.50"));
    }

    @Test
    void bytesThatAreNotTextInTheirDetectedEncodingAreAProblemNotAnIoException() throws IOException {
        // Found by fuzzing: '{' in UTF-32LE, then a code above U+10FFFF. Jackson's decoder throws a
        // CharConversionException, which escaped both the fast path and the reporting read.
        // Also found: 00 00 FE 00 opens a UCS-4 byte order Jackson does not support, refused when the parser is made.
        for (String name : List.of("invalid-utf32-code", "unsupported-ucs4-order")) {
            byte[] input;
            try (java.io.InputStream in = HostileInputTest.class.getResourceAsStream(
                    "fuzz/ReaderFuzzTestInputs/theDocumentReaderThrowsOnlyItsReadException/" + name)) {
                input = in.readAllBytes();
            }
            assertThatThrownBy(() -> JourneyJson.defaults().read(new ByteArrayInputStream(input)))
                    .as(name)
                    .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                            .extracting(ReadProblem::getCode).containsExactly(RuleCode.INVALID_TEXT));
        }
    }
}
