package org.journeykit.metrics.experience;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.EmotionCurve;
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

    private EmotionSummary(EmotionCurve curve) {
        int count = 0;
        for (CurvePoint point : curve.getPoints()) {
            if (point.getNormalised() > 0) {
                count++;
            }
        }
        this.touchpoints = curve.getPoints().size();
        this.positive = count;
        this.mean = curve.getMean().orElseThrow();
        this.peak = curve.getPeak().orElseThrow().getNormalised();
        this.valley = curve.getValley().orElseThrow().getNormalised();
        this.mostIntense = curve.getMostIntense().orElseThrow().getNormalised();
        this.end = curve.getEnd().orElseThrow().getNormalised();
        this.peakEnd = curve.getPeakEndScore().orElseThrow();
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
        return curve.isEmpty() ? Optional.empty() : Optional.of(new EmotionSummary(curve));
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
