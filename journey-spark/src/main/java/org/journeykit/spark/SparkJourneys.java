package org.journeykit.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.spark.internal.ChunkAdder;
import org.journeykit.spark.internal.EventDetails;
import org.journeykit.spark.internal.PartitionRunner;

/**
 * Journey analytics over a Dataset of interaction events whose columns the caller names: the customer, the time and
 * the step (a touchpoint, activity, channel or phase column, or any expression made into a column first), and
 * optionally the outcome and the duration of each event.
 *
 * <pre>{@code
 * SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");
 * Optional<FunnelResult> funnel = journeys.funnel(Funnel.of(List.of("home", "cart", "checkout"), Duration.ofDays(7)));
 * Optional<ConformanceSummary> conformance = journeys.withOutcome("status").withDuration("handle_ms")
 *         .conformance(ConformanceChecker.of(plan));
 * }</pre>
 *
 * <p>How it runs: the events are repartitioned by customer across the cluster and sorted by customer within each
 * partition; each partition streams its customers through the library ({@code ActualJourneyStream}) into one
 * accumulator; the partitions' accumulators travel as their byte form ({@code toBytes}) and are merged in a tree
 * ({@code treeAggregate}) into the library's own result type, read on the driver. The answer equals the single-JVM
 * result over the same events, whatever the number of partitions and the order of the rows. {@link JourneyTables}
 * turns results into DataFrames where a table is the natural shape.
 *
 * <p>Rules of the input: the customer column is any type cast to a string, not null, not blank; the time column a
 * TIMESTAMP (or anything Spark's {@code unix_millis} accepts) within 0001-01-01 to 9999-12-31, not null; the step a
 * string, not null, not blank, at most 200 characters. The optional columns are those of
 * {@code InteractionEvent}: the outcome a STRING holding {@code COMPLETED}, {@code FAILED} or {@code ABANDONED} in
 * any case (no surrounding spaces), or null when not recorded; the duration whole milliseconds (TINYINT, SMALLINT,
 * INT or BIGINT) or an INTERVAL DAY TO SECOND, zero or more, or null when not recorded. Times count in whole
 * milliseconds (finer parts are dropped), as the library's journeys count them; so do durations when an analysis
 * compares them. A row that breaks a rule fails the job; the {@code SparkException}'s cause chain holds a
 * {@link SparkFunctionException} naming the analysis (such as {@code "funnel"}) and the library's rule, with the
 * column for the outcome and duration ({@code "conformance(outcome column 'status'): done must be COMPLETED,
 * FAILED or ABANDONED (in any case), or null"}). The outcome and duration columns, once named, are checked in every
 * analysis, also those that do not use them.
 *
 * <p>Where the outcome and duration count: {@link #conformance} takes a planned touchpoint as failing when every
 * event of it in a journey ended {@code FAILED} or {@code ABANDONED}, and late when the duration of its first event
 * exceeds the plan's expected duration, as {@code ConformanceChecker} does in one JVM; those events are then
 * checked as {@code InteractionEvent}s, so their customer id also has at most 128 characters and no text holds a
 * lone surrogate. The funnel, paths, channel paths and cohorts do not use them, as in one JVM. Events of one
 * customer with the same time and step are ordered by outcome name, then duration (nulls first): one JVM keeps
 * their order of arrival, which a cluster does not have.
 *
 * <p>Each call runs one Spark job over the events; cache the Dataset when asking several questions. This class is
 * immutable and thread-safe (the Dataset is shared, not copied).
 */
public final class SparkJourneys {

    private static final String CUSTOMER = "customer";
    private static final String TIME = "time";
    private static final String STEP = "step";
    private static final String OUTCOME = "outcome";
    private static final String DURATION = "duration";
    /** The index of the first optional column in the selected rows. */
    private static final int FIRST_DETAIL = 3;

    private final Dataset<Row> source;
    private final Dataset<Row> events;
    private final Column[] columns;
    private final String outcomeColumn;
    private final String durationColumn;
    private final int partitions;
    private final Duration inactivity;

    private SparkJourneys(Dataset<Row> source, Column[] columns, String outcomeColumn, String durationColumn,
            int partitions, Duration inactivity) {
        this.source = source;
        this.columns = columns;
        List<Column> selected = new ArrayList<>(List.of(columns));
        if (outcomeColumn != null) {
            selected.add(functions.col(outcomeColumn).as(OUTCOME));
        }
        if (durationColumn != null) {
            Column duration = functions.col(durationColumn);
            // Integral milliseconds as BIGINT; an interval as is (a java.time.Duration in the row).
            selected.add((EventDetails.checkDurationType(durationColumn, typeOf(source, durationColumn)) ? duration
                    : duration.cast("bigint")).as(DURATION));
        }
        this.events = source.select(selected.toArray(new Column[0]));
        this.outcomeColumn = outcomeColumn;
        this.durationColumn = durationColumn;
        this.partitions = partitions;
        this.inactivity = inactivity;
    }

