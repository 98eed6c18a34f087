package org.journeykit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;
import org.journeykit.metrics.retention.CohortTable;

/**
 * The library's results as DataFrames where a table is their natural shape: the funnel's steps, the cohort triangle,
 * the directly-follows graph and the variants, attribution per channel.
 * The results are small (one row per step, cell or edge); the DataFrames are built on the driver from the result
 * values, to join, save or show with Spark.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyTables {

    /** The columns of {@link #funnel}. */
    static final StructType FUNNEL = new StructType()
            .add("position", DataTypes.IntegerType, false)
            .add("step", DataTypes.StringType, false)
            .add("entered", DataTypes.LongType, false)
            .add("dropped_off", DataTypes.LongType, false)
            .add("conversion_from_previous", DataTypes.DoubleType, true)
            .add("conversion_from_start", DataTypes.DoubleType, true)
            .add("median_millis_to_next", DataTypes.LongType, true)
            .add("mean_millis_to_next", DataTypes.LongType, true);

    /** The columns of {@link #cohorts}. */
    static final StructType COHORTS = new StructType()
            .add("cohort", DataTypes.StringType, false)
            .add("cohort_start", DataTypes.DateType, false)
            .add("cohort_size", DataTypes.LongType, false)
            .add("offset", DataTypes.IntegerType, false)
            .add("active", DataTypes.LongType, false)
            .add("retention", DataTypes.DoubleType, true)
            .add("unbounded_retention", DataTypes.DoubleType, true);

    /** The columns of {@link #edges}. */
    static final StructType EDGES = new StructType()
            .add("from_step", DataTypes.StringType, false)
            .add("to_step", DataTypes.StringType, false)
            .add("count", DataTypes.LongType, false)
            .add("mean_millis", DataTypes.LongType, false);

    /** The columns of {@link #variants}. */
    static final StructType VARIANTS = new StructType()
            .add("steps", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("count", DataTypes.LongType, false)
            .add("share", DataTypes.DoubleType, false);

    /** The columns of {@link #attribution}. */
    static final StructType ATTRIBUTION = new StructType()
            .add("channel", DataTypes.StringType, false)
            .add("conversions", DataTypes.DoubleType, false)
            .add("value", DataTypes.DoubleType, true);

    private JourneyTables() {}

    /**
     * The directly-follows graph, one row per edge in the result's order: from_step, to_step, count (how often the
     * second step directly followed the first) and mean_millis (the mean time between them, in milliseconds).
     *
     * @param spark the session, not null
     * @param result the paths, not null
     * @return the DataFrame, not null
     * @throws NullPointerException if an argument is null
     */
    public static Dataset<Row> edges(SparkSession spark, PathResult result) {
        List<Row> rows = new ArrayList<>();
        for (Edge edge : result.edges()) {
            rows.add(RowFactory.create(edge.from(), edge.to(), edge.count(), edge.meanTime().toMillis()));
        }
        return Objects.requireNonNull(spark, "spark").createDataFrame(rows, EDGES);
    }

    /**
     * The variants (distinct step sequences), one row per variant in the result's order: steps, count and share of
     * the journeys (0 to 1).
     *
     * @param spark the session, not null
     * @param result the paths, not null
     * @return the DataFrame, not null
     * @throws NullPointerException if an argument is null
     */
    public static Dataset<Row> variants(SparkSession spark, PathResult result) {
        List<Row> rows = new ArrayList<>();
        for (Variant variant : result.variants()) {
            rows.add(RowFactory.create(variant.steps().toArray(new String[0]), variant.count(), variant.share()));
        }
        return Objects.requireNonNull(spark, "spark").createDataFrame(rows, VARIANTS);
    }

    /**
     * Attributed conversions per channel, one row per channel in the result's order: channel, conversions (the
     * conversions credited, fractional) and value (the credited value, null when the result has none for the channel).
     *
     * @param spark the session, not null
     * @param result an attribution of any model, not null
     * @return the DataFrame, not null
     * @throws NullPointerException if an argument is null
     */
    public static Dataset<Row> attribution(SparkSession spark, AttributionResult result) {
        List<Row> rows = new ArrayList<>();
        result.conversions().forEach((channel, conversions) -> rows.add(RowFactory.create(channel, conversions,
                result.value().get(channel))));
        return Objects.requireNonNull(spark, "spark").createDataFrame(rows, ATTRIBUTION);
    }

    /**
     * The funnel's steps, one row per step in funnel order: position (from 0), step, entered, dropped_off,
     * conversion_from_previous and conversion_from_start (shares 0 to 1, null when undefined), median and mean
     * milliseconds to the next step (null when none converted or for the last step).
     *
     * @param spark the session, not null
     * @param result the funnel result, not null
     * @return the DataFrame, not null
     * @throws NullPointerException if an argument is null
     */
    public static Dataset<Row> funnel(SparkSession spark, FunnelResult result) {
        List<Row> rows = new ArrayList<>();
        List<FunnelStep> steps = result.steps();
        for (int k = 0; k < steps.size(); k++) {
            FunnelStep step = steps.get(k);
            rows.add(RowFactory.create(k, step.step(), step.entered(), step.droppedOff(),
                    boxed(step.conversionFromPrevious()), boxed(step.conversionFromStart()),
                    step.medianTimeToNext().map(java.time.Duration::toMillis).orElse(null),
                    step.meanTimeToNext().map(java.time.Duration::toMillis).orElse(null)));
        }
        return Objects.requireNonNull(spark, "spark").createDataFrame(rows, FUNNEL);
    }

    /**
     * The cohort triangle in long form, one row per cohort with customers and offset: cohort (the period's label,
     * such as {@code 2026-03}), cohort_start, cohort_size, offset (periods after the first, from 0), active (classic
     * retention count), retention and unbounded_retention (rates 0 to 1). Pivot on offset for the triangle.
     *
     * @param spark the session, not null
     * @param table the cohort table, not null
     * @return the DataFrame, not null
     * @throws NullPointerException if an argument is null
     */
    public static Dataset<Row> cohorts(SparkSession spark, CohortTable table) {
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < table.periods(); c++) {
            long size = table.cohortSize(c);
            if (size == 0) {
                continue;
            }
            java.sql.Date start = java.sql.Date.valueOf(table.cohortStart(c));
            for (int k = 0; k < table.offsets(c); k++) {
                rows.add(RowFactory.create(table.cohortLabel(c), start, size, k, table.active(c, k),
                        boxed(table.retention(c, k)), boxed(table.unboundedRetention(c, k))));
            }
        }
        return Objects.requireNonNull(spark, "spark").createDataFrame(rows, COHORTS);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
