package org.journeykit.metrics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.journeykit.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    /** Fader, Hardie and Lee (2005), CDNOW sample: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 (weeks). */
    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    /** Customer 0001 of the paper's Figure 1: x = 2, t_x = 30.43, T = 38.86 weeks. */
    private static final PurchaseHistory CUSTOMER_1 = new PurchaseHistory(2, 30.43, 38.86);

    @Test
    void logLikelihoodOfAPublishedCustomerMatchesFigureOne() {
        // Figure 1 (the spreadsheet of Section 7): ln L = -9.46 for customer 0001.
        assertThat(CDNOW.logLikelihood(CUSTOMER_1)).isCloseTo(-9.46, within(0.005));
    }

    @Test
    void probabilityAliveFollowsTheClosedForm() {
        // a / (b + x - 1) = 0.793 / 3.426 = 0.231465; ((alpha + T) / (alpha + t_x))^(r + x)
        // = (43.274 / 34.844)^2.243 = exp(2.243 x 0.216671) = 1.625874; P = 1 / (1 + 0.376334) = 0.72657.
        assertThat(CDNOW.probabilityAlive(CUSTOMER_1)).isCloseTo(0.72657, within(0.00001));
        // Without repeat purchases the model keeps the customer alive.
        assertThat(CDNOW.probabilityAlive(new PurchaseHistory(0, 0, 38.86))).isEqualTo(1.0);
    }

    @Test
    void conditionalExpectationMatchesTheHypergeometricFormOfEquationTen() {
        // Equation (10) with the 2F1 series summed here independently of the class's integration.
        for (double[] c : new double[][] {{2, 30.43, 38.86, 39}, {0, 0, 38.86, 39}, {7, 29.43, 38.86, 39},
            {1, 2, 10, 52}, {25, 30, 31, 104}}) {
            PurchaseHistory history = new PurchaseHistory((long) c[0], c[1], c[2]);
            double expected = equationTen(CDNOW, history, c[3]);
            assertThat(CDNOW.expectedPurchases(history, c[3])).as("x = %s", c[0])
                    .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        }
        // Customer 0001 over the 39 holdout weeks: about 1.23 purchases.
        assertThat(CDNOW.expectedPurchases(CUSTOMER_1, 39)).isCloseTo(1.23, within(0.005));
    }

    @Test
    void newCustomerExpectationMatchesEquationNine() {
        for (double t : new double[] {1, 10, 39, 78, 520}) {
            // (9): (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))].
            BgNbd m = CDNOW;
            double expected = (m.a() + m.b() - 1) / (m.a() - 1) * (1 - Math.pow(m.alpha() / (m.alpha() + t), m.r())
                    * hypergeometric(m.r(), m.b(), m.a() + m.b() - 1, t / (m.alpha() + t)));
            assertThat(m.expectedPurchases(t)).as("t = %s", t).isCloseTo(expected, within(1e-9 * expected));
        }
        assertThat(CDNOW.expectedPurchases(0)).isZero();
    }

    @Test
    void expectationIsDefinedAtAEqualToOne() {
        // The closed form divides by a - 1; the integral does not. Between a = 0.999 and 1.001 it is continuous.
        BgNbd below = new BgNbd(0.5, 5, 0.999, 2);
        BgNbd at = new BgNbd(0.5, 5, 1, 2);
        BgNbd above = new BgNbd(0.5, 5, 1.001, 2);
        assertThat(at.expectedPurchases(20)).isBetween(above.expectedPurchases(20), below.expectedPurchases(20));
    }

    @Test
    void fitReproducesThePublishedCdnowEstimates() throws IOException {
        // Fader, Hardie and Lee (2005), section 5: the 2,357 CDNOW customers of the 39-week calibration period
        // give r = 0.243, alpha = 4.414, a = 0.793, b = 2.426 and LL = -9582.4 (test resource, with its source).
        List<PurchaseHistory> customers = cdnow();

        BgNbdFit fit = BgNbd.fit(customers);

        assertThat(customers).hasSize(2357);
        assertThat(fit.model().r()).isCloseTo(0.243, within(0.0005));
        assertThat(fit.model().alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(fit.model().a()).isCloseTo(0.793, within(0.0005));
        assertThat(fit.model().b()).isCloseTo(2.426, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.customers()).isEqualTo(2357);
    }

    @Test
    void fitRecoversParametersFromSimulatedCustomers() {
        List<PurchaseHistory> customers = simulate(CDNOW, 40_000, new SplittableRandom(20_050_601));

        BgNbdFit fit = BgNbd.fit(customers);

        BgNbd m = fit.model();
        assertThat(m.r()).isCloseTo(0.243, within(0.243 * 0.10));
        assertThat(m.alpha()).isCloseTo(4.414, within(4.414 * 0.15));
        assertThat(m.a()).isCloseTo(0.793, within(0.793 * 0.25));
        assertThat(m.b()).isCloseTo(2.426, within(2.426 * 0.35));
        assertThat(fit.customers()).isEqualTo(40_000);
        double atTruth = 0;
        for (PurchaseHistory history : customers) {
            atTruth += CDNOW.logLikelihood(history);
        }
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(atTruth - 1e-6);
    }

    @Test
    void fitIsDeterministic() {
        List<PurchaseHistory> customers = simulate(CDNOW, 3_000, new SplittableRandom(7));
        assertThat(BgNbd.fit(customers)).isEqualTo(BgNbd.fit(new ArrayList<>(customers)));
    }

    @Test
    void fitStopsWhereTheScoreVanishes() {
        // Times rounded to whole days so that histories repeat (7,650 distinct of 20,000), as a shop's data would.
        List<PurchaseHistory> customers = roundedToDays(simulate(CDNOW, 20_000, new SplittableRandom(2005)));

        BgNbdFit fit = BgNbd.fit(customers);

        // The score (the gradient of the log-likelihood) by central differences of the per-customer equation (6),
        // independent of the fit's grouped sums and analytic derivatives: at a maximum it vanishes. Step 1e-4 in
        // ln(parameter): truncation about h^2 times the third derivative (~1e4) = 1e-4, rounding 1e-16 x 8e4 / 1e-4
        // = 1e-7. The Nelder-Mead fit this replaced stopped 2.5e-5 (relative) short in r, where this score is 0.3.
        BgNbd m = fit.model();
        double[] p = {m.r(), m.alpha(), m.a(), m.b()};
        for (int i = 0; i < 4; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] *= Math.exp(1e-4);
            down[i] *= Math.exp(-1e-4);
            double score = (sum(up, customers) - sum(down, customers)) / 2e-4;
            assertThat(score).as("score in parameter %d", i).isCloseTo(0, within(0.01));
        }
        // At least as high as the Nelder-Mead maximum of the same customers (pinned from the implementation before
        // the gradient optimiser: r = 0.2410275, alpha = 4.332239, a = 0.7214168, b = 2.135519).
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(-82427.70477504906);
        assertThat(fit.logLikelihood()).isCloseTo(sum(p, customers), within(1e-9 * 82427.7));
    }

    @Test
    void customersWithoutRepeatPurchasesAreRefused() {
        List<PurchaseHistory> none = List.of(new PurchaseHistory(0, 0, 10), new PurchaseHistory(0, 0, 20));
        assertThatThrownBy(() -> BgNbd.fit(none)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("no repeat purchase");
    }

    @Test
    void historiesAreChecked() {
        assertThatThrownBy(() -> new PurchaseHistory(-1, 0, 1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new PurchaseHistory(1, 2, 1)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new PurchaseHistory(0, 1, 2)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> new PurchaseHistory(1, 0, Double.NaN)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> CDNOW.expectedPurchases(-1)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void historyFromPurchaseInstantsCountsRepeatPurchasesInTheUnit() {
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Duration week = Duration.ofDays(7);
        List<Instant> purchases = List.of(first.plus(Duration.ofDays(14)), first, first.plus(Duration.ofDays(14)),
                first.plus(Duration.ofDays(3)));

        PurchaseHistory history = PurchaseHistory.fromPurchases(purchases, first.plus(Duration.ofDays(28)), week);

        // Distinct instants: day 0, 3, 14: x = 2 repeat purchases, last at 14 days = 2 weeks, T = 28 days = 4.
        assertThat(history).isEqualTo(new PurchaseHistory(2, 2.0, 4.0));
        assertThatThrownBy(() -> PurchaseHistory.fromPurchases(purchases, first, week))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("after the end");
    }

    /** The CDNOW summary: x, t_x and T in weeks per customer. */
    static List<PurchaseHistory> cdnow() throws IOException {
        List<PurchaseHistory> customers = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(BgNbdTest.class.getResourceAsStream("cdnow-summary.txt"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    String[] fields = line.split(" ");
                    customers.add(new PurchaseHistory(Long.parseLong(fields[0]), Double.parseDouble(fields[1]),
                            Double.parseDouble(fields[2])));
                }
            }
        }
        return customers;
    }

    private static double sum(double[] p, List<PurchaseHistory> customers) {
        BgNbd m = new BgNbd(p[0], p[1], p[2], p[3]);
        double sum = 0;
        for (PurchaseHistory history : customers) {
            sum += m.logLikelihood(history);
        }
        return sum;
    }

    static List<PurchaseHistory> roundedToDays(List<PurchaseHistory> weeks) {
        List<PurchaseHistory> rounded = new ArrayList<>(weeks.size());
        for (PurchaseHistory h : weeks) {
            rounded.add(new PurchaseHistory(h.frequency(), Math.rint(h.recency() * 7) / 7, Math.rint(h.age() * 7) / 7));
        }
        return rounded;
    }

    /** Equation (10) of the paper with the hypergeometric series. */
    private static double equationTen(BgNbd m, PurchaseHistory h, double t) {
        double x = h.frequency();
        double big = m.alpha() + h.age();
        double numerator = (m.a() + m.b() + x - 1) / (m.a() - 1) * (1 - Math.pow(big / (big + t), m.r() + x)
                * hypergeometric(m.r() + x, m.b() + x, m.a() + m.b() + x - 1, t / (big + t)));
        double denominator = 1 + (x > 0 ? m.a() / (m.b() + x - 1)
                * Math.pow(big / (m.alpha() + h.recency()), m.r() + x) : 0);
        return numerator / denominator;
    }

    /** 2F1(a, b; c; z) = sum of (a)_k (b)_k / (c)_k z^k / k!, for 0 &lt;= z &lt; 1. */
    private static double hypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 1_000_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return sum;
    }

    /** Customers of the BG/NBD story, each observed for 27 to 39 weeks as in CDNOW's 12-week acquisition. */
    static List<PurchaseHistory> simulate(BgNbd m, int n, SplittableRandom random) {
        List<PurchaseHistory> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lambda = gamma(m.r(), random) / m.alpha();
            double g1 = gamma(m.a(), random);
            double p = g1 / (g1 + gamma(m.b(), random));
            double age = 27 + 12 * random.nextDouble();
            long x = 0;
            double recency = 0;
            double time = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > age) {
                    break;
                }
                x++;
                recency = time;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(new PurchaseHistory(x, recency, age));
        }
        return customers;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the u^(1/shape) boost below shape 1. */
    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
