package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.journeys.attribution.TransitionMatrix;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the attribution inputs and results: {@link ChannelPath} and {@link ChannelPaths},
 * {@link AttributionResult}, and the models' results {@link MarkovAttribution} (with its {@link TransitionMatrix}),
 * {@link HigherOrderMarkovAttribution} and {@link ShapleyAttribution}. Maps by channel are objects ordered by
 * channel, as the results give them.
 */
final class AttributionValues {

    private AttributionValues() {}

    static void numbers(JsonGenerator out, String name, Map<String, Double> numbers) throws IOException {
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> entry : numbers.entrySet()) {
            out.writeNumberField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }

    /** The conversions and the value attributed to each channel. */
    static final ValueCodec<AttributionResult> RESULT = new ValueCodec<>(AttributionResult.class,
            "an attribution result", "conversions", "value") {
        @Override
        void write(AttributionResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            numbers(out, "conversions", value.conversions());
            numbers(out, "value", value.value());
            out.writeEndObject();
        }

        @Override
        @Nullable AttributionResult read(Fields in) {
            Map<String, Double> conversions = in.numbers("conversions");
            Map<String, Double> value = in.numbers("value");
            return in.build(() -> new AttributionResult(conversions, value));
        }
    };

    /** Channels, conversions, their value, non-conversions, and the touches' ages (left out when not known). */
    static final ValueCodec<ChannelPath> PATH = new ValueCodec<>(ChannelPath.class, "a channel path",
            "channels", "conversions", "value", "nulls", "ages") {
        @Override
        void write(ChannelPath value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            ConformanceValues.strings(out, "channels", value.channels());
            out.writeNumberField("conversions", value.conversions());
            out.writeNumberField("value", value.value());
            out.writeNumberField("nulls", value.nulls());
            if (!value.ages().isEmpty()) {
                out.writeArrayFieldStart("ages");
                for (Duration age : value.ages()) {
                    out.writeString(age.toString());
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }

        @Override
        @Nullable ChannelPath read(Fields in) {
            List<String> channels = in.strings("channels");
            long conversions = in.count("conversions");
            double value = in.number("value");
            long nulls = in.count("nulls");
            List<Duration> ages = in.durations("ages");
            return in.build(() -> ChannelPath.of(channels, conversions, value, nulls, ages));
        }
    };

    /** The paths, in order. */
    static final ValueCodec<ChannelPaths> PATHS = new ValueCodec<>(ChannelPaths.class, "channel paths", "paths") {
        @Override
        void write(ChannelPaths value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeArrayFieldStart("paths");
            for (ChannelPath path : value.paths()) {
                PATH.write(path, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable ChannelPaths read(Fields in) {
            List<ChannelPath> paths = in.list("paths", PATH);
            return in.build(() -> new ChannelPaths(paths));
        }
    };

    /** The states in matrix order and one row of probabilities per state. */
    static final ValueCodec<TransitionMatrix> MATRIX = new ValueCodec<>(TransitionMatrix.class,
            "a transition matrix", "states", "probabilities") {
        @Override
        void write(TransitionMatrix value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            ConformanceValues.strings(out, "states", value.states());
            out.writeArrayFieldStart("probabilities");
            for (double[] row : value.toArray()) {
                out.writeArray(row, 0, row.length);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable TransitionMatrix read(Fields in) {
            List<String> states = in.strings("states");
            double[][] probabilities = in.rows("probabilities");
            return in.build(() -> TransitionMatrix.of(states, probabilities));
        }
    };

    /** The matrix, the conversion probability, the removal effects and the attribution. */
    static final ValueCodec<MarkovAttribution> MARKOV = new ValueCodec<>(MarkovAttribution.class,
            "a Markov attribution", "transitionMatrix", "conversionProbability", "removalEffects", "attribution") {
        @Override
        void write(MarkovAttribution value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("transitionMatrix");
            MATRIX.write(value.transitionMatrix(), out);
            out.writeNumberField("conversionProbability", value.conversionProbability());
            numbers(out, "removalEffects", value.removalEffects());
            out.writeFieldName("attribution");
            RESULT.write(value.attribution(), out);
            out.writeEndObject();
        }

        @Override
        @Nullable MarkovAttribution read(Fields in) {
            TransitionMatrix matrix = in.value("transitionMatrix", MATRIX);
            double probability = in.number("conversionProbability");
            Map<String, Double> effects = in.numbers("removalEffects");
            AttributionResult attribution = in.value("attribution", RESULT);
            return matrix == null || attribution == null ? null
                    : in.build(() -> MarkovAttribution.of(matrix, probability, effects, attribution));
        }
    };

    /** The order, the number of states, the conversion probability, the removal effects and the attribution. */
    static final ValueCodec<HigherOrderMarkovAttribution> HIGHER_ORDER_MARKOV = new ValueCodec<>(
            HigherOrderMarkovAttribution.class, "a higher-order Markov attribution", "order", "states",
            "conversionProbability", "removalEffects", "attribution") {
        @Override
        void write(HigherOrderMarkovAttribution value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("order", value.order());
            out.writeNumberField("states", value.states());
            out.writeNumberField("conversionProbability", value.conversionProbability());
            numbers(out, "removalEffects", value.removalEffects());
            out.writeFieldName("attribution");
            RESULT.write(value.attribution(), out);
            out.writeEndObject();
        }

        @Override
        @Nullable HigherOrderMarkovAttribution read(Fields in) {
            int order = in.integer("order");
            int states = in.integer("states");
            double probability = in.number("conversionProbability");
            Map<String, Double> effects = in.numbers("removalEffects");
            AttributionResult attribution = in.value("attribution", RESULT);
            return attribution == null ? null
                    : in.build(() -> HigherOrderMarkovAttribution.of(order, states, probability, effects,
                            attribution));
        }
    };

    /** The coalition value, the Shapley values and the attribution. */
    static final ValueCodec<ShapleyAttribution> SHAPLEY = new ValueCodec<>(ShapleyAttribution.class,
            "a Shapley attribution", "coalitionValue", "shapleyValues", "attribution") {
        @Override
        void write(ShapleyAttribution value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("coalitionValue", Reading.Names.of(value.coalitionValue()));
            numbers(out, "shapleyValues", value.shapleyValues());
            out.writeFieldName("attribution");
            RESULT.write(value.attribution(), out);
            out.writeEndObject();
        }

        @Override
        @Nullable ShapleyAttribution read(Fields in) {
            ShapleyAttribution.CoalitionValue coalitionValue = in.enumValue("coalitionValue",
                    ShapleyAttribution.CoalitionValue.class);
            Map<String, Double> values = in.numbers("shapleyValues");
            AttributionResult attribution = in.value("attribution", RESULT);
            return coalitionValue == null || attribution == null ? null
                    : in.build(() -> ShapleyAttribution.of(coalitionValue, values, attribution));
        }
    };
}
