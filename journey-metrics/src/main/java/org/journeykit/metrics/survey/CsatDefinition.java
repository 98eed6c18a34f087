package org.journeykit.metrics.survey;

import java.util.Objects;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.observed.SurveyScale;

/**
 * What a CSAT accumulator counts: the answer scale and the lowest answer that counts as satisfied. The classic
 * top-2-box CSAT, {@link #TOP_TWO_BOX}, is the 1-5 scale with answers 4 and 5 satisfied; it is the default of
 * {@link CsatAccumulator#create()}.
 *
 * <p>Two accumulators merge only when their definitions are equal.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param scale the answer scale, not null
 * @param threshold the lowest answer counted as satisfied: on the scale and above its minimum (a threshold at the
 *     minimum would count every answer as satisfied)
 */
public record CsatDefinition(SurveyScale scale, int threshold) {

    /** The top-2-box CSAT: answers 1 to 5, satisfied = 4 or 5. */
    public static final CsatDefinition TOP_TWO_BOX = new CsatDefinition(SurveyScale.ONE_TO_FIVE, 4);

    /**
     * Checks the definition.
     *
     * @param scale the answer scale, not null
     * @param threshold the lowest satisfied answer, above the scale's minimum and at most its maximum
     * @throws NullPointerException if {@code scale} is null
     * @throws MetricInputException if the threshold is not on the scale or equals its minimum
     */
    public CsatDefinition {
        Objects.requireNonNull(scale, "scale");
        if (threshold <= scale.getMin() || threshold > scale.getMax()) {
            throw new MetricInputException("threshold", threshold, "must be above " + scale.getMin()
                    + " and at most " + scale.getMax() + " on the scale " + scale);
        }
    }

    /**
     * A readable form, such as {@code "1-5, satisfied >= 4"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return scale + ", satisfied >= " + threshold;
    }
}
