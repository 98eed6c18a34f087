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
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.stats.Normal;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.jspecify.annotations.Nullable;

/**
 * The segments of a breakdown (agents, channels, personas, ...) each compared with one baseline segment, with the
 * p-values adjusted for the many comparisons: with twenty agents compared with the team lead's, one difference
 * looks significant at 95 % by chance alone. The comparisons of all segments that have a p-value form one family,
 * adjusted by the {@link Correction} named (Holm for the family-wise error rate, Benjamini-Hochberg for the false
 * discovery rate); {@link Entry#isSignificant(double)} judges by the adjusted p-value.
 *
 * <p>Example, NPS per agent against the agent "team-lead", Holm-adjusted:
 * <pre>{@code
 * Map<String, NpsResult> byAgent = responses.stream().collect(Breakdown.collector(
 *         Dimensions.agent(), NpsAccumulator::create, NpsAccumulator::add));
 * SegmentComparison<String> agents = SegmentComparison.ofNps(byAgent, "team-lead", Correction.HOLM);
 * }</pre>
 *
 * <p>The entries are in the order of the segment keys, the baseline left out. The two samples of each comparison
 * must be independent (different respondents); the comparisons share the baseline, which Holm's procedure allows
 * under any dependence and Benjamini-Hochberg's under the positive dependence this sharing gives.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <K> the segment key type, naturally ordered
 */
public final class SegmentComparison<K extends Comparable<? super K>> {

    private final K baseline;
    private final Correction correction;
    private final List<Entry<K>> entries;

    private SegmentComparison(K baseline, Correction correction, List<Entry<K>> entries) {
        this.baseline = baseline;
        this.correction = correction;
        this.entries = List.copyOf(entries);
    }

