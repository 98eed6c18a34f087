package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;

/**
 * The README's "Scale out on Spark" snippets: each Java block of that section must appear here between the markers,
 * where it is compiled and run (the README's own snippet test cannot: Spark is not on journey-examples' class path).
 */
class ReadmeSnippetTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "org", "journeykit", "spark",
            "ReadmeSnippetTest.java");
    /** The markers, written in two parts so that this code is not itself taken for a marker. */
    private static final String START = "// README snippet " + "start";
    private static final String END = "// README snippet " + "end";
    private static final Pattern TEXT_BLOCK = Pattern.compile("```text\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeSnippetsRun() {
        SparkSession spark = SharedSpark.session();
        TestData.answerFrame(spark, TestData.answers(3L, 500), 2, 3L).createOrReplaceTempView("answers");
        Dataset<Row> events = TestData.eventFrame(spark, TestData.events(3L, 200), 2, 3L);

        // README snippet start
        JourneyKitFunctions.register(spark);
        spark.sql("SELECT channel, nps(score).score AS nps, nps(score).wald_lower AS lower FROM answers "
                + "GROUP BY channel").show();

        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");
        Funnel checkout = Funnel.of(List.of("search", "product", "cart", "checkout"), Duration.ofDays(2));
        Optional<FunnelResult> funnel = journeys.funnel(checkout);
        Optional<PathResult> paths = journeys.paths();
        Optional<CohortTable> cohorts = journeys.cohorts(CohortDefinition.MONTHLY_UTC);
        Optional<ChannelPaths> channelPaths = journeys.channelPaths("checkout");
        AttributionResult markov = MarkovAttribution.of(channelPaths.orElseThrow()).attribution();
        JourneyTables.funnel(spark, funnel.orElseThrow()).show();
        JourneyTables.edges(spark, paths.orElseThrow()).show();
        JourneyTables.attribution(spark, markov).show();
        // README snippet end

        assertThat(cohorts).isPresent();
        assertThat(markov.conversions()).isNotEmpty();
    }

    @Test
    void readmeOutcomeSnippetRuns() {
        SparkSession spark = SharedSpark.session();
        // Columns customer_id, event_time, touchpoint, status (outcome names), handle_ms (BIGINT).
        Dataset<Row> events = TestData.detailedEventFrame(spark, TestData.detailedEvents(5L, 300), 2, 5L);
        Journey plan = Journey.builder().id("shop").name("Shop").addPhases(Phase.PURCHASE)
                .addTouchpoints(Touchpoint.builder().id("search").name("Search").phaseId("purchase")
                        .expectedDuration(Duration.ofMinutes(3)).build())
                .addTouchpoints(Touchpoint.of("cart", "Cart", "purchase")).build();

        // README snippet start
        SparkJourneys handled = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withOutcome("status")         // COMPLETED, FAILED or ABANDONED in any case; null: none recorded
                .withDuration("handle_ms");    // whole milliseconds or INTERVAL DAY TO SECOND; null: none recorded
        ConformanceSummary conformance = handled.conformance(ConformanceChecker.of(plan, 0.1)).orElseThrow();
        long failingCarts = conformance.touchpoints().get(1).failing();
        long lateSearches = conformance.touchpoints().get(0).late();
        // README snippet end

        assertThat(failingCarts).isPositive();
        assertThat(lateSearches).isPositive();
    }

    @Test
    void everyJavaBlockOfTheSparkSectionIsASnippetHere() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("## Scale out on Spark");
        assertThat(start).as("the README's Spark section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<List<String>> snippets = snippets(Files.readString(SOURCE, StandardCharsets.UTF_8));

        Matcher block = TEXT_BLOCK.matcher(section);
        int blocks = 0;
        while (block.find()) {
            List<String> lines = stripped(block.group(1));
            blocks++;
            assertThat(snippets).as("README block %d of the Spark section:%n%s", blocks, block.group(1))
                    .anySatisfy(snippet -> assertThat(Collections.indexOfSubList(snippet, lines)).isNotNegative());
        }
        assertThat(blocks).isPositive();
    }

    /** The lines between each pair of markers, stripped. */
    private static List<List<String>> snippets(String source) {
        List<List<String>> snippets = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = source.indexOf(START, from);
            if (start < 0) {
                return snippets;
            }
            int end = source.indexOf(END, start);
            snippets.add(stripped(source.substring(source.indexOf('\n', start) + 1, end)));
            from = end + 1;
        }
    }

    /** The non-blank lines, without leading and trailing spaces, so indentation does not matter. */
    private static List<String> stripped(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
