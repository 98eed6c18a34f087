package org.journeykit.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import org.journeykit.error.RuleCode;

/**
 * The scale on which a journey records emotions, from the most negative point {@link #getMin()} to the most
 * positive point {@link #getMax()}.
 *
 * <p>The default is {@link #FIVE_POINT}, -2 (very negative) to +2 (very positive) with 0 neutral. Other mapping
 * tools use 1-5, 1-7 or 1-10 scales; a model declares its scale and every analysis works on the
 * {@linkplain #normalise(double) normalised} value in [-1, 1], where -1 is the scale's minimum, +1 its maximum and 0
 * its midpoint. The scale is always declared, never guessed from the values.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EmotionScale {

    /** The largest magnitude of a scale bound. */
    public static final int BOUND_LIMIT = 1000;

    /** Five points, -2 (very negative) to +2 (very positive), 0 neutral: the default. */
    public static final EmotionScale FIVE_POINT = new EmotionScale(-2, 2);
    /** 1 (very negative) to 5 (very positive), 3 neutral. */
    public static final EmotionScale ONE_TO_FIVE = new EmotionScale(1, 5);
    /** 1 (very negative) to 7 (very positive), 4 neutral. */
    public static final EmotionScale ONE_TO_SEVEN = new EmotionScale(1, 7);
    /** 1 (very negative) to 10 (very positive), 5.5 neutral. */
    public static final EmotionScale ONE_TO_TEN = new EmotionScale(1, 10);

    private final int min;
    private final int max;

    private EmotionScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /**
     * Returns the scale from {@code min} to {@code max}.
     *
     * @param min the most negative point, from -1000 to 1000
     * @param max the most positive point, greater than min, from -1000 to 1000
     * @return the scale, not null
     * @throws InvalidModelException if a bound is out of range or max is not greater than min
     */
    public static EmotionScale of(int min, int max) {
        List<Problem> problems = new ArrayList<>(2);
        if (Math.abs(min) > BOUND_LIMIT) {
            problems.add(Problem.of(RuleCode.RANGE, "min", min, "must be between -1000 and 1000"));
        }
        if (Math.abs(max) > BOUND_LIMIT) {
            problems.add(Problem.of(RuleCode.RANGE, "max", max, "must be between -1000 and 1000"));
        }
        if (max <= min) {
            problems.add(Problem.of(RuleCode.RANGE, "max", max, "must be greater than min " + min));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException("EmotionScale", problems);
        }
        return new EmotionScale(min, max);
    }

    /**
     * The most negative point of the scale.
     *
     * @return the minimum, from -1000 to 1000
     */
    @Min(-BOUND_LIMIT)
    @Max(BOUND_LIMIT)
    public int getMin() {
        return min;
    }

    /**
     * The most positive point of the scale.
     *
     * @return the maximum, greater than {@link #getMin()}, from -1000 to 1000
     */
    @Min(-BOUND_LIMIT)
    @Max(BOUND_LIMIT)
    public int getMax() {
        return max;
    }

    /**
     * The neutral point, halfway between minimum and maximum.
     *
     * @return the midpoint, such as 0 on the five-point scale or 5.5 on 1-10
     */
    public double getMidpoint() {
        return (min + (double) max) / 2.0;
    }

    /**
     * Whether a value lies on this scale, bounds included.
     *
     * @param value the value
     * @return true if {@code min <= value <= max}; false for NaN
     */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /**
     * Maps a value of this scale linearly onto [-1, 1]: {@code 2 (value - min) / (max - min) - 1}.
     *
     * <p>Example: 1 on the five-point scale is 0.5; 6 on the 1-7 scale is 2/3.
     *
     * @param value a value on this scale
     * @return the normalised value in [-1, 1]
     * @throws IllegalArgumentException if the value is not on this scale
     */
    public double normalise(double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("value " + value + " is not on the emotion scale " + this);
        }
        return 2.0 * (value - min) / (max - (double) min) - 1.0;
    }

    /**
     * Creates an emotion on this scale without label or quote.
     *
     * @param value the value, on this scale
     * @return the emotion, not null
     * @throws InvalidModelException if the value is not on this scale
     */
    public Emotion emotion(double value) {
        return Emotion.of(this, value);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof EmotionScale)) {
            return false;
        }
        EmotionScale that = (EmotionScale) other;
        return min == that.min && max == that.max;
    }

    @Override
    public int hashCode() {
        return 31 * min + max;
    }

    /**
     * Prints the scale as {@code min..max}, such as {@code -2..2}.
     *
     * @return the scale as text, not null
     */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
