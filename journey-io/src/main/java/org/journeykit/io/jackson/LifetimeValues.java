package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.journeykit.metrics.lifetime.BgNbd;
import org.journeykit.metrics.lifetime.BgNbdFit;
import org.journeykit.metrics.lifetime.PurchaseHistory;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometric;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.journeykit.metrics.lifetime.SurvivalCurve;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the lifetime models and results: {@link BgNbd} and {@link BgNbdFit}, {@link ShiftedBetaGeometric}
 * and {@link ShiftedBetaGeometricFit}, {@link SurvivalCurve}, and the {@link PurchaseHistory} a BG/NBD model is
 * fitted to.
 */
final class LifetimeValues {

    private LifetimeValues() {}

    /** The four parameters. */
    static final ValueCodec<BgNbd> BG_NBD = new ValueCodec<>(BgNbd.class, "a BG/NBD model",
            "r", "alpha", "a", "b") {
        @Override
        void write(BgNbd value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("r", value.r());
            out.writeNumberField("alpha", value.alpha());
            out.writeNumberField("a", value.a());
            out.writeNumberField("b", value.b());
            out.writeEndObject();
        }

        @Override
        @Nullable BgNbd read(Fields in) {
            double r = in.number("r");
            double alpha = in.number("alpha");
            double a = in.number("a");
            double b = in.number("b");
            return in.build(() -> new BgNbd(r, alpha, a, b));
        }
    };

    /** The model, the log-likelihood at the maximum and the number of customers fitted. */
    static final ValueCodec<BgNbdFit> BG_NBD_FIT = new ValueCodec<>(BgNbdFit.class, "a BG/NBD fit",
            "model", "logLikelihood", "customers") {
        @Override
        void write(BgNbdFit value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("model");
            BG_NBD.write(value.model(), out);
            out.writeNumberField("logLikelihood", value.logLikelihood());
            out.writeNumberField("customers", value.customers());
            out.writeEndObject();
        }

        @Override
        @Nullable BgNbdFit read(Fields in) {
            BgNbd model = in.value("model", BG_NBD);
            double logLikelihood = in.number("logLikelihood");
            long customers = in.count("customers");
            return model == null ? null : in.build(() -> new BgNbdFit(model, logLikelihood, customers));
        }
    };

    /** Alpha and beta. */
    static final ValueCodec<ShiftedBetaGeometric> SBG = new ValueCodec<>(ShiftedBetaGeometric.class,
            "a shifted-beta-geometric model", "alpha", "beta") {
        @Override
        void write(ShiftedBetaGeometric value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("alpha", value.alpha());
            out.writeNumberField("beta", value.beta());
            out.writeEndObject();
        }

        @Override
        @Nullable ShiftedBetaGeometric read(Fields in) {
            double alpha = in.number("alpha");
            double beta = in.number("beta");
            return in.build(() -> new ShiftedBetaGeometric(alpha, beta));
        }
    };

    /** The model, the log-likelihood and the survivor counts it was fitted to, from period 0. */
    static final ValueCodec<ShiftedBetaGeometricFit> SBG_FIT = new ValueCodec<>(ShiftedBetaGeometricFit.class,
            "a shifted-beta-geometric fit", "model", "logLikelihood", "survivors") {
        @Override
        void write(ShiftedBetaGeometricFit value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeFieldName("model");
            SBG.write(value.model(), out);
            out.writeNumberField("logLikelihood", value.logLikelihood());
            out.writeArrayFieldStart("survivors");
            for (long survivors : value.survivors()) {
                out.writeNumber(survivors);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable ShiftedBetaGeometricFit read(Fields in) {
            ShiftedBetaGeometric model = in.value("model", SBG);
            double logLikelihood = in.number("logLikelihood");
            long[] survivors = in.longs("survivors");
            return model == null ? null : in.build(() -> new ShiftedBetaGeometricFit(model, logLikelihood,
                    java.util.Arrays.stream(survivors).boxed().toList()));
        }
    };

    /** One Kaplan-Meier step. */
    static final ValueCodec<SurvivalCurve.Step> SURVIVAL_STEP = new ValueCodec<>(SurvivalCurve.Step.class,
            "a survival step", "lifetime", "atRisk", "churned", "censored", "survival", "variance") {
        @Override
        void write(SurvivalCurve.Step value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("lifetime", value.lifetime());
            out.writeNumberField("atRisk", value.atRisk());
            out.writeNumberField("churned", value.churned());
            out.writeNumberField("censored", value.censored());
            out.writeNumberField("survival", value.survival());
            out.writeNumberField("variance", value.variance());
            out.writeEndObject();
        }

        @Override
        SurvivalCurve.@Nullable Step read(Fields in) {
            long lifetime = in.count("lifetime");
            long atRisk = in.count("atRisk");
            long churned = in.count("churned");
            long censored = in.count("censored");
            double survival = in.number("survival");
            double variance = in.number("variance");
            return in.build(() -> new SurvivalCurve.Step(lifetime, atRisk, churned, censored, survival, variance));
        }
    };

    /** The customers and the steps, in increasing lifetime. */
    static final ValueCodec<SurvivalCurve> SURVIVAL_CURVE = new ValueCodec<>(SurvivalCurve.class,
            "a survival curve", "customers", "steps") {
        @Override
        void write(SurvivalCurve value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("customers", value.customers());
            out.writeArrayFieldStart("steps");
            for (SurvivalCurve.Step step : value.steps()) {
                SURVIVAL_STEP.write(step, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable SurvivalCurve read(Fields in) {
            long customers = in.count("customers");
            List<SurvivalCurve.Step> steps = in.list("steps", SURVIVAL_STEP);
            return in.build(() -> new SurvivalCurve(steps, customers));
        }
    };

    /** Frequency, recency and age, in the units the history was built with. */
    static final ValueCodec<PurchaseHistory> PURCHASE_HISTORY = new ValueCodec<>(PurchaseHistory.class,
            "a purchase history", "frequency", "recency", "age") {
        @Override
        void write(PurchaseHistory value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("frequency", value.frequency());
            out.writeNumberField("recency", value.recency());
            out.writeNumberField("age", value.age());
            out.writeEndObject();
        }

        @Override
        @Nullable PurchaseHistory read(Fields in) {
            long frequency = in.count("frequency");
            double recency = in.number("recency");
            double age = in.number("age");
            return in.build(() -> new PurchaseHistory(frequency, recency, age));
        }
    };
}
