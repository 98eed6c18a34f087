package org.journeykit.metrics.survey;

import java.math.BigInteger;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateWriter;
import org.jspecify.annotations.Nullable;

/**
 * An exact, non-negative binary number {@code m 2^e}: the sum of doubles (every finite double is such a number,
 * and so is its square) without rounding, so that sums do not depend on the order of the additions.
 *
 * <p>Canonical form: {@code m} odd, or {@code m = 0} with {@code e = 0}; equal numbers have equal fields and
 * equal bytes. Byte form: the exponent as an int, then {@code m} as an int length and its big-endian two's
 * complement bytes in the shortest form ({@link BigInteger#toByteArray()}).
 *
 * <p>This class is immutable and thread-safe.
 */
final class ExactSum {

    /** Zero. */
    static final ExactSum ZERO = new ExactSum(BigInteger.ZERO, 0);

    /**
     * The exponent limit of the byte form: a weight's exponent lies in [-1074, 971], a squared weight's in
     * [-2148, 1942], and a sum of at most {@code 2^63} of them is below {@code 2^2111}.
     */
    static final int MAX_EXPONENT = 2200;
    /**
     * The length limit of {@code m} in the byte form: a sum below {@code 2^2111} with an exponent of at least
     * -2148 has {@code m < 2^4259}, 533 bytes with the sign bit.
     */
    static final int MAX_MAGNITUDE_BYTES = 540;

    private final BigInteger m;
    private final int e;

    private ExactSum(BigInteger m, int e) {
        this.m = m;
        this.e = e;
    }

    /**
     * The exact value of a double.
     *
     * @param value finite, not negative
     * @return the number, not null
     */
    static ExactSum of(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        if (exponent == 0) {
            exponent = 1; // subnormal
        } else {
            mantissa |= 1L << 52;
        }
        return canonical(BigInteger.valueOf(mantissa), exponent - 1075);
    }

    private static ExactSum canonical(BigInteger m, int e) {
        if (m.signum() == 0) {
            return ZERO;
        }
        int zeros = m.getLowestSetBit();
        return new ExactSum(m.shiftRight(zeros), e + zeros);
    }

    /**
     * Whether this is zero.
     *
     * @return true for 0
     */
    boolean isZero() {
        return m.signum() == 0;
    }

    /**
     * The exact sum.
     *
     * @param other the other number, not null
     * @return {@code this + other}, not null
     */
    ExactSum plus(ExactSum other) {
        if (isZero()) {
            return other;
        }
        if (other.isZero()) {
            return this;
        }
        int min = Math.min(e, other.e);
        return canonical(m.shiftLeft(e - min).add(other.m.shiftLeft(other.e - min)), min);
    }

    /**
     * The exact product with a count.
     *
     * @param factor not negative
     * @return {@code this x factor}, not null
     */
    ExactSum times(long factor) {
        return canonical(m.multiply(BigInteger.valueOf(factor)), e);
    }

    /**
     * The exact square.
     *
     * @return {@code this^2}, not null
     */
    ExactSum squared() {
        return canonical(m.multiply(m), 2 * e);
    }

    /**
     * Compares the values.
     *
     * @param other the other number, not null
     * @return negative, zero or positive as this is below, equal to or above the other
     */
    int compare(ExactSum other) {
        if (isZero() || other.isZero()) {
            return Integer.compare(m.signum(), other.m.signum());
        }
        int min = Math.min(e, other.e);
        return m.shiftLeft(e - min).compareTo(other.m.shiftLeft(other.e - min));
    }

    /**
     * The quotient {@code this / divisor} as a double: the 64 leading bits of the exact quotient, rounded once to
     * a double. Deterministic: it depends only on the two values.
     *
     * @param divisor the divisor, not zero
     * @return the quotient, finite for the quotients this package computes (shares and effective sample sizes)
     */
    double dividedBy(ExactSum divisor) {
        if (isZero()) {
            return 0.0;
        }
        BigInteger a = m;
        BigInteger b = divisor.m;
        // Scale so that the integer quotient has 64 or 65 significant bits.
        int shift = 64 + b.bitLength() - a.bitLength();
        if (shift > 0) {
            a = a.shiftLeft(shift);
        } else {
            b = b.shiftLeft(-shift);
        }
        double quotient = a.divide(b).doubleValue();
        return Math.scalb(quotient, e - divisor.e - shift);
    }

    /**
     * The value rounded to a double, for display.
     *
     * @return the value, possibly infinite for a sum beyond the range of a double
     */
    double toDouble() {
        int excess = Math.max(0, m.bitLength() - 64);
        return Math.scalb(m.shiftRight(excess).doubleValue(), e + excess);
    }

    /**
     * Writes the number.
     *
     * @param writer the writer, not null
     */
    void write(StateWriter writer) {
        writer.writeInt(e).writeSized(m.toByteArray());
    }

    /**
     * Reads a number written by {@link #write}, checking the limits and the canonical form.
     *
     * @param reader the reader, not null
     * @param what the value's name, for messages
     * @return the number, not null
     * @throws org.journeykit.metrics.StateFormatException if the number breaks a rule of the byte form
     */
    static ExactSum read(StateReader reader, String what) {
        int at = reader.offset();
        int e = reader.readInt(what + " exponent", -MAX_EXPONENT, MAX_EXPONENT);
        int magnitudeAt = reader.offset();
        byte[] magnitude = reader.readSized(what, MAX_MAGNITUDE_BYTES);
        if (magnitude.length == 0) {
            throw reader.problem(magnitudeAt, "0 bytes", what + " must have at least one byte");
        }
        BigInteger m = new BigInteger(magnitude);
        if (m.signum() < 0) {
            throw reader.problem(magnitudeAt, "negative", what + " must not be negative");
        }
        if (m.toByteArray().length != magnitude.length) {
            throw reader.problem(magnitudeAt, magnitude.length + " bytes", what + " must be in its shortest form");
        }
        if (m.signum() == 0 ? e != 0 : !m.testBit(0)) {
            throw reader.problem(at, "exponent " + e, what + " must be in canonical form: an odd multiple of a"
                    + " power of 2, or 0 with exponent 0");
        }
        return new ExactSum(m, e);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ExactSum && ((ExactSum) other).e == e && ((ExactSum) other).m.equals(m);
    }

    @Override
    public int hashCode() {
        return m.hashCode() * 31 + e;
    }

    @Override
    public String toString() {
        return String.valueOf(toDouble());
    }
}
