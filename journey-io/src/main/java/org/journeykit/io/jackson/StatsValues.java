package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.OptionalDouble;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.stats.TwoProportionTest;
import org.jspecify.annotations.Nullable;

/** The JSON of the statistics values: {@link Interval}, {@link Proportion}, {@link Comparison}, {@link TwoProportionTest}. */
final class StatsValues {

    private StatsValues() {}

    static void optional(JsonGenerator out, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            out.writeNumberField(name, value.getAsDouble());
        }
    }

    /** {@code {"estimate": 9.71, "lower": -6.27, "upper": 25.69, "level": 0.95}}. */
    static final ValueCodec<Interval> INTERVAL = new ValueCodec<>(Interval.class, "an interval",
            "estimate", "lower", "upper", "level") {
        @Override
        void write(Interval value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("estimate", value.estimate());
            out.writeNumberField("lower", value.lower());
            out.writeNumberField("upper", value.upper());
            out.writeNumberField("level", value.level());
            out.writeEndObject();
        }

        @Override
        @Nullable Interval read(Fields in) {
            double estimate = in.number("estimate");
            double lower = in.number("lower");
            double upper = in.number("upper");
            double level = in.number("level");
            return in.build(() -> Interval.of(estimate, lower, upper, level));
        }
    };

    /** {@code {"successes": 18, "trials": 25, "share": 0.72}}; the share is derived. */
    static final ValueCodec<Proportion> PROPORTION = new ValueCodec<>(Proportion.class, "a proportion",
            "successes", "trials", "share") {
        @Override
        void write(Proportion value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("successes", value.successes());
            out.writeNumberField("trials", value.trials());
            out.writeNumberField("share", value.share());
            out.writeEndObject();
        }

        @Override
        @Nullable Proportion read(Fields in) {
            long successes = in.count("successes");
            long trials = in.count("trials");
            return in.build(() -> Proportion.of(successes, trials));
        }
    };

    /** Current, baseline and standard error; difference, z and p-value derived (z and p absent when undefined). */
    static final ValueCodec<Comparison> COMPARISON = new ValueCodec<>(Comparison.class, "a comparison",
            "current", "baseline", "standardError", "difference", "z", "pValue") {
        @Override
        void write(Comparison value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("current", value.current());
            out.writeNumberField("baseline", value.baseline());
            out.writeNumberField("standardError", value.standardError());
            out.writeNumberField("difference", value.difference());
            optional(out, "z", value.z());
            optional(out, "pValue", value.pValue());
            out.writeEndObject();
        }

        @Override
        @Nullable Comparison read(Fields in) {
            double current = in.number("current");
            double baseline = in.number("baseline");
            double standardError = in.number("standardError");
            return in.build(() -> Comparison.of(current, baseline, standardError));
        }
    };

    /** The four counts; difference, z and p-value derived. */
    static final ValueCodec<TwoProportionTest> TWO_PROPORTION_TEST = new ValueCodec<>(TwoProportionTest.class,
            "a two-proportion test", "successes1", "trials1", "successes2", "trials2", "difference", "z",
            "pValue") {
        @Override
        void write(TwoProportionTest value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("successes1", value.successes1());
            out.writeNumberField("trials1", value.trials1());
            out.writeNumberField("successes2", value.successes2());
            out.writeNumberField("trials2", value.trials2());
            out.writeNumberField("difference", value.difference());
            out.writeNumberField("z", value.z());
            out.writeNumberField("pValue", value.pValue());
            out.writeEndObject();
        }

        @Override
        @Nullable TwoProportionTest read(Fields in) {
            long successes1 = in.count("successes1");
            long trials1 = in.count("trials1");
            long successes2 = in.count("successes2");
            long trials2 = in.count("trials2");
            return in.build(() -> new TwoProportionTest(successes1, trials1, successes2, trials2));
        }
    };
}
