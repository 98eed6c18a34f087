package org.journeykit.spark.internal;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over raw rows that returns the state, such as {@code nps_state(score)}: the accumulator's byte
 * form, to store and merge later. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class StateAggregator<A extends MetricAccumulator<A, ?>> extends StateBufferAggregator<Row, byte[], A> {

    private static final long serialVersionUID = 1L;

    /**
     * An aggregator for a metric's state.
     *
     * @param metric the metric, not null
     */
    public StateAggregator(MetricFunction<A> metric) {
        super(metric, "_state");
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, Row input) {
        metric.add(of(buffer), input, function);
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
