package org.journeykit.spark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.journeykit.observed.Outcome;

/** Seeded test data: survey answers with service fields, and shop events. */
final class TestData {

    static final String[] CHANNELS = {"web", "phone", "chat", "store"};
    static final String[] STEPS = {"home", "search", "product", "cart", "checkout", "paid", "support"};
    static final LocalDate MONTH = LocalDate.of(2026, 3, 1);

    /** One answer row: channel, day, nps score, weight, ces answer (1-7), csat answer (1-5), resolved, millis. */
    record Answer(String channel, LocalDate day, Instant time, int score, double weight, int ces, int ces1, int csat,
            boolean resolved, long handleMillis, long resolutionMillis, String customer) {}

    /** One event: customer, time, step. */
    record Event(String customer, Instant time, String step) {}

    /**
     * One event with an outcome (null when not recorded), written in the given case, and a duration in microseconds
     * (null when not recorded).
     */
    record DetailedEvent(String customer, Instant time, String step, Outcome outcome, String outcomeText,
            Long durationMicros) {}

    static final StructType ANSWERS = new StructType()
            .add("channel", DataTypes.StringType).add("day", DataTypes.DateType)
            .add("time", DataTypes.TimestampType).add("score", DataTypes.IntegerType)
            .add("weight", DataTypes.DoubleType).add("ces", DataTypes.IntegerType)
            .add("ces1", DataTypes.IntegerType).add("csat", DataTypes.IntegerType)
            .add("resolved", DataTypes.BooleanType).add("handle_ms", DataTypes.LongType)
            .add("resolution_ms", DataTypes.LongType)
            .add("customer", DataTypes.StringType);

    static final StructType EVENTS = new StructType()
            .add("customer_id", DataTypes.StringType).add("event_time", DataTypes.TimestampType)
            .add("touchpoint", DataTypes.StringType);

    static final StructType DETAILED_EVENTS = new StructType()
            .add("customer_id", DataTypes.StringType).add("event_time", DataTypes.TimestampType)
            .add("touchpoint", DataTypes.StringType).add("status", DataTypes.StringType)
            .add("handle_ms", DataTypes.LongType).add("handle", DataTypes.createDayTimeIntervalType());

    private TestData() {}

    static List<Answer> answers(long seed, int count) {
        Random random = new Random(seed);
        List<Answer> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = MONTH.plusDays(random.nextInt(31));
            Instant time = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
            // Skewed scores, so NPS is away from 0 and the shares differ per channel.
            int channel = random.nextInt(CHANNELS.length);
            int score = Math.min(10, random.nextInt(11) + (channel == 0 ? 2 : 0));
            answers.add(new Answer(CHANNELS[channel], day, time, score, 0.5 + random.nextInt(4) * 0.25,
                    1 + random.nextInt(7), 1 + random.nextInt(5), 1 + random.nextInt(5), random.nextInt(3) > 0,
                    30_000L + random.nextInt(600_000), (long) (Math.exp(random.nextGaussian() * 1.5) * 3_600_000),
                    "u" + random.nextInt(count / 3)));
        }
        return answers;
    }

    static Dataset<Row> answerFrame(SparkSession spark, List<Answer> answers, int partitions, long seed) {
        List<Row> rows = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            rows.add(RowFactory.create(a.channel(), java.sql.Date.valueOf(a.day()), Timestamp.from(a.time()),
                    a.score(), a.weight(), a.ces(), a.ces1(), a.csat(), a.resolved(), a.handleMillis(),
                    a.resolutionMillis(), a.customer()));
        }
        return shuffled(spark.createDataFrame(rows, ANSWERS), partitions, seed);
    }

    static List<Event> events(long seed, int customers) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        Instant start = MONTH.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int c = 0; c < customers; c++) {
            String customer = "c" + c;
            Instant time = start.plusSeconds(random.nextInt(90 * 86_400));
            int length = 1 + random.nextInt(8);
            int at = 0;
            for (int e = 0; e < length; e++) {
                // Mostly forward through the shop, sometimes back or to support; same-second ties happen.
                at = Math.max(0, Math.min(STEPS.length - 1, at + random.nextInt(4) - 1));
                events.add(new Event(customer, time, STEPS[at]));
                time = time.plusSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(7_200));
            }
        }
        return events;
    }

    /**
     * The events of {@link #events} with seeded details: 30 % without outcome, then completed, failed and abandoned
     * in the ratio 4:2:1, each name in lower, upper or title case; a quarter without duration, the others 0 to 10
     * minutes with a microsecond part, so whole milliseconds are what the analyses compare.
     */
    static List<DetailedEvent> detailedEvents(long seed, int customers) {
        Random random = new Random(seed + 1);
        List<DetailedEvent> detailed = new ArrayList<>();
        for (Event e : events(seed, customers)) {
            int draw = random.nextInt(10);
            Outcome outcome = draw < 3 ? null : draw < 7 ? Outcome.COMPLETED : draw < 9 ? Outcome.FAILED
                    : Outcome.ABANDONED;
            String text = null;
            if (outcome != null) {
                String name = outcome.name();
                int spelling = random.nextInt(3);
                text = spelling == 0 ? name : spelling == 1 ? name.toLowerCase(Locale.ROOT)
                        : name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
            }
            Long micros = random.nextInt(4) == 0 ? null : random.nextInt(600_000) * 1_000L + random.nextInt(1_000);
            detailed.add(new DetailedEvent(e.customer(), e.time(), e.step(), outcome, text, micros));
        }
        return detailed;
    }

    /** The detailed events with the duration twice: whole milliseconds (handle_ms) and an interval (handle). */
    static Dataset<Row> detailedEventFrame(SparkSession spark, List<DetailedEvent> events, int partitions,
            long seed) {
        List<Row> rows = new ArrayList<>(events.size());
        for (DetailedEvent e : events) {
            Long micros = e.durationMicros();
            rows.add(RowFactory.create(e.customer(), Timestamp.from(e.time()), e.step(), e.outcomeText(),
                    micros == null ? null : micros / 1_000, micros == null ? null : Duration.of(micros,
                            ChronoUnit.MICROS)));
        }
        return shuffled(spark.createDataFrame(rows, DETAILED_EVENTS), partitions, seed);
    }

    static Dataset<Row> eventFrame(SparkSession spark, List<Event> events, int partitions, long seed) {
        List<Row> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            rows.add(RowFactory.create(e.customer(), Timestamp.from(e.time()), e.step()));
        }
        return shuffled(spark.createDataFrame(rows, EVENTS), partitions, seed);
    }

    /** The rows in a seeded random order, in the given number of partitions. */
    static Dataset<Row> shuffled(Dataset<Row> frame, int partitions, long seed) {
        return frame.repartition(partitions).sortWithinPartitions(functions.rand(seed));
    }
}
