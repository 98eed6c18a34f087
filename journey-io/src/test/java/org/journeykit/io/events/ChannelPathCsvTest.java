package org.journeykit.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.junit.jupiter.api.Test;

class ChannelPathCsvTest {

    private static final String FILE = "/org/journeykit/io/formats/channel-paths.csv";

    @Test
    void theTableGivesThePathsAddedOneByOne() throws IOException {
        ChannelPathAccumulator imported = ChannelPathAccumulator.create();
        ImportReport report;
        try (InputStream in = getClass().getResourceAsStream(FILE)) {
            report = ChannelPathCsv.channelAttribution().addTo(imported, in, OnError.FAIL_FAST);
        }
        // The same rows split by plain String operations, path by path.
        ChannelPathAccumulator oneByOne = ChannelPathAccumulator.create();
        long conversions = 0;
        long nulls = 0;
        try (InputStream in = getClass().getResourceAsStream(FILE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                String[] cells = line.strip().split(";");
                List<String> channels = Arrays.stream(cells[0].split(">")).map(String::strip).toList();
                oneByOne.add(ChannelPath.of(channels, Long.parseLong(cells[1]), Double.parseDouble(cells[2]),
                        Long.parseLong(cells[3])));
                conversions += Long.parseLong(cells[1]);
                nulls += Long.parseLong(cells[3]);
            }
        }

        ChannelPaths fromTable = imported.result().orElseThrow();
        ChannelPaths added = oneByOne.result().orElseThrow();

        assertThat(report.getRecords()).isEqualTo(10_000);
        assertThat(fromTable).isEqualTo(added);
        assertThat(fromTable.paths().stream().mapToLong(ChannelPath::conversions).sum()).isEqualTo(conversions);
        assertThat(fromTable.paths().stream().mapToLong(ChannelPath::nulls).sum()).isEqualTo(nulls);
        assertThat(MarkovAttribution.of(fromTable).attribution()).isEqualTo(MarkovAttribution.of(added)
                .attribution());
        assertThat(Attribution.linear(fromTable)).isEqualTo(Attribution.linear(added));
    }

    @Test
    void readsTheFirstRowsAsWritten() {
        String csv = "path;total_conversions;total_conversion_value;total_null\n"
                + "eta > iota > alpha > eta;1;0.244;3\n"
                + "beta > eta;1;2.402;3\n";
        ChannelPathAccumulator paths = ChannelPathAccumulator.create();
        ChannelPathCsv.channelAttribution().addTo(paths, new StringReader(csv), OnError.FAIL_FAST);

        // the accumulator keeps paths in its own canonical order
        assertThat(paths.result().orElseThrow().paths()).containsExactlyInAnyOrder(
                ChannelPath.of(List.of("eta", "iota", "alpha", "eta"), 1, 0.244, 3),
                ChannelPath.of(List.of("beta", "eta"), 1, 2.402, 3));
    }

    @Test
    void badRowsAreReportedWithLineAndColumn() {
        String csv = "path;total_conversions;total_null\n"
                + "a > > b;1;0\n"
                + "a;-1;0\n"
                + "a > b;2;x\n"
                + "c;3;1\n";
        ChannelPathAccumulator paths = ChannelPathAccumulator.create();
        ImportReport report = ChannelPathCsv.channelAttribution().addTo(paths, new StringReader(csv),
                OnError.SKIP_AND_REPORT);

        assertThat(paths.result().orElseThrow().paths()).containsExactly(ChannelPath.of(List.of("c"), 3, 0, 1));
        assertThat(report.getSkipped()).flatExtracting(s -> s.getProblems()).extracting(ReadProblem::getPointer,
                ReadProblem::getLine, ReadProblem::getColumn, ReadProblem::getCode).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/path", 2L, 1L, RuleCode.BLANK),
                        org.assertj.core.groups.Tuple.tuple("/conversions", 3L, 2L, RuleCode.FORMAT),
                        org.assertj.core.groups.Tuple.tuple("/nulls", 4L, 3L, RuleCode.FORMAT));
    }

    @Test
    void aTableWithoutAPathColumnIsRefused() {
        assertThatThrownBy(() -> ChannelPathCsv.channelAttribution().addTo(ChannelPathAccumulator.create(),
                new StringReader("route;total_conversions\n"), OnError.FAIL_FAST))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .extracting(ReadProblem::getCode).containsExactly(RuleCode.HEADER));
    }
}
