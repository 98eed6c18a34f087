package org.journeykit.metrics.breakdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.jspecify.annotations.Nullable;

/**
 * A metric per calendar period in time order, each with its change against the previous period (the
 * immediately preceding calendar period; none when that period has no result) and, for NPS and CSAT, the
 * two-sample comparison that says whether the change is significant.
 *
 * <p>A trend of many periods makes many comparisons, and some will look significant by chance.
 * {@link #withCorrection(Correction)} adjusts the p-values of all its comparisons as one family (Holm or
 * Benjamini-Hochberg, see {@link Correction}); each point then carries its adjusted p-value and the method, and
 * {@link Point#isSignificant(double)} judges by the adjusted p-value. A trend is built uncorrected
 * ({@link Correction#NONE}: the adjusted p-value is the p-value).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <R> the metric's result type
 */
public final class Trend<R> {

    private final List<Point<R>> points;
    private final Correction correction;

    private Trend(List<Point<R>> points, Correction correction) {
        this.points = List.copyOf(points);
        this.correction = correction;
    }

    /**
     * A trend of any metric, with the change of a numeric value.
     *
     * @param byPeriod the result per period, not null, all of one kind of period
     * @param value the number to follow, such as {@code CesResult::mean}, not null
     * @param <R> the result type
     * @return the trend, not null
     * @throws MetricInputException if the periods are of different kinds
     */
    public static <R> Trend<R> of(Map<PeriodKey, R> byPeriod, ToDoubleFunction<? super R> value) {
        return build(byPeriod, value, (current, previous) -> null);
    }

    /**
     * A trend of NPS: value the score, change in score points, and the two-sample comparison of each period with
     * the previous one ({@link NpsResult#comparedWith}).
     *
     * @param byPeriod the NPS per period, not null
     * @return the trend, not null
     * @throws MetricInputException if the periods are of different kinds
     */
    public static Trend<NpsResult> ofNps(Map<PeriodKey, NpsResult> byPeriod) {
        return build(byPeriod, NpsResult::score, NpsResult::comparedWith);
    }

    /**
     * A trend of CSAT: value the percentage satisfied, change in percentage points, and the two-proportion
     * comparison (in share units) of each period with the previous one.
     *
     * @param byPeriod the CSAT per period, not null
     * @return the trend, not null
     * @throws MetricInputException if the periods are of different kinds
     */
    public static Trend<CsatResult> ofCsat(Map<PeriodKey, CsatResult> byPeriod) {
        return build(byPeriod, CsatResult::percent, CsatResult::comparedWith);
    }

    private static <R> Trend<R> build(Map<PeriodKey, R> byPeriod, ToDoubleFunction<? super R> value,
            BiFunction<R, R, @Nullable Comparison> compare) {
        Objects.requireNonNull(value, "value");
        TreeMap<PeriodKey, R> sorted = new TreeMap<>();
        for (Map.Entry<PeriodKey, R> entry : byPeriod.entrySet()) {
            if (!sorted.isEmpty() && sorted.firstKey().kind() != entry.getKey().kind()) {
                throw new MetricInputException("period", entry.getKey(), "must be a " + sorted.firstKey().kind()
                        + " like the other periods");
            }
            sorted.put(entry.getKey(), Objects.requireNonNull(entry.getValue(), "result"));
        }
        List<Point<R>> points = new ArrayList<>();
        for (Map.Entry<PeriodKey, R> entry : sorted.entrySet()) {
            R previous = sorted.get(entry.getKey().previous());
            double current = value.applyAsDouble(entry.getValue());
            OptionalDouble change = previous == null ? OptionalDouble.empty()
                    : OptionalDouble.of(current - value.applyAsDouble(previous));
            Comparison comparison = previous == null ? null : compare.apply(entry.getValue(), previous);
            points.add(new Point<>(entry.getKey(), entry.getValue(), current, change, comparison,
                    comparison == null ? OptionalDouble.empty() : comparison.pValue(), Correction.NONE));
        }
        return new Trend<>(points, Correction.NONE);
    }

    /**
     * This trend with the p-values of its comparisons adjusted for many comparisons: the comparisons of all
     * points that have a p-value form one family, adjusted by {@link Correction#adjustComparisons}. Periods,
     * results, values, changes and comparisons are unchanged; the adjustment always starts from the unadjusted
     * p-values, so {@code withCorrection(Correction.NONE)} undoes a correction.
     *
     * @param correction the method, not null; {@link Correction#NONE} for the unadjusted p-values
     * @return the trend with adjusted p-values, not null
     * @throws NullPointerException if correction is null
     */
    public Trend<R> withCorrection(Correction correction) {
        Objects.requireNonNull(correction, "correction");
        List<Comparison> family = new ArrayList<>();
        for (Point<R> point : points) {
            if (point.comparison != null) {
                family.add(point.comparison);
            }
        }
        List<OptionalDouble> adjusted = correction.adjustComparisons(family);
        List<Point<R>> corrected = new ArrayList<>(points.size());
        int next = 0;
        for (Point<R> p : points) {
            OptionalDouble adjustedPValue = p.comparison == null ? OptionalDouble.empty() : adjusted.get(next++);
            corrected.add(new Point<>(p.period, p.result, p.value, p.change, p.comparison, adjustedPValue,
                    correction));
        }
        return new Trend<>(corrected, correction);
    }

