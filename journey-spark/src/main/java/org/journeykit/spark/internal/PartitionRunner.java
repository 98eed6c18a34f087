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
import org.journeykit.metrics.journeys.actual.ActualJourneyStream;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.spark.SparkFunctionException;

/**
 * The executor side of a Dataset analysis: each partition (its rows grouped by customer) streams its customers
 * through the library into one accumulator, created from the byte form of an empty, configured accumulator (so no
 * configuration object has to be serializable), and emits that accumulator's byte form; the states are merged in
 * a tree. Rows are (customer STRING, time BIGINT epoch milliseconds, step STRING). Not part of the API.
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

    /**
     * A runner.
     *
     * @param analysis the analysis's name, for errors, not null
     * @param empty the empty, configured accumulator, not null
     * @param codec reads the accumulator's byte form, not null
     * @param adder adds a chunk of journeys, not null
     * @param inactivity the longest gap inside a journey, or null to keep each customer's events in one journey
     */
    public PartitionRunner(String analysis, A empty, StateCodec<A> codec, ChunkAdder<A> adder,
            Duration inactivity) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.template = empty.toBytes();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.adder = Objects.requireNonNull(adder, "adder");
        this.inactivity = inactivity;
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
                    rowAdder.add(accumulator, rows.next());
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
                if (row.isNullAt(1)) {
                    stream.add(customer, (Instant) null, step);
                } else {
                    stream.addMillis(customer, row.getLong(1), step);
                }
            }
        } catch (MetricInputException e) {
            throw new SparkFunctionException(analysis, e);
        }
        return accumulator.toBytes();
    }
}
