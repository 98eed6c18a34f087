package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the breakdown values: a {@link PeriodKey} is its label ({@code "2026-Q1"}), as a value and as a map
 * key (so a breakdown's {@code Map<PeriodKey, R>} is an object keyed by label); a {@link Trend} is
 * {@code {"correction", "points": [{"period", "result", "value", "change", "comparison", "adjustedPValue"}]}},
 * {@code correction} and {@code adjustedPValue} absent for an uncorrected trend (so its JSON is what it was before
 * trends had corrections). A breakdown's other results are plain maps of results, which Jackson writes and reads
 * with the results' own serializers; {@link SegmentComparisonValues} holds the segment comparisons.
 */
final class BreakdownValues {

    private BreakdownValues() {}

    /** Writes a period as its label. */
    static final class PeriodSerializer extends StdSerializer<PeriodKey> {
        private static final long serialVersionUID = 1L;

        PeriodSerializer() {
            super(PeriodKey.class);
        }

        @Override
        public void serialize(PeriodKey value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    /** Writes a period map key as its label. */
    static final class PeriodKeySerializer extends StdSerializer<PeriodKey> {
        private static final long serialVersionUID = 1L;

        PeriodKeySerializer() {
            super(PeriodKey.class);
        }

        @Override
        public void serialize(PeriodKey value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeFieldName(value.toString());
        }
    }

    /** Reads a period map key from its label. */
    static final class PeriodKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            try {
                return PeriodKey.parse(key);
            } catch (MetricInputException e) {
                return context.handleWeirdKey(PeriodKey.class, key, "%s", e.getRule());
            }
        }
    }

    static @Nullable PeriodKey period(Reading reading, JsonNode node, String at) {
        if (!node.isTextual()) {
            reading.problem(at, RuleCode.TYPE, "must be a period label such as 2026-01, 2026-Q1 or 2026-H1",
                    node.toString());
            return null;
        }
        try {
            return PeriodKey.parse(node.textValue());
        } catch (MetricInputException e) {
            reading.problem(at, RuleCode.FORMAT, e.getRule(), node.textValue());
            return null;
        }
    }

    /** Reads a period from its label. */
    static final class PeriodDeserializer extends TreeDeserializer<PeriodKey> {
        PeriodDeserializer(JourneyModule.UnknownFields unknownFields) {
            super(PeriodKey.class, "a period", unknownFields);
        }

        @Override
        @Nullable PeriodKey decode(Reading reading, LocatedTree tree, DeserializationContext context) {
            return period(reading, tree.root(), "");
        }

        @Override
        String nullRule() {
            return "must be a period label such as 2026-01, 2026-Q1 or 2026-H1";
        }
    }

    /** Writes a trend, each point's result with the mapper's serializer for its type. */
    @SuppressWarnings("rawtypes") // Trend is generic; one serializer writes every Trend<R>.
    static final class TrendSerializer extends StdSerializer<Trend> {
        private static final long serialVersionUID = 1L;

        TrendSerializer() {
            super(Trend.class);
        }

        @Override
        public void serialize(Trend value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            Correction correction = value.correction();
            if (correction != Correction.NONE) {
                out.writeStringField("correction", Reading.Names.of(correction));
            }
            out.writeArrayFieldStart("points");
            for (Object element : value.points()) {
                Trend.Point<?> point = (Trend.Point<?>) element;
                out.writeStartObject();
                out.writeStringField("period", point.period().toString());
                out.writeFieldName("result");
                provider.defaultSerializeValue(point.result(), out);
                out.writeNumberField("value", point.value());
                StatsValues.optional(out, "change", point.change());
                if (point.comparison().isPresent()) {
                    out.writeFieldName("comparison");
                    StatsValues.COMPARISON.write(point.comparison().get(), out);
                }
                if (correction != Correction.NONE) {
                    StatsValues.optional(out, "adjustedPValue", point.adjustedPValue());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** Finds the trend deserializer for a {@code Trend<R>}, which needs R. */
    static final class TrendDeserializers extends Deserializers.Base {
        private final JourneyModule.UnknownFields unknownFields;
        private final Map<Class<?>, ValueCodec<?>> codecs;

        TrendDeserializers(JourneyModule.UnknownFields unknownFields, Map<Class<?>, ValueCodec<?>> codecs) {
            this.unknownFields = unknownFields;
            this.codecs = codecs;
        }

        @Override
        public @Nullable JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription description) {
            if (type.getRawClass() != Trend.class) {
                return null;
            }
            return new TrendDeserializer<>(type.containedTypeOrUnknown(0), unknownFields, codecs);
        }
    }

    private static final Set<String> TREND = Set.of("correction", "points");
    private static final Set<String> POINT = Set.of("period", "result", "value", "change", "comparison",
            "adjustedPValue");

    /**
     * Reads a {@code Trend<R>}. A trend whose points hold comparisons is an NPS or a CSAT trend, rebuilt with
     * {@link Trend#ofNps} or {@link Trend#ofCsat}, which recompute values, changes and comparisons; any other with
     * {@link Trend#of} and the values written. Results of a type this module reads are read with its rules; others
     * with the mapper. A {@code correction} is applied with {@link Trend#withCorrection}, which recomputes the
     * adjusted p-values; an {@code adjustedPValue} written must agree with it ({@link AdjustedPValues}).
     */
    static final class TrendDeserializer<R> extends TreeDeserializer<Trend<R>> {
        private final JavaType resultType;
        private final Map<Class<?>, ValueCodec<?>> codecs;

        TrendDeserializer(JavaType resultType, JourneyModule.UnknownFields unknownFields,
                Map<Class<?>, ValueCodec<?>> codecs) {
            super(Trend.class, "a trend", unknownFields);
            this.resultType = resultType;
            this.codecs = codecs;
        }

        @Override
        @SuppressWarnings("unchecked") // The map, read as R, is what ofNps and ofCsat take when R is their type.
        @Nullable Trend<R> decode(Reading reading, LocatedTree tree, DeserializationContext context) {
            ObjectNode trend = reading.object(tree.root(), "", TREND);
            if (trend == null) {
                return null;
            }
            int mark = reading.mark();
            Correction correction = reading.enumValue(trend, "", "correction", Correction.class, false);
            ArrayNode points = reading.array(trend, "", "points");
            if (points == null) {
                return null;
            }
            AdjustedPValues<PeriodKey> adjusted = new AdjustedPValues<>(reading, trend.hasNonNull("correction"));
            Map<PeriodKey, R> byPeriod = new LinkedHashMap<>();
            Map<R, Double> values = new IdentityHashMap<>();
            boolean compared = false;
            for (int i = 0; i < points.size(); i++) {
                String at = "/points/" + i;
                ObjectNode point = reading.object(points.get(i), at, POINT);
                if (point == null) {
                    continue;
                }
                JsonNode label = point.path("period");
                PeriodKey period = label.isMissingNode() ? null : period(reading, label, at + "/period");
                if (label.isMissingNode()) {
                    reading.problem(at + "/period", RuleCode.REQUIRED, "is required", null);
                }
                R result = result(reading, point.path("result"), at + "/result", context);
                Double value = reading.number(point, at, "value", true);
                compared |= point.hasNonNull("comparison");
                if (period != null) {
                    adjusted.given(period, point, at);
                }
                if (period != null && byPeriod.containsKey(period)) {
                    reading.problem(at + "/period", RuleCode.DUPLICATE, "must be unique within points",
                            period.toString());
                } else if (period != null && result != null && value != null) {
                    byPeriod.put(period, result);
                    values.put(result, Double.parseDouble(point.get("value").toString()));
                }
            }
            if (reading.mark() != mark) {
                return null;
            }
            Trend<R> built;
            try {
                if (compared && resultType.getRawClass() == NpsResult.class) {
                    built = (Trend<R>) (Trend<?>) Trend.ofNps((Map<PeriodKey, NpsResult>) byPeriod);
                } else if (compared && resultType.getRawClass() == CsatResult.class) {
                    built = (Trend<R>) (Trend<?>) Trend.ofCsat((Map<PeriodKey, CsatResult>) byPeriod);
                } else if (compared) {
                    reading.problem("/points", RuleCode.CONFLICT,
                            "may hold comparisons only in a trend of NPS or CSAT results", null);
                    return null;
                } else {
                    built = Trend.of(byPeriod, values::get);
                }
            } catch (MetricInputException e) {
                reading.problem("/points", RuleCode.CONFLICT, e.getInput() + ": " + e.getRule(), e.getValue());
                return null;
            }
            Trend<R> corrected = correction == null ? built : built.withCorrection(correction);
            for (Trend.Point<R> point : corrected.points()) {
                adjusted.check(point.period(), point.comparison().orElse(null), point.adjustedPValue(),
                        corrected.correction());
            }
            return reading.mark() == mark ? corrected : null;
        }

        @SuppressWarnings("unchecked") // The codec or the mapper was chosen by R's class: it reads an R.
        private @Nullable R result(Reading reading, JsonNode node, String at, DeserializationContext context) {
            return (R) value(reading, node, at, resultType, codecs, context);
        }
    }

    /**
     * Reads a value of a type known only at run time (a trend's results, a comparison's segment keys): with the
     * module's codec for the type when there is one, so its rules and pointers apply, otherwise with the mapper.
     *
     * @param reading the read's state
     * @param node the value's node, missing or null for an absent value
     * @param at its JSON pointer
     * @param type the type to read
     * @param codecs the module's codecs by type
     * @param context the mapper's context
     * @return the value, or null after a problem (an absent value is a {@link RuleCode#REQUIRED} problem)
     */
    static @Nullable Object value(Reading reading, JsonNode node, String at, JavaType type,
            Map<Class<?>, ValueCodec<?>> codecs, DeserializationContext context) {
        if (node.isMissingNode() || node.isNull()) {
            reading.problem(at, RuleCode.REQUIRED, "is required", null);
            return null;
        }
        ValueCodec<?> codec = codecs.get(type.getRawClass());
        if (codec != null) {
            return codec.read(reading, node, at);
        }
        try {
            Object value = context.readTreeAsValue(node, type);
            if (value == null) {
                reading.problem(at, RuleCode.REQUIRED, "is required", null);
            }
            return value;
        } catch (IOException e) {
            reading.problem(at, e instanceof JsonMappingException ? RuleCode.TYPE : RuleCode.MALFORMED,
                    "must be " + type.getRawClass().getSimpleName() + ": " + Parsing.firstLine(e.getMessage()),
                    null);
            return null;
        }
    }
}