    /**
     * The events of a Dataset, with the columns that name the customer, the time and the step.
     *
     * @param events the events, not null
     * @param customerColumn the customer column's name, not null
     * @param timeColumn the time column's name, not null
     * @param stepColumn the step column's name, not null
     * @return the analytics, without outcome and duration columns, not null
     * @throws NullPointerException if an argument is null
     * @throws RuntimeException Spark's {@code AnalysisException} if a column does not exist (thrown by Spark,
     *     undeclared)
     */
    public static SparkJourneys of(Dataset<Row> events, String customerColumn, String timeColumn,
            String stepColumn) {
        Objects.requireNonNull(events, "events");
        Column[] columns = {
            functions.col(Objects.requireNonNull(customerColumn, "customerColumn")).cast("string").as(CUSTOMER),
            functions.unix_millis(functions.col(Objects.requireNonNull(timeColumn, "timeColumn")).cast(
                    "timestamp")).as(TIME),
            functions.col(Objects.requireNonNull(stepColumn, "stepColumn")).cast("string").as(STEP)};
        int partitions = Integer.parseInt(events.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return new SparkJourneys(events, columns, null, null, partitions, null);
    }

    /**
     * A copy that reads each event's outcome ({@code InteractionEvent.getOutcome()}) from a column: a STRING holding
     * {@code COMPLETED}, {@code FAILED} or {@code ABANDONED} in any case, or null when the event recorded none.
     * Replaces an outcome column named before.
     *
     * @param outcomeColumn the outcome column's name, not null
     * @return the copy, not null
     * @throws NullPointerException if {@code outcomeColumn} is null
     * @throws MetricInputException if the column is not a STRING column (input {@code "outcome column 'name'"},
     *     the column's SQL type as the value)
     * @throws RuntimeException Spark's {@code AnalysisException} if the column does not exist (thrown by Spark,
     *     undeclared)
     */
    public SparkJourneys withOutcome(String outcomeColumn) {
        Objects.requireNonNull(outcomeColumn, "outcomeColumn");
        EventDetails.checkOutcomeType(outcomeColumn, typeOf(source, outcomeColumn));
        return new SparkJourneys(source, columns, outcomeColumn, durationColumn, partitions, inactivity);
    }

    /**
     * A copy that reads each event's duration ({@code InteractionEvent.getDuration()}, such as a contact's handle
     * time) from a column: whole milliseconds as TINYINT, SMALLINT, INT or BIGINT, or an INTERVAL DAY TO SECOND;
     * zero or more, or null when the event recorded none. Replaces a duration column named before.
     *
     * @param durationColumn the duration column's name, not null
     * @return the copy, not null
     * @throws NullPointerException if {@code durationColumn} is null
     * @throws MetricInputException if the column has another type, such as DOUBLE or STRING (input
     *     {@code "duration column 'name'"}, the column's SQL type as the value)
     * @throws RuntimeException Spark's {@code AnalysisException} if the column does not exist (thrown by Spark,
     *     undeclared)
     */
    public SparkJourneys withDuration(String durationColumn) {
        Objects.requireNonNull(durationColumn, "durationColumn");
        EventDetails.checkDurationType(durationColumn, typeOf(source, durationColumn));
        return new SparkJourneys(source, columns, outcomeColumn, durationColumn, partitions, inactivity);
    }

    /**
     * A copy that repartitions the events by customer into this many partitions (by default
     * {@code spark.sql.shuffle.partitions}).
     *
     * @param partitions the number of partitions, at least 1
     * @return the copy, not null
     * @throws IllegalArgumentException if {@code partitions} is below 1
     */
    public SparkJourneys withPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: " + partitions + " must be at least 1");
        }
        return new SparkJourneys(source, columns, outcomeColumn, durationColumn, partitions, inactivity);
    }

    /**
     * A copy that splits a customer's events into separate journeys after a period of inactivity (by default each
     * customer's events form one journey).
     *
     * @param inactivity the longest gap inside one journey, positive, not null
     * @return the copy, not null
     * @throws NullPointerException if {@code inactivity} is null
     * @throws IllegalArgumentException if the period is zero or negative
     */
    public SparkJourneys withInactivity(Duration inactivity) {
        if (inactivity.isZero() || inactivity.isNegative()) {
            throw new IllegalArgumentException("inactivity: " + inactivity + " must be positive");
        }
        return new SparkJourneys(source, columns, outcomeColumn, durationColumn, partitions, inactivity);
    }

    /**
     * The number of partitions the events are grouped into.
     *
     * @return at least 1
     */
    public int partitions() {
        return partitions;
    }

    /**
     * The funnel over the customers' journeys, as {@code FunnelAccumulator} computes it in one JVM.
     *
     * @param funnel the funnel, not null
     * @return the result, or empty when no journey entered the funnel's first step (as the accumulator's result)
     * @throws NullPointerException if {@code funnel} is null
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<FunnelResult> funnel(Funnel funnel) {
        return journeys(new PartitionRunner<>("funnel", FunnelAccumulator.create(Objects.requireNonNull(funnel,
                "funnel")), FunnelAccumulator::fromBytes, funnelAdder(), inactivity, details(), false)).result();
    }

    /**
     * The cohort retention of the customers: each customer's cohort is the period of their first event (the step
     * column is not used, every event is an activity), as {@code CohortRetentionAccumulator} computes it.
     *
     * @param definition the period length and time zone of the cohorts, not null
     * @return the cohort table, or empty when there are no events
     * @throws NullPointerException if {@code definition} is null
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<CohortTable> cohorts(CohortDefinition definition) {
        PartitionRunner<CohortRetentionAccumulator> runner = new PartitionRunner<>("cohorts",
                CohortRetentionAccumulator.create(Objects.requireNonNull(definition, "definition")),
                CohortRetentionAccumulator::fromBytes,
                (accumulator, chunk) -> { }, null, details(), false);
        // Cohorts need no grouping by customer: the state is keyed by customer and merges exactly.
        byte[] merged = events.mapPartitions(runner.rows((accumulator, row) -> accumulator.add(row.getString(0),
                row.isNullAt(1) ? null : Instant.ofEpochMilli(row.getLong(1)))), Encoders.BINARY())
                .javaRDD().treeAggregate(runner.zero(), runner.merge(), runner.merge());
        return runner.read(merged).result();
    }

    /**
     * The variants and the directly-follows graph of the journeys, as {@code PathAccumulator} computes them.
     *
     * @return the paths, or empty when there are no events
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<PathResult> paths() {
        return journeys(new PartitionRunner<>("paths", PathAccumulator.create(), PathAccumulator::fromBytes,
                pathAdder(), inactivity, details(), false)).result();
    }

    /**
     * The conformance of the journeys to a planned journey of the model, as {@code ConformanceAccumulator} computes
     * it; the step column must hold touchpoint ids. With an {@linkplain #withOutcome outcome column}, a planned
     * touchpoint whose events in a journey all ended {@code FAILED} or {@code ABANDONED} is failing (an event
     * without an outcome completes it); with a {@linkplain #withDuration duration column}, a touchpoint whose first
     * event took longer than the plan's expected duration (times one plus the checker's tolerance, in whole
     * milliseconds) is late, and the timing score counts the touchpoints with both durations. Without those
     * columns every touchpoint reached is completed and no timing is checked.
     *
     * @param checker the checker with the plan, not null (shipped to the executors in the accumulator's byte form)
     * @return the summary, or empty when there are no events
     * @throws NullPointerException if {@code checker} is null
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<ConformanceSummary> conformance(ConformanceChecker checker) {
        return journeys(new PartitionRunner<>("conformance", ConformanceAccumulator.create(Objects.requireNonNull(
                checker, "checker")), ConformanceAccumulator::fromBytes, conformanceAdder(), inactivity, details(),
                true)).result();
    }

    /**
     * The channel paths of the journeys for attribution, as {@code ChannelPathAccumulator} computes them: the step
     * column holds channels, and events whose step is {@code conversionStep} mark a conversion. Give the result to
     * {@code Attribution} (first touch, last touch, linear, position-based, time decay) or
     * {@code MarkovAttribution}, and to {@link JourneyTables#attribution} for a DataFrame.
     *
     * @param conversionStep the step value that marks a conversion, not null
     * @return the paths, or empty when no journey has a touch
     * @throws NullPointerException if {@code conversionStep} is null
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<ChannelPaths> channelPaths(String conversionStep) {
        Objects.requireNonNull(conversionStep, "conversionStep");
        return journeys(new PartitionRunner<>("channel_paths", ChannelPathAccumulator.create(),
                ChannelPathAccumulator::fromBytes, (accumulator, chunk) -> accumulator.add(chunk, conversionStep),
                inactivity, details(), false)).result();
    }

    private <A extends MetricAccumulator<A, ?>> A journeys(PartitionRunner<A> runner) {
        List<Column> order = new ArrayList<>(List.of(functions.col(CUSTOMER)));
        if (outcomeColumn != null || durationColumn != null) {
            // Events of a customer with equal time and step differ only in their details: a fixed order.
            order.add(functions.col(TIME));
            order.add(functions.col(STEP));
            if (outcomeColumn != null) {
                order.add(functions.upper(functions.col(OUTCOME)));
            }
            if (durationColumn != null) {
                order.add(functions.col(DURATION));
            }
        }
        byte[] merged = events.repartition(partitions, functions.col(CUSTOMER))
                .sortWithinPartitions(order.toArray(new Column[0]))
                .mapPartitions(runner.journeys(), Encoders.BINARY())
                .javaRDD().treeAggregate(runner.zero(), runner.merge(), runner.merge());
        return runner.read(merged);
    }

    private EventDetails details() {
        return EventDetails.of(FIRST_DETAIL, outcomeColumn, durationColumn);
    }

    private static DataType typeOf(Dataset<Row> source, String column) {
        return source.select(functions.col(column)).schema().fields()[0].dataType();
    }

    private static ChunkAdder<FunnelAccumulator> funnelAdder() {
        return FunnelAccumulator::add;
    }

    private static ChunkAdder<PathAccumulator> pathAdder() {
        return PathAccumulator::add;
    }

    private static ChunkAdder<ConformanceAccumulator> conformanceAdder() {
        return ConformanceAccumulator::add;
    }
}
