package org.journeykit.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

class SurveyCsvTest {

    /** A survey tool's NPS export: its own column names, semicolons, a column we do not map. */
    private static final String EXPORT = "Response ID;Submitted at;How likely are you to recommend us?;Comment;Browser\n"
            + "r-1;2026-03-01T09:30:00Z;9;\"Quick; and friendly\";Firefox\n"
            + "r-2;2026-03-01T10:30:00+01:00;3;;Safari\n";

    private static final SurveyCsv NPS_EXPORT = SurveyCsv.defaults().withKind(SurveyKind.NPS).withSeparator(';')
            .withColumn(SurveyField.RESPONDENT_ID, "Response ID")
            .withColumn(SurveyField.TIME, "Submitted at")
            .withColumn(SurveyField.SCORE, "How likely are you to recommend us?")
            .withColumn(SurveyField.COMMENT, "Comment");

    private static List<SurveyResponse> readAll(SurveyCsvReader reader) throws IOException {
        try (reader) {
            return reader.stream().collect(Collectors.toList());
        }
    }

    @Test
    void readsAToolExportThroughTheColumnMapping() throws IOException {
        List<SurveyResponse> responses = readAll(NPS_EXPORT.read(new StringReader(EXPORT), OnError.FAIL_FAST));
        // Row 2: NPS on 0-10 (the default scale for NPS), the quoted comment keeps its semicolon.
        // Row 3: 10:30 at +01:00 is 09:30 UTC; the empty comment cell is an absent comment.
        assertThat(responses).containsExactly(
                SurveyResponse.builder().kind(SurveyKind.NPS).scale(SurveyScale.ZERO_TO_TEN).score(9)
                        .time(Instant.parse("2026-03-01T09:30:00Z")).respondentId("r-1")
                        .comment("Quick; and friendly").build(),
                SurveyResponse.builder().kind(SurveyKind.NPS).scale(SurveyScale.ZERO_TO_TEN).score(3)
                        .time(Instant.parse("2026-03-01T09:30:00Z")).respondentId("r-2").build());
    }

    @Test
    void readsKindAndScaleColumnsWithTheDefaultNames() throws IOException {
        String csv = "kind,score,scaleMin,scaleMax,time\nCES,6,1,7,2026-03-02T08:00:00Z\n";
        assertThat(readAll(SurveyCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST)))
                .containsExactly(SurveyResponse.builder().kind(SurveyKind.CES).scale(SurveyScale.ONE_TO_SEVEN)
                        .score(6).time(Instant.parse("2026-03-02T08:00:00Z")).build());
    }

    @Test
    void collectsBadRowsWithLineColumnAndPointerAndReadsOn() throws IOException {
        String csv = "kind,score,time\n"
                + "nps,11,2026-03-01T09:30:00Z\n" // line 2: 11 is off the 0-10 scale, cell 2
                + "nps,7,2026-03-01T09:31:00Z\n" // line 3: good
                + "nps,seven,yesterday\n" // line 4: two problems, cells 2 and 3
                + "csat,4,2026-03-01T09:32:00Z\n"; // line 5: good (CSAT defaults to 1-5)
        try (SurveyCsvReader reader = SurveyCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT)) {
            assertThat(reader.stream().map(SurveyResponse::getScore)).containsExactly(7, 4);
            ImportReport report = reader.getReport();
            assertThat(report.getRecords()).isEqualTo(2);
            assertThat(report.getSkippedCount()).isEqualTo(2);
            assertThat(report.getSkipped()).extracting(line -> line.getLineNumber()).containsExactly(2L, 4L);
            List<ReadProblem> line2 = report.getSkipped().get(0).getProblems();
            assertThat(line2).extracting(ReadProblem::getPointer, ReadProblem::getLine, ReadProblem::getColumn,
                    ReadProblem::getValue).containsExactly(tuple("/score", 2L, 2L, java.util.Optional.of("11")));
            assertThat(line2.get(0).getRule()).contains("0-10");
            assertThat(report.getSkipped().get(1).getProblems())
                    .extracting(ReadProblem::getPointer, ReadProblem::getLine, ReadProblem::getColumn)
                    .containsExactly(tuple("/score", 4L, 2L), tuple("/time", 4L, 3L));
        }
    }

    @Test
    void failFastStopsAtTheFirstBadRowNamingIt() {
        String csv = "kind,score,time\nnps,7,2026-03-01T09:31:00Z\nnps,12,2026-03-01T09:32:00Z\n";
        assertThatThrownBy(() -> readAll(SurveyCsv.defaults().read(new StringReader(csv), OnError.FAIL_FAST)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getPointer, ReadProblem::getLine)
                        .containsExactly(tuple("/score", 3L)));
    }

    @Test
    void aHeaderWithoutANeededColumnIsRejectedUpFront() {
        String csv = "kind,points,time\nnps,7,2026-03-01T09:31:00Z\n";
        assertThatThrownBy(() -> readAll(SurveyCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> {
                    assertThat(e.getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getLine)
                            .containsExactly(tuple("/score", 1L));
                    assertThat(e.getProblems().get(0).getRule()).contains("'score'");
                });
    }

    @Test
    void anUnclosedQuoteEndsTheImportInEitherMode() {
        String csv = "kind,score,time,comment\nnps,7,2026-03-01T09:31:00Z,\"never closed\n";
        assertThatThrownBy(() -> readAll(SurveyCsv.defaults().read(new StringReader(csv), OnError.SKIP_AND_REPORT)))
                .isInstanceOf(JourneyReadException.class).hasMessageContaining("well-formed CSV");
    }
}
