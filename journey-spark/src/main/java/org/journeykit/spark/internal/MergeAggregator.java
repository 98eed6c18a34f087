package org.journeykit.spark.internal;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over stored states, such as {@code nps_merge(state)}: merges the binary states of
 * {@code nps_state} into one state. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class MergeAggregator<A extends MetricAccumulator<A, ?>> extends StateBufferAggregator<byte[], byte[], A> {

    private static final long serialVersionUID = 1L;

    /**
     * An aggregator that merges a metric's states.
     *
     * @param metric the metric, not null
     */
    public MergeAggregator(MetricFunction<A> metric) {
        super(metric, "_merge");
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, byte[] input) {
        metric.merge(of(buffer), metric.read(input, function), function);
        return buffer;
    }

    @Override
    public byte[] finish(StateBuffer buffer) {
        return of(buffer).toBytes();
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
        return Encoders.BINARY();
    }
}
