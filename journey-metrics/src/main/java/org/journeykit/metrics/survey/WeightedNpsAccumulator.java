package org.journeykit.metrics.survey;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
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
 * <p>The sums of weights and of squared weights are kept exactly (every double is a finite decimal fraction, and
 * so is its square), not rounded at each addition: merging is exactly associative and commutative, the result
 * does not depend on the order of the answers or the merges, and a total weight beyond the range of a double
 * still gives finite shares. The result's shares and effective sample size are the exact values rounded once to
 * a double. The numbers of answers never exceed {@link Long#MAX_VALUE} in total.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own accumulator and merge.
 */
public final class WeightedNpsAccumulator implements MetricAccumulator<WeightedNpsAccumulator, NpsResult> {

    /** The format version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;
    private static final String METRIC = StateTag.WEIGHTED_NPS.label();

    /**
     * The smallest decimal scale of an exact sum in the byte form. The largest sum, of squared weights, is below
     * {@code 2^63 (2^1024)^2 < 10^636}, so a canonical sum (without trailing zeros) has a scale above -637.
     */
    static final int MIN_SCALE = -700;
    /**
     * The largest decimal scale of an exact sum in the byte form: a double has at most 1074 decimal places, its
     * square at most 2148.
     */
    static final int MAX_SCALE = 2200;
    /**
     * The largest length in bytes of an exact sum's unscaled value in the byte form: a sum below {@code 10^636}
     * with at most 2148 decimal places has an unscaled value below {@code 10^2784 < 2^9249}, 1157 bytes.
     */
    static final int MAX_MAGNITUDE_BYTES = 1200;

    /** The precision of the divisions that give the result's shares and effective sample size. */
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private long promoters;
    private long passives;
    private long detractors;
    private BigDecimal promoterWeight = BigDecimal.ZERO;
    private BigDecimal passiveWeight = BigDecimal.ZERO;
    private BigDecimal detractorWeight = BigDecimal.ZERO;
    private BigDecimal sumOfSquaredWeights = BigDecimal.ZERO;

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
        BigDecimal w = new BigDecimal(weight);
        BigDecimal square = w.multiply(w);
        // The total is checked above, so no single count can overflow.
        if (score >= 9) {
            promoters++;
            promoterWeight = promoterWeight.add(w);
        } else if (score >= 7) {
            passives++;
            passiveWeight = passiveWeight.add(w);
        } else {
            detractors++;
            detractorWeight = detractorWeight.add(w);
        }
        sumOfSquaredWeights = sumOfSquaredWeights.add(square);
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
        BigDecimal newPromoterWeight = promoterWeight.add(other.promoterWeight);
        BigDecimal newPassiveWeight = passiveWeight.add(other.passiveWeight);
        BigDecimal newDetractorWeight = detractorWeight.add(other.detractorWeight);
        BigDecimal newSquares = sumOfSquaredWeights.add(other.sumOfSquaredWeights);
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
     * Kish's effective sample size of the responses added so far: {@code (sum w)^2 / sum w^2}, computed exactly
     * and rounded once.
     *
     * @return the effective sample size, from 1 to the number of responses; empty when no answer was added
     */
    public OptionalDouble effectiveSampleSize() {
        if (responses() == 0) {
            return OptionalDouble.empty();
        }
        BigDecimal total = totalWeight();
        return OptionalDouble.of(total.multiply(total).divide(sumOfSquaredWeights, DIVISION).doubleValue());
    }

    private BigDecimal totalWeight() {
        return promoterWeight.add(passiveWeight).add(detractorWeight);
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
        BigDecimal total = totalWeight();
        double effective = effectiveSampleSize().getAsDouble();
        return Optional.of(NpsResult.weightedShares(promoters, passives, detractors, share(promoterWeight, total),
                share(passiveWeight, total), share(detractorWeight, total), effective));
    }

    private static double share(BigDecimal weight, BigDecimal total) {
        return weight.divide(total, DIVISION).doubleValue();
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
     * Each exact sum is a non-negative decimal {@code unscaled x 10^-scale} written as
     * <pre>
     * int       scale, from -700 to 2200
     * int       length of the unscaled value, from 1 to 1200
     * bytes     the unscaled value, big-endian two's complement in its shortest form (BigInteger.toByteArray),
     *           not negative, without a trailing decimal zero (0 is written with scale 0)
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
        writeExact(writer, promoterWeight);
        writeExact(writer, passiveWeight);
        writeExact(writer, detractorWeight);
        writeExact(writer, sumOfSquaredWeights);
        return writer.toByteArray();
    }

    private static void writeExact(StateWriter writer, BigDecimal value) {
        BigDecimal canonical = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        writer.writeInt(canonical.scale()).writeSized(canonical.unscaledValue().toByteArray());
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
        BigDecimal squares = readExact(reader, "sum of squared weights");
        if ((squares.signum() == 0) != (n == 0)) {
            throw reader.problem(at, shortened(squares), "sum of squared weights must be 0 exactly when there"
                    + " is no answer (" + n + " answers)");
        }
        if (n > 0) {
            BigDecimal total = accumulator.totalWeight();
            BigDecimal totalSquared = total.multiply(total);
            if (totalSquared.compareTo(squares) < 0
                    || totalSquared.compareTo(squares.multiply(BigDecimal.valueOf(n))) > 0) {
                throw reader.problem(at, shortened(squares), "sum of squared weights must lie between (sum w)^2 / n"
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

    private static BigDecimal readWeight(StateReader reader, String what, long count) {
        int at = reader.offset();
        BigDecimal weight = readExact(reader, what);
        if ((weight.signum() == 0) != (count == 0)) {
            throw reader.problem(at, shortened(weight), what + " must be 0 exactly when its group has no answer ("
                    + count + " answers)");
        }
        return weight;
    }

    private static BigDecimal readExact(StateReader reader, String what) {
        int at = reader.offset();
        int scale = reader.readInt(what + " scale", MIN_SCALE, MAX_SCALE);
        int magnitudeAt = reader.offset();
        byte[] magnitude = reader.readSized(what, MAX_MAGNITUDE_BYTES);
        if (magnitude.length == 0) {
            throw reader.problem(magnitudeAt, "0 bytes", what + " must have at least one byte");
        }
        BigInteger unscaled = new BigInteger(magnitude);
        if (unscaled.signum() < 0) {
            throw reader.problem(magnitudeAt, "negative", what + " must not be negative");
        }
        if (unscaled.toByteArray().length != magnitude.length) {
            throw reader.problem(magnitudeAt, magnitude.length + " bytes", what + " must be in its shortest form");
        }
        boolean canonical = unscaled.signum() == 0 ? scale == 0
                : unscaled.mod(BigInteger.TEN).signum() != 0;
        if (!canonical) {
            throw reader.problem(at, "scale " + scale, what + " must be written without trailing decimal zeros"
                    + " (0 with scale 0)");
        }
        return new BigDecimal(unscaled, scale);
    }

    private static String shortened(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public String toString() {
        return "WeightedNpsAccumulator[promoters " + promoters + " (weight " + promoterWeight.doubleValue()
                + "), passives " + passives + " (weight " + passiveWeight.doubleValue() + "), detractors "
                + detractors + " (weight " + detractorWeight.doubleValue() + ")]";
    }
}
