package org.journeykit.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestRankTest {

    @ParameterizedTest(name = "q={0} of n={1} is rank {2}")
    @CsvSource({
        // Hand-computed: rank = ceil(q n), at least 1.
        "0.07, 100, 7", // 0.07 * 100 is 7.000000000000001 in floating point; the 8th value would be wrong
        "0.5, 10, 5", // even count: the lower middle value
        "0.5, 11, 6",
        "0.9, 10, 9",
        "0.95, 20, 19",
        "0.29, 100, 29", // 0.29 * 100 = 28.999999999999996 in floating point
        "0.0, 5, 1",
        "1.0, 5, 5",
        "0.01, 1, 1",
        "0.5, 9223372036854775807, 4611686018427387904"})
    void rankIsTheCeilingOfTheExactDecimalProduct(double q, long n, long rank) {
        assertThat(NearestRank.rank(q, n)).isEqualTo(rank);
    }

    @ParameterizedTest
    @CsvSource({"-0.1, 5", "1.1, 5", "NaN, 5", "0.5, 0"})
    void refusesQuantilesOutsideZeroToOneAndEmptyData(double q, long n) {
        assertThatThrownBy(() -> NearestRank.rank(q, n)).isInstanceOf(IllegalArgumentException.class);
    }
}
