package org.journeykit.io.html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.io.svg.RetentionHeatmapSvg;
import org.journeykit.io.svg.TrendSvg;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.model.Journey;

/**
 * One section of a {@link JourneyReportHtml} report, made from the model or from one of the library's own results.
 * A report holds the sections its caller chooses, in the order chosen. A section whose result is empty (an
 * accumulator's {@code result()} that is {@link Optional#empty()}) stays in the report and says that there is no
 * data yet, rather than disappearing.
 *
 * <p>This class is immutable and thread-safe; the results it holds are immutable values.
 */
public final class ReportSection {

    /** What a section shows. */
    public enum Kind {
        /** The journey map with a summary of its emotion curve. */
        JOURNEY_MAP,
        /** The journey's personas in full. */
        PERSONA,
        /** What the comparison (future) journey changes. */
        COMPARISON,
        /** The contact-moment classification and its improvement strategies. */
        CONTACT_MOMENTS,
        /** The hand-offs between departments and channels. */
        GAPS,
        /** NPS, CES and CSAT with their confidence intervals. */
        SCORES,
        /** The NPS answers over 0 to 10. */
        NPS_DISTRIBUTION,
        /** A metric per period. */
        TREND,
        /** A funnel. */
        FUNNEL,
        /** The top path variants as a flow. */
        PATHS,
        /** The directly-follows graph as a process map. */
        PROCESS_MAP,
        /** Cohort retention as a heatmap. */
        RETENTION,
        /** Attribution by model per channel. */
        ATTRIBUTION,
        /** Conformance of actual journeys to the map. */
        CONFORMANCE
    }

    private final Kind kind;
    private final String heading;
    private final Renderer renderer;

    /** Writes a section's content under its heading. */
    @FunctionalInterface
    interface Renderer {
        void render(ReportContext context, Html html);
    }

    private ReportSection(Kind kind, String heading, Renderer renderer) {
        this.kind = kind;
        this.heading = heading;
        this.renderer = renderer;
    }

    Renderer renderer() {
        return renderer;
    }

    /**
     * What the section shows.
     *
     * @return the kind, not null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The section's heading in the report.
     *
     * @return the heading, not null
     */
    public String heading() {
        return heading;
    }

    /**
     * The sections made from the model alone, in the usual order: journey map, persona, comparison (when the
     * report's options name a comparison journey; otherwise it says there is none), contact moments, gaps.
     *
     * @return an unmodifiable list of five sections, not null
     */
    public static List<ReportSection> fromModel() {
        return List.of(journeyMap(), persona(), comparison(), contactMoments(), gaps());
    }

    /**
     * The journey map (drawn with the report's {@link org.journeykit.io.svg.SvgOptions}) and a summary of its
     * emotion curve, the lowest and highest emotion stated on the journey's own scale.
     *
     * @return the section, not null
     */
    public static ReportSection journeyMap() {
        return new ReportSection(Kind.JOURNEY_MAP, "Journey map", ModelSections::map);
    }

    /**
     * The personas linked to the journey, in full.
     *
     * @return the section, not null
     */
    public static ReportSection persona() {
        return new ReportSection(Kind.PERSONA, "Persona", ModelSections::persona);
    }

    /**
     * What the comparison journey named in the report's options changes: touchpoints added, removed and changed, by
     * name, and the change of the peak-end score.
     *
     * @return the section, not null
     */
    public static ReportSection comparison() {
        return new ReportSection(Kind.COMPARISON, "Compared with the future journey", ModelSections::comparison);
    }

    /**
     * The contact-moment classification (kind by rating) and the work list with each improvement strategy.
     *
     * @return the section, not null
     */
    public static ReportSection contactMoments() {
        return new ReportSection(Kind.CONTACT_MOMENTS, "Contact moments", ModelSections::classification);
    }

    /**
     * The hand-offs between departments and channels.
     *
     * @return the section, not null
     */
    public static ReportSection gaps() {
        return new ReportSection(Kind.GAPS, "Gaps", ModelSections::gaps);
    }

    /**
     * NPS, CES and CSAT with their 95 % confidence intervals (adjusted Wald for NPS, the mean's normal interval for
     * CES, Wilson for CSAT) and their numbers of answers; a score that is empty is listed as "no answers yet".
     *
     * @param nps the NPS, not null, possibly empty
     * @param ces the CES, not null, possibly empty
     * @param csat the CSAT, not null, possibly empty
     * @return the section, not null
     * @throws NullPointerException if an argument is null
     */
    public static ReportSection scores(Optional<NpsResult> nps, Optional<CesResult> ces, Optional<CsatResult> csat) {
        Objects.requireNonNull(nps, "nps");
        Objects.requireNonNull(ces, "ces");
        Objects.requireNonNull(csat, "csat");
        return new ReportSection(Kind.SCORES, "Scores", (c, h) -> ResultSections.scores(h, nps, ces, csat));
    }

