package org.journeykit.metrics.survey;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;

/**
 * Accumulates weighted NPS answers (for example survey weights that correct for non-response or make a sample
 * match the customer base), in constant memory.
 *
 * <p>The shares are weighted: {@code p = sum of promoter weights / sum of all weights}. The uncertainty uses
 * Kish's effective sample size {@code n_eff = (sum w)^2 / sum w^2} (L. Kish, <i>Survey Sampling</i>, 1965) in
 * place of {@code n}, which accounts for the variance that unequal weights add.
 *
 * <p>The sums of weights and of squared weights are kept exactly (every double is a binary fraction
 * {@code m 2^e}, and so is its square), not rounded at each addition: merging is exactly associative and
 * commutative, the result does not depend on the order of the answers or the merges, and a total weight beyond
 * the range of a double still gives finite shares. The result's shares and effective sample size are computed
 * from the exact sums (64 leading bits of each quotient, rounded once to a double). The numbers of answers never
 * exceed {@link Long#MAX_VALUE} in total.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class WeightedNpsAccumulator implements MetricAccumulator<WeightedNpsAccumulator, NpsResult> {

    /** The format version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;
    private static final String METRIC = StateTag.WEIGHTED_NPS.label();

    private long promoters;
    private long passives;
    private long detractors;
    private ExactSum promoterWeight = ExactSum.ZERO;
    private ExactSum passiveWeight = ExactSum.ZERO;
    private ExactSum detractorWeight = ExactSum.ZERO;
    private ExactSum sumOfSquaredWeights = ExactSum.ZERO;

    private WeightedNpsAccumulator() {}

    /**
     * Creates an empty accumulator: the identity of {@link #merge}.
     *
     * @return a new accumulator, not null
     */
    public static WeightedNpsAccumulator create() {
        return new WeightedNpsAccumulator();
    }

    /**
     * Adds one weighted answer.
     *
     * @param score the answer, an integer from 0 to 10
     * @param weight the response's weight, finite and positive
     * @return this accumulator
     * @throws MetricInputException if the score is outside 0-10, the weight is not finite and positive, or the
     *     number of answers would exceed {@link Long#MAX_VALUE}; the state is unchanged
     */
    public WeightedNpsAccumulator add(int score, double weight) {
        if (score < 0 || score > 10) {
            throw new MetricInputException("score", score, "must be an integer from 0 to 10 (NPS)");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new MetricInputException("weight", weight, "must be finite and positive");
        }
        Checked.add(responses(), 1, METRIC);
        ExactSum w = ExactSum.of(weight);
        ExactSum square = w.squared();
        // The total is checked above, so no single count can overflow.
        if (score >= 9) {
            promoters++;
            promoterWeight = promoterWeight.plus(w);
        } else if (score >= 7) {
            passives++;
            passiveWeight = passiveWeight.plus(w);
        } else {
            detractors++;
            detractorWeight = detractorWeight.plus(w);
        }
        sumOfSquaredWeights = sumOfSquaredWeights.plus(square);
        return this;
    }

    /**
     * Adds another accumulator's counts and sums to this one; merging an accumulator with itself doubles it.
     *
     * @param other the other accumulator, not null; it is not changed unless it is this accumulator
     * @return this accumulator
     * @throws MetricInputException if the number of answers would exceed {@link Long#MAX_VALUE}; the state is
     *     unchanged
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public WeightedNpsAccumulator merge(WeightedNpsAccumulator other) {
        Objects.requireNonNull(other, "other");
        Checked.add(responses(), other.responses(), METRIC);
        // Read every value of other before the first assignment, so that other may be this accumulator.
        long newPromoters = promoters + other.promoters;
        long newPassives = passives + other.passives;
        long newDetractors = detractors + other.detractors;
        ExactSum newPromoterWeight = promoterWeight.plus(other.promoterWeight);
        ExactSum newPassiveWeight = passiveWeight.plus(other.passiveWeight);
        ExactSum newDetractorWeight = detractorWeight.plus(other.detractorWeight);
        ExactSum newSquares = sumOfSquaredWeights.plus(other.sumOfSquaredWeights);
        promoters = newPromoters;
        passives = newPassives;
        detractors = newDetractors;
        promoterWeight = newPromoterWeight;
        passiveWeight = newPassiveWeight;
        detractorWeight = newDetractorWeight;
        sumOfSquaredWeights = newSquares;
        return this;
    }

    /**
     * The number of answers added.
     *
     * @return the count, not negative
     */
    public long responses() {
        // The sum is kept at most Long.MAX_VALUE by add, merge and fromBytes.
        return promoters + passives + detractors;
    }

    /**
     * Kish's effective sample size of the responses added so far: {@code (sum w)^2 / sum w^2}, computed from the
     * exact sums.
     *
     * @return the effective sample size, from 1 to the number of responses; empty when no answer was added
     */
    public OptionalDouble effectiveSampleSize() {
        if (responses() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(totalWeight().squared().dividedBy(sumOfSquaredWeights));
    }

    private ExactSum totalWeight() {
        return promoterWeight.plus(passiveWeight).plus(detractorWeight);
    }

    /**
     * The weighted result over everything added so far.
     *
     * @return the result, or empty when no answer was added
     */
    @Override
    public Optional<NpsResult> result() {
        long n = responses();
        if (n == 0) {
            return Optional.empty();
        }
        ExactSum total = totalWeight();
        // At most n exactly; the 64-bit quotient rounded to a double cannot pass the double nearest n.
        double effective = Math.min((double) n, total.squared().dividedBy(sumOfSquaredWeights));
        return Optional.of(NpsResult.weightedShares(promoters, passives, detractors,
                promoterWeight.dividedBy(total), passiveWeight.dividedBy(total), detractorWeight.dividedBy(total),
                effective));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: the header {@code 'J' 'K'}, tag 2 (weighted NPS),
     * format version 1, then the payload:
     * <pre>
     * long      number of promoters (answers 9-10)  \
     * long      number of passives (answers 7-8)     } big-endian, not negative, adding up to at most
     * long      number of detractors (answers 0-6)  /  Long.MAX_VALUE
     * exact     sum of the promoters' weights
     * exact     sum of the passives' weights
     * exact     sum of the detractors' weights
     * exact     sum of the squared weights of all answers
     * </pre>
     * Each exact sum is a non-negative binary number {@code m 2^e} written as
     * <pre>
     * int       exponent e, from -2200 to 2200
     * int       length of m, from 1 to 540
     * bytes     m, big-endian two's complement in its shortest form (BigInteger.toByteArray), not negative,
     *           odd (0 is written with exponent 0)
     * </pre>
     * The sums are consistent with the counts: a group's weight is 0 exactly when it has no answer, the sum of
     * squares is 0 exactly when there is no answer, and otherwise
     * {@code sum w^2 <= (sum w)^2 <= n sum w^2} (an effective sample size from 1 to {@code n}). Equal states give
     * equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        StateWriter writer = StateWriter.start(StateTag.WEIGHTED_NPS, VERSION, StateReader.HEADER_SIZE + 24 + 4 * 40);
        writer.writeLong(promoters).writeLong(passives).writeLong(detractors);
        promoterWeight.write(writer);
        passiveWeight.write(writer);
        detractorWeight.write(writer);
        sumOfSquaredWeights.write(writer);
        return writer.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile: every count, length and scale is
     * checked against the limits above before it is used, and the sums against the counts.
     *
     * @param bytes the state, not null
     * @return a new accumulator, not null
     * @throws StateFormatException if the bytes are not a weighted NPS state of a known format version, are
     *     truncated or longer than the state, or break a rule of the layout above
     * @throws NullPointerException if {@code bytes} is null
     */
    public static WeightedNpsAccumulator fromBytes(byte[] bytes) {
        StateReader reader = StateReader.open(bytes, StateTag.WEIGHTED_NPS, VERSION);
        WeightedNpsAccumulator accumulator = new WeightedNpsAccumulator();
        accumulator.promoters = readCount(reader, "promoters", 0);
        accumulator.passives = readCount(reader, "passives", accumulator.promoters);
        accumulator.detractors = readCount(reader, "detractors", accumulator.promoters + accumulator.passives);
        accumulator.promoterWeight = readWeight(reader, "promoter weight", accumulator.promoters);
        accumulator.passiveWeight = readWeight(reader, "passive weight", accumulator.passives);
        accumulator.detractorWeight = readWeight(reader, "detractor weight", accumulator.detractors);
        long n = accumulator.responses();
        int at = reader.offset();
        ExactSum squares = ExactSum.read(reader, "sum of squared weights");
        if (squares.isZero() != (n == 0)) {
            throw reader.problem(at, squares, "sum of squared weights must be 0 exactly when there"
                    + " is no answer (" + n + " answers)");
        }
        if (n > 0) {
            ExactSum totalSquared = accumulator.totalWeight().squared();
            if (totalSquared.compare(squares) < 0 || totalSquared.compare(squares.times(n)) > 0) {
                throw reader.problem(at, squares, "sum of squared weights must lie between (sum w)^2 / n"
                        + " and (sum w)^2: an effective sample size from 1 to n");
            }
        }
        accumulator.sumOfSquaredWeights = squares;
        reader.end();
        return accumulator;
    }

    private static long readCount(StateReader reader, String what, long before) {
        int at = reader.offset();
        long count = reader.readCount(what);
        if (count > Long.MAX_VALUE - before) {
            throw reader.problem(at, count, "counts must add up to at most " + Long.MAX_VALUE + " (Long.MAX_VALUE)");
        }
        return count;
    }

    private static ExactSum readWeight(StateReader reader, String what, long count) {
        int at = reader.offset();
        ExactSum weight = ExactSum.read(reader, what);
        if (weight.isZero() != (count == 0)) {
            throw reader.problem(at, weight, what + " must be 0 exactly when its group has no answer (" + count
                    + " answers)");
        }
        return weight;
    }

    @Override
    public String toString() {
        return "WeightedNpsAccumulator[promoters " + promoters + " (weight " + promoterWeight
                + "), passives " + passives + " (weight " + passiveWeight + "), detractors "
                + detractors + " (weight " + detractorWeight + ")]";
    }
}
