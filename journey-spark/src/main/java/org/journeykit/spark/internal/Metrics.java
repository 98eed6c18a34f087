package org.journeykit.spark.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatDefinition;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;
import org.journeykit.observed.SurveyScale;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The catalogue of metrics that JourneyKit's SQL functions compute: input columns, accumulator and result struct of
 * each. Confidence intervals are at the 95 % level. Not part of the API.
 */
public final class Metrics {

    /** The confidence level of every interval in a result struct. */
    public static final double LEVEL = 0.95;

    private static final StructType NPS_RESULT = struct(
            field("score", DataTypes.DoubleType), field("wald_lower", DataTypes.DoubleType),
            field("wald_upper", DataTypes.DoubleType), field("standard_error", DataTypes.DoubleType),
            field("effective_sample_size", DataTypes.DoubleType), count("responses"), count("promoters"),
            count("passives"), count("detractors"));

    private static final StructType CES_RESULT = struct(
            field("mean", DataTypes.DoubleType), field("mean_lower", DataTypes.DoubleType),
            field("mean_upper", DataTypes.DoubleType), field("standard_deviation", DataTypes.DoubleType),
            field("share_easy", DataTypes.DoubleType), field("share_difficult", DataTypes.DoubleType),
            field("net_ease", DataTypes.DoubleType), count("responses"),
            new StructField("distribution", DataTypes.createArrayType(DataTypes.LongType, false), false,
                    org.apache.spark.sql.types.Metadata.empty()));

    private static final StructType PROPORTION_RESULT = struct(
            field("share", DataTypes.DoubleType), field("wilson_lower", DataTypes.DoubleType),
            field("wilson_upper", DataTypes.DoubleType), count("successes"), count("trials"));

    private static final StructType HANDLE_TIME_RESULT = struct(
            field("mean_millis", DataTypes.DoubleType), count("total_millis"), count("contacts"));

    private static final StructType RESOLUTION_TIME_RESULT = struct(
            count("count"), new StructField("exact", DataTypes.BooleanType, false,
                    org.apache.spark.sql.types.Metadata.empty()),
            field("rank_error", DataTypes.DoubleType), field("mean_millis", DataTypes.DoubleType),
            field("min_millis", DataTypes.LongType), field("median_millis", DataTypes.LongType),
            field("p90_millis", DataTypes.LongType), field("p95_millis", DataTypes.LongType),
            field("p99_millis", DataTypes.LongType), field("max_millis", DataTypes.LongType));

