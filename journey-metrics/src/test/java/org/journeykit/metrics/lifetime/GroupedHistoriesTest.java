package org.journeykit.metrics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroupedHistoriesTest {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    /** Away from the maximum, where every derivative is large and a sign or factor error shows. */
    private static final double[] POINT = {0.3, 5.0, 0.7, 2.2};

    private static final List<PurchaseHistory> CUSTOMERS =
            BgNbdTest.roundedToDays(BgNbdTest.simulate(CDNOW, 5_000, new SplittableRandom(11)));

    @Test
    void countsIdenticalHistoriesOnce() {
        GroupedHistories data = GroupedHistories.of(CUSTOMERS);

        assertThat(data.weight.length).isLessThan(CUSTOMERS.size());
        double total = 0;
        for (double w : data.weight) {
            total += w;
        }
        assertThat(total).isEqualTo(CUSTOMERS.size());
        assertThat(data.frequencyWeight).hasSize(data.frequencies.length);
        assertThat(data.logLikelihood(POINT[0], POINT[1], POINT[2], POINT[3]))
                .isCloseTo(perCustomer(POINT), within(1e-9 * Math.abs(perCustomer(POINT))));
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheLogLikelihood() {
        GroupedHistories data = GroupedHistories.of(CUSTOMERS);

        double[] d = data.derivatives(POINT[0], POINT[1], POINT[2], POINT[3]);

        assertThat(d[0]).isCloseTo(perCustomer(POINT), within(1e-9 * Math.abs(d[0])));
        for (int i = 0; i < 4; i++) {
            // d/d ln(theta_i) of the sum of equation (6) over the customers, step 1e-5: error about 1e-10 x |H|.
            double difference = (perCustomer(shifted(POINT, i, 1e-5)) - perCustomer(shifted(POINT, i, -1e-5))) / 2e-5;
            assertThat(d[1 + i]).as("gradient %d", i).isCloseTo(difference, within(1e-8 * Math.abs(d[0])));
        }
    }

    @Test
    void hessianMatchesCentralDifferencesOfTheGradient() {
        GroupedHistories data = GroupedHistories.of(CUSTOMERS);

        double[] d = data.derivatives(POINT[0], POINT[1], POINT[2], POINT[3]);

        int k = 5;
        for (int i = 0; i < 4; i++) {
            double[] up = shifted(POINT, i, 1e-6);
            double[] down = shifted(POINT, i, -1e-6);
            double[] gradientUp = data.derivatives(up[0], up[1], up[2], up[3]);
            double[] gradientDown = data.derivatives(down[0], down[1], down[2], down[3]);
            for (int j = i; j < 4; j++) {
                double difference = (gradientUp[1 + j] - gradientDown[1 + j]) / 2e-6;
                assertThat(d[k++]).as("hessian %d %d", i, j)
                        .isCloseTo(difference, within(1e-5 * Math.max(1, Math.abs(difference))));
            }
        }
    }

    private static double[] shifted(double[] p, int i, double logStep) {
        double[] q = p.clone();
        q[i] *= Math.exp(logStep);
        return q;
    }

    private static double perCustomer(double[] p) {
        BgNbd m = new BgNbd(p[0], p[1], p[2], p[3]);
        double sum = 0;
        for (PurchaseHistory history : CUSTOMERS) {
            sum += m.logLikelihood(history);
        }
        return sum;
    }
}
