package org.journeykit.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The nearest-rank definition of quantiles used throughout JourneyKit: the {@code q}-quantile of {@code n} sorted
 * values is the value at the 1-based rank {@code ceil(q n)} (at least 1), so every quantile is an observed value.
 * The median is the 0.5-quantile: for an even count, the lower of the two middle values.
 *
 * <p>The rank is computed exactly from the shortest decimal form of {@code q} ({@link BigDecimal#valueOf(double)}),
 * so {@code q = 0.07} of 100 values is rank 7, not 8 as {@code Math.ceil(0.07 * 100)} gives.
 */
public final class NearestRank {

    private NearestRank() {}

    /**
     * The 1-based nearest rank of a quantile.
     *
     * @param q the quantile, from 0 to 1
     * @param n the number of values, at least 1
     * @return {@code max(1, ceil(q n))}, from 1 to {@code n}
     * @throws IllegalArgumentException if {@code q} is outside 0 to 1 or NaN, or {@code n < 1}
     */
    public static long rank(double q, long n) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be from 0 to 1: " + q);
        }
        if (n < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + n);
        }
        long rank = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return Math.max(1, Math.min(n, rank));
    }

    /**
     * The 0-based index of a quantile in a sorted array of {@code n} values.
     *
     * @param q the quantile, from 0 to 1
     * @param n the number of values, at least 1
     * @return {@code rank(q, n) - 1}
     */
    public static int index(double q, int n) {
        return (int) (rank(q, n) - 1);
    }
}
