package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.attribution.Attribution;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.Granularity;
import org.journeykit.spark.TestData.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dataset analytics give the single-JVM result on the same seeded events, for any partitioning and order. */
class SparkJourneysTest {

    private static final long SEED = 42L;
    private static final List<Event> EVENTS = TestData.events(SEED, 3_000);
    private static final Funnel FUNNEL = Funnel.of(List.of("search", "product", "cart", "checkout"),
            Duration.ofDays(2));

    private static final CohortDefinition WEEKLY = new CohortDefinition(Granularity.WEEK, ZoneOffset.UTC);

    private final SparkSession spark = SharedSpark.session();

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void funnelAndCohortsEqualTheSingleJvmResults(int partitions) {
        Dataset<Row> events = TestData.eventFrame(spark, EVENTS, 3, SEED + partitions);
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withPartitions(partitions);

        Optional<FunnelResult> funnel = journeys.funnel(FUNNEL);
        assertThat(funnel).isPresent();
        assertThat(funnel).isEqualTo(FunnelAccumulator.create(FUNNEL).add(singleJvm(null)).result());
        assertThat(funnel.orElseThrow().steps().get(0).entered()).isPositive();

        Optional<CohortTable> cohorts = journeys.cohorts(WEEKLY);
        CohortRetentionAccumulator expected = CohortRetentionAccumulator.create(WEEKLY);
        EVENTS.forEach(e -> expected.add(e.customer(), e.time()));
        assertThat(cohorts).isEqualTo(expected.result());
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void pathsConformanceAndChannelPathsEqualTheSingleJvmResults(int partitions) {
        Dataset<Row> events = TestData.eventFrame(spark, EVENTS, 3, SEED - partitions);
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withPartitions(partitions);
        ActualJourneys single = singleJvm(null);

        assertThat(journeys.paths()).isEqualTo(PathAccumulator.create().add(single).result());
        ConformanceChecker checker = ConformanceChecker.of(shopPlan());
        assertThat(journeys.conformance(checker))
                .isEqualTo(ConformanceAccumulator.create(checker).add(single).result());
        // The shop's steps stand in for channels here; "checkout" marks the conversion.
        Optional<ChannelPaths> paths = journeys.channelPaths("checkout");
        assertThat(paths).isEqualTo(ChannelPathAccumulator.create().add(single, "checkout").result());
        assertThat(paths.orElseThrow().conversions()).isPositive();
    }

    @Test
    void pathAndAttributionTablesHoldTheResults() {
        Dataset<Row> events = TestData.eventFrame(spark, EVENTS, 2, SEED);
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");
        PathResult paths = journeys.paths().orElseThrow();
        Dataset<Row> edges = JourneyTables.edges(spark, paths);
        assertThat(edges.count()).isEqualTo(paths.edges().size());
        assertThat(edges.agg(org.apache.spark.sql.functions.sum("count")).first().getLong(0))
                .isEqualTo(paths.edges().stream().mapToLong(e -> e.count()).sum());
        assertThat(JourneyTables.variants(spark, paths).agg(org.apache.spark.sql.functions.sum("count")).first()
                .getLong(0)).isEqualTo(paths.journeyCount());

        AttributionResult linear = Attribution.linear(journeys.channelPaths("checkout").orElseThrow());
        List<Row> rows = JourneyTables.attribution(spark, linear).collectAsList();
        assertThat(rows).extracting(row -> row.getString(0)).containsExactlyElementsOf(linear.conversions().keySet());
        assertThat(rows).extracting(row -> row.getDouble(1)).containsExactlyElementsOf(linear.conversions().values());
    }

    private static Journey shopPlan() {
        return Journey.builder().id("shop").name("Buy in the web shop").addPhases(Phase.PURCHASE)
                .addTouchpoints(Touchpoint.of("search", "Search", "purchase"))
                .addTouchpoints(Touchpoint.of("product", "Product page", "purchase"))
                .addTouchpoints(Touchpoint.of("cart", "Cart", "purchase"))
                .addTouchpoints(Touchpoint.of("checkout", "Checkout", "purchase"))
                .build();
    }

    @Test
    void tablesHoldTheResultsRowByRow() {
        Dataset<Row> events = TestData.eventFrame(spark, EVENTS, 2, SEED);
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");
        FunnelResult funnel = journeys.funnel(FUNNEL).orElseThrow();
        List<Row> steps = JourneyTables.funnel(spark, funnel).orderBy("position").collectAsList();
        assertThat(steps).extracting(row -> row.getString(1)).containsExactlyElementsOf(FUNNEL.steps());
        assertThat(steps).extracting(row -> row.getLong(2))
                .containsExactlyElementsOf(funnel.steps().stream().map(s -> s.entered()).toList());

        CohortTable cohorts = journeys.cohorts(WEEKLY).orElseThrow();
        Dataset<Row> triangle = JourneyTables.cohorts(spark, cohorts);
        // Offset 0 of every cohort is the whole cohort: the sizes add up to the customers.
        assertThat(triangle.where("offset = 0").agg(org.apache.spark.sql.functions.sum("active")).first().getLong(0))
                .isEqualTo(3_000L).isEqualTo(cohorts.customers());
        assertThat(triangle.where("offset = 0 AND retention <> 1.0").count()).isZero();
    }

    @Test
    void inactivitySplitsJourneysAsInOneJvm() {
        Dataset<Row> events = TestData.eventFrame(spark, EVENTS, 2, SEED);
        Funnel unique = FUNNEL.withCounting(Funnel.Counting.ALL_ATTEMPTS);
        Optional<FunnelResult> funnel = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withPartitions(2).withInactivity(Duration.ofHours(1)).funnel(unique);
        assertThat(funnel).isEqualTo(FunnelAccumulator.create(unique).add(singleJvm(Duration.ofHours(1))).result());
    }

    @Test
    void nullCustomerFailsTheJobNamingTheAnalysis() {
        Dataset<Row> events = spark.createDataFrame(List.of(
                RowFactory.create("c1", java.sql.Timestamp.valueOf("2026-03-01 10:00:00"), "search"),
                RowFactory.create(null, java.sql.Timestamp.valueOf("2026-03-01 10:00:00"), "search")),
                TestData.EVENTS);
        SparkFunctionException error = Failures.functionError(() ->
                SparkJourneys.of(events, "customer_id", "event_time", "touchpoint").withPartitions(1).funnel(FUNNEL));
        assertThat(error.getFunction()).isEqualTo("funnel");
        assertThat(error.getMessage()).contains("customer");
    }

    private static ActualJourneys singleJvm(Duration inactivity) {
        EventMapping mapping = EventMapping.by(EventMapping.Source.ACTIVITY);
        ActualJourneyBuilder builder = inactivity == null ? ActualJourneyBuilder.create(mapping)
                : ActualJourneyBuilder.create(mapping, inactivity);
        EVENTS.forEach(e -> builder.add(e.customer(), e.time(), e.step()));
        return builder.result();
    }
}
