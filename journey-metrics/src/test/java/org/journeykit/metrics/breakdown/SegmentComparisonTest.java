package org.journeykit.metrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.junit.jupiter.api.Test;

class SegmentComparisonTest {

    /**
     * CSAT per segment against "a" (30 of 100), pooled two-proportion z test, p = erfc(|z| / sqrt 2):
     * b 45/100: P = 0.375, SE = sqrt(0.375 x 0.625 x 0.02) = 0.0684653, z = 2.190890, p = 0.02845974;
     * c 40/100: P = 0.35, SE = 0.0674537, z = 1.482499, p = 0.13820767;
     * d 30/100: z = 0, p = 1;
     * e 50/100: P = 0.4, SE = 0.0692820, z = 2.886751, p = 0.00389242.
     */
    private static final Map<String, CsatResult> BY_SEGMENT = Map.of("d", CsatResult.of(30, 100),
            "a", CsatResult.of(30, 100), "c", CsatResult.of(40, 100), "e", CsatResult.of(50, 100),
            "b", CsatResult.of(45, 100));

    @Test
    void holmAdjustsEverySegmentAgainstTheBaselineAsOneFamily() {
        SegmentComparison<String> holm = SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.HOLM);

        // Sorted p: e, b, c, d; m = 4. Holm: e 4 x 0.00389242 = 0.01556967; b max(.., 3 x 0.02845974) = 0.08537921;
        // c max(.., 2 x 0.13820767) = 0.27641533; d max(.., 1 x 1) = 1.
        assertThat(holm.entries()).extracting(SegmentComparison.Entry::segment).containsExactly("b", "c", "d", "e");
        assertThat(adjusted(holm, "e")).isCloseTo(0.01556967, within(1e-7));
        assertThat(adjusted(holm, "b")).isCloseTo(0.08537921, within(1e-7));
        assertThat(adjusted(holm, "c")).isCloseTo(0.27641533, within(1e-7));
        assertThat(adjusted(holm, "d")).isEqualTo(1.0);
        assertThat(holm.entry("b").orElseThrow().comparison().pValue().getAsDouble())
                .isCloseTo(0.02845974, within(1e-7));
        assertThat(holm.correction()).isEqualTo(Correction.HOLM);
        assertThat(holm.baseline()).isEqualTo("a");
        assertThat(holm.entry("b").orElseThrow().correction()).isEqualTo(Correction.HOLM);
    }

    @Test
    void benjaminiHochbergAdjustsStepUp() {
        SegmentComparison<String> bh = SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.BENJAMINI_HOCHBERG);

        // From the largest: d min(1, 4 x 1 / 4) = 1; c 4 x 0.13820767 / 3 = 0.18427689;
        // b min(.., 4 x 0.02845974 / 2) = 0.05691947; e min(.., 4 x 0.00389242 / 1) = 0.01556967.
        assertThat(adjusted(bh, "d")).isEqualTo(1.0);
        assertThat(adjusted(bh, "c")).isCloseTo(0.18427689, within(1e-7));
        assertThat(adjusted(bh, "b")).isCloseTo(0.05691947, within(1e-7));
        assertThat(adjusted(bh, "e")).isCloseTo(0.01556967, within(1e-7));
    }

    @Test
    void significanceIsJudgedByTheAdjustedPValue() {
        // b is significant at 95 % on its own (p = 0.028), not once the four comparisons are taken together.
        SegmentComparison<String> none = SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.NONE);
        SegmentComparison<String> holm = SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.HOLM);

        assertThat(none.entry("b").orElseThrow().isSignificant(0.95)).isTrue();
        assertThat(holm.entry("b").orElseThrow().isSignificant(0.95)).isFalse();
        assertThat(holm.entry("e").orElseThrow().isSignificant(0.95)).isTrue();
        assertThat(adjusted(none, "b")).isEqualTo(none.entry("b").orElseThrow().comparison().pValue().getAsDouble());
    }

    @Test
    void comparisonsWithoutPValueAreLeftOutOfTheFamily() {
        // Two segments of only passives have standard error 0: no test, so the family is the one other segment.
        Map<String, NpsResult> byAgent = Map.of("lead", NpsResult.of(0, 10, 0), "ann", NpsResult.of(0, 5, 0),
                "bob", NpsResult.of(8, 0, 2));

        SegmentComparison<String> holm = SegmentComparison.ofNps(byAgent, "lead", Correction.HOLM);

        assertThat(holm.entry("ann").orElseThrow().adjustedPValue()).isEmpty();
        assertThat(holm.entry("ann").orElseThrow().isSignificant(0.95)).isFalse();
        assertThat(adjusted(holm, "bob"))
                .isEqualTo(holm.entry("bob").orElseThrow().comparison().pValue().getAsDouble());
        assertThat(holm.entry("lead")).isEmpty();
    }

    @Test
    void aBaselineThatIsNoSegmentIsRefused() {
        assertThatThrownBy(() -> SegmentComparison.ofCsat(BY_SEGMENT, "z", Correction.HOLM))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("baseline")
                .hasMessageContaining("must be one of the 5 segments");
        assertThatThrownBy(() -> SegmentComparison.ofCsat(BY_SEGMENT, "a", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBaselineAloneGivesNoEntries() {
        assertThat(SegmentComparison.ofCsat(Map.of("a", CsatResult.of(1, 2)), "a", Correction.HOLM).entries())
                .isEmpty();
    }

    @Test
    void equalInputsGiveEqualValuesAndTheTextNamesTheMethod() {
        SegmentComparison<String> holm = SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.HOLM);

        assertThat(holm).isEqualTo(SegmentComparison.ofCsat(Map.copyOf(BY_SEGMENT), "a", Correction.HOLM))
                .hasSameHashCodeAs(SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.HOLM))
                .isNotEqualTo(SegmentComparison.ofCsat(BY_SEGMENT, "a", Correction.BENJAMINI_HOCHBERG));
        assertThat(holm.toString()).startsWith("against a, HOLM\nb  +0.15 (0.45 vs 0.30), z = 2.19, p = 0.0285, "
                + "HOLM 0.0854");
    }

    private static double adjusted(SegmentComparison<String> comparison, String segment) {
        return comparison.entry(segment).orElseThrow().adjustedPValue().getAsDouble();
    }
}
