package org.journeykit.metrics.survey;

import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Normal;
import org.journeykit.observed.SurveyResponse;

/**
 * Entry points for the Net Promoter Score: one-call calculation over primitive arrays and streams,
 * {@link Collector}s, and the sample size a survey needs for a target margin of error.
 *
 * <p>See {@link NpsResult} for the definitions and sources.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Nps {

    private Nps() {}

    /**
     * The NPS of an array of answers, without boxing.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @return the result, or empty for an empty array
     * @throws MetricInputException if an answer is outside 0-10
     */
    public static Optional<NpsResult> of(int[] scores) {
        return NpsAccumulator.create().addAll(scores).result();
    }

    /**
     * The NPS of a stream of answers, without boxing; parallel streams are split and merged.
     *
     * @param scores the answers, not null, each from 0 to 10
     * @return the result, or empty for an empty stream
     * @throws MetricInputException if an answer is outside 0-10
     */
    public static Optional<NpsResult> of(IntStream scores) {
        return NpsAccumulator.create().addAll(scores).result();
    }

    /**
     * A collector of NPS survey responses into their result (empty when there were none).
     *
     * @return the collector, not null; it throws {@link MetricInputException} for a null or non-NPS response
     */
    public static Collector<SurveyResponse, ?, Optional<NpsResult>> toNps() {
        return Collector.of(NpsAccumulator::create, NpsAccumulator::add, NpsAccumulator::merge,
                NpsAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector of NPS survey responses into an accumulator, to merge with others or ship between machines.
     *
     * @return the collector, not null
     */
    public static Collector<SurveyResponse, ?, NpsAccumulator> toAccumulator() {
        return Collector.of(NpsAccumulator::create, NpsAccumulator::add, NpsAccumulator::merge,
                Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * The number of responses needed for a Wald margin of error at most {@code margin} score points in the worst
     * case (variance 1, reached when half the respondents promote and half detract):
     * {@code n = ceil(z^2 / (margin / 100)^2)}. For example 1537 for a margin of 5 points at 95 %.
     *
     * @param margin the target margin of error in score points, in (0, 200]
     * @param level the confidence level, strictly between 0 and 1
     * @return the sample size, at least 1
     * @throws MetricInputException if the margin or level is out of range
     */
    public static long requiredSampleSize(double margin, double level) {
        return requiredSampleSize(0.5, 0.5, margin, level);
    }

    /**
     * The number of responses needed for a Wald margin of error at most {@code margin} score points, given the
     * expected promoter and detractor shares (from a previous survey):
     * {@code n = ceil(z^2 (p + d - (p - d)^2) / (margin / 100)^2)}, at least 1.
     *
     * @param promoterShare the expected promoter share, in [0, 1]
     * @param detractorShare the expected detractor share, in [0, 1], with {@code p + d <= 1}
     * @param margin the target margin of error in score points, in (0, 200]
     * @param level the confidence level, strictly between 0 and 1
     * @return the sample size, at least 1
     * @throws MetricInputException if a share, the margin or the level is out of range
     */
    public static long requiredSampleSize(double promoterShare, double detractorShare, double margin,
            double level) {
        if (!(promoterShare >= 0 && promoterShare <= 1)) {
            throw new MetricInputException("promoterShare", promoterShare, "must be in [0, 1]");
        }
        if (!(detractorShare >= 0 && detractorShare <= 1) || promoterShare + detractorShare > 1 + 1e-12) {
            throw new MetricInputException("detractorShare", detractorShare,
                    "must be in [0, 1] with promoterShare + detractorShare <= 1");
        }
        if (!(margin > 0 && margin <= 200)) {
            throw new MetricInputException("margin", margin, "must be in (0, 200] score points");
        }
        double z = Normal.criticalValue(level);
        double e = margin / 100.0;
        double n = z * z * NpsResult.trinomialVariance(promoterShare, detractorShare) / (e * e);
        // Guard against 1536.0000000001 style rounding turning an exact integer into the next one.
        return Math.max(1L, (long) Math.ceil(n - 1e-9));
    }
}
