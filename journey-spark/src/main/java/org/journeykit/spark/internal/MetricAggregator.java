package org.journeykit.spark.internal;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over raw rows, such as {@code nps(score)}: the buffer holds the live accumulator, every row is
 * added in place, and the result is the metric's struct. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class MetricAggregator<A extends MetricAccumulator<A, ?>> extends StateBufferAggregator<Row, Row, A> {

    private static final long serialVersionUID = 1L;

    /**
     * An aggregator for a metric.
     *
     * @param metric the metric, not null
     */
    public MetricAggregator(MetricFunction<A> metric) {
        super(metric, "");
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, Row input) {
        metric.add(of(buffer), input, function);
        return buffer;
    }

    @Override
    public Row finish(StateBuffer buffer) {
        return metric.result(of(buffer));
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(metric.output());
    }
}
