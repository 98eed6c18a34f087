package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.journeykit.metrics.experience.EmotionSummary;
import org.journeykit.metrics.experience.JourneyExperience;
import org.jspecify.annotations.Nullable;

/** The JSON of the experience results: {@link EmotionSummary} and {@link JourneyExperience}. */
final class ExperienceValues {

    private ExperienceValues() {}

    /** The counts and the normalised emotions; the positive share and the peak-end score derived. */
    static final ValueCodec<EmotionSummary> EMOTION_SUMMARY = new ValueCodec<>(EmotionSummary.class,
            "an emotion summary", "touchpoints", "positive", "positiveShare", "mean", "peak", "valley",
            "mostIntense", "end", "peakEnd") {
        @Override
        void write(EmotionSummary value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("touchpoints", value.touchpoints());
            out.writeNumberField("positive", value.positive());
            out.writeNumberField("positiveShare", value.positiveShare());
            out.writeNumberField("mean", value.mean());
            out.writeNumberField("peak", value.peak());
            out.writeNumberField("valley", value.valley());
            out.writeNumberField("mostIntense", value.mostIntense());
            out.writeNumberField("end", value.end());
            out.writeNumberField("peakEnd", value.peakEnd());
            out.writeEndObject();
        }

        @Override
        @Nullable EmotionSummary read(Fields in) {
            int touchpoints = in.integer("touchpoints");
            int positive = in.integer("positive");
            double mean = in.number("mean");
            double peak = in.number("peak");
            double valley = in.number("valley");
            double mostIntense = in.number("mostIntense");
            double end = in.number("end");
            return in.build(() -> EmotionSummary.of(touchpoints, positive, mean, peak, valley, mostIntense, end));
        }
    };

    /** The overall summary, the summary per phase id in phase order, the emotion per touchpoint id in time order. */
    static final ValueCodec<JourneyExperience> JOURNEY_EXPERIENCE = new ValueCodec<>(JourneyExperience.class,
            "a journey experience", "overall", "byPhase", "byTouchpoint") {
        @Override
        void write(JourneyExperience value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("overall");
            EMOTION_SUMMARY.write(value.overall(), out);
            out.writeObjectFieldStart("byPhase");
            for (Map.Entry<String, EmotionSummary> entry : value.byPhase().entrySet()) {
                out.writeFieldName(entry.getKey());
                EMOTION_SUMMARY.write(entry.getValue(), out);
            }
            out.writeEndObject();
            out.writeObjectFieldStart("byTouchpoint");
            for (Map.Entry<String, Double> entry : value.byTouchpoint().entrySet()) {
                out.writeNumberField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        }

        @Override
        @Nullable JourneyExperience read(Fields in) {
            EmotionSummary overall = in.value("overall", EMOTION_SUMMARY);
            Map<String, EmotionSummary> byPhase = in.values("byPhase", EMOTION_SUMMARY);
            Map<String, Double> byTouchpoint = in.numbers("byTouchpoint");
            return overall == null ? null : in.build(() -> JourneyExperience.of(overall, byPhase, byTouchpoint));
        }
    };
}
