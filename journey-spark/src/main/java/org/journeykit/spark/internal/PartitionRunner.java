package org.journeykit.spark.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.metrics.journeys.actual.ActualJourneyStream;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.TimeLimits;
import org.journeykit.spark.SparkFunctionException;

/**
 * The executor side of a Dataset analysis: each partition (its rows grouped by customer) streams its customers
 * through the library into one accumulator, created from the byte form of an empty, configured accumulator (so no
 * configuration object has to be serializable), and emits that accumulator's byte form; the states are merged in
 * a tree. Rows are (customer STRING, time BIGINT epoch milliseconds, step STRING), then the optional outcome and
 * duration columns of {@link EventDetails}, which every row's cells are checked against.
 *
 * <p>When the analysis uses outcomes and durations (conformance), a row that has either is added as an
 * {@link InteractionEvent}, so the journeys carry them exactly as in one JVM; every other row takes the
 * allocation-free path ({@code addMillis}), which keeps neither. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class PartitionRunner<A extends MetricAccumulator<A, ?>> implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String analysis;
    private final byte[] template;
    private final StateCodec<A> codec;
    private final ChunkAdder<A> adder;
    private final Duration inactivity;
    private final EventDetails details;
    private final boolean keepDetails;

    /**
     * A runner.
     *
     * @param analysis the analysis's name, for errors, not null
     * @param empty the empty, configured accumulator, not null
     * @param codec reads the accumulator's byte form, not null
     * @param adder adds a chunk of journeys, not null
     * @param inactivity the longest gap inside a journey, or null to keep each customer's events in one journey
     * @param details the outcome and duration columns of the rows, checked in every row, not null
     * @param keepDetails whether the analysis uses outcomes and durations, so the journeys must carry them
     */
    public PartitionRunner(String analysis, A empty, StateCodec<A> codec, ChunkAdder<A> adder,
            Duration inactivity, EventDetails details, boolean keepDetails) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.template = empty.toBytes();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.adder = Objects.requireNonNull(adder, "adder");
        this.inactivity = inactivity;
        this.details = Objects.requireNonNull(details, "details");
        this.keepDetails = keepDetails;
    }

    /**
     * The byte form of the empty accumulator: the zero of the merge.
     *
     * @return a copy, not null
     */
    public byte[] zero() {
        return template.clone();
    }

    /**
     * Streams a partition's rows grouped by customer.
     *
     * @return the function, not null
     */
    public MapPartitionsFunction<Row, byte[]> journeys() {
        return rows -> List.of(streamed(rows)).iterator();
    }

    /**
     * Adds each row of a partition directly, in any order.
     *
     * @param rowAdder adds one row
     * @return the function, not null
     */
    public MapPartitionsFunction<Row, byte[]> rows(InputAdder<A> rowAdder) {
        return rows -> {
            A accumulator = codec.read(template);
            try {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    details.outcome(row);
                    details.duration(row);
                    rowAdder.add(accumulator, row);
                }
            } catch (MetricInputException e) {
                throw new SparkFunctionException(analysis, e);
            }
            return List.of(accumulator.toBytes()).iterator();
        };
    }

    /**
     * Merges two states.
     *
     * @return the function, not null
     */
    public Function2<byte[], byte[], byte[]> merge() {
        return (a, b) -> {
            try {
                return codec.read(a).merge(codec.read(b)).toBytes();
            } catch (MetricInputException e) {
                throw new SparkFunctionException(analysis, e);
            } catch (IncompatibleMergeException e) {
                throw new SparkFunctionException(analysis,
                        new MetricInputException("state", e.getMessage(), "must have this analysis's configuration",
                                e));
            }
        };
    }

    /**
     * Reads the merged state on the driver.
     *
     * @param bytes the state, not null
     * @return the accumulator, not null
     */
    public A read(byte[] bytes) {
        return codec.read(bytes);
    }

    private byte[] streamed(Iterator<Row> rows) {
        A accumulator = codec.read(template);
        EventMapping mapping = EventMapping.by(EventMapping.Source.ACTIVITY);
        try (ActualJourneyStream stream = inactivity == null
                ? ActualJourneyStream.create(mapping, chunk -> adder.add(accumulator, chunk))
                : ActualJourneyStream.create(mapping, inactivity, chunk -> adder.add(accumulator, chunk))) {
            while (rows.hasNext()) {
                Row row = rows.next();
                String customer = row.getString(0);
                String step = row.getString(2);
                Outcome outcome = details.outcome(row);
                Duration duration = details.duration(row);
                if (row.isNullAt(1)) {
                    stream.add(customer, (Instant) null, step);
                } else if (keepDetails && (outcome != null || duration != null)
                        && wellFormed(customer, row.getLong(1), step)) {
                    stream.add(event(customer, row.getLong(1), step, outcome, duration, stream.eventCount()));
                } else {
                    stream.addMillis(customer, row.getLong(1), step);
                }
            }
        } catch (MetricInputException e) {
            throw new SparkFunctionException(analysis, e);
        }
        return accumulator.toBytes();
    }

    /**
     * Whether the allocation-free path would accept the parts; if not, it is given the row, so the error is the one
     * every row gets.
     */
    private static boolean wellFormed(String customer, long epochMillis, String step) {
        return customer != null && !customer.isBlank() && step != null && !step.isBlank()
                && step.length() <= ActualJourneys.MAX_STEP_LENGTH && TimeLimits.isSupportedEpochMilli(epochMillis);
    }

    /** The row as an event whose activity is the step; the model's further rules become the event's error. */
    private static InteractionEvent event(String customer, long epochMillis, String step, Outcome outcome,
            Duration duration, long index) {
        InteractionEvent.Builder event = InteractionEvent.builder();
        event.customerId(customer).time(Instant.ofEpochMilli(epochMillis)).activity(step);
        if (outcome != null) {
            event.outcome(outcome);
        }
        if (duration != null) {
            event.duration(duration);
        }
        try {
            return event.build();
        } catch (InvalidModelException e) {
            Problem problem = e.getProblems().get(0);
            throw new JourneyAnalyticsException(index, problem.getPathString() + " " + problem.getRule(),
                    problem.getValue().orElse("null"));
        }
    }
}
