package org.journeykit.metrics.experience;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The emotions of a stretch of a journey (the whole journey or one phase) as numbers, read off core's
 * {@link EmotionCurve} so that every definition is the curve's: on the normalised scale [-1, 1]
 * ({@link org.journeykit.model.Emotion#getNormalised()}: -1 the worst, 0 neutral, +1 the best).
 *
 * <ul>
 *   <li>positive share: points with a normalised emotion above 0, divided by the points (neutral counts as not
 *       positive);</li>
 *   <li>peak and valley: the highest and the lowest emotion ({@link EmotionCurve#getPeak()},
 *       {@link EmotionCurve#getValley()});</li>
 *   <li>most intense: the emotion farthest from neutral ({@link EmotionCurve#getMostIntense()});</li>
 *   <li>end: the emotion of the last point ({@link EmotionCurve#getEnd()});</li>
 *   <li>peak-end score: {@link EmotionCurve#getPeakEndScore()}, the mean of the most intense emotion and the end
 *       (Kahneman, Fredrickson, Schreiber and Redelmeier, "When more pain is preferred to less", Psychological
 *       Science 4(6), 1993).</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EmotionSummary {

    private final int touchpoints;
    private final int positive;
    private final double mean;
    private final double peak;
    private final double valley;
    private final double mostIntense;
    private final double end;
    private final double peakEnd;

    private EmotionSummary(int touchpoints, int positive, double mean, double peak, double valley,
            double mostIntense, double end) {
        this.touchpoints = touchpoints;
        this.positive = positive;
        this.mean = mean;
        this.peak = peak;
        this.valley = valley;
        this.mostIntense = mostIntense;
        this.end = end;
        this.peakEnd = (mostIntense + end) / 2.0;
    }

    private static EmotionSummary summarise(EmotionCurve curve) {
        int count = 0;
        for (CurvePoint point : curve.getPoints()) {
            if (point.getNormalised() > 0) {
                count++;
            }
        }
        // The peak-end score is (mostIntense + end) / 2, as EmotionCurve#getPeakEndScore computes it.
        return new EmotionSummary(curve.getPoints().size(), count, curve.getMean().orElseThrow(),
                curve.getPeak().orElseThrow().getNormalised(), curve.getValley().orElseThrow().getNormalised(),
                curve.getMostIntense().orElseThrow().getNormalised(), curve.getEnd().orElseThrow().getNormalised());
    }

    /**
     * Rebuilds a summary from its figures, as the accessors give them (for a stored result, such as its JSON form);
     * the peak-end score is derived, {@code (mostIntense + end) / 2}.
     *
     * @param touchpoints the number of touchpoints with an emotion, at least 1
     * @param positive the number of them with a positive emotion, from 0 to {@code touchpoints}
     * @param mean the mean normalised emotion, in [valley, peak] (give or take 1e-9, a rounding error)
     * @param peak the highest normalised emotion, in [-1, 1]
     * @param valley the lowest normalised emotion, in [-1, peak]
     * @param mostIntense the emotion farthest from neutral, {@code peak} or {@code valley}
     * @param end the last emotion, in [valley, peak]
     * @return the summary, not null
     * @throws MetricInputException if a count or emotion is out of range, or the emotions do not fit together as
     *     stated
     */
    public static EmotionSummary of(int touchpoints, int positive, double mean, double peak, double valley,
            double mostIntense, double end) {
        if (touchpoints < 1 || positive < 0 || positive > touchpoints) {
            throw new MetricInputException("positive", positive + " of " + touchpoints,
                    "must be from 0 to the touchpoints, at least 1");
        }
        if (!(valley >= -1 && valley <= peak && peak <= 1)) {
            throw new MetricInputException("valley, peak", valley + ", " + peak,
                    "must be in [-1, 1], the valley at most the peak");
        }
        // The mean is a rounded quotient: it may pass the peak or the valley by a rounding error.
        if (!(mean >= valley - 1e-9 && mean <= peak + 1e-9) || !(end >= valley && end <= peak)) {
            throw new MetricInputException("mean, end", mean + ", " + end, "must lie between the valley and the peak");
        }
        if (mostIntense != peak && mostIntense != valley) {
            throw new MetricInputException("mostIntense", mostIntense, "must be the peak or the valley");
        }
        return new EmotionSummary(touchpoints, positive, mean, peak, valley, mostIntense, end);
    }

    /**
     * Summarises an emotion curve.
     *
     * @param curve the curve, not null
     * @return the summary, or empty when the curve has no point (no touchpoint with an emotion)
     * @throws NullPointerException if the curve is null
     */
    public static Optional<EmotionSummary> of(EmotionCurve curve) {
        Objects.requireNonNull(curve, "curve");
        return curve.isEmpty() ? Optional.empty() : Optional.of(summarise(curve));
    }

    /**
     * The number of touchpoints with an emotion.
     *
     * @return at least 1
     */
    public int touchpoints() {
        return touchpoints;
    }

    /**
     * The number of touchpoints with a positive emotion.
     *
     * @return the count, at most {@link #touchpoints()}
     */
    public int positive() {
        return positive;
    }

    /**
     * The share of touchpoints with a positive emotion.
     *
     * @return the share, in [0, 1]
     */
    public double positiveShare() {
        return positive / (double) touchpoints;
    }

    /**
     * The mean normalised emotion.
     *
     * @return the mean, in [-1, 1]
     */
    public double mean() {
        return mean;
    }

    /**
     * The highest emotion, as {@link EmotionCurve#getPeak()}.
     *
     * @return the peak, in [-1, 1]
     */
    public double peak() {
        return peak;
    }

    /**
     * The lowest emotion, as {@link EmotionCurve#getValley()}.
     *
     * @return the valley, in [-1, 1]
     */
    public double valley() {
        return valley;
    }

    /**
     * The emotion farthest from neutral, as {@link EmotionCurve#getMostIntense()}.
     *
     * @return the most intense emotion, in [-1, 1]
     */
    public double mostIntense() {
        return mostIntense;
    }

    /**
     * The last emotion.
     *
     * @return the end, in [-1, 1]
     */
    public double end() {
        return end;
    }

    /**
     * The peak-end score, as {@link EmotionCurve#getPeakEndScore()}: {@code (mostIntense + end) / 2}.
     *
     * @return the score, in [-1, 1]
     */
    public double peakEnd() {
        return peakEnd;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof EmotionSummary)) {
            return false;
        }
        EmotionSummary that = (EmotionSummary) other;
        return touchpoints == that.touchpoints && positive == that.positive && Double.compare(mean, that.mean) == 0
                && Double.compare(peak, that.peak) == 0 && Double.compare(valley, that.valley) == 0
                && Double.compare(mostIntense, that.mostIntense) == 0 && Double.compare(end, that.end) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(touchpoints, positive, mean, peak, valley, mostIntense, end);
    }

    /**
     * A readable form, such as {@code "4 touchpoints, 50.0% positive, mean 0.13, peak 0.50, valley -0.75,
     * most intense -0.75, end 0.50, peak-end -0.13"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d touchpoints, %.1f%% positive, mean %.2f, peak %.2f, valley %.2f, "
                + "most intense %.2f, end %.2f, peak-end %.2f", touchpoints, 100 * positiveShare(), mean, peak,
                valley, mostIntense, end, peakEnd);
    }
}
