package org.journeykit.metrics.survey;

import java.util.Locale;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.jspecify.annotations.Nullable;

/**
 * A customer satisfaction score over at least one response: the share of satisfied respondents with its Wilson
 * score interval.
 *
 * <p>Definitions: share {@code p = satisfied / n}. Wilson score interval (E. B. Wilson, "Probable inference, the
 * law of succession, and statistical inference", JASA 22, 1927):
 * {@code (p + z^2/(2n) +/- z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)}, which stays inside [0, 1] and keeps its
 * coverage for small samples and shares near 0 or 1, unlike the Wald interval. Two results are compared with the
 * two-proportion z test with pooled variance.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CsatResult {

    private final long satisfied;
    private final long responses;

    private CsatResult(long satisfied, long responses) {
        this.satisfied = satisfied;
        this.responses = responses;
    }

    /**
     * Creates a result.
     *
     * @param satisfied the number of satisfied respondents, in [0, responses]
     * @param responses the number of responses, at least 1
     * @return the result, not null
     * @throws MetricInputException if responses is below 1 or satisfied is outside [0, responses]
     */
    public static CsatResult of(long satisfied, long responses) {
        if (responses < 1) {
            throw new MetricInputException("responses", responses,
                    "must be at least 1: CSAT is undefined without responses");
        }
        if (satisfied < 0 || satisfied > responses) {
            throw new MetricInputException("satisfied", satisfied, "must be between 0 and responses " + responses);
        }
        return new CsatResult(satisfied, responses);
    }

    /**
     * The number of satisfied respondents.
     *
     * @return the count, in [0, responses]
     */
    public long satisfied() {
        return satisfied;
    }

    /**
     * The number of responses.
     *
     * @return at least 1
     */
    public long responses() {
        return responses;
    }

    /**
     * The share of satisfied respondents.
     *
     * @return the share, in [0, 1]
     */
    public double share() {
        return satisfied / (double) responses;
    }

    /**
     * The CSAT score as a percentage, {@code 100 share}.
     *
     * @return the percentage, in [0, 100]
     */
    public double percent() {
        return 100.0 * share();
    }

    /**
     * The Wilson score interval of the share.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval around the observed share (its bounds in [0, 1]), not null
     * @throws MetricInputException if the level is out of range
     */
    public Interval wilson(double level) {
        return wilson(satisfied, responses, level);
    }

    /**
     * The Wilson score interval of a proportion.
     *
     * @param successes the number of successes, in [0, trials]
     * @param trials the number of trials, at least 1
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval around {@code successes / trials}, bounds in [0, 1], not null
     * @throws MetricInputException if the counts or level are out of range
     */
    public static Interval wilson(long successes, long trials, double level) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new MetricInputException("successes/trials", successes + "/" + trials,
                    "must have trials >= 1 and 0 <= successes <= trials");
        }
        return Proportion.of(successes, trials).wilson(level);
    }

    /**
     * Compares this share with an independent one (two-proportion z test, pooled variance): difference
     * {@code p1 - p2} in share units, standard error {@code sqrt(P(1-P)(1/n1 + 1/n2))} with
     * {@code P = (x1 + x2) / (n1 + n2)}.
     *
     * @param baseline the result compared against, not null
     * @return the comparison, not null
     * @throws NullPointerException if {@code baseline} is null
     */
    public Comparison comparedWith(CsatResult baseline) {
        return Proportion.of(satisfied, responses)
                .comparedWith(Proportion.of(baseline.satisfied, baseline.responses));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CsatResult && ((CsatResult) other).satisfied == satisfied
                && ((CsatResult) other).responses == responses;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(satisfied) * 31 + Long.hashCode(responses);
    }

    /**
     * A readable form, such as {@code "CSAT 78.0% (156 of 200 satisfied), 95% Wilson [71.8%, 83.2%]"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        Interval interval = wilson(0.95);
        return String.format(Locale.ROOT, "CSAT %.1f%% (%d of %d satisfied), 95%% Wilson [%.1f%%, %.1f%%]",
                percent(), satisfied, responses, 100 * interval.lower(), 100 * interval.upper());
    }
}
