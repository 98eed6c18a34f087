package org.journeykit.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class CorrectionTest {

    /** Benjamini and Hochberg (1995), section 4: the 15 p-values of the thrombolysis trial, sorted. */
    private static final List<Double> BH_1995 = List.of(0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298,
            0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000);

    private static int close(Double a, Double b) {
        return Math.abs(a - b) <= 1e-15 ? 0 : Double.compare(a, b);
    }

    @Test
    void handWorkedExampleOfFourPValues() {
        List<Double> p = List.of(0.01, 0.04, 0.03, 0.005);

        // Holm: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04; running maximum
        // 0.02, 0.03, 0.06, 0.06; back in input order 0.03, 0.06, 0.06, 0.02.
        assertThat(Correction.HOLM.adjust(p)).usingElementComparator(CorrectionTest::close)
                .containsExactly(0.03, 0.06, 0.06, 0.02);
        // BH: sorted times 4/1, 4/2, 4/3, 4/4 = 0.02, 0.02, 0.04, 0.04; running minimum from the top
        // 0.02, 0.02, 0.04, 0.04; in input order 0.02, 0.04, 0.04, 0.02.
        assertThat(Correction.BENJAMINI_HOCHBERG.adjust(p)).usingElementComparator(CorrectionTest::close)
                .containsExactly(0.02, 0.04, 0.04, 0.02);
        assertThat(Correction.NONE.adjust(p)).isEqualTo(p);
    }

    @Test
    void benjaminiHochbergPublishedExampleRejectsFourWhereHolmRejectsThree() {
        // BH: the largest i with p(i) <= 0.05 i / 15 is i = 4 (0.0095 <= 0.0133; 0.0201 > 0.0167 at i = 5).
        // Holm: p(4) = 0.0095 > 0.05 / 12 = 0.00417 stops at 3.
        long bh = Correction.BENJAMINI_HOCHBERG.adjust(BH_1995).stream().filter(q -> q <= 0.05).count();
        long holm = Correction.HOLM.adjust(BH_1995).stream().filter(q -> q <= 0.05).count();
        assertThat(bh).isEqualTo(4);
        assertThat(holm).isEqualTo(3);
        // BH-adjusted p(4) = min over j >= 4 of 15 p(j) / j: 15 x 0.0095 / 4 = 0.035625.
        assertThat(Correction.BENJAMINI_HOCHBERG.adjust(BH_1995).get(3)).isCloseTo(0.035625, within(1e-12));
    }

    @Test
    void emptyFamilyAndBadPValues() {
        assertThat(Correction.HOLM.adjust(List.of())).isEmpty();
        assertThatThrownBy(() -> Correction.HOLM.adjust(List.of(0.5, 1.5))).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> Correction.BENJAMINI_HOCHBERG.adjust(List.of(Double.NaN)))
                .isInstanceOf(MetricInputException.class);
    }

    @Test
    void comparisonsAreAdjustedByTheirPValues() {
        Comparison a = Comparison.of(10, 0, 5);
        Comparison b = Comparison.of(1, 0, 5);
        Comparison noSpread = Comparison.of(0, 0, 0);
        List<Double> expected = Correction.HOLM.adjust(List.of(a.pValue().orElseThrow(), b.pValue().orElseThrow()));
        // A comparison without a p-value is no test: it is left out of the family and stays empty.
        assertThat(Correction.HOLM.adjustComparisons(List.of(a, noSpread, b))).containsExactly(
                OptionalDouble.of(expected.get(0)), OptionalDouble.empty(), OptionalDouble.of(expected.get(1)));
    }
}
