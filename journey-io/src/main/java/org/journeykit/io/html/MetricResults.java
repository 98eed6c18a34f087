package org.journeykit.io.html;

import java.util.List;

/**
 * The metric results shown in a report: scores (NPS, CES, CSAT with intervals), trends over periods and a funnel.
 * Every part may be empty; {@link #none()} shows no metrics section.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MetricResults {

    private static final MetricResults NONE = new MetricResults(List.of(), List.of(), List.of());

    private final List<ScoreSummary> scores;
    private final List<TrendSeries> trends;
    private final List<FunnelStep> funnel;

    private MetricResults(List<ScoreSummary> scores, List<TrendSeries> trends, List<FunnelStep> funnel) {
        this.scores = scores;
        this.trends = trends;
        this.funnel = funnel;
    }

    /**
     * No metric results.
     *
     * @return the empty results, not null
     */
    public static MetricResults none() {
        return NONE;
    }

    /**
     * Gathers metric results.
     *
     * @param scores the scores in display order, not null, no null element
     * @param trends the trend series in display order, not null, no null element
     * @param funnel the funnel steps from first to last, not null, no null element
     * @return the results, not null
     * @throws NullPointerException if a list or element is null
     */
    public static MetricResults of(List<ScoreSummary> scores, List<TrendSeries> trends, List<FunnelStep> funnel) {
        return new MetricResults(List.copyOf(scores), List.copyOf(trends), List.copyOf(funnel));
    }

    /**
     * The scores.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<ScoreSummary> getScores() {
        return scores;
    }

    /**
     * The trend series.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<TrendSeries> getTrends() {
        return trends;
    }

    /**
     * The funnel steps.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<FunnelStep> getFunnel() {
        return funnel;
    }

    /**
     * Whether there is nothing to show.
     *
     * @return true when every list is empty
     */
    public boolean isEmpty() {
        return scores.isEmpty() && trends.isEmpty() && funnel.isEmpty();
    }
}
