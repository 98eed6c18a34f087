package org.journeykit.metrics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.journeykit.metrics.MetricInputException;

/**
 * Corrections of p-values for many comparisons at once (segments of a breakdown, periods of an NPS or CSAT trend,
 * steps of a funnel), so that looking at many differences does not make chance ones look significant. Each turns
 * the m p-values of one family into adjusted p-values, in the same order; a hypothesis is rejected at level
 * {@code q} when its adjusted p-value is at most q.
 *
 * <ul>
 *   <li>{@link #NONE}: the p-values unchanged.</li>
 *   <li>{@link #HOLM}: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian Journal
 *       of Statistics 6, 1979. Controls the family-wise error rate (the chance of any false rejection) under any
 *       dependence. With the sorted p-values p(1) &lt;= ... &lt;= p(m): adjusted p(i) = max over j &lt;= i of
 *       min(1, (m - j + 1) p(j)).</li>
 *   <li>{@link #BENJAMINI_HOCHBERG}: Y. Benjamini and Y. Hochberg, "Controlling the false discovery rate",
 *       JRSS B 57, 1995. Controls the expected share of false rejections among the rejections, for independent
 *       or positively dependent tests; rejects more than Holm. Adjusted p(i) = min over j &gt;= i of
 *       min(1, m p(j) / j).</li>
 * </ul>
 * Ties keep their input order. Example (also a test): the 15 p-values of Benjamini and Hochberg's section 4 at
 * q = 0.05: Holm rejects 3, Benjamini-Hochberg 4.
 */
public enum Correction {

    /** No correction. */
    NONE,
    /** Holm's step-down procedure (family-wise error rate). */
    HOLM,
    /** Benjamini and Hochberg's step-up procedure (false discovery rate). */
    BENJAMINI_HOCHBERG;

    /**
     * Adjusts the p-values of one family of comparisons.
     *
     * @param pValues the p-values, not null, none null, each in [0, 1]; may be empty
     * @return the adjusted p-values in the same order, each in [0, 1] and at least its input, unmodifiable,
     *     not null
     * @throws MetricInputException if a p-value is outside [0, 1] or NaN
     * @throws NullPointerException if the list or an element is null
     */
    public List<Double> adjust(List<Double> pValues) {
        Objects.requireNonNull(pValues, "pValues");
        int m = pValues.size();
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            double value = Objects.requireNonNull(pValues.get(i), "p-value");
            if (!(value >= 0 && value <= 1)) {
                throw new MetricInputException("p-value " + i, value, "must be in [0, 1]");
            }
            p[i] = value;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] adjusted = p.clone();
        if (this == HOLM) {
            double running = 0;
            for (int rank = 0; rank < m; rank++) {
                int i = order[rank];
                running = Math.max(running, Math.min(1, (m - rank) * p[i]));
                adjusted[i] = running;
            }
        } else if (this == BENJAMINI_HOCHBERG) {
            double running = 1;
            for (int rank = m - 1; rank >= 0; rank--) {
                int i = order[rank];
                running = Math.min(running, Math.min(1, (double) m * p[i] / (rank + 1)));
                adjusted[i] = running;
            }
        }
        List<Double> result = new ArrayList<>(m);
        for (double value : adjusted) {
            result.add(value);
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Adjusts the p-values of comparisons (such as NPS or CSAT of each segment against a baseline). A comparison
     * without a p-value (no spread on either side: {@link Comparison#pValue()} is empty) is not a test, so it is
     * left out of the family and its adjusted p-value is empty too.
     *
     * @param comparisons the comparisons of one family, not null, none null
     * @return the adjusted p-values in the same order, unmodifiable, not null
     * @throws NullPointerException if the list or an element is null
     */
    public List<OptionalDouble> adjustComparisons(List<Comparison> comparisons) {
        Objects.requireNonNull(comparisons, "comparisons");
        List<Double> tested = new ArrayList<>(comparisons.size());
        for (Comparison comparison : comparisons) {
            OptionalDouble p = Objects.requireNonNull(comparison, "comparison").pValue();
            if (p.isPresent()) {
                tested.add(p.getAsDouble());
            }
        }
        List<Double> adjusted = adjust(tested);
        List<OptionalDouble> result = new ArrayList<>(comparisons.size());
        int next = 0;
        for (Comparison comparison : comparisons) {
            result.add(comparison.pValue().isPresent() ? OptionalDouble.of(adjusted.get(next++))
                    : OptionalDouble.empty());
        }
        return Collections.unmodifiableList(result);
    }
}
