package org.journeykit.spark.internal;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.journeykit.metrics.MetricAccumulator;

/**
 * What the three SQL aggregates of a metric share: the live accumulator as the buffer (serialized only when Spark
 * moves it between stages), its creation and merge, each failure named by the SQL function. They differ in what a
 * row adds and what the aggregate returns. Not part of the API.
 *
 * @param <I> the input type
 * @param <O> the output type
 * @param <A> the accumulator type
 */
abstract class StateBufferAggregator<I, O, A extends MetricAccumulator<A, ?>> extends Aggregator<I, StateBuffer, O> {

    private static final long serialVersionUID = 1L;

    /** The metric. */
    final MetricFunction<A> metric;
    /** The SQL function's name, for messages. */
    final String function;

    StateBufferAggregator(MetricFunction<A> metric, String suffix) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.function = metric.name() + suffix;
    }

    /** The accumulator in a buffer. */
    final A of(StateBuffer buffer) {
        return metric.of(buffer, function);
    }

    @Override
    public final StateBuffer zero() {
        return new StateBuffer(metric.create());
    }

    @Override
    public final StateBuffer merge(StateBuffer into, StateBuffer other) {
        metric.merge(of(into), of(other), function);
        return into;
    }

    @Override
    public final Encoder<StateBuffer> bufferEncoder() {
        return Encoders.javaSerialization(StateBuffer.class);
    }
}
