package org.journeykit.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalTest {

    // Reference values from published tables (Abramowitz and Stegun 26.2) and Wichura's AS241 to 16 digits.
    @ParameterizedTest
    @CsvSource({
        "0.975, 1.9599639845400536",
        "0.995, 2.5758293035489004",
        "0.9, 1.2815515655446004",
        "0.5, 0.0",
        "0.01, -2.3263478740408408",
        "1e-10, -6.361340902404056",
        "0.999999, 4.753424308817089",
    })
    void quantileMatchesReferenceValues(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
        "1.96, 0.9750021048517796",
        "-1.96, 0.024997895148220428",
        "0, 0.5",
        "1, 0.8413447460685429",
        "-3, 0.0013498980316301035",
        "5, 0.9999997133484282",
    })
    void cdfMatchesReferenceValues(double x, double expected) {
        assertThat(Normal.cdf(x)).isCloseTo(expected, within(1e-13));
    }

    @ParameterizedTest
    @CsvSource({"8.5, 9.479534822203355e-18", "10, 7.619853024160593e-24"})
    void upperTailKeepsRelativePrecisionFarOut(double x, double expected) {
        assertThat(Normal.upperTail(x)).isCloseTo(expected, within(expected * 1e-7));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-12, 0.001, 0.02425, 0.3, 0.5, 0.7, 0.97575, 0.999, 1 - 1e-12})
    void quantileInvertsCdf(double p) {
        assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(Math.max(1e-15, p * 1e-12)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
    void quantileRejectsProbabilitiesOutsideTheOpenUnitInterval(double p) {
        assertThatThrownBy(() -> Normal.quantile(p)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("p: " + p).hasMessageContaining("strictly between 0 and 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 95.0, Double.NaN})
    void criticalValueRejectsLevelsThatAreNotProbabilities(double level) {
        assertThatThrownBy(() -> Normal.criticalValue(level)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("level");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN})
    void cdfAndUpperTailRejectNaNRatherThanReturnIt(double x) {
        assertThatThrownBy(() -> Normal.cdf(x)).isInstanceOf(MetricInputException.class)
                .hasMessage("x: NaN must be a number");
        assertThatThrownBy(() -> Normal.upperTail(x)).isInstanceOf(MetricInputException.class);
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.upperTail(Double.POSITIVE_INFINITY)).isZero();
    }

    @org.junit.jupiter.api.Test
    void twoSidedPValueOfOnePointNineSixIsFivePercent() {
        // 2 (1 - Phi(1.959963984540054)) = 0.05 by definition of the 97.5 % quantile.
        assertThat(Normal.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-12));
        assertThat(Normal.twoSidedPValue(-1.959963984540054)).isCloseTo(0.05, within(1e-12));
    }
}
