package org.journeykit.metrics.journeys.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.stats.TwoProportionTest;

/**
 * The difference in conversion between two segments (or periods) at each step of the same funnel: for every step
 * after the first, the share of those who reached the previous step that reached this one, compared with the
 * two-proportion z test ({@link TwoProportionTest}), and the p-values of all steps adjusted together for the many
 * comparisons ({@link Correction}).
 *
 * <p>A step where either segment had nobody at the previous step has no test and takes no part in the
 * correction. The segments must be independent (different customers).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param correction the correction applied to the steps' p-values, not null
 * @param steps one comparison per funnel step after the first, in funnel order, unmodifiable, not null
 */
public record FunnelComparison(Correction correction, List<StepComparison> steps) {

    /**
     * The comparison at one step.
     *
     * @param step the step's name, not null
     * @param test the test of the conversion from the previous step, segment 1 against segment 2, or empty when
     *     a segment had nobody at the previous step
     * @param adjustedPValue the test's p-value after the correction, or empty without a test
     */
    public record StepComparison(String step, Optional<TwoProportionTest> test, OptionalDouble adjustedPValue) {

        /**
         * Checks the components.
         *
         * @param step not null
         * @param test not null
         * @param adjustedPValue not null, present exactly when the test is
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the p-value is present without a test or the other way round
         */
        public StepComparison {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(adjustedPValue, "adjustedPValue");
            if (test.isPresent() != adjustedPValue.isPresent()) {
                throw new IllegalArgumentException("adjusted p-value must be present exactly with a test");
            }
        }

        /**
         * Whether the difference at this step is significant: an adjusted p-value at most the level.
         *
         * @param level the significance level, such as 0.05, strictly between 0 and 1
         * @return true if significant; false without a test
         * @throws MetricInputException if the level is out of range
         */
        public boolean isSignificant(double level) {
            if (!(level > 0 && level < 1)) {
                throw new MetricInputException("level", level, "must be strictly between 0 and 1");
            }
            return adjustedPValue.isPresent() && adjustedPValue.getAsDouble() <= level;
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param correction not null
     * @param steps not null, none null
     * @throws NullPointerException if a component or a step is null
     */
    public FunnelComparison {
        Objects.requireNonNull(correction, "correction");
        steps = List.copyOf(steps);
    }

    /**
     * Compares two results of the same funnel step by step.
     *
     * @param segment1 the first segment's result, not null
     * @param segment2 the second segment's result, not null, of a funnel with the same step names
     * @param correction the correction for the many steps, not null
     * @return the comparison, not null
     * @throws MetricInputException if the funnels' steps differ
     * @throws NullPointerException if an argument is null
     */
    public static FunnelComparison of(FunnelResult segment1, FunnelResult segment2, Correction correction) {
        Objects.requireNonNull(segment1, "segment1");
        Objects.requireNonNull(segment2, "segment2");
        Objects.requireNonNull(correction, "correction");
        List<FunnelStep> a = segment1.steps();
        List<FunnelStep> b = segment2.steps();
        List<String> namesA = a.stream().map(FunnelStep::step).toList();
        List<String> namesB = b.stream().map(FunnelStep::step).toList();
        if (!namesA.equals(namesB)) {
            throw new MetricInputException("segment2", namesB, "must have the steps of segment1 " + namesA);
        }
        List<Optional<TwoProportionTest>> tests = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            long before1 = a.get(i - 1).entered();
            long before2 = b.get(i - 1).entered();
            if (before1 == 0 || before2 == 0) {
                tests.add(Optional.empty());
            } else {
                TwoProportionTest test = new TwoProportionTest(Math.min(a.get(i).entered(), before1), before1,
                        Math.min(b.get(i).entered(), before2), before2);
                tests.add(Optional.of(test));
                pValues.add(test.pValue());
            }
        }
        List<Double> adjusted = correction.adjust(pValues);
        List<StepComparison> steps = new ArrayList<>();
        int next = 0;
        for (int i = 1; i < a.size(); i++) {
            Optional<TwoProportionTest> test = tests.get(i - 1);
            OptionalDouble p = test.isPresent() ? OptionalDouble.of(adjusted.get(next++)) : OptionalDouble.empty();
            steps.add(new StepComparison(namesA.get(i), test, p));
        }
        return new FunnelComparison(correction, steps);
    }
}
