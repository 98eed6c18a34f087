package org.journeykit.metrics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricTest {

    /** Fader and Hardie (2007), Table 1, "regular" customers, years 0 to 7 of a cohort of 1,000. */
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    /** Table 1, "high end" customers, years 0 to 7. */
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    @Test
    void regularCustomersReproduceThePublishedEstimates() {
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(REGULAR);

        // Fader and Hardie (2007): alpha = 0.704, beta = 1.182 (three decimals).
        assertThat(fit.model().alpha()).isCloseTo(0.704, within(0.0005));
        assertThat(fit.model().beta()).isCloseTo(1.182, within(0.0005));
        // The LL at the published (rounded) estimates, by the paper's recursion (Eq. 7): the maximum is at least
        // that and differs by no more than the rounding of the estimates allows.
        double published = recursionLogLikelihood(0.704, 1.182, REGULAR);
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(published).isCloseTo(published, within(0.01));
        assertThat(fit.periods()).isEqualTo(7);
    }

    @Test
    void highEndCustomersReproduceThePublishedEstimates() {
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(HIGH_END);

        // Fader and Hardie (2007): alpha = 0.668, beta = 3.806.
        assertThat(fit.model().alpha()).isCloseTo(0.668, within(0.0005));
        assertThat(fit.model().beta()).isCloseTo(3.806, within(0.0005));
        // Fader and Hardie (2007), Appendix B: LL = -1611.2 at the maximum.
        assertThat(fit.logLikelihood()).isCloseTo(-1611.2, within(0.05));
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(recursionLogLikelihood(0.668, 3.806, HIGH_END));
    }

    /**
     * The sBG log-likelihood by Fader and Hardie's spreadsheet recursion: P(T = 1) = alpha / (alpha + beta),
     * P(T = t) = P(T = t - 1) (beta + t - 2) / (alpha + beta + t - 1), S(K) = 1 - sum of P(T = t).
     */
    private static double recursionLogLikelihood(double alpha, double beta, long[] survivors) {
        double p = alpha / (alpha + beta);
        double lost = 0;
        double ll = 0;
        for (int t = 1; t < survivors.length; t++) {
            if (t > 1) {
                p *= (beta + t - 2) / (alpha + beta + t - 1);
            }
            ll += (survivors[t - 1] - survivors[t]) * Math.log(p);
            lost += p;
        }
        return ll + survivors[survivors.length - 1] * Math.log(1 - lost);
    }

    @Test
    void projectionOfHighEndCustomersTracksTheHoldoutYears() {
        ShiftedBetaGeometric model = ShiftedBetaGeometric.fit(HIGH_END).model();

        // Table 1 holdout: year 12 survival 39.4 %; the paper reports the model off by 4 % (rounded).
        double year12 = model.survival(12);
        assertThat(Math.abs(year12 - 0.394) / 0.394).isCloseTo(0.04, within(0.005));
        // r(8) = (beta + 7) / (alpha + beta + 7) = 10.806 / 11.474 = 0.9418 with the published parameters.
        assertThat(model.retentionRate(8)).isCloseTo(10.806 / 11.474, within(0.0005));
        double[] projected = model.projectSurvivors(1000, 12);
        assertThat(projected[0]).isEqualTo(1000.0);
        assertThat(projected[12]).isCloseTo(1000 * year12, within(1e-9));
    }

    @Test
    void survivalIsTheProductOfRetentionRates() {
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.668, 3.806);

        // r(1) = 3.806 / 4.474 = 0.850693, r(2) = 4.806 / 5.474 = 0.877969: S(2) = 0.746879.
        assertThat(model.survival(1)).isCloseTo(3.806 / 4.474, within(1e-12));
        assertThat(model.survival(2)).isCloseTo(3.806 / 4.474 * 4.806 / 5.474, within(1e-12));
        // P(T = 1) = alpha / (alpha + beta) = 0.668 / 4.474; P(T = 2) = P(T = 1) beta / (alpha + beta + 1).
        assertThat(model.churnProbability(1)).isCloseTo(0.668 / 4.474, within(1e-12));
        assertThat(model.churnProbability(2)).isCloseTo(0.668 / 4.474 * 3.806 / 5.474, within(1e-12));
        assertThat(model.meanChurnProbability()).isCloseTo(0.668 / 4.474, within(1e-15));
    }

    @Test
    void discountedExpectedResidualLifetimeMatchesTheClosedFormForUniformChurn() {
        // alpha = beta = 1: S(t) = B(1, 1 + t) / B(1, 1) = 1 / (t + 1). With x = 1 / 1.1 and no renewal yet,
        // DERL = sum over t >= 1 of x^(t - 1) / (t + 1) = (-ln(1 - x) - x) / x^2 = (ln 11 - 1/1.1) 1.21.
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(1, 1);
        double expected = (Math.log(11) - 1 / 1.1) * 1.21;

        assertThat(model.discountedExpectedResidualLifetime(0.1, 0)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(1.801453, within(1e-6));
        assertThat(model.residualLifetimeValue(100, 0.1, 0)).isCloseTo(100 * expected, within(1e-9));
    }

    @Test
    void residualLifetimeGrowsWithTheRenewalsMade() {
        // After n - 1 renewals the churn probability is beta(alpha, beta + n - 1) distributed: a loyal customer
        // is worth more. alpha = beta = 1 after 1 renewal: S(t) / S(1) = 2 / (t + 1), so
        // DERL = sum over t >= 2 of x^(t - 2) 2 / (t + 1) = 2 (-ln(1 - x) - x - x^2 / 2) / x^3.
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(1, 1);
        double x = 1 / 1.1;
        double expected = 2 * (Math.log(11) - x - x * x / 2) / (x * x * x);

        assertThat(model.discountedExpectedResidualLifetime(0.1, 1)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isGreaterThan(model.discountedExpectedResidualLifetime(0.1, 0));
    }

    @Test
    void everyoneRetainedIsRefused() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(100, 100, 100)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("everyone retained");
    }

    @Test
    void nobodyRetainedIsRefused() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(100, 0, 0)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("nobody retained");
    }

    @Test
    void tooFewPeriodsAreRefused() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(100, 50)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("2 or more periods");
    }

    @Test
    void increasingSurvivorsAreRefused() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(100, 50, 60)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("never increase");
    }

    @Test
    void constantRetentionHasNoFiniteMaximum() {
        // Exactly half retained every period: a geometric lifetime without heterogeneity; the sBG likelihood
        // rises as alpha and beta grow together, so the fit reports that instead of returning huge numbers.
        assertThatThrownBy(() -> ShiftedBetaGeometric.fit(1024, 512, 256, 128, 64, 32))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no finite maximum");
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new ShiftedBetaGeometric(0, 1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new ShiftedBetaGeometric(1, Double.NaN)).isInstanceOf(MetricInputException.class);
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(1, 1);
        assertThatThrownBy(() -> model.discountedExpectedResidualLifetime(0, 0))
                .isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> model.survival(-1)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void aFitOfTwentyFourPeriodsIsFast() {
        ShiftedBetaGeometric truth = new ShiftedBetaGeometric(0.8, 2.5);
        double[] expected = truth.projectSurvivors(100_000, 24);
        long[] counts = new long[25];
        for (int t = 0; t <= 24; t++) {
            counts[t] = Math.round(expected[t]);
        }
        ShiftedBetaGeometric.fit(counts);
        long start = System.nanoTime();
        ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(counts);
        long micros = (System.nanoTime() - start) / 1000;

        assertThat(fit.model().alpha()).isCloseTo(0.8, within(0.01));
        assertThat(fit.model().beta()).isCloseTo(2.5, within(0.05));
        assertThat(micros).as("one fit of 24 periods, microseconds").isLessThan(200_000);
    }
}
