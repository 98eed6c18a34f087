package org.journeykit.spark.internal;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.spark.SparkFunctionException;

/**
 * One JourneyKit metric as Spark sees it: its SQL name, input columns, accumulator factory, byte reader and result
 * struct. Every error of the library is rethrown as {@link SparkFunctionException} naming the SQL function. Not part
 * of the API.
 *
 * @param <A> the accumulator type
 */
public final class MetricFunction<A extends MetricAccumulator<A, ?>> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Class<A> type;
    private final Factory<A> factory;
    private final StateCodec<A> codec;
    private final StructType input;
    private final InputAdder<A> adder;
    private final StructType output;
    private final ResultWriter<A> writer;

    /**
     * Describes a metric.
     *
     * @param name the SQL name, such as {@code "nps"}, not null
     * @param type the accumulator class, not null
     * @param factory creates a fresh accumulator, not null
     * @param codec reads the accumulator's byte form, not null
     * @param input the input columns, not null
     * @param adder adds an input row, not null
     * @param output the result struct, not null
     * @param writer writes the result struct, not null
     */
    public MetricFunction(String name, Class<A> type, Factory<A> factory, StateCodec<A> codec, StructType input,
            InputAdder<A> adder, StructType output, ResultWriter<A> writer) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.input = Objects.requireNonNull(input, "input");
        this.adder = Objects.requireNonNull(adder, "adder");
        this.output = Objects.requireNonNull(output, "output");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * The SQL name of the aggregate over raw rows.
     *
     * @return the name, not null
     */
    public String name() {
        return name;
    }

    /**
     * The input columns.
     *
     * @return the schema, not null
     */
    public StructType input() {
        return input;
    }

    /**
     * The result struct.
     *
     * @return the schema, not null
     */
    public StructType output() {
        return output;
    }

    /**
     * A fresh accumulator.
     *
     * @return the accumulator, not null
     */
    public A create() {
        return factory.create();
    }

    /**
     * The accumulator held by a buffer.
     *
     * @param buffer the buffer, not null
     * @param function the SQL function, for the error
     * @return the accumulator, not null
     * @throws SparkFunctionException if the buffer holds another accumulator
     */
    public A of(StateBuffer buffer, String function) {
        Object state = buffer.state();
        if (!type.isInstance(state)) {
            throw new SparkFunctionException(function, new MetricInputException("state",
                    state.getClass().getSimpleName(), "must be a state of " + type.getSimpleName()));
        }
        return type.cast(state);
    }

    /**
     * Adds a row.
     *
     * @param accumulator the accumulator, not null
     * @param row the input, not null
     * @param function the SQL function, for the error
     * @throws SparkFunctionException if the library refuses the input
     */
    public void add(A accumulator, Row row, String function) {
        try {
            adder.add(accumulator, row);
        } catch (MetricInputException e) {
            throw new SparkFunctionException(function, e);
        }
    }

    /**
     * Merges two accumulators.
     *
     * @param into the accumulator merged into, not null
     * @param other the accumulator merged in, not null
     * @param function the SQL function, for the error
     * @return {@code into}
     * @throws SparkFunctionException if they cannot merge
     */
    public A merge(A into, A other, String function) {
        try {
            return into.merge(other);
        } catch (MetricInputException e) {
            throw new SparkFunctionException(function, e);
        } catch (IncompatibleMergeException e) {
            throw new SparkFunctionException(function,
                    new MetricInputException("state", e.getMessage(), "must have this function's configuration", e));
        }
    }

    /**
     * Reads a state given to a function.
     *
     * @param bytes the state, null for a SQL NULL
     * @param function the SQL function, for the error
     * @return the accumulator, not null
     * @throws SparkFunctionException if the bytes are null or not a state of this metric
     */
    public A read(byte[] bytes, String function) {
        if (bytes == null) {
            throw new SparkFunctionException(function, new MetricInputException("state", null,
                    "must not be null: a state column holds the binary states of " + name + "_state"));
        }
        try {
            return codec.read(bytes);
        } catch (MetricInputException e) {
            throw new SparkFunctionException(function, e);
        }
    }

    /**
     * The result row.
     *
     * @param accumulator the accumulator, not null
     * @return the struct's row, not null
     */
    public Row result(A accumulator) {
        return writer.write(accumulator);
    }
}
