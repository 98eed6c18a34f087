package org.journeykit.metrics.experience;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The emotions of a sequence of touchpoints (a whole journey or one phase), on the normalised scale [-1, 1]
 * ({@link org.journeykit.model.Emotion#getNormalised()}: -1 the worst, 0 neutral, +1 the best), over at least
 * one touchpoint with an emotion.
 *
 * <ul>
 *   <li>positive share: touchpoints with a normalised emotion above 0, divided by the touchpoints with an
 *       emotion (neutral counts as not positive);</li>
 *   <li>peak: the most intense emotion, the largest absolute normalised value (the earliest on ties);</li>
 *   <li>end: the emotion of the last touchpoint with an emotion, in timeline order;</li>
 *   <li>peak-end score: {@code (peak + end) / 2}, after Kahneman's peak-end rule (Kahneman, Fredrickson,
 *       Schreiber and Redelmeier, "When more pain is preferred to less", Psychological Science 4(6), 1993):
 *       people remember an experience by its most intense moment and its end rather than its average.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EmotionSummary {

    private final int touchpoints;
    private final int positive;
    private final double mean;
    private final double peak;
    private final double end;

    private EmotionSummary(int touchpoints, int positive, double mean, double peak, double end) {
        this.touchpoints = touchpoints;
        this.positive = positive;
        this.mean = mean;
        this.peak = peak;
        this.end = end;
    }

    /**
     * Summarises normalised emotions given in timeline order.
     *
     * @param normalised the emotions, each in [-1, 1], at least one, in timeline order; not null
     * @return the summary, not null
     * @throws MetricInputException if there is no emotion or one is outside [-1, 1] or NaN
     */
    public static EmotionSummary of(double... normalised) {
        if (normalised.length == 0) {
            throw new MetricInputException("emotions", 0, "must be at least one: undefined without emotions");
        }
        int positive = 0;
        double sum = 0;
        double peak = 0;
        for (int i = 0; i < normalised.length; i++) {
            double value = normalised[i];
            if (!(value >= -1 && value <= 1)) {
                throw new MetricInputException("emotions[" + i + "]", value, "must be a normalised emotion in [-1, 1]");
            }
            if (value > 0) {
                positive++;
            }
            sum += value;
            if (Math.abs(value) > Math.abs(peak)) {
                peak = value;
            }
        }
        return new EmotionSummary(normalised.length, positive, sum / normalised.length, peak,
                normalised[normalised.length - 1]);
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
     * The most intense emotion.
     *
     * @return the peak, in [-1, 1]
     */
    public double peak() {
        return peak;
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
     * The peak-end score {@code (peak + end) / 2}.
     *
     * @return the score, in [-1, 1]
     */
    public double peakEnd() {
        return (peak + end) / 2.0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof EmotionSummary)) {
            return false;
        }
        EmotionSummary that = (EmotionSummary) other;
        return touchpoints == that.touchpoints && positive == that.positive && Double.compare(mean, that.mean) == 0
                && Double.compare(peak, that.peak) == 0 && Double.compare(end, that.end) == 0;
    }

    @Override
    public int hashCode() {
        return (touchpoints * 31 + positive) * 31 + Double.hashCode(peak) * 7 + Double.hashCode(end);
    }

    /**
     * A readable form, such as {@code "4 touchpoints, 50.0% positive, mean 0.13, peak -0.75, end 0.50,
     * peak-end -0.13"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d touchpoints, %.1f%% positive, mean %.2f, peak %.2f, end %.2f, "
                + "peak-end %.2f", touchpoints, 100 * positiveShare(), mean, peak, end, peakEnd());
    }
}
