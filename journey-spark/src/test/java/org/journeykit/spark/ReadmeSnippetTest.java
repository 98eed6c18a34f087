package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortTable;
import org.junit.jupiter.api.Test;

/** The README's "Scale out on Spark" snippets, verbatim between the markers, compiled and run. */
class ReadmeSnippetTest {

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
}
