package org.journeykit.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over stored states, such as {@code nps_merge(state)}: merges the binary states of
 * {@code nps_state} into one state. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class MergeAggregator<A extends MetricAccumulator<A, ?>> extends Aggregator<byte[], StateBuffer, byte[]> {

    private static final long serialVersionUID = 1L;

    private final MetricFunction<A> metric;
    private final String function;

    /**
     * An aggregator that merges a metric's states.
     *
     * @param metric the metric, not null
     */
    public MergeAggregator(MetricFunction<A> metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.function = metric.name() + "_merge";
    }

    @Override
    public StateBuffer zero() {
        return new StateBuffer(metric.create());
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, byte[] state) {
        metric.merge(metric.of(buffer, function), metric.read(state, function), function);
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
