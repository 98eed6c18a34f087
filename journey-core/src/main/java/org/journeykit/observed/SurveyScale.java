package org.journeykit.observed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.jspecify.annotations.Nullable;
import org.journeykit.error.RuleCode;

/**
 * The integer answer scale of a survey question, bounds included, such as 0-10 for NPS or 1-7 for CES 2.0.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SurveyScale {

    /** 0 to 10, the Net Promoter Score question. */
    public static final SurveyScale ZERO_TO_TEN = new SurveyScale(0, 10);
    /** 1 to 5: CSAT, and CES 1.0 (effort, lower is better). */
    public static final SurveyScale ONE_TO_FIVE = new SurveyScale(1, 5);
    /** 1 to 7: CES 2.0 ("the company made it easy", higher is better). */
    public static final SurveyScale ONE_TO_SEVEN = new SurveyScale(1, 7);
    /** 1 to 10. */
    public static final SurveyScale ONE_TO_TEN = new SurveyScale(1, 10);

    /** The largest scale bound accepted. */
    public static final int BOUND_LIMIT = 1000;

    private final int min;
    private final int max;

    private SurveyScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /**
     * The scale from {@code min} to {@code max}.
     *
     * @param min the lowest answer, 0 to 1000
     * @param max the highest answer, greater than min, at most 1000
     * @return the scale, not null
     * @throws InvalidModelException if a bound is out of range or max is not greater than min
     */
    public static SurveyScale of(int min, int max) {
        List<Problem> problems = new ArrayList<>(2);
        if (min < 0 || min > BOUND_LIMIT) {
            problems.add(Problem.of(RuleCode.RANGE, "min", min, "must be between 0 and 1000"));
        }
        if (max < 0 || max > BOUND_LIMIT) {
            problems.add(Problem.of(RuleCode.RANGE, "max", max, "must be between 0 and 1000"));
        }
        if (max <= min) {
            problems.add(Problem.of(RuleCode.RANGE, "max", max, "must be greater than min " + min));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException("SurveyScale", problems);
        }
        if (min == 0 && max == 10) {
            return ZERO_TO_TEN;
        }
        return new SurveyScale(min, max);
    }

    /**
     * The lowest answer.
     *
     * @return the minimum, 0 to 1000
     */
    @Min(0)
    @Max(BOUND_LIMIT)
    public int getMin() {
        return min;
    }

    /**
     * The highest answer.
     *
     * @return the maximum, greater than {@link #getMin()}, at most 1000
     */
    @Min(0)
    @Max(BOUND_LIMIT)
    public int getMax() {
        return max;
    }

    /**
     * The number of answer points, {@code max - min + 1}.
     *
     * @return the number of points, at least 2
     */
    public int size() {
        return max - min + 1;
    }

    /**
     * Whether a score is an answer on this scale.
     *
     * @param score the score
     * @return true if {@code min <= score <= max}
     */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SurveyScale && ((SurveyScale) other).min == min && ((SurveyScale) other).max == max;
    }

    @Override
    public int hashCode() {
        return 1009 * min + max;
    }

    /**
     * Prints the scale as {@code min-max}, such as {@code 0-10}.
     *
     * @return the scale as text, not null
     */
    @Override
    public String toString() {
        return min + "-" + max;
    }
}
