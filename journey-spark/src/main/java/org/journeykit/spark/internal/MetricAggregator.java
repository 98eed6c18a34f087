package org.journeykit.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import org.journeykit.metrics.MetricAccumulator;

/**
 * The SQL aggregate over raw rows, such as {@code nps(score)}: the buffer holds the live accumulator, every row is
 * added in place, and the result is the metric's struct. Not part of the API.
 *
 * @param <A> the accumulator type
 */
public final class MetricAggregator<A extends MetricAccumulator<A, ?>> extends Aggregator<Row, StateBuffer, Row> {

    private static final long serialVersionUID = 1L;

    private final MetricFunction<A> metric;

    /**
     * An aggregator for a metric.
     *
     * @param metric the metric, not null
     */
    public MetricAggregator(MetricFunction<A> metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    @Override
    public StateBuffer zero() {
        return new StateBuffer(metric.create());
    }

    @Override
    public StateBuffer reduce(StateBuffer buffer, Row input) {
        metric.add(metric.of(buffer, metric.name()), input, metric.name());
        return buffer;
    }

    @Override
    public StateBuffer merge(StateBuffer into, StateBuffer other) {
        metric.merge(metric.of(into, metric.name()), metric.of(other, metric.name()), metric.name());
        return into;
    }

    @Override
    public Row finish(StateBuffer buffer) {
        return metric.result(metric.of(buffer, metric.name()));
    }

    @Override
    public Encoder<StateBuffer> bufferEncoder() {
        return Encoders.javaSerialization(StateBuffer.class);
    }

    @Override
    public Encoder<Row> outputEncoder() {
        return Encoders.row(metric.output());
    }
}
