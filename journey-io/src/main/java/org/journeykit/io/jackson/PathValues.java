package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.journeykit.error.RuleCode;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the path results: {@link PathResult} with its {@link Variant}s and directly-follows {@link Edge}s.
 * Lists keep the result's order; durations are ISO-8601 texts ({@code PT2H30M}), as in the journey document.
 */
final class PathValues {

    private PathValues() {}

    /** {@code {"steps": ["home", "cart"], "count": 3, "share": 0.75}}. */
    static final ValueCodec<Variant> VARIANT = new ValueCodec<>(Variant.class, "a variant", "steps", "count",
            "share") {
        @Override
        void write(Variant value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            ConformanceValues.strings(out, "steps", value.steps());
            out.writeNumberField("count", value.count());
            out.writeNumberField("share", value.share());
            out.writeEndObject();
        }

        @Override
        @Nullable Variant read(Fields in) {
            List<String> steps = in.strings("steps");
            long count = in.count("count");
            double share = in.number("share");
            return in.build(() -> new Variant(steps, count, share));
        }
    };

    /** From, to, count and the total time; the mean time derived. */
    static final ValueCodec<Edge> EDGE = new ValueCodec<>(Edge.class, "an edge", "from", "to", "count",
            "totalTime", "meanTime") {
        @Override
        void write(Edge value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("from", value.from());
            out.writeStringField("to", value.to());
            out.writeNumberField("count", value.count());
            out.writeStringField("totalTime", value.totalTime().toString());
            out.writeStringField("meanTime", value.meanTime().toString());
            out.writeEndObject();
        }

        @Override
        @Nullable Edge read(Fields in) {
            String from = in.text("from");
            String to = in.text("to");
            long count = in.count("count");
            Optional<Duration> totalTime = in.duration("totalTime");
            if (totalTime.isEmpty() && !in.has("totalTime")) {
                in.reading().problem(in.pointer("totalTime"), RuleCode.REQUIRED, "is required", null);
            }
            return totalTime.isEmpty() ? null : in.build(() -> new Edge(from, to, count, totalTime.get()));
        }
    };

    /** The journey count, the variants, the edges and the start and end counts by step. */
    static final ValueCodec<PathResult> PATH_RESULT = new ValueCodec<>(PathResult.class, "a path result",
            "journeyCount", "variants", "edges", "startCounts", "endCounts") {
        @Override
        void write(PathResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("journeyCount", value.journeyCount());
            out.writeArrayFieldStart("variants");
            for (Variant variant : value.variants()) {
                VARIANT.write(variant, out);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("edges");
            for (Edge edge : value.edges()) {
                EDGE.write(edge, out);
            }
            out.writeEndArray();
            ServiceValues.counts(out, "startCounts", value.startCounts());
            ServiceValues.counts(out, "endCounts", value.endCounts());
            out.writeEndObject();
        }

        @Override
        @Nullable PathResult read(Fields in) {
            long journeyCount = in.count("journeyCount");
            List<Variant> variants = in.list("variants", VARIANT);
            List<Edge> edges = in.list("edges", EDGE);
            Map<String, Long> startCounts = in.counts("startCounts");
            Map<String, Long> endCounts = in.counts("endCounts");
            return in.build(() -> new PathResult(journeyCount, variants, edges, startCounts, endCounts));
        }
    };
}
