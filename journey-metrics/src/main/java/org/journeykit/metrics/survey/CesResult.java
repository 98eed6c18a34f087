package org.journeykit.metrics.survey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Normal;
import org.jspecify.annotations.Nullable;

/**
 * A Customer Effort Score over at least one response: the distribution of answers, the mean with its confidence
 * interval, the share of easy answers and net ease.
 *
 * <p>Definitions, with {@code n_a} the number of answers {@code a}:
 * <ul>
 *   <li>mean {@code sum a n_a / n}; sample standard deviation {@code s = sqrt(sum n_a (a - mean)^2 / (n - 1))};</li>
 *   <li>confidence interval of the mean {@code mean +/- z s / sqrt(n)} (normal approximation; fine from a few
 *       dozen responses, which effort surveys have);</li>
 *   <li>share easy: answers 5-7 on CES 2.0 (1-2 on CES 1.0) divided by {@code n};</li>
 *   <li>net ease: share easy minus share difficult (1-3 on CES 2.0, 4-5 on CES 1.0), in [-1, 1].</li>
 * </ul>
 * Example (hand-checked): CES 2.0 counts 80, 210, 140, 110, 160, 180, 120 for answers 1..7 give n = 1000,
 * mean 4080 / 1000 = 4.08, share easy 0.46, share difficult 0.43 and net ease 0.03.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CesResult {

    private final CesScale scale;
    private final long[] counts;
    private final long responses;

    private CesResult(CesScale scale, long[] counts, long responses) {
        this.scale = scale;
        this.counts = counts;
        this.responses = responses;
    }

    /**
     * Creates a result from the counts of each answer.
     *
     * @param scale the questionnaire, not null
     * @param counts {@code counts[i]} is the number of answers {@code scale.min() + i}; not null, one per answer on
     *     the scale, none negative, not all zero; copied
     * @return the result, not null
     * @throws MetricInputException if the counts do not fit the scale, one is negative, all are zero, or they add
     *     up to more than {@link Long#MAX_VALUE}
     * @throws NullPointerException if {@code scale} or {@code counts} is null
     */
    public static CesResult of(CesScale scale, long[] counts) {
        int size = scale.max() - scale.min() + 1;
        if (counts.length != size) {
            throw new MetricInputException("counts", counts.length + " counts", "must be " + size + " for " + scale);
        }
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new MetricInputException("counts[" + i + "]", counts[i], "must not be negative");
            }
            n = Checked.add(n, counts[i], "CES");
        }
        if (n == 0) {
            throw new MetricInputException("responses", 0, "must be at least 1: CES is undefined without responses");
        }
        return new CesResult(scale, counts.clone(), n);
    }

    /**
     * The questionnaire.
     *
     * @return the scale, not null
     */
    public CesScale scale() {
        return scale;
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
     * The number of responses with an answer.
     *
     * @param answer an answer on the scale
     * @return the count, not negative
     * @throws MetricInputException if the answer is not on the scale
     */
    public long count(int answer) {
        if (answer < scale.min() || answer > scale.max()) {
            throw new MetricInputException("answer", answer, "must be on " + scale);
        }
        return counts[answer - scale.min()];
    }

    /**
     * The share of responses with an answer: the distribution.
     *
     * @param answer an answer on the scale
     * @return the share, in [0, 1]
     * @throws MetricInputException if the answer is not on the scale
     */
    public double share(int answer) {
        return count(answer) / (double) responses;
    }

    /**
     * The counts of every answer, lowest answer first.
     *
     * @return a new array, not null
     */
    public long[] distribution() {
        return counts.clone();
    }

    /**
     * The mean answer.
     *
     * @return the mean, between the scale's bounds
     */
    public double mean() {
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) counts[i] * (scale.min() + i);
        }
        return sum / responses;
    }

    /**
     * The sample standard deviation of the answers (divisor {@code n - 1}).
     *
     * @return the standard deviation, or empty for a single response
     */
    public OptionalDouble standardDeviation() {
        if (responses < 2) {
            return OptionalDouble.empty();
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = scale.min() + i - mean;
            squares += counts[i] * deviation * deviation;
        }
        return OptionalDouble.of(Math.sqrt(squares / (responses - 1)));
    }

    /**
     * The confidence interval of the mean, {@code mean +/- z s / sqrt(n)}.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval, or empty for a single response (no spread can be estimated)
     * @throws MetricInputException if the level is out of range
     */
    public Optional<Interval> meanInterval(double level) {
        double z = Normal.criticalValue(level);
        OptionalDouble sd = standardDeviation();
        if (sd.isEmpty()) {
            return Optional.empty();
        }
        double mean = mean();
        double margin = z * sd.getAsDouble() / Math.sqrt(responses);
        return Optional.of(Interval.of(mean, mean - margin, mean + margin, level));
    }

    /**
     * The share of easy answers: 5-7 on CES 2.0, 1-2 on CES 1.0.
     *
     * @return the share, in [0, 1]
     */
    public double shareEasy() {
        long easy = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scale.isEasy(scale.min() + i)) {
                easy += counts[i];
            }
        }
        return easy / (double) responses;
    }

    /**
     * The share of difficult answers: 1-3 on CES 2.0, 4-5 on CES 1.0.
     *
     * @return the share, in [0, 1]
     */
    public double shareDifficult() {
        long difficult = 0;
        for (int i = 0; i < counts.length; i++) {
            if (scale.isDifficult(scale.min() + i)) {
                difficult += counts[i];
            }
        }
        return difficult / (double) responses;
    }

    /**
     * Net ease: share easy minus share difficult.
     *
     * @return the net ease, in [-1, 1]
     */
    public double netEase() {
        return shareEasy() - shareDifficult();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CesResult && ((CesResult) other).scale == scale
                && Arrays.equals(((CesResult) other).counts, counts);
    }

    @Override
    public int hashCode() {
        return scale.hashCode() * 31 + Arrays.hashCode(counts);
    }

    /**
     * A readable form, such as {@code "CES 2.0 (1-7, higher is better): mean 4.08, 46.0% easy, net ease +3.0%
     * (n = 1000)"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: mean %.2f, %.1f%% easy, net ease %+.1f%% (n = %d)", scale, mean(),
                100 * shareEasy(), 100 * netEase(), responses);
    }
}
