package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.TouchpointDeviations;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.spark.TestData.DetailedEvent;
import org.journeykit.spark.internal.EventDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outcome and duration columns: conformance uses them as it does in one JVM, for any partitioning and row order;
 * the other analyses ignore them; bad cells and column types fail naming the column and the rule.
 */
class SparkJourneyDetailsTest {

    private static final long SEED = 1_507L;
    private static final List<DetailedEvent> EVENTS = TestData.detailedEvents(SEED, 2_000);
    /** Search within 3 minutes, cart within 2, checkout without an expected duration; 10 % tolerance. */
    private static final ConformanceChecker CHECKER = ConformanceChecker.of(plan(), 0.1);

    /**
     * The order the Spark analyses give events of one customer with the same time and step: outcome name, then
     * duration, nulls first. One JVM keeps the order of arrival, so the expected journeys are built in this order.
     */
    private static final Comparator<DetailedEvent> TIE_ORDER = Comparator.comparing(DetailedEvent::customer)
            .thenComparing(DetailedEvent::time).thenComparing(DetailedEvent::step)
            .thenComparing(e -> e.outcome() == null ? null : e.outcome().name(),
                    Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(DetailedEvent::durationMicros, Comparator.nullsFirst(Comparator.<Long>naturalOrder()));

    private final SparkSession spark = SharedSpark.session();

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 7})
    void conformanceWithOutcomesAndMillisecondDurationsEqualsTheSingleJvmResult(int partitions) {
        Dataset<Row> events = TestData.detailedEventFrame(spark, EVENTS, 3, SEED + partitions);
        Optional<ConformanceSummary> conformance = SparkJourneys.of(events, "customer_id", "event_time",
                "touchpoint").withOutcome("status").withDuration("handle_ms").withPartitions(partitions)
                .conformance(CHECKER);

        assertThat(conformance).isEqualTo(ConformanceAccumulator.create(CHECKER).add(singleJvm(EVENTS)).result());
        // The columns count: failing and late touchpoints exist, and the timing score is defined.
        ConformanceSummary summary = conformance.orElseThrow();
        assertThat(summary.touchpoints().stream().mapToLong(TouchpointDeviations::failing).sum()).isPositive();
        assertThat(summary.touchpoints().stream().mapToLong(TouchpointDeviations::late).sum()).isPositive();
        assertThat(summary.meanTimingScore()).isPresent();
    }

    @Test
    void theSeededEventsHaveTiesWhoseOrderChangesTheResult() {
        // Customers with two events at the same time and step but different durations: the order between them
        // decides which duration is the first occurrence's, so the Spark analyses must fix it.
        List<DetailedEvent> reversed = new ArrayList<>(EVENTS);
        reversed.sort(TIE_ORDER.reversed());
        assertThat(ConformanceAccumulator.create(CHECKER).add(inArrivalOrder(reversed)).result())
                .isNotEqualTo(ConformanceAccumulator.create(CHECKER).add(singleJvm(EVENTS)).result());
    }

    @Test
    void conformanceWithAnIntervalDurationEqualsTheSingleJvmResult() {
        Dataset<Row> events = TestData.detailedEventFrame(spark, EVENTS, 2, SEED);
        Optional<ConformanceSummary> conformance = SparkJourneys.of(events, "customer_id", "event_time",
                "touchpoint").withDuration("handle").withOutcome("status").withPartitions(2).conformance(CHECKER);

        assertThat(conformance).isEqualTo(ConformanceAccumulator.create(CHECKER).add(singleJvm(EVENTS)).result());
    }

    @Test
    void conformanceWithoutTheColumnsCompletesEveryTouchpointReached() {
        Dataset<Row> events = TestData.detailedEventFrame(spark, EVENTS, 2, SEED);
        ConformanceSummary summary = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .conformance(CHECKER).orElseThrow();

        assertThat(summary.touchpoints()).allSatisfy(t -> {
            assertThat(t.failing()).isZero();
            assertThat(t.late()).isZero();
        });
        assertThat(summary.meanTimingScore()).isEmpty();
    }

    @Test
    void handWorkedConformanceOfTwoCustomers() {
        Dataset<Row> events = frame(
                // c1: search took 4 min (plan 3 min + 10 % = 198 s: late); both cart events failed; no checkout.
                row("c1", "2026-03-01 10:00:00", "search", "COMPLETED", 240_000L),
                row("c1", "2026-03-01 10:05:00", "cart", "failed", 60_000L),
                row("c1", "2026-03-01 10:06:00", "cart", "Abandoned", null),
                // c2: search without outcome or duration (completed, not timed); cart 2 min 10 s is within the
                // plan's 2 min + 10 % (132 s), not late; checkout has no expected duration.
                row("c2", "2026-03-01 11:00:00", "search", null, null),
                row("c2", "2026-03-01 11:01:00", "cart", "completed", 130_000L),
                row("c2", "2026-03-01 11:03:00", "checkout", "COMPLETED", 30_000L));
        ConformanceSummary summary = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withOutcome("status").withDuration("handle_ms").withPartitions(2).conformance(CHECKER)
                .orElseThrow();

        assertThat(summary.touchpoints()).containsExactly(
                new TouchpointDeviations("search", 2, 0, 0, 0, 1),
                new TouchpointDeviations("cart", 1, 1, 0, 0, 0),
                new TouchpointDeviations("checkout", 1, 0, 1, 0, 0));
        // Content: c1 completed 1 of 3, c2 3 of 3: 4 / 6. Timing: c1 checked search (late) and cart (1 min, on
        // time): 1/2; c2 checked cart only: 1; mean 0.75.
        assertThat(summary.meanContentScore()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(summary.meanTimingScore()).hasValueCloseTo(0.75, within(1e-12));
    }

    @Test
    void funnelAndPathsIgnoreTheColumnsAsInOneJvm() {
        Dataset<Row> events = TestData.detailedEventFrame(spark, EVENTS, 3, SEED);
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withOutcome("status").withDuration("handle").withPartitions(2);
        Funnel funnel = Funnel.of(List.of("search", "product", "cart", "checkout"), Duration.ofDays(2));
        ActualJourneys single = singleJvm(EVENTS);

        assertThat(journeys.funnel(funnel)).isEqualTo(FunnelAccumulator.create(funnel).add(single).result());
        assertThat(journeys.paths()).isEqualTo(PathAccumulator.create().add(single).result());
    }

    @Test
    void unknownOutcomeFailsTheJobNamingTheColumnAndTheRule() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", "COMPLETED", null),
                row("c1", "2026-03-01 10:01:00", "cart", "done", null));
        SparkFunctionException error = Failures.functionError(() -> SparkJourneys.of(events, "customer_id",
                "event_time", "touchpoint").withOutcome("status").withPartitions(1).conformance(CHECKER));

        assertThat(error.getFunction()).isEqualTo("conformance");
        assertThat(error.getInput()).isEqualTo("conformance(outcome column 'status')");
        assertThat(error.getValue()).isEqualTo("done");
        assertThat(error.getRule()).isEqualTo("must be COMPLETED, FAILED or ABANDONED (in any case), or null");
    }

    @Test
    void longUnknownOutcomeIsEchoedShortened() {
        String outcome = "x".repeat(500);
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", outcome, null));
        SparkFunctionException error = Failures.functionError(() -> SparkJourneys.of(events, "customer_id",
                "event_time", "touchpoint").withOutcome("status").paths());

        assertThat(error.getFunction()).isEqualTo("paths");
        assertThat(error.getValue()).isEqualTo("x".repeat(57) + "...");
    }

    @Test
    void negativeDurationFailsEveryAnalysisNamingTheColumn() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", null, -5L));
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withDuration("handle_ms").withPartitions(1);

        SparkFunctionException funnel = Failures.functionError(() -> journeys.funnel(
                Funnel.of(List.of("search"), Duration.ofDays(1))));
        assertThat(funnel.getInput()).isEqualTo("funnel(duration column 'handle_ms')");
        assertThat(funnel.getValue()).isEqualTo("-5 ms");
        assertThat(funnel.getRule()).isEqualTo("must not be negative");
        SparkFunctionException cohorts = Failures.functionError(() -> journeys.cohorts(
                org.journeykit.metrics.retention.CohortDefinition.MONTHLY_UTC));
        assertThat(cohorts.getInput()).isEqualTo("cohorts(duration column 'handle_ms')");
    }

    @Test
    void eventWithDetailsBreakingAnotherModelRuleFailsConformanceNamingTheField() {
        // With an outcome the row becomes an InteractionEvent, whose customer id has at most 128 characters.
        Dataset<Row> events = frame(row("c".repeat(129), "2026-03-01 10:00:00", "search", "COMPLETED", null));
        SparkFunctionException error = Failures.functionError(() -> SparkJourneys.of(events, "customer_id",
                "event_time", "touchpoint").withOutcome("status").withPartitions(1).conformance(CHECKER));

        assertThat(error.getFunction()).isEqualTo("conformance");
        assertThat(error.getInput()).isEqualTo("conformance(event 0)");
        assertThat(error.getRule()).startsWith("customerId ");
        assertThat(error.getValue()).endsWith("...").hasSize(60);
    }

    @Test
    void negativeIntervalFailsNamingTheColumn() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", null, null))
                .selectExpr("customer_id", "event_time", "touchpoint", "INTERVAL '-1.5' SECOND AS took");
        SparkFunctionException error = Failures.functionError(() -> SparkJourneys.of(events, "customer_id",
                "event_time", "touchpoint").withDuration("took").conformance(CHECKER));

        assertThat(error.getInput()).isEqualTo("conformance(duration column 'took')");
        assertThat(error.getValue()).isEqualTo("PT-1.5S");
    }

    @Test
    void outcomeColumnOfAnotherTypeIsRefusedNamingTheColumn() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", null, null))
                .selectExpr("*", "1 AS code");
        MetricInputException error = catchThrowableOfType(MetricInputException.class, () -> SparkJourneys.of(
                events, "customer_id", "event_time", "touchpoint").withOutcome("code"));

        assertThat(error.getInput()).isEqualTo("outcome column 'code'");
        assertThat(error.getValue()).isEqualTo("INT");
        assertThat(error.getRule()).isEqualTo(EventDetails.OUTCOME_TYPE_RULE);
    }

    @Test
    void durationColumnOfAFractionalOrTextTypeIsRefusedNamingTheColumn() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", null, null))
                .selectExpr("*", "1.5D AS seconds", "'PT1S' AS iso");
        SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");

        MetricInputException fractional = catchThrowableOfType(MetricInputException.class,
                () -> journeys.withDuration("seconds"));
        assertThat(fractional.getMessage()).isEqualTo("duration column 'seconds': DOUBLE must be whole milliseconds "
                + "(TINYINT, SMALLINT, INT or BIGINT) or an INTERVAL DAY TO SECOND column");
        MetricInputException text = catchThrowableOfType(MetricInputException.class,
                () -> journeys.withDuration("iso"));
        assertThat(text.getValue()).isEqualTo("STRING");
    }

    @Test
    void integerMillisecondsAreAcceptedAsDurations() {
        Dataset<Row> events = frame(row("c1", "2026-03-01 10:00:00", "search", null, 240_000L))
                .selectExpr("customer_id", "event_time", "touchpoint", "CAST(handle_ms AS INT) AS took");
        ConformanceSummary summary = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint")
                .withDuration("took").conformance(CHECKER).orElseThrow();

        // 240 s against 3 min + 10 %: late.
        assertThat(summary.touchpoints().get(0).late()).isEqualTo(1);
    }

    /** Search within 3 minutes, cart within 2, checkout without an expected duration. */
    private static Journey plan() {
        return Journey.builder().id("shop").name("Buy in the web shop").addPhases(Phase.PURCHASE)
                .addTouchpoints(Touchpoint.builder().id("search").name("Search").phaseId("purchase")
                        .expectedDuration(Duration.ofMinutes(3)).build())
                .addTouchpoints(Touchpoint.builder().id("cart").name("Cart").phaseId("purchase")
                        .expectedDuration(Duration.ofMinutes(2)).build())
                .addTouchpoints(Touchpoint.of("checkout", "Checkout", "purchase"))
                .build();
    }

    /** The events as one JVM holds them: InteractionEvents, mapped by touchpoint, in the Spark tie order. */
    private static ActualJourneys singleJvm(List<DetailedEvent> events) {
        List<DetailedEvent> ordered = new ArrayList<>(events);
        ordered.sort(TIE_ORDER);
        return inArrivalOrder(ordered);
    }

    /** The events as one JVM holds them when they arrive in the order given. */
    private static ActualJourneys inArrivalOrder(List<DetailedEvent> ordered) {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (DetailedEvent e : ordered) {
            InteractionEvent.Builder event = InteractionEvent.builder();
            event.customerId(e.customer()).time(e.time()).touchpointId(e.step());
            if (e.outcome() != null) {
                event.outcome(e.outcome());
            }
            if (e.durationMicros() != null) {
                event.duration(Duration.of(e.durationMicros(), ChronoUnit.MICROS));
            }
            builder.add(event.build());
        }
        return builder.result();
    }

    private Dataset<Row> frame(Row... rows) {
        return spark.createDataFrame(List.of(rows), TestData.DETAILED_EVENTS).drop("handle");
    }

    private static Row row(String customer, String time, String step, String outcome, Long millis) {
        return RowFactory.create(customer, Timestamp.valueOf(time), step, outcome, millis, null);
    }
}