    /**
     * The NPS answers over 0 to 10 ({@link org.journeykit.io.svg.NpsDistributionSvg}).
     *
     * @param answers the accumulator holding the answers, not null; without answers the section says so
     * @return the section, not null
     * @throws NullPointerException if answers is null
     */
    public static ReportSection npsDistribution(NpsAccumulator answers) {
        Objects.requireNonNull(answers, "answers");
        return new ReportSection(Kind.NPS_DISTRIBUTION, "NPS answers",
                (c, h) -> ResultSections.npsDistribution(c, h, answers));
    }

    /**
     * A metric per period, drawn by a {@link TrendSvg} (such as {@link TrendSvg#ofNps()}).
     *
     * @param chart the chart, which names the metric, not null
     * @param trend the trend, not null; without points the section says so
     * @param <R> the result type
     * @return the section, not null
     * @throws NullPointerException if an argument is null
     */
    public static <R> ReportSection trend(TrendSvg<R> chart, Trend<R> trend) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(trend, "trend");
        return new ReportSection(Kind.TREND, chart.getMetric() + " over time", (c, h) -> ResultSections.trend(c, h, chart, trend));
    }

    /**
     * A funnel ({@link org.journeykit.io.svg.FunnelSvg}).
     *
     * @param funnel the funnel result, not null, possibly empty
     * @return the section, not null
     * @throws NullPointerException if funnel is null
     */
    public static ReportSection funnel(Optional<FunnelResult> funnel) {
        Objects.requireNonNull(funnel, "funnel");
        return new ReportSection(Kind.FUNNEL, "Funnel", (c, h) -> ResultSections.funnel(c, h, funnel));
    }

    /**
     * The most frequent path variants as a flow ({@link org.journeykit.io.svg.PathFlowSvg}).
     *
     * @param paths the path result, not null, possibly empty
     * @return the section, not null
     * @throws NullPointerException if paths is null
     */
    public static ReportSection paths(Optional<PathResult> paths) {
        Objects.requireNonNull(paths, "paths");
        return new ReportSection(Kind.PATHS, "Paths", (c, h) -> ResultSections.paths(c, h, paths));
    }

    /**
     * The directly-follows graph as a process map ({@link org.journeykit.io.svg.ProcessMapSvg}).
     *
     * @param paths the path result, not null, possibly empty
     * @return the section, not null
     * @throws NullPointerException if paths is null
     */
    public static ReportSection processMap(Optional<PathResult> paths) {
        Objects.requireNonNull(paths, "paths");
        return new ReportSection(Kind.PROCESS_MAP, "Process map", (c, h) -> ResultSections.processMap(c, h, paths));
    }

    /**
     * Cohort retention as a heatmap ({@link RetentionHeatmapSvg}).
     *
     * @param cohorts the cohort table, not null, possibly empty
     * @param mode classic or unbounded retention, not null
     * @return the section, not null
     * @throws NullPointerException if an argument is null
     */
    public static ReportSection retention(Optional<CohortTable> cohorts, RetentionHeatmapSvg.Mode mode) {
        Objects.requireNonNull(cohorts, "cohorts");
        Objects.requireNonNull(mode, "mode");
        return new ReportSection(Kind.RETENTION, "Retention", (c, h) -> ResultSections.retention(c, h, cohorts, mode));
    }

    /**
     * Attribution by model per channel ({@link org.journeykit.io.svg.AttributionSvg}).
     *
     * @param byModel each model's name to its result, in the order to draw (a {@link LinkedHashMap} or sorted map),
     *     not null; copied; empty for no data
     * @return the section, not null
     * @throws NullPointerException if the map, a name or a result is null
     */
    public static ReportSection attribution(Map<String, AttributionResult> byModel) {
        Map<String, AttributionResult> copy = new LinkedHashMap<>();
        Objects.requireNonNull(byModel, "byModel").forEach((name, result) -> copy.put(
                Objects.requireNonNull(name, "model name"), Objects.requireNonNull(result, "result")));
        return new ReportSection(Kind.ATTRIBUTION, "Attribution", (c, h) -> ResultSections.attribution(c, h, copy));
    }

    /**
     * Conformance of actual journeys to a planned journey ({@link org.journeykit.io.svg.ConformanceSvg}), the
     * touchpoints named as in the plan.
     *
     * @param summary the conformance summary, not null, possibly empty
     * @param plan the planned journey the summary was checked against, not null
     * @return the section, not null
     * @throws NullPointerException if an argument is null
     */
    public static ReportSection conformance(Optional<ConformanceSummary> summary, Journey plan) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(plan, "plan");
        return new ReportSection(Kind.CONFORMANCE, "Conformance to " + plan.getName(),
                (c, h) -> ResultSections.conformance(c, h, summary, plan));
    }

    /**
     * The kind and heading, such as {@code ReportSection[FUNNEL, Funnel]}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "ReportSection[" + kind + ", " + heading + "]";
    }
}
