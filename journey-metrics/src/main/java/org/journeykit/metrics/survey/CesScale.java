package org.journeykit.metrics.survey;

import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.SurveyScale;

/**
 * The two Customer Effort Score questionnaires; the scale is always explicit because their numbers point in
 * opposite directions.
 *
 * <ul>
 *   <li>{@link #CES_1_0}: "How much effort did you personally have to put forth to handle your request?",
 *       1 (very low effort) to 5 (very high effort); lower is better (Dixon, Freeman and Toman, "Stop Trying to
 *       Delight Your Customers", Harvard Business Review 2010). Easy = 1-2, difficult = 4-5.</li>
 *   <li>{@link #CES_2_0}: "The organisation made it easy for me to handle my issue", 1 (strongly disagree) to
 *       7 (strongly agree); higher is better (CEB / Gartner, 2013). Easy = 5-7, difficult = 1-3.</li>
 * </ul>
 */
public enum CesScale {

    /** CES 1.0: effort from 1 (very low) to 5 (very high); lower is better. */
    CES_1_0(1, 5, 1, 2, 4, 5),

    /** CES 2.0: agreement from 1 (strongly disagree) to 7 (strongly agree) that it was easy; higher is better. */
    CES_2_0(1, 7, 5, 7, 1, 3);

    private final int min;
    private final int max;
    private final int easyFrom;
    private final int easyTo;
    private final int difficultFrom;
    private final int difficultTo;

    CesScale(int min, int max, int easyFrom, int easyTo, int difficultFrom, int difficultTo) {
        this.min = min;
        this.max = max;
        this.easyFrom = easyFrom;
        this.easyTo = easyTo;
        this.difficultFrom = difficultFrom;
        this.difficultTo = difficultTo;
    }

    /**
     * The lowest answer.
     *
     * @return 1
     */
    public int min() {
        return min;
    }

    /**
     * The highest answer.
     *
     * @return 5 or 7
     */
    public int max() {
        return max;
    }

    /**
     * Whether higher answers mean less effort.
     *
     * @return true for CES 2.0, false for CES 1.0
     */
    public boolean isHigherBetter() {
        return this == CES_2_0;
    }

    /**
     * Whether an answer counts as easy: 1-2 on CES 1.0, 5-7 on CES 2.0.
     *
     * @param answer an answer on this scale
     * @return true if easy
     */
    public boolean isEasy(int answer) {
        return answer >= easyFrom && answer <= easyTo;
    }

    /**
     * Whether an answer counts as difficult: 4-5 on CES 1.0, 1-3 on CES 2.0.
     *
     * @param answer an answer on this scale
     * @return true if difficult
     */
    public boolean isDifficult(int answer) {
        return answer >= difficultFrom && answer <= difficultTo;
    }

    /**
     * The scale of a survey response: 1-5 is CES 1.0, 1-7 is CES 2.0.
     *
     * @param scale the response's scale, not null
     * @return the CES scale, not null
     * @throws MetricInputException if the scale is neither 1-5 nor 1-7
     */
    public static CesScale of(SurveyScale scale) {
        if (scale.equals(SurveyScale.ONE_TO_FIVE)) {
            return CES_1_0;
        }
        if (scale.equals(SurveyScale.ONE_TO_SEVEN)) {
            return CES_2_0;
        }
        throw new MetricInputException("scale", scale, "must be 1-5 (CES 1.0) or 1-7 (CES 2.0)");
    }

    /**
     * A readable form, such as {@code "CES 2.0 (1-7, higher is better)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return (this == CES_1_0 ? "CES 1.0 (1-5, lower is better)" : "CES 2.0 (1-7, higher is better)");
    }
}
