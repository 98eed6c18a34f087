package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.breakdown.SegmentComparison;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Correction;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a {@link SegmentComparison}: {@code {"baseline", "correction", "entries": [{"segment", "comparison",
 * "adjustedPValue"}]}}, segment keys written and read by the mapper for their type (a string, a period label, ...),
 * entries in key order, the adjusted p-value absent when the comparison has none.
 */
final class SegmentComparisonValues {

    private SegmentComparisonValues() {}

    /** Writes a segment comparison, each segment key with the mapper's serializer for its type. */
    @SuppressWarnings("rawtypes") // SegmentComparison is generic; one serializer writes every SegmentComparison<K>.
    static final class Serializer extends StdSerializer<SegmentComparison> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(SegmentComparison.class);
        }

        @Override
        public void serialize(SegmentComparison value, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeStartObject();
            out.writeFieldName("baseline");
            provider.defaultSerializeValue(value.baseline(), out);
            out.writeStringField("correction", Reading.Names.of(value.correction()));
            out.writeArrayFieldStart("entries");
            for (Object element : value.entries()) {
                SegmentComparison.Entry<?> entry = (SegmentComparison.Entry<?>) element;
                out.writeStartObject();
                out.writeFieldName("segment");
                provider.defaultSerializeValue(entry.segment(), out);
                out.writeFieldName("comparison");
                StatsValues.COMPARISON.write(entry.comparison(), out);
                StatsValues.optional(out, "adjustedPValue", entry.adjustedPValue());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    /** Finds the deserializer for a {@code SegmentComparison<K>}, which needs K. */
    static final class Finder extends Deserializers.Base {
        private final JourneyModule.UnknownFields unknownFields;
        private final Map<Class<?>, ValueCodec<?>> codecs;

        Finder(JourneyModule.UnknownFields unknownFields, Map<Class<?>, ValueCodec<?>> codecs) {
            this.unknownFields = unknownFields;
            this.codecs = codecs;
        }

        @Override
        public @Nullable JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription description) {
            if (type.getRawClass() != SegmentComparison.class) {
                return null;
            }
            return new Deserializer<>(type.containedTypeOrUnknown(0), unknownFields, codecs);
        }
    }

    private static final Set<String> COMPARISON = Set.of("baseline", "correction", "entries");
    private static final Set<String> ENTRY = Set.of("segment", "comparison", "adjustedPValue");

    /**
     * Reads a {@code SegmentComparison<K>}: the entries' comparisons are the data; the value is rebuilt with
     * {@link SegmentComparison#of}, which orders the entries by key and recomputes the adjusted p-values, and an
     * {@code adjustedPValue} written must agree with it ({@link AdjustedPValues}). Keys are read as K (with the
     * mapper, or the module's rules when K is one of its types) and must all be of the baseline's class and
     * naturally ordered; each segment appears once and differs from the baseline.
     *
     * @param <K> the segment key type
     */
    static final class Deserializer<K extends Comparable<? super K>> extends TreeDeserializer<SegmentComparison<K>> {
        private final JavaType keyType;
        private final Map<Class<?>, ValueCodec<?>> codecs;

        Deserializer(JavaType keyType, JourneyModule.UnknownFields unknownFields,
                Map<Class<?>, ValueCodec<?>> codecs) {
            super(SegmentComparison.class, "a segment comparison", unknownFields);
            this.keyType = keyType;
            this.codecs = codecs;
        }

        @Override
        @Nullable SegmentComparison<K> decode(Reading reading, LocatedTree tree, DeserializationContext context) {
            ObjectNode object = reading.object(tree.root(), "", COMPARISON);
            if (object == null) {
                return null;
            }
            int mark = reading.mark();
            K baseline = key(reading, object.path("baseline"), "/baseline", null, context);
            Correction correction = reading.enumValue(object, "", "correction", Correction.class, true);
            ArrayNode entries = reading.array(object, "", "entries");
            if (entries == null) {
                return null;
            }
            AdjustedPValues<K> adjusted = new AdjustedPValues<>(reading, true);
            // The baseline's own comparison is empty: SegmentComparison.of compares the others with it and never
            // asks for it, so the map of comparisons by segment rebuilds the value exactly.
            Map<K, Optional<Comparison>> bySegment = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                String at = "/entries/" + i;
                ObjectNode entry = reading.object(entries.get(i), at, ENTRY);
                if (entry == null) {
                    continue;
                }
                K segment = key(reading, entry.path("segment"), at + "/segment", baseline, context);
                JsonNode comparisonNode = entry.path("comparison");
                Comparison comparison = null;
                if (comparisonNode.isMissingNode() || comparisonNode.isNull()) {
                    reading.problem(at + "/comparison", RuleCode.REQUIRED, "is required", null);
                } else {
                    comparison = StatsValues.COMPARISON.read(reading, comparisonNode, at + "/comparison");
                }
                if (segment == null) {
                    continue;
                }
                if (segment.equals(baseline)) {
                    reading.problem(at + "/segment", RuleCode.CONFLICT, "must differ from the baseline",
                            show(entry.path("segment")));
                } else if (bySegment.containsKey(segment)) {
                    reading.problem(at + "/segment", RuleCode.DUPLICATE, "must be unique within entries",
                            show(entry.path("segment")));
                } else if (comparison != null) {
                    bySegment.put(segment, Optional.of(comparison));
                    adjusted.given(segment, entry, at);
                }
            }
            if (reading.mark() != mark || baseline == null || correction == null) {
                return null;
            }
            bySegment.put(baseline, Optional.empty());
            SegmentComparison<K> built;
            try {
                built = SegmentComparison.of(bySegment, baseline, (segment, base) -> segment.orElseThrow(),
                        correction);
            } catch (MetricInputException e) {
                reading.problem("", RuleCode.CONFLICT, e.getInput() + ": " + e.getRule(), e.getValue());
                return null;
            }
            for (SegmentComparison.Entry<K> entry : built.entries()) {
                adjusted.check(entry.segment(), entry.comparison(), entry.adjustedPValue(), correction);
            }
            return reading.mark() == mark ? built : null;
        }

        /**
         * Reads a segment key: of K, naturally ordered, and of the baseline's class when there is a baseline (a
         * key type read as {@code Object} could otherwise mix strings and numbers, which do not compare).
         */
        @SuppressWarnings("unchecked") // Read as K's type and checked to be Comparable of the baseline's class.
        private @Nullable K key(Reading reading, JsonNode node, String at, @Nullable K baseline,
                DeserializationContext context) {
            Object key = BreakdownValues.value(reading, node, at, keyType, codecs, context);
            if (key == null) {
                return null;
            }
            if (!(key instanceof Comparable)) {
                reading.problem(at, RuleCode.TYPE, "must be a naturally ordered segment key, such as a string",
                        show(node));
                return null;
            }
            if (baseline != null && key.getClass() != baseline.getClass()) {
                reading.problem(at, RuleCode.TYPE, "must be a segment key of the baseline's kind ("
                        + baseline.getClass().getSimpleName() + ")", show(node));
                return null;
            }
            return (K) key;
        }
    }

    /** A key as problems echo it: a string's text, anything else as JSON (shortened by the problem). */
    private static String show(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
