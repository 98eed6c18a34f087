package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.metrics.journeys.conformance.TouchpointDeviations;
import org.journeykit.metrics.journeys.conformance.TouchpointStatus;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the conformance results: {@link ConformanceSummary} with its {@link TouchpointDeviations},
 * {@link JourneyConformance} and the {@link ConformanceChecker} (the plan) it carries. Durations are ISO-8601 texts.
 */
final class ConformanceValues {

    private ConformanceValues() {}

    static void strings(JsonGenerator out, String name, List<String> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /** The touchpoint and its five counts. */
    static final ValueCodec<TouchpointDeviations> DEVIATIONS = new ValueCodec<>(TouchpointDeviations.class,
            "touchpoint deviations", "touchpointId", "completed", "failing", "missing", "outOfOrder", "late") {
        @Override
        void write(TouchpointDeviations value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("touchpointId", value.touchpointId());
            out.writeNumberField("completed", value.completed());
            out.writeNumberField("failing", value.failing());
            out.writeNumberField("missing", value.missing());
            out.writeNumberField("outOfOrder", value.outOfOrder());
            out.writeNumberField("late", value.late());
            out.writeEndObject();
        }

        @Override
        @Nullable TouchpointDeviations read(Fields in) {
            String touchpointId = in.text("touchpointId");
            long completed = in.count("completed");
            long failing = in.count("failing");
            long missing = in.count("missing");
            long outOfOrder = in.count("outOfOrder");
            long late = in.count("late");
            return in.build(() -> new TouchpointDeviations(touchpointId, completed, failing, missing, outOfOrder,
                    late));
        }
    };

    /** The journey count, the mean scores (timing absent when none was checked), the touchpoints, ad-hoc counts. */
    static final ValueCodec<ConformanceSummary> SUMMARY = new ValueCodec<>(ConformanceSummary.class,
            "a conformance summary", "journeyCount", "meanContentScore", "meanSequenceScore", "meanTimingScore",
            "touchpoints", "adHocCounts") {
        @Override
        void write(ConformanceSummary value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("journeyCount", value.journeyCount());
            out.writeNumberField("meanContentScore", value.meanContentScore());
            out.writeNumberField("meanSequenceScore", value.meanSequenceScore());
            StatsValues.optional(out, "meanTimingScore", value.meanTimingScore());
            out.writeArrayFieldStart("touchpoints");
            for (TouchpointDeviations touchpoint : value.touchpoints()) {
                DEVIATIONS.write(touchpoint, out);
            }
            out.writeEndArray();
            ServiceValues.counts(out, "adHocCounts", value.adHocCounts());
            out.writeEndObject();
        }

        @Override
        @Nullable ConformanceSummary read(Fields in) {
            long journeyCount = in.count("journeyCount");
            double content = in.number("meanContentScore");
            double sequence = in.number("meanSequenceScore");
            OptionalDouble timing = in.optionalNumber("meanTimingScore");
            List<TouchpointDeviations> touchpoints = in.list("touchpoints", DEVIATIONS);
            Map<String, Long> adHoc = in.counts("adHocCounts");
            return in.build(() -> new ConformanceSummary(journeyCount, content, sequence, timing, touchpoints,
                    adHoc));
        }
    };

    /** The plan: journey id, touchpoint ids in plan order, expected durations (whole milliseconds), tolerance. */
    static final ValueCodec<ConformanceChecker> CHECKER = new ValueCodec<>(ConformanceChecker.class,
            "a conformance checker", "journeyId", "touchpointIds", "expectedDurations", "tolerance") {
        @Override
        void write(ConformanceChecker value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("journeyId", value.journeyId());
            strings(out, "touchpointIds", value.touchpointIds());
            out.writeObjectFieldStart("expectedDurations");
            for (Map.Entry<String, Duration> entry : value.expectedDurations().entrySet()) {
                out.writeStringField(entry.getKey(), entry.getValue().toString());
            }
            out.writeEndObject();
            out.writeNumberField("tolerance", value.tolerance());
            out.writeEndObject();
        }

        @Override
        @Nullable ConformanceChecker read(Fields in) {
            String journeyId = in.text("journeyId");
            List<String> touchpointIds = in.strings("touchpointIds");
            Map<String, Duration> expected = in.durationMap("expectedDurations");
            double tolerance = in.number("tolerance");
            return in.build(() -> ConformanceChecker.of(journeyId, touchpointIds, expected, tolerance));
        }
    };

    /**
     * The checker, the customer, each planned touchpoint's status, the deviations and the counts behind the scores;
     * the content, sequence and timing scores (timing absent when nothing was checked) derived.
     */
    static final ValueCodec<JourneyConformance> JOURNEY_CONFORMANCE = new ValueCodec<>(JourneyConformance.class,
            "a journey conformance", "checker", "customerId", "statuses", "adHoc", "outOfOrder", "late",
            "inOrderCount", "occurredCount", "checkedCount", "contentScore", "sequenceScore", "timingScore") {
        @Override
        void write(JourneyConformance value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("checker");
            CHECKER.write(value.checker(), out);
            out.writeStringField("customerId", value.customerId());
            out.writeObjectFieldStart("statuses");
            for (Map.Entry<String, TouchpointStatus> entry : value.statuses().entrySet()) {
                out.writeStringField(entry.getKey(), Reading.Names.of(entry.getValue()));
            }
            out.writeEndObject();
            strings(out, "adHoc", value.adHoc());
            strings(out, "outOfOrder", value.outOfOrder());
            strings(out, "late", value.late());
            out.writeNumberField("inOrderCount", value.inOrderCount());
            out.writeNumberField("occurredCount", value.occurredCount());
            out.writeNumberField("checkedCount", value.checkedCount());
            out.writeNumberField("contentScore", value.contentScore());
            out.writeNumberField("sequenceScore", value.sequenceScore());
            StatsValues.optional(out, "timingScore", value.timingScore());
            out.writeEndObject();
        }

        @Override
        @Nullable JourneyConformance read(Fields in) {
            ConformanceChecker checker = in.value("checker", CHECKER);
            String customerId = in.text("customerId");
            Map<String, TouchpointStatus> statuses = in.enums("statuses", TouchpointStatus.class);
            List<String> adHoc = in.strings("adHoc");
            List<String> outOfOrder = in.strings("outOfOrder");
            List<String> late = in.strings("late");
            int inOrder = in.integer("inOrderCount");
            int occurred = in.integer("occurredCount");
            int checked = in.integer("checkedCount");
            return checker == null ? null : in.build(() -> JourneyConformance.of(checker, customerId, statuses,
                    adHoc, outOfOrder, late, inOrder, occurred, checked));
        }
    };
}