    /**
     * The correction for many comparisons applied to the points' p-values.
     *
     * @return the method, not null; {@link Correction#NONE} unless {@link #withCorrection} chose another
     */
    public Correction correction() {
        return correction;
    }

    /**
     * The points in time order.
     *
     * @return an unmodifiable list, not null
     */
    public List<Point<R>> points() {
        return points;
    }

    /**
     * Whether another object is a trend with equal points (periods, results, values, changes, comparisons and
     * adjusted p-values) and the same correction.
     *
     * @param other the object, or null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Trend && ((Trend<?>) other).points.equals(points)
                && ((Trend<?>) other).correction == correction;
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return points.hashCode() * 31 + correction.hashCode();
    }

    /**
     * A readable table: one line per period with value, change, p-value and, when corrected, the adjusted p-value.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Point<R> point : points) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(point);
        }
        return text.toString();
    }

    /**
     * One period of a trend.
     *
     * <p>This class is immutable and thread-safe.
     *
     * @param <R> the metric's result type
     */
    public static final class Point<R> {

        private final PeriodKey period;
        private final R result;
        private final double value;
        private final OptionalDouble change;
        private final @Nullable Comparison comparison;
        private final OptionalDouble adjustedPValue;
        private final Correction correction;

        Point(PeriodKey period, R result, double value, OptionalDouble change, @Nullable Comparison comparison,
                OptionalDouble adjustedPValue, Correction correction) {
            this.period = period;
            this.result = result;
            this.value = value;
            this.change = change;
            this.comparison = comparison;
            this.adjustedPValue = adjustedPValue;
            this.correction = correction;
        }

        /**
         * The period.
         *
         * @return the period, not null
         */
        public PeriodKey period() {
            return period;
        }

        /**
         * The metric's full result in this period.
         *
         * @return the result, not null
         */
        public R result() {
            return result;
        }

        /**
         * The value followed (NPS score, CSAT percentage, or the chosen number).
         *
         * @return the value
         */
        public double value() {
            return value;
        }

        /**
         * The change against the previous period, {@code value - previous value}.
         *
         * @return the change, or empty when the previous period has no result
         */
        public OptionalDouble change() {
            return change;
        }

        /**
         * The two-sample comparison with the previous period (NPS and CSAT trends only).
         *
         * @return the comparison, or empty for other metrics or without a previous period
         */
        public Optional<Comparison> comparison() {
            return Optional.ofNullable(comparison);
        }

        /**
         * The p-value of the comparison adjusted for the trend's many comparisons by {@link #correction()}; the
         * comparison's own p-value under {@link Correction#NONE}.
         *
         * @return the adjusted p-value, in [0, 1] and at least the p-value; empty when there is no comparison or
         *     it has no p-value (standard error 0)
         */
        public OptionalDouble adjustedPValue() {
            return adjustedPValue;
        }

        /**
         * The correction for many comparisons behind {@link #adjustedPValue()}, the trend's.
         *
         * @return the method, not null
         */
        public Correction correction() {
            return correction;
        }

        /**
         * Whether the change against the previous period is significant at a confidence level, judged by the
         * adjusted p-value (the p-value itself when the trend is not corrected).
         *
         * @param level the confidence level, such as 0.95, strictly between 0 and 1
         * @return true if there is an adjusted p-value and it is below {@code 1 - level}
         * @throws MetricInputException if the level is out of range
         */
        public boolean isSignificant(double level) {
            org.journeykit.metrics.stats.Normal.checkLevel(level);
            return adjustedPValue.isPresent() && adjustedPValue.getAsDouble() < 1.0 - level;
        }

        /**
         * Whether another object is a point with the same period, result, value, change, comparison, adjusted
         * p-value and correction.
         *
         * @param other the object, or null
         * @return true if equal
         */
        @Override
        public boolean equals(@Nullable Object other) {
            if (!(other instanceof Point)) {
                return false;
            }
            Point<?> that = (Point<?>) other;
            return period.equals(that.period) && result.equals(that.result)
                    && Double.compare(value, that.value) == 0 && change.equals(that.change)
                    && Objects.equals(comparison, that.comparison) && adjustedPValue.equals(that.adjustedPValue)
                    && correction == that.correction;
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Objects.hash(period, result, value, change, comparison, adjustedPValue, correction);
        }

        /**
         * A readable line, such as {@code "2026-Q2  12.00  +5.00  p = 0.2713"}, or with a correction
         * {@code "2026-Q2  12.00  +5.00  p = 0.2713, HOLM 0.5426"}.
         *
         * @return the text, not null
         */
        @Override
        public String toString() {
            String line = String.format(Locale.ROOT, "%-8s %8.2f", period, value);
            if (change.isPresent()) {
                line += String.format(Locale.ROOT, " %+8.2f", change.getAsDouble());
            }
            if (comparison != null && comparison.pValue().isPresent()) {
                line += String.format(Locale.ROOT, "  p = %.4f", comparison.pValue().getAsDouble());
                if (correction != Correction.NONE && adjustedPValue.isPresent()) {
                    line += String.format(Locale.ROOT, ", %s %.4f", correction, adjustedPValue.getAsDouble());
                }
            }
            return line;
        }
    }
}
