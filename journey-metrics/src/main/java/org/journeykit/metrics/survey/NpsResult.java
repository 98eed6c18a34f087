package org.journeykit.metrics.survey;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Normal;
import org.jspecify.annotations.Nullable;

/**
 * A Net Promoter Score with its uncertainty, over at least one response.
 *
 * <p>Definitions (Reichheld 2003; statistics as in Rocks 2016, "Interval Estimation for the 'Net Promoter Score'",
 * The American Statistician 70(4)): answers 9-10 are promoters, 7-8 passives, 0-6 detractors. With promoter share
 * {@code p} and detractor share {@code d}:
 * <ul>
 *   <li>score {@code NPS = 100 (p - d)}, in [-100, 100];</li>
 *   <li>per-response variance of the trinomial {@code s^2 = p + d - (p - d)^2};</li>
 *   <li>standard error {@code SE = 100 sqrt(s^2 / n)} (for weighted responses {@code n} is Kish's effective
 *       sample size);</li>
 *   <li>Wald interval {@code NPS +/- z SE};</li>
 *   <li>adjusted Wald interval: add 0.75 detractor, 1.5 passive and 0.75 promoter pseudo-responses
 *       ({@code n' = n + 3}, {@code p' = (pn + 0.75) / n'}, {@code d' = (dn + 0.75) / n'}) and apply the Wald
 *       formula to {@code p'}, {@code d'}, {@code n'}; better coverage for small samples and extreme shares.</li>
 * </ul>
 * Both intervals are clamped to [-100, 100].
 *
 * <p>Example (hand-checked): 291 promoters, 476 passives and 395 detractors give NPS -8.95 (reported -9.0),
 * SE 2.239 and a 95 % Wald margin of 4.39.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class NpsResult {

    private final long promoters;
    private final long passives;
    private final long detractors;
    private final double promoterShare;
    private final double passiveShare;
    private final double detractorShare;
    private final double effectiveSampleSize;
    private final boolean weighted;

    private NpsResult(long promoters, long passives, long detractors, double promoterShare, double passiveShare,
            double detractorShare, double effectiveSampleSize, boolean weighted) {
        this.promoters = promoters;
        this.passives = passives;
        this.detractors = detractors;
        this.promoterShare = promoterShare;
        this.passiveShare = passiveShare;
        this.detractorShare = detractorShare;
        this.effectiveSampleSize = effectiveSampleSize;
        this.weighted = weighted;
    }

    /**
     * The result of unweighted responses.
     *
     * @param promoters the number of answers 9-10, not negative
     * @param passives the number of answers 7-8, not negative
     * @param detractors the number of answers 0-6, not negative
     * @return the result, not null
     * @throws MetricInputException if a count is negative, all are zero (NPS is undefined without responses), or
     *     they add up to more than {@link Long#MAX_VALUE}
     */
    public static NpsResult of(long promoters, long passives, long detractors) {
        long n = checkedResponses(promoters, passives, detractors);
        if (n == 0) {
            throw new MetricInputException("responses", 0, "must be at least 1: NPS is undefined without responses");
        }
        double total = n;
        return new NpsResult(promoters, passives, detractors, promoters / total, passives / total,
                detractors / total, total, false);
    }

    /**
     * The result of weighted responses.
     *
     * @param promoters the number of answers 9-10, not negative
     * @param passives the number of answers 7-8, not negative
     * @param detractors the number of answers 0-6, not negative
     * @param promoterWeight the total weight of the promoters, finite, not negative
     * @param passiveWeight the total weight of the passives, finite, not negative
     * @param detractorWeight the total weight of the detractors, finite, not negative
     * @param effectiveSampleSize Kish's effective sample size {@code (sum w)^2 / sum w^2}, positive
     * @return the result, not null
     * @throws MetricInputException if a count or weight is negative or not finite, the counts add up to more than
     *     {@link Long#MAX_VALUE}, all weights are zero, their sum is not finite, or the effective sample size is not
     *     positive or exceeds the number of responses
     */
    public static NpsResult weighted(long promoters, long passives, long detractors, double promoterWeight,
            double passiveWeight, double detractorWeight, double effectiveSampleSize) {
        long n = checkedResponses(promoters, passives, detractors);
        checkWeight("promoterWeight", promoterWeight);
        checkWeight("passiveWeight", passiveWeight);
        checkWeight("detractorWeight", detractorWeight);
        double total = promoterWeight + passiveWeight + detractorWeight;
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new MetricInputException("weights", total,
                    "must add up to a finite number above 0: NPS is undefined for a total weight of 0");
        }
        if (!(effectiveSampleSize > 0) || effectiveSampleSize > n * (1 + 1e-9)) {
            throw new MetricInputException("effectiveSampleSize", effectiveSampleSize,
                    "must be positive and at most the number of responses " + n);
        }
        return new NpsResult(promoters, passives, detractors, promoterWeight / total, passiveWeight / total,
                detractorWeight / total, effectiveSampleSize, true);
    }

    /**
     * The result of weighted responses from the weight shares themselves, as {@link #promoterShare()},
     * {@link #passiveShare()} and {@link #detractorShare()} give them: what {@link WeightedNpsAccumulator} computes
     * (each share exactly rounded from its exact weight sums, so no weight sum has to fit in a double), and what a
     * stored result (such as its JSON form) is rebuilt from. The shares are kept as given, so a result rebuilt from
     * another's accessors equals it.
     *
     * @param promoters the number of answers 9-10, not negative
     * @param passives the number of answers 7-8, not negative
     * @param detractors the number of answers 0-6, not negative
     * @param promoterShare the promoters' share of the total weight, in [0, 1], 0 when there are no promoters
     * @param passiveShare the passives' share of the total weight, in [0, 1], 0 when there are no passives
     * @param detractorShare the detractors' share of the total weight, in [0, 1], 0 when there are no detractors
     * @param effectiveSampleSize Kish's effective sample size, positive, at most the number of responses
     * @return the result, not null
     * @throws MetricInputException if a count is negative, the counts add up to more than {@link Long#MAX_VALUE}, a
     *     share is outside [0, 1] or positive for a count of 0, the shares do not add up to 1 (within 1e-9), or the
     *     effective sample size is not positive or exceeds the number of responses
     */
    public static NpsResult weightedShares(long promoters, long passives, long detractors, double promoterShare,
            double passiveShare, double detractorShare, double effectiveSampleSize) {
        long n = checkedResponses(promoters, passives, detractors);
        checkShare("promoterShare", promoterShare, promoters);
        checkShare("passiveShare", passiveShare, passives);
        checkShare("detractorShare", detractorShare, detractors);
        double sum = promoterShare + passiveShare + detractorShare;
        if (!(Math.abs(sum - 1.0) <= 1e-9)) {
            throw new MetricInputException("shares", sum, "must add up to 1");
        }
        if (!(effectiveSampleSize > 0) || effectiveSampleSize > n * (1 + 1e-9)) {
            throw new MetricInputException("effectiveSampleSize", effectiveSampleSize,
                    "must be positive and at most the number of responses " + n);
        }
        return new NpsResult(promoters, passives, detractors, promoterShare, passiveShare, detractorShare,
                effectiveSampleSize, true);
    }

    private static void checkShare(String name, double share, long count) {
        if (!(share >= 0 && share <= 1)) {
            throw new MetricInputException(name, share, "must be from 0 to 1");
        }
        if (count == 0 && share != 0) {
            throw new MetricInputException(name, share, "must be 0 without responses in the group");
        }
    }

    /**
     * The number of responses.
     *
     * @return at least 1
     */
    public long responses() {
        return promoters + passives + detractors;
    }

    /**
     * The number of promoters (answers 9-10).
     *
     * @return the count, not negative
     */
    public long promoters() {
        return promoters;
    }

    /**
     * The number of passives (answers 7-8).
     *
     * @return the count, not negative
     */
    public long passives() {
        return passives;
    }

    /**
     * The number of detractors (answers 0-6).
     *
     * @return the count, not negative
     */
    public long detractors() {
        return detractors;
    }

    /**
     * The share of promoters, weighted if the responses were.
     *
     * @return the share, in [0, 1]
     */
    public double promoterShare() {
        return promoterShare;
    }

    /**
     * The share of passives, weighted if the responses were.
     *
     * @return the share, in [0, 1]
     */
    public double passiveShare() {
        return passiveShare;
    }

    /**
     * The share of detractors, weighted if the responses were.
     *
     * @return the share, in [0, 1]
     */
    public double detractorShare() {
        return detractorShare;
    }

    /**
     * Whether the responses were weighted.
     *
     * @return true for a weighted result
     */
    public boolean isWeighted() {
        return weighted;
    }

    /**
     * The sample size the uncertainty is based on: the number of responses, or for weighted responses Kish's
     * effective sample size {@code (sum w)^2 / sum w^2}.
     *
     * @return the effective sample size, positive
     */
    public double effectiveSampleSize() {
        return effectiveSampleSize;
    }

    /**
     * The Net Promoter Score {@code 100 (p - d)}.
     *
     * @return the score, in [-100, 100]
     */
    public double score() {
        return 100.0 * (promoterShare - detractorShare);
    }

    /**
     * The per-response variance of the trinomial, in share units: {@code p + d - (p - d)^2}.
     *
     * @return the variance, in [0, 1]
     */
    public double variance() {
        return trinomialVariance(promoterShare, detractorShare);
    }

    /**
     * The standard error of the score, in score points: {@code 100 sqrt((p + d - (p - d)^2) / n)}.
     *
     * @return the standard error, not negative
     */
    public double standardError() {
        return 100.0 * Math.sqrt(variance() / effectiveSampleSize);
    }

    /**
     * The Wald confidence interval {@code NPS +/- z SE}, clamped to [-100, 100].
     *
     * @param level the confidence level, such as 0.95, strictly between 0 and 1
     * @return the interval around {@link #score()}, not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval wald(double level) {
        double margin = Normal.criticalValue(level) * standardError();
        double score = score();
        return Interval.of(score, clamp(score - margin), clamp(score + margin), level);
    }

    /**
     * The Wald margin of error {@code z SE} (before clamping).
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the margin, in score points
     * @throws MetricInputException if the level is out of range
     */
    public double marginOfError(double level) {
        return Normal.criticalValue(level) * standardError();
    }

    /**
     * The adjusted Wald confidence interval (Rocks 2016): 0.75 detractor, 1.5 passive and 0.75 promoter
     * pseudo-responses are added, and the Wald interval of the adjusted shares is centred on the adjusted score;
     * clamped to [-100, 100].
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval around the adjusted score, not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval adjustedWald(double level) {
        double z = Normal.criticalValue(level);
        double n = effectiveSampleSize + 3.0;
        double p = (promoterShare * effectiveSampleSize + 0.75) / n;
        double d = (detractorShare * effectiveSampleSize + 0.75) / n;
        double centre = 100.0 * (p - d);
        double margin = z * 100.0 * Math.sqrt(trinomialVariance(p, d) / n);
        return Interval.of(centre, clamp(centre - margin), clamp(centre + margin), level);
    }

    /**
     * Compares this score with another, independent one (period over period, segment against segment): the
     * difference {@code this - baseline}, with standard error {@code sqrt(SE1^2 + SE2^2)}, z and two-sided p-value.
     *
     * @param baseline the score compared against, not null
     * @return the comparison, not null
     * @throws NullPointerException if {@code baseline} is null
     */
    public Comparison comparedWith(NpsResult baseline) {
        double se = Math.hypot(standardError(), baseline.standardError());
        return Comparison.of(score(), baseline.score(), se);
    }

    static double trinomialVariance(double p, double d) {
        double diff = p - d;
        return Math.max(0.0, p + d - diff * diff);
    }

    private static double clamp(double value) {
        return Math.max(-100.0, Math.min(100.0, value));
    }

    private static long checkedResponses(long promoters, long passives, long detractors) {
        checkCount("promoters", promoters);
        checkCount("passives", passives);
        checkCount("detractors", detractors);
        return Checked.add(Checked.add(promoters, passives, "NPS"), detractors, "NPS");
    }

    private static void checkCount(String name, long count) {
        if (count < 0) {
            throw new MetricInputException(name, count, "must not be negative");
        }
    }

    private static void checkWeight(String name, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new MetricInputException(name, weight, "must be finite and not negative");
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof NpsResult)) {
            return false;
        }
        NpsResult that = (NpsResult) other;
        return promoters == that.promoters && passives == that.passives && detractors == that.detractors
                && Double.compare(promoterShare, that.promoterShare) == 0
                && Double.compare(passiveShare, that.passiveShare) == 0
                && Double.compare(detractorShare, that.detractorShare) == 0
                && Double.compare(effectiveSampleSize, that.effectiveSampleSize) == 0 && weighted == that.weighted;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(promoters);
        hash = hash * 31 + Long.hashCode(passives);
        hash = hash * 31 + Long.hashCode(detractors);
        hash = hash * 31 + Double.hashCode(promoterShare);
        hash = hash * 31 + Double.hashCode(detractorShare);
        return hash * 31 + Double.hashCode(effectiveSampleSize);
    }

    /**
     * A readable form, such as
     * {@code "NPS -8.95 +/- 4.39 (95% Wald; n = 1162: 291 promoters, 476 passives, 395 detractors)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        String sample = weighted
                ? String.format(Locale.ROOT, "n = %d, effective n = %.1f", responses(), effectiveSampleSize)
                : "n = " + responses();
        return String.format(Locale.ROOT, "NPS %.2f +/- %.2f (95%% Wald; %s: %d promoters, %d passives, "
                + "%d detractors)", score(), marginOfError(0.95), sample, promoters, passives, detractors);
    }
}
