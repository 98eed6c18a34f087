package org.journeykit.io.html;

import java.util.Map;
import java.util.Optional;
import org.journeykit.io.svg.AttributionSvg;
import org.journeykit.io.svg.ConformanceSvg;
import org.journeykit.io.svg.FunnelSvg;
import org.journeykit.io.svg.NpsDistributionSvg;
import org.journeykit.io.svg.PathFlowSvg;
import org.journeykit.io.svg.ProcessMapSvg;
import org.journeykit.io.svg.RetentionHeatmapSvg;
import org.journeykit.io.svg.TrendSvg;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.model.Journey;

/** The sections made from the library's results: scores and a picture per analysis. */
final class ResultSections {

    /** The confidence level of the score table. */
    static final double LEVEL = 0.95;

    private ResultSections() {}

    private static void figure(Html h, String svg) {
        h.raw("<figure class=\"chart\">\n").raw(svg).raw("\n</figure>\n");
    }

    private static void noData(Html h, String text) {
        h.element("p", text, "note no-data");
    }

    static void scores(Html h, Optional<NpsResult> nps, Optional<CesResult> ces, Optional<CsatResult> csat) {
        h.raw("<table class=\"scores\">\n<caption>Scores with their 95% confidence intervals</caption>\n")
                .raw("<thead><tr><th>Score</th><th>Value</th><th>95% interval</th><th>Answers</th>")
                .raw("</tr></thead>\n<tbody>\n");
        if (nps.isPresent()) {
            Interval i = nps.get().adjustedWald(LEVEL);
            row(h, "NPS (-100 to 100; adjusted Wald)", Format.number(nps.get().score(), 1), i, 1,
                    nps.get().responses());
        } else {
            empty(h, "NPS");
        }
        if (ces.isPresent()) {
            CesResult r = ces.get();
            String name = "CES mean (" + r.scale().min() + " to " + r.scale().max() + ")";
            Optional<Interval> i = r.meanInterval(LEVEL);
            h.raw("<tr>").element("th", name).element("td", Format.number(r.mean(), 2), "num")
                    .element("td", i.map(x -> Format.number(x.lower(), 2) + " to " + Format.number(x.upper(), 2))
                            .orElse("needs two answers"), "num")
                    .element("td", Format.count(r.responses()), "num").raw("</tr>\n");
        } else {
            empty(h, "CES");
        }
        if (csat.isPresent()) {
            Interval share = csat.get().wilson(LEVEL);
            Interval percent = Interval.of(share.estimate() * 100, share.lower() * 100, share.upper() * 100,
                    share.level());
            row(h, "CSAT (% satisfied; Wilson)", Format.number(csat.get().percent(), 1), percent, 1,
                    csat.get().responses());
        } else {
            empty(h, "CSAT");
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static void row(Html h, String name, String value, Interval interval, int decimals, long answers) {
        h.raw("<tr>").element("th", name).element("td", value, "num")
                .element("td", Format.number(interval.lower(), decimals) + " to "
                        + Format.number(interval.upper(), decimals), "num")
                .element("td", Format.count(answers), "num").raw("</tr>\n");
    }

    private static void empty(Html h, String name) {
        h.raw("<tr>").element("th", name).raw("<td colspan=\"3\" class=\"note\">no answers yet</td></tr>\n");
    }

    static void npsDistribution(ReportContext c, Html h, NpsAccumulator answers) {
        figure(h, NpsDistributionSvg.of(c.palette).renderElement(answers));
    }

    static <R> void trend(ReportContext c, Html h, TrendSvg<R> chart, Trend<R> trend) {
        figure(h, chart.renderElement(trend));
    }

    static void funnel(ReportContext c, Html h, Optional<FunnelResult> funnel) {
        if (funnel.isEmpty()) {
            noData(h, "No funnel result yet: no journey was added to the funnel.");
            return;
        }
        figure(h, FunnelSvg.of(c.palette).renderElement(funnel.get()));
    }

    static void paths(ReportContext c, Html h, Optional<PathResult> paths) {
        if (paths.isEmpty()) {
            noData(h, "No path result yet: no actual journey was added.");
            return;
        }
        figure(h, PathFlowSvg.of(c.palette, PathFlowSvg.DEFAULT_VARIANTS, PathFlowSvg.DEFAULT_STEPS)
                .renderElement(paths.get()));
    }

    static void processMap(ReportContext c, Html h, Optional<PathResult> paths) {
        if (paths.isEmpty()) {
            noData(h, "No path result yet, so there is no process map: no actual journey was added.");
            return;
        }
        figure(h, ProcessMapSvg.of(c.palette).renderElement(paths.get()));
    }

    static void retention(ReportContext c, Html h, Optional<CohortTable> cohorts, RetentionHeatmapSvg.Mode mode) {
        if (cohorts.isEmpty()) {
            noData(h, "No cohort table yet: no customer activity was added.");
            return;
        }
        figure(h, RetentionHeatmapSvg.of(c.palette, mode).renderElement(cohorts.get()));
    }

    static void attribution(ReportContext c, Html h, Map<String, AttributionResult> byModel) {
        if (byModel.isEmpty()) {
            noData(h, "No attribution results were given.");
            return;
        }
        figure(h, AttributionSvg.of(c.palette).renderElement(byModel));
    }

    static void conformance(ReportContext c, Html h, Optional<ConformanceSummary> summary, Journey plan) {
        if (summary.isEmpty()) {
            noData(h, "No conformance summary yet: no actual journey was checked against " + plan.getName() + ".");
            return;
        }
        figure(h, ConformanceSvg.of(c.palette).withNames(plan).renderElement(summary.get()));
    }
}
