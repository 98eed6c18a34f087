package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelComparison;
import org.journeykit.metrics.journeys.funnel.FunnelComparison.StepComparison;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.funnel.FunnelStep;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.stats.TwoProportionTest;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the funnel values: the {@link Funnel} definition, {@link FunnelStep}, {@link FunnelResult} and
 * {@link FunnelComparison}. Durations are ISO-8601 texts ({@code PT2H30M}), as in the journey document.
 */
final class FunnelValues {

    private FunnelValues() {}

    private static void duration(JsonGenerator out, String name, Optional<Duration> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(name, value.get().toString());
        }
    }

    /** Steps, window, counting, order and exclusion steps (sorted, left out when none). */
    static final ValueCodec<Funnel> FUNNEL = new ValueCodec<>(Funnel.class, "a funnel",
            "steps", "window", "counting", "order", "exclusions") {
        @Override
        void write(Funnel value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeArrayFieldStart("steps");
            for (String step : value.steps()) {
                out.writeString(step);
            }
            out.writeEndArray();
            out.writeStringField("window", value.window().toString());
            out.writeStringField("counting", Reading.Names.of(value.counting()));
            out.writeStringField("order", Reading.Names.of(value.order()));
            if (!value.exclusions().isEmpty()) {
                out.writeArrayFieldStart("exclusions");
                for (String step : value.exclusions()) {
                    out.writeString(step);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }

        @Override
        @Nullable Funnel read(Fields in) {
            List<String> steps = in.strings("steps");
            Optional<Duration> window = in.duration("window");
            if (window.isEmpty() && !in.has("window")) {
                in.reading().problem(in.pointer("window"), org.journeykit.error.RuleCode.REQUIRED, "is required",
                        null);
            }
            Funnel.Counting counting = in.enumValue("counting", Funnel.Counting.class);
            Funnel.StepOrder order = in.enumValue("order", Funnel.StepOrder.class);
            List<String> exclusions = in.strings("exclusions");
            if (window.isEmpty() || counting == null || order == null) {
                return null;
            }
            return in.build(() -> Funnel.of(steps, window.get()).withCounting(counting).withOrder(order)
                    .withExclusions(exclusions));
        }
    };

    /** The counts, the times to the next step (absent for none), where drop-offs went; conversions derived. */
    static final ValueCodec<FunnelStep> STEP = new ValueCodec<>(FunnelStep.class, "a funnel step",
            "step", "entered", "previousStepEntered", "firstStepEntered", "droppedOff", "conversionFromPrevious",
            "conversionFromStart", "medianTimeToNext", "meanTimeToNext", "nextAfterDropOff") {
        @Override
        void write(FunnelStep value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("step", value.step());
            out.writeNumberField("entered", value.entered());
            out.writeNumberField("previousStepEntered", value.previousStepEntered());
            out.writeNumberField("firstStepEntered", value.firstStepEntered());
            out.writeNumberField("droppedOff", value.droppedOff());
            StatsValues.optional(out, "conversionFromPrevious", value.conversionFromPrevious());
            StatsValues.optional(out, "conversionFromStart", value.conversionFromStart());
            duration(out, "medianTimeToNext", value.medianTimeToNext());
            duration(out, "meanTimeToNext", value.meanTimeToNext());
            ServiceValues.counts(out, "nextAfterDropOff", value.nextAfterDropOff());
            out.writeEndObject();
        }

        @Override
        @Nullable FunnelStep read(Fields in) {
            String step = in.text("step");
            long entered = in.count("entered");
            long previous = in.count("previousStepEntered");
            long first = in.count("firstStepEntered");
            long droppedOff = in.count("droppedOff");
            Optional<Duration> median = in.duration("medianTimeToNext");
            Optional<Duration> mean = in.duration("meanTimeToNext");
            Map<String, Long> next = in.counts("nextAfterDropOff");
            return in.build(() -> new FunnelStep(step, entered, previous, first, droppedOff, median, mean,
                    new TreeMap<>(next)));
        }
    };

    /** The funnel, one step per funnel step, how many an exclusion removed; converted derived. */
    static final ValueCodec<FunnelResult> RESULT = new ValueCodec<>(FunnelResult.class, "a funnel result",
            "funnel", "steps", "excluded", "converted") {
        @Override
        void write(FunnelResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("funnel");
            FUNNEL.write(value.funnel(), out);
            out.writeArrayFieldStart("steps");
            for (FunnelStep step : value.steps()) {
                STEP.write(step, out);
            }
            out.writeEndArray();
            out.writeNumberField("excluded", value.excluded());
            out.writeNumberField("converted", value.converted());
            out.writeEndObject();
        }

        @Override
        @Nullable FunnelResult read(Fields in) {
            Funnel funnel = in.value("funnel", FUNNEL);
            List<FunnelStep> steps = in.list("steps", STEP);
            long excluded = in.count("excluded");
            return funnel == null ? null : in.build(() -> new FunnelResult(funnel, steps, excluded));
        }
    };

    /** One step's comparison: the test and the adjusted p-value, both absent without a test. */
    static final ValueCodec<StepComparison> STEP_COMPARISON = new ValueCodec<>(StepComparison.class,
            "a funnel step comparison", "step", "test", "adjustedPValue") {
        @Override
        void write(StepComparison value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("step", value.step());
            if (value.test().isPresent()) {
                out.writeFieldName("test");
                StatsValues.TWO_PROPORTION_TEST.write(value.test().get(), out);
            }
            StatsValues.optional(out, "adjustedPValue", value.adjustedPValue());
            out.writeEndObject();
        }

        @Override
        @Nullable StepComparison read(Fields in) {
            String step = in.text("step");
            Optional<TwoProportionTest> test = in.optional("test", StatsValues.TWO_PROPORTION_TEST);
            OptionalDouble adjusted = in.optionalNumber("adjustedPValue");
            return in.build(() -> new StepComparison(step, test, adjusted));
        }
    };

    /** The correction and one comparison per step after the first. */
    static final ValueCodec<FunnelComparison> COMPARISON = new ValueCodec<>(FunnelComparison.class,
            "a funnel comparison", "correction", "steps") {
        @Override
        void write(FunnelComparison value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("correction", Reading.Names.of(value.correction()));
            out.writeArrayFieldStart("steps");
            for (StepComparison step : value.steps()) {
                STEP_COMPARISON.write(step, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable FunnelComparison read(Fields in) {
            Correction correction = in.enumValue("correction", Correction.class);
            List<StepComparison> steps = in.list("steps", STEP_COMPARISON);
            return correction == null ? null : in.build(() -> new FunnelComparison(correction, steps));
        }
    };
}
