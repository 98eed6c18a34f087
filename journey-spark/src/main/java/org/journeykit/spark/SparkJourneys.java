package org.journeykit.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.journeykit.metrics.MetricAccumulator;
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
import org.journeykit.spark.internal.PartitionRunner;

/**
 * Journey analytics over a Dataset of interaction events whose columns the caller names: the customer, the time and
 * the step (a touchpoint, activity, channel or phase column, or any expression made into a column first).
 *
 * <pre>{@code
 * SparkJourneys journeys = SparkJourneys.of(events, "customer_id", "event_time", "touchpoint");
 * Optional<FunnelResult> funnel = journeys.funnel(Funnel.of(List.of("home", "cart", "checkout"), Duration.ofDays(7)));
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
 * string, not null, not blank. A row that breaks a rule fails the job; the {@code SparkException}'s cause chain holds
 * a {@link SparkFunctionException} naming the analysis (such as {@code "funnel"}) and the library's rule.
 *
 * <p>Each call runs one Spark job over the events; cache the Dataset when asking several questions. This class is
 * immutable and thread-safe (the Dataset is shared, not copied).
 */
public final class SparkJourneys {

    private static final String CUSTOMER = "customer";
    private static final String TIME = "time";
    private static final String STEP = "step";

    private final Dataset<Row> events;
    private final int partitions;
    private final Duration inactivity;

    private SparkJourneys(Dataset<Row> events, int partitions, Duration inactivity) {
        this.events = events;
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
     * @return the analytics, not null
     * @throws NullPointerException if an argument is null
     * @throws RuntimeException Spark's {@code AnalysisException} if a column does not exist (thrown by Spark,
     *     undeclared)
     */
    public static SparkJourneys of(Dataset<Row> events, String customerColumn, String timeColumn,
            String stepColumn) {
        Objects.requireNonNull(events, "events");
        Dataset<Row> selected = events.select(
                functions.col(Objects.requireNonNull(customerColumn, "customerColumn")).cast("string").as(CUSTOMER),
                functions.unix_millis(functions.col(Objects.requireNonNull(timeColumn, "timeColumn")).cast(
                        "timestamp")).as(TIME),
                functions.col(Objects.requireNonNull(stepColumn, "stepColumn")).cast("string").as(STEP));
        int partitions = Integer.parseInt(events.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return new SparkJourneys(selected, partitions, null);
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
        return new SparkJourneys(events, partitions, inactivity);
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
        return new SparkJourneys(events, partitions, inactivity);
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
                "funnel")), FunnelAccumulator::fromBytes, funnelAdder(), inactivity)).result();
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
                CohortRetentionAccumulator.create(Objects.requireNonNull(definition, "definition")), CohortRetentionAccumulator::fromBytes,
                (accumulator, chunk) -> { }, null);
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
                pathAdder(), inactivity)).result();
    }

    /**
     * The conformance of the journeys to a planned journey of the model, as {@code ConformanceAccumulator} computes
     * it; the step column must hold touchpoint ids.
     *
     * @param checker the checker with the plan, not null (shipped to the executors in the accumulator's byte form)
     * @return the summary, or empty when there are no events
     * @throws NullPointerException if {@code checker} is null
     * @throws RuntimeException Spark's {@code SparkException} (thrown by Spark, undeclared) if the job fails, with
     *     a {@link SparkFunctionException} in its cause chain for bad events
     */
    public Optional<ConformanceSummary> conformance(ConformanceChecker checker) {
        return journeys(new PartitionRunner<>("conformance", ConformanceAccumulator.create(Objects.requireNonNull(
                checker, "checker")), ConformanceAccumulator::fromBytes, conformanceAdder(), inactivity)).result();
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
                inactivity)).result();
    }

    private <A extends MetricAccumulator<A, ?>> A journeys(PartitionRunner<A> runner) {
        byte[] merged = events.repartition(partitions, functions.col(CUSTOMER))
                .sortWithinPartitions(CUSTOMER)
                .mapPartitions(runner.journeys(), Encoders.BINARY())
                .javaRDD().treeAggregate(runner.zero(), runner.merge(), runner.merge());
        return runner.read(merged);
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
