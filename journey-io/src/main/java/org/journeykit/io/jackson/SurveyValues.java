package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CesScale;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.jspecify.annotations.Nullable;

/** The JSON of the survey results: {@link NpsResult}, {@link CesResult}, {@link CsatResult}. */
final class SurveyValues {

    private SurveyValues() {}

    /**
     * The counts, whether weighted, the weight shares and the effective sample size (for unweighted results the
     * shares and size follow from the counts and are derived); responses, score and standard error derived.
     */
    static final ValueCodec<NpsResult> NPS = new ValueCodec<>(NpsResult.class, "an NPS result",
            "promoters", "passives", "detractors", "weighted", "promoterShare", "passiveShare", "detractorShare",
            "effectiveSampleSize", "responses", "score", "standardError") {
        @Override
        void write(NpsResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("promoters", value.promoters());
            out.writeNumberField("passives", value.passives());
            out.writeNumberField("detractors", value.detractors());
            out.writeBooleanField("weighted", value.isWeighted());
            out.writeNumberField("promoterShare", value.promoterShare());
            out.writeNumberField("passiveShare", value.passiveShare());
            out.writeNumberField("detractorShare", value.detractorShare());
            out.writeNumberField("effectiveSampleSize", value.effectiveSampleSize());
            out.writeNumberField("responses", value.responses());
            out.writeNumberField("score", value.score());
            out.writeNumberField("standardError", value.standardError());
            out.writeEndObject();
        }

        @Override
        @Nullable NpsResult read(Fields in) {
            long promoters = in.count("promoters");
            long passives = in.count("passives");
            long detractors = in.count("detractors");
            if (!in.bool("weighted")) {
                return in.build(() -> NpsResult.of(promoters, passives, detractors));
            }
            double promoterShare = in.number("promoterShare");
            double passiveShare = in.number("passiveShare");
            double detractorShare = in.number("detractorShare");
            double effective = in.number("effectiveSampleSize");
            return in.build(() -> NpsResult.weightedShares(promoters, passives, detractors, promoterShare,
                    passiveShare, detractorShare, effective));
        }
    };

    /** The scale and the count of each answer from the scale's lowest; the figures derived. */
    static final ValueCodec<CesResult> CES = new ValueCodec<>(CesResult.class, "a CES result",
            "scale", "counts", "responses", "mean", "standardDeviation", "shareEasy", "shareDifficult", "netEase") {
        @Override
        void write(CesResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("scale", Reading.Names.of(value.scale()));
            out.writeArrayFieldStart("counts");
            for (long count : value.distribution()) {
                out.writeNumber(count);
            }
            out.writeEndArray();
            out.writeNumberField("responses", value.responses());
            out.writeNumberField("mean", value.mean());
            StatsValues.optional(out, "standardDeviation", value.standardDeviation());
            out.writeNumberField("shareEasy", value.shareEasy());
            out.writeNumberField("shareDifficult", value.shareDifficult());
            out.writeNumberField("netEase", value.netEase());
            out.writeEndObject();
        }

        @Override
        @Nullable CesResult read(Fields in) {
            CesScale scale = in.enumValue("scale", CesScale.class);
            long[] counts = in.longs("counts");
            return scale == null ? null : in.build(() -> CesResult.of(scale, counts));
        }
    };

    /** Satisfied and responses; the share derived. */
    static final ValueCodec<CsatResult> CSAT = new ValueCodec<>(CsatResult.class, "a CSAT result",
            "satisfied", "responses", "share") {
        @Override
        void write(CsatResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("satisfied", value.satisfied());
            out.writeNumberField("responses", value.responses());
            out.writeNumberField("share", value.share());
            out.writeEndObject();
        }

        @Override
        @Nullable CsatResult read(Fields in) {
            long satisfied = in.count("satisfied");
            long responses = in.count("responses");
            return in.build(() -> CsatResult.of(satisfied, responses));
        }
    };
}