    private static final StructType CONTACT_VOLUME_RESULT = struct(
            count("total"),
            field("hourly", DataTypes.createArrayType(DataTypes.LongType, false)),
            field("by_weekday", DataTypes.createArrayType(DataTypes.LongType, false)),
            field("by_channel", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false)),
            field("by_reason", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false)));

    private static final StructType REPEAT_PURCHASE_RESULT = struct(
            field("rate", DataTypes.DoubleType), count("customers"), count("repeat_customers"));

    private Metrics() {}

    /**
     * {@code nps(score)}: Net Promoter Score of answers 0-10.
     *
     * @return the metric, not null
     */
    public static MetricFunction<NpsAccumulator> nps() {
        return new MetricFunction<>("nps", NpsAccumulator.class, NpsAccumulator::create, NpsAccumulator::fromBytes,
                struct(field("score", DataTypes.DoubleType)),
                (acc, row) -> acc.add(wholeNumber(row, 0, "score")),
                NPS_RESULT, acc -> npsRow(acc.result()));
    }

    /**
     * {@code weighted_nps(score, weight)}: Net Promoter Score of weighted answers 0-10.
     *
     * @return the metric, not null
     */
    public static MetricFunction<WeightedNpsAccumulator> weightedNps() {
        return new MetricFunction<>("weighted_nps", WeightedNpsAccumulator.class, WeightedNpsAccumulator::create,
                WeightedNpsAccumulator::fromBytes,
                struct(field("score", DataTypes.DoubleType), field("weight", DataTypes.DoubleType)),
                (acc, row) -> acc.add(wholeNumber(row, 0, "score"), number(row, 1, "weight")),
                NPS_RESULT, acc -> npsRow(acc.result()));
    }

    /**
     * {@code ces(answer)} on a CES scale.
     *
     * @param name the SQL name, not null
     * @param scale the scale, not null
     * @return the metric, not null
     */
    public static MetricFunction<CesAccumulator> ces(String name, CesScale scale) {
        return new MetricFunction<>(name, CesAccumulator.class, () -> CesAccumulator.create(scale),
                CesAccumulator::fromBytes, struct(field("answer", DataTypes.DoubleType)),
                (acc, row) -> acc.add(wholeNumber(row, 0, "answer")),
                CES_RESULT, acc -> cesRow(acc.result()));
    }

    /**
     * {@code csat(answer)} with a definition of "satisfied".
     *
     * @param name the SQL name, not null
     * @param scale the answer scale, not null
     * @param threshold the lowest satisfied answer
     * @return the metric, not null
     * @throws MetricInputException if the definition is invalid
     */
    public static MetricFunction<CsatAccumulator> csat(String name, SurveyScale scale, int threshold) {
        // The definition is not serializable: executors read it from an empty accumulator's state.
        byte[] template = CsatAccumulator.create(new CsatDefinition(scale, threshold)).toBytes();
        return new MetricFunction<>(name, CsatAccumulator.class, () -> CsatAccumulator.fromBytes(template),
                CsatAccumulator::fromBytes, struct(field("answer", DataTypes.DoubleType)),
                (acc, row) -> acc.add(wholeNumber(row, 0, "answer")),
                PROPORTION_RESULT, acc -> csatRow(acc.result()));
    }

    /**
     * {@code first_contact_resolution(resolved)}: the share of contacts resolved at the first contact.
     *
     * @return the metric, not null
     */
    public static MetricFunction<FirstContactResolutionAccumulator> firstContactResolution() {
        return new MetricFunction<>("first_contact_resolution", FirstContactResolutionAccumulator.class,
                FirstContactResolutionAccumulator::create, FirstContactResolutionAccumulator::fromBytes,
                struct(field("resolved", DataTypes.BooleanType)),
                (acc, row) -> {
                    if (row.isNullAt(0)) {
                        throw new MetricInputException("resolved", null, "must not be null");
                    }
                    acc.add(row.getBoolean(0));
                },
                PROPORTION_RESULT, acc -> proportionRow(acc.result()));
    }

    /**
     * {@code handle_time(millis)}: the mean handle time of contacts.
     *
     * @return the metric, not null
     */
    public static MetricFunction<HandleTimeAccumulator> handleTime() {
        return new MetricFunction<>("handle_time", HandleTimeAccumulator.class, HandleTimeAccumulator::create,
                HandleTimeAccumulator::fromBytes, struct(field("millis", DataTypes.LongType)),
                (acc, row) -> {
                    if (row.isNullAt(0)) {
                        throw new MetricInputException("millis", null, "must not be null");
                    }
                    acc.add(Duration.ofMillis(row.getLong(0)));
                },
                HANDLE_TIME_RESULT, acc -> {
                    Optional<Duration> mean = acc.result();
                    return RowFactory.create(mean.map(Metrics::millis).orElse(null), acc.total().toMillis(),
                            acc.contacts());
                });
    }

    /**
     * {@code resolution_time(millis)}: mean and percentiles of resolution times.
     *
     * @return the metric, not null
     */
    public static MetricFunction<ResolutionTimeAccumulator> resolutionTime() {
        return new MetricFunction<>("resolution_time", ResolutionTimeAccumulator.class,
                ResolutionTimeAccumulator::create, ResolutionTimeAccumulator::fromBytes,
                struct(field("millis", DataTypes.LongType)),
                (acc, row) -> {
                    if (row.isNullAt(0)) {
                        throw new MetricInputException("millis", null, "must not be null");
                    }
                    acc.addMillis(row.getLong(0));
                },
                RESOLUTION_TIME_RESULT, acc -> resolutionRow(acc.count(), acc.isExact(), acc.result()));
    }

    /**
     * {@code contact_volume(time, channel, reason)}: contacts by hour, weekday, channel and reason.
     *
     * @param zone the time zone of hours and weekdays, not null
     * @return the metric, not null
     */
    public static MetricFunction<ContactVolumeAccumulator> contactVolume(ZoneId zone) {
        return new MetricFunction<>("contact_volume", ContactVolumeAccumulator.class,
                () -> ContactVolumeAccumulator.create(zone), ContactVolumeAccumulator::fromBytes,
                struct(field("time", DataTypes.TimestampType), field("channel", DataTypes.StringType),
                        field("reason", DataTypes.StringType)),
                (acc, row) -> acc.add(instant(row, 0), row.getString(1), row.getString(2)),
                CONTACT_VOLUME_RESULT, acc -> contactVolumeRow(acc.result()));
    }

    /**
     * {@code repeat_purchase(customer_id)}: the share of purchasing customers who bought at least twice; one row per
     * purchase.
     *
     * @return the metric, not null
     */
    public static MetricFunction<RepeatPurchaseAccumulator> repeatPurchase() {
        return new MetricFunction<>("repeat_purchase", RepeatPurchaseAccumulator.class,
                RepeatPurchaseAccumulator::create, RepeatPurchaseAccumulator::fromBytes,
                struct(field("customer_id", DataTypes.StringType)),
                (acc, row) -> acc.add(row.getString(0)),
                REPEAT_PURCHASE_RESULT, acc -> {
                    Optional<RepeatPurchaseAccumulator.Rate> rate = acc.result();
                    return rate.isEmpty() ? RowFactory.create(null, 0L, 0L)
                            : RowFactory.create(rate.get().rate(), rate.get().customers(),
                                    rate.get().repeatCustomers());
                });
    }

    /**
     * Every metric with its default configuration, in the order the functions are registered.
     *
     * @param zone the time zone of contact volume, not null
     * @return the metrics, not null
     */
    public static List<MetricFunction<?>> all(ZoneId zone) {
        return List.of(nps(), weightedNps(), ces("ces", CesScale.CES_2_0), ces("ces_v1", CesScale.CES_1_0),
                csat("csat", CsatDefinition.TOP_TWO_BOX.scale(), CsatDefinition.TOP_TWO_BOX.threshold()),
                firstContactResolution(), handleTime(), resolutionTime(), contactVolume(zone), repeatPurchase());
    }

    private static Row npsRow(Optional<NpsResult> result) {
        if (result.isEmpty()) {
            return RowFactory.create(null, null, null, null, null, 0L, 0L, 0L, 0L);
        }
        NpsResult nps = result.get();
        Interval wald = nps.wald(LEVEL);
        return RowFactory.create(nps.score(), wald.lower(), wald.upper(), nps.standardError(),
                nps.effectiveSampleSize(), nps.responses(), nps.promoters(), nps.passives(), nps.detractors());
    }

    private static Row cesRow(Optional<CesResult> result) {
        if (result.isEmpty()) {
            return RowFactory.create(null, null, null, null, null, null, null, 0L, new long[0]);
        }
        CesResult ces = result.get();
        Optional<Interval> interval = ces.meanInterval(LEVEL);
        return RowFactory.create(ces.mean(), interval.map(Interval::lower).orElse(null),
                interval.map(Interval::upper).orElse(null),
                ces.standardDeviation().isPresent() ? ces.standardDeviation().getAsDouble() : null,
                ces.shareEasy(), ces.shareDifficult(), ces.netEase(), ces.responses(), ces.distribution());
    }

    private static Row csatRow(Optional<CsatResult> result) {
        if (result.isEmpty()) {
            return RowFactory.create(null, null, null, 0L, 0L);
        }
        CsatResult csat = result.get();
        Interval wilson = csat.wilson(LEVEL);
        return RowFactory.create(csat.share(), wilson.lower(), wilson.upper(), csat.satisfied(), csat.responses());
    }

    private static Row proportionRow(Optional<Proportion> result) {
        if (result.isEmpty()) {
            return RowFactory.create(null, null, null, 0L, 0L);
        }
        Proportion proportion = result.get();
        Interval wilson = proportion.wilson(LEVEL);
        return RowFactory.create(proportion.share(), wilson.lower(), wilson.upper(), proportion.successes(),
                proportion.trials());
    }

    private static Row resolutionRow(long count, boolean exact, Optional<ResolutionTimeResult> result) {
        if (result.isEmpty()) {
            return RowFactory.create(count, exact, null, null, null, null, null, null, null, null);
        }
        ResolutionTimeResult r = result.get();
        return RowFactory.create(r.count(), r.isExact(), r.rankError(), millis(r.mean()), r.min().toMillis(),
                r.percentileMillis(0.5), r.percentileMillis(0.9), r.percentileMillis(0.95), r.percentileMillis(0.99),
                r.max().toMillis());
    }

    private static Row contactVolumeRow(Optional<ContactVolume> result) {
        if (result.isEmpty()) {
            return RowFactory.create(0L, new long[24], new long[7], scalaMap(Map.of()), scalaMap(Map.of()));
        }
        ContactVolume volume = result.get();
        long[] weekdays = new long[7];
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays[day.getValue() - 1] = volume.byWeekday(day);
        }
        return RowFactory.create(volume.total(), volume.hourly(), weekdays, scalaMap(volume.byChannel()),
                scalaMap(volume.byReason()));
    }

    private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> map) {
        return CollectionConverters.asScala(new LinkedHashMap<>(map));
    }

    private static double millis(Duration duration) {
        return duration.getSeconds() * 1000.0 + duration.getNano() / 1e6;
    }

    /** A whole number from a DOUBLE column (integer columns are cast up exactly). */
    static int wholeNumber(Row row, int i, String input) {
        if (row.isNullAt(i)) {
            throw new MetricInputException(input, null, "must not be null");
        }
        double value = row.getDouble(i);
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new MetricInputException(input, value, "must be a whole number");
        }
        return (int) value;
    }

    static double number(Row row, int i, String input) {
        if (row.isNullAt(i)) {
            throw new MetricInputException(input, null, "must not be null");
        }
        return row.getDouble(i);
    }

    static Instant instant(Row row, int i) {
        Object value = row.get(i);
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static StructType struct(StructField... fields) {
        return new StructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
    }

    private static StructField count(String name) {
        return new StructField(name, DataTypes.LongType, false, org.apache.spark.sql.types.Metadata.empty());
    }
}
