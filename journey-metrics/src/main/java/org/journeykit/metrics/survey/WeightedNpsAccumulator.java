package org.journeykit.metrics.survey;

import java.util.Optional;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;

/**
 * Accumulates weighted NPS answers (for example survey weights that correct for non-response or make a sample
 * match the customer base), in constant memory.
 *
 * <p>The shares are weighted: {@code p = sum of promoter weights / sum of all weights}. The uncertainty uses
 * Kish's effective sample size {@code n_eff = (sum w)^2 / sum w^2} (L. Kish, <i>Survey Sampling</i>, 1965) in
 * place of {@code n}, which accounts for the variance that unequal weights add.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class WeightedNpsAccumulator implements MetricAccumulator<WeightedNpsAccumulator, NpsResult> {

    private long promoters;
    private long passives;
    private long detractors;
    private double promoterWeight;
    private double passiveWeight;
    private double detractorWeight;
    private double sumOfSquaredWeights;

    /** Creates an empty accumulator: the identity of {@link #merge}. */
    public WeightedNpsAccumulator() {
        // all zero
    }

    /**
     * Adds one weighted answer.
     *
     * @param score the answer, an integer from 0 to 10
     * @param weight the response's weight, finite and positive
     * @return this accumulator
     * @throws MetricInputException if the score is outside 0-10 or the weight is not finite and positive; the
     *     state is unchanged
     */
    public WeightedNpsAccumulator add(int score, double weight) {
        if (score < 0 || score > 10) {
            throw new MetricInputException("score", score, "must be an integer from 0 to 10 (NPS)");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new MetricInputException("weight", weight, "must be finite and positive");
        }
        if (score >= 9) {
            promoters++;
            promoterWeight += weight;
        } else if (score >= 7) {
            passives++;
            passiveWeight += weight;
        } else {
            detractors++;
            detractorWeight += weight;
        }
        sumOfSquaredWeights += weight * weight;
        return this;
    }

    /**
     * Adds another accumulator's sums to this one.
     *
     * @param other the other accumulator, not null; it is not changed
     * @return this accumulator
     */
    @Override
    public WeightedNpsAccumulator merge(WeightedNpsAccumulator other) {
        promoters += other.promoters;
        passives += other.passives;
        detractors += other.detractors;
        promoterWeight += other.promoterWeight;
        passiveWeight += other.passiveWeight;
        detractorWeight += other.detractorWeight;
        sumOfSquaredWeights += other.sumOfSquaredWeights;
        return this;
    }

    /**
     * Kish's effective sample size of the responses added so far: {@code (sum w)^2 / sum w^2}.
     *
     * @return the effective sample size, 0 when empty
     */
    public double effectiveSampleSize() {
        double total = promoterWeight + passiveWeight + detractorWeight;
        return sumOfSquaredWeights == 0 ? 0.0 : total * total / sumOfSquaredWeights;
    }

    /**
     * The weighted result over everything added so far.
     *
     * @return the result, or empty when no answer was added
     */
    @Override
    public Optional<NpsResult> result() {
        if (promoters + passives + detractors == 0) {
            return Optional.empty();
        }
        long n = promoters + passives + detractors;
        // Rounding can push (sum w)^2 / sum w^2 a hair above n when all weights are equal.
        double effective = Math.min(n, effectiveSampleSize());
        return Optional.of(NpsResult.weighted(promoters, passives, detractors, promoterWeight, passiveWeight,
                detractorWeight, effective));
    }
}