    /**
     * Compares each segment's result with the baseline segment's and adjusts the p-values.
     *
     * @param bySegment the result per segment, not null, no key or value null, holding the baseline
     * @param baseline the key of the segment the others are compared with, not null
     * @param compare the two-sample comparison of a segment's result (first argument) with the baseline's
     *     (second), such as {@code NpsResult::comparedWith}, not null, never returning null
     * @param correction the correction for many comparisons, not null; {@link Correction#NONE} for none
     * @param <K> the segment key type
     * @param <R> the result type
     * @return the comparisons, not null; without entries when the baseline is the only segment
     * @throws MetricInputException if the baseline is not one of the segments
     * @throws NullPointerException if an argument, a key, a result or a comparison is null
     */
    public static <K extends Comparable<? super K>, R> SegmentComparison<K> of(Map<K, R> bySegment, K baseline,
            BiFunction<? super R, ? super R, Comparison> compare, Correction correction) {
        Objects.requireNonNull(bySegment, "bySegment");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(correction, "correction");
        TreeMap<K, R> sorted = new TreeMap<>();
        for (Map.Entry<K, R> entry : bySegment.entrySet()) {
            sorted.put(Objects.requireNonNull(entry.getKey(), "segment"),
                    Objects.requireNonNull(entry.getValue(), "result"));
        }
        R base = sorted.get(baseline);
        if (base == null) {
            throw new MetricInputException("baseline", baseline, "must be one of the " + sorted.size()
                    + " segments compared");
        }
        List<K> segments = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<K, R> entry : sorted.entrySet()) {
            if (!entry.getKey().equals(baseline)) {
                segments.add(entry.getKey());
                comparisons.add(Objects.requireNonNull(compare.apply(entry.getValue(), base), "comparison"));
            }
        }
        List<OptionalDouble> adjusted = correction.adjustComparisons(comparisons);
        List<Entry<K>> entries = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            entries.add(new Entry<>(segments.get(i), comparisons.get(i), adjusted.get(i), correction));
        }
        return new SegmentComparison<>(baseline, correction, entries);
    }

    /**
     * Compares each segment's NPS with the baseline segment's ({@link NpsResult#comparedWith}, in score points)
     * and adjusts the p-values.
     *
     * @param bySegment the NPS per segment, not null, no key or value null, holding the baseline
     * @param baseline the key of the segment the others are compared with, not null
     * @param correction the correction for many comparisons, not null
     * @param <K> the segment key type
     * @return the comparisons, not null
     * @throws MetricInputException if the baseline is not one of the segments
     * @throws NullPointerException if an argument, a key or a result is null
     */
    public static <K extends Comparable<? super K>> SegmentComparison<K> ofNps(Map<K, NpsResult> bySegment,
            K baseline, Correction correction) {
        return of(bySegment, baseline, NpsResult::comparedWith, correction);
    }

    /**
     * Compares each segment's CSAT with the baseline segment's (the two-proportion comparison of
     * {@link CsatResult#comparedWith}, in share units) and adjusts the p-values.
     *
     * @param bySegment the CSAT per segment, not null, no key or value null, holding the baseline
     * @param baseline the key of the segment the others are compared with, not null
     * @param correction the correction for many comparisons, not null
     * @param <K> the segment key type
     * @return the comparisons, not null
     * @throws MetricInputException if the baseline is not one of the segments
     * @throws NullPointerException if an argument, a key or a result is null
     */
    public static <K extends Comparable<? super K>> SegmentComparison<K> ofCsat(Map<K, CsatResult> bySegment,
            K baseline, Correction correction) {
        return of(bySegment, baseline, CsatResult::comparedWith, correction);
    }

    /**
     * The key of the segment the others are compared with.
     *
     * @return the baseline, not null
     */
    public K baseline() {
        return baseline;
    }

    /**
     * The correction applied to the p-values.
     *
     * @return the method, not null
     */
    public Correction correction() {
        return correction;
    }

    /**
     * One entry per segment other than the baseline, in key order.
     *
     * @return an unmodifiable list, not null
     */
    public List<Entry<K>> entries() {
        return entries;
    }

    /**
     * The entry of one segment.
     *
     * @param segment the segment's key, not null
     * @return the entry, or empty when the segment is the baseline or not in the breakdown
     * @throws NullPointerException if segment is null
     */
    public Optional<Entry<K>> entry(K segment) {
        Objects.requireNonNull(segment, "segment");
        for (Entry<K> entry : entries) {
            if (entry.segment.equals(segment)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether another object is a segment comparison with the same baseline, correction and entries.
     *
     * @param other the object, or null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof SegmentComparison)) {
            return false;
        }
        SegmentComparison<?> that = (SegmentComparison<?>) other;
        return baseline.equals(that.baseline) && correction == that.correction && entries.equals(that.entries);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(baseline, correction, entries);
    }

    /**
     * A readable table: the baseline and correction, then one line per segment.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("against " + baseline + ", " + correction);
        for (Entry<K> entry : entries) {
            text.append('\n').append(entry);
        }
        return text.toString();
    }

    /**
     * One segment compared with the baseline.
     *
     * <p>This class is immutable and thread-safe.
     *
     * @param <K> the segment key type
     */
    public static final class Entry<K> {

        private final K segment;
        private final Comparison comparison;
        private final OptionalDouble adjustedPValue;
        private final Correction correction;

        Entry(K segment, Comparison comparison, OptionalDouble adjustedPValue, Correction correction) {
            this.segment = segment;
            this.comparison = comparison;
            this.adjustedPValue = adjustedPValue;
            this.correction = correction;
        }

        /**
         * The segment's key.
         *
         * @return the key, not null
         */
        public K segment() {
            return segment;
        }

        /**
         * The comparison of the segment (current) with the baseline, with its unadjusted p-value.
         *
         * @return the comparison, not null
         */
        public Comparison comparison() {
            return comparison;
        }

        /**
         * The p-value adjusted for the family's many comparisons by {@link #correction()}.
         *
         * @return the adjusted p-value, in [0, 1] and at least the p-value; empty when the comparison has no
         *     p-value (standard error 0)
         */
        public OptionalDouble adjustedPValue() {
            return adjustedPValue;
        }

        /**
         * The correction behind {@link #adjustedPValue()}.
         *
         * @return the method, not null
         */
        public Correction correction() {
            return correction;
        }

        /**
         * Whether the segment differs significantly from the baseline at a confidence level, judged by the
         * adjusted p-value.
         *
         * @param level the confidence level, such as 0.95, strictly between 0 and 1
         * @return true if there is an adjusted p-value and it is below {@code 1 - level}
         * @throws MetricInputException if the level is out of range
         */
        public boolean isSignificant(double level) {
            Normal.checkLevel(level);
            return adjustedPValue.isPresent() && adjustedPValue.getAsDouble() < 1.0 - level;
        }

        /**
         * Whether another object is an entry with the same segment, comparison, adjusted p-value and correction.
         *
         * @param other the object, or null
         * @return true if equal
         */
        @Override
        public boolean equals(@Nullable Object other) {
            if (!(other instanceof Entry)) {
                return false;
            }
            Entry<?> that = (Entry<?>) other;
            return segment.equals(that.segment) && comparison.equals(that.comparison)
                    && adjustedPValue.equals(that.adjustedPValue) && correction == that.correction;
        }

        /**
         * A hash code consistent with {@link #equals}.
         *
         * @return the hash code
         */
        @Override
        public int hashCode() {
            return Objects.hash(segment, comparison, adjustedPValue, correction);
        }

        /**
         * A readable line, such as {@code "bob  -20.00 (10.00 vs 30.00), z = -1.20, p = 0.2301, HOLM 0.4602"}.
         *
         * @return the text, not null
         */
        @Override
        public String toString() {
            String line = segment + "  " + comparison;
            if (adjustedPValue.isPresent()) {
                line += String.format(Locale.ROOT, ", %s %.4f", correction, adjustedPValue.getAsDouble());
            }
            return line;
        }
    }
}
