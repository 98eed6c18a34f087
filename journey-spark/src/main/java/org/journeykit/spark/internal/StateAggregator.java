package org.journeykit.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over raw rows that returns the state, such as {@code nps_state(score)}: the accumulator's byte
 * form, to store and merge later. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class StateAggregator<A extends MetricAccumulator<A, ?>> extends Aggregator<Row, StateBuffer, byte[]> {

    private static final long serialVersionUID = 1L;

    private final MetricFunction<A> metric;
    private final String function;

    /**
     * An aggregator for a metric's state.
     *
     * @param metric the metric, not null
     */
    public StateAggregator(MetricFunction<A> metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.function = metric.name() + "_state";
    }

    @Override
    public StateBuffer zero() {
        return new StateBuffer(metric.create());
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, Row input) {
        metric.add(metric.of(buffer, function), input, function);
        return buffer;
    }

    @Override
    public StateBuffer merge(StateBuffer into, StateBuffer other) {
        metric.merge(metric.of(into, function), metric.of(other, function), function);
        return into;
    }

    @Override
    public byte[] finish(StateBuffer buffer) {
        return metric.of(buffer, function).toBytes();
    }

    @Override
    public Encoder<StateBuffer> bufferEncoder() {
        return Encoders.javaSerialization(StateBuffer.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }
}
