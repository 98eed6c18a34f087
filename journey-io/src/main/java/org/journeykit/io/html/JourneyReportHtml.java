package org.journeykit.io.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.analysis.ClassifiedMoment;
import org.journeykit.analysis.ContactMomentClassification;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gap;
import org.journeykit.analysis.Gaps;
import org.journeykit.analysis.ImprovementStrategy;
import org.journeykit.analysis.JourneyComparison;
import org.journeykit.io.svg.JourneyMapSvg;
import org.journeykit.io.svg.PictureException;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.model.Channel;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Persona;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;

/**
 * Writes a journey report as one self-contained HTML file: inline CSS and inline SVG, no scripts, no fonts, images
 * or style sheets fetched from anywhere, so the file can be mailed, archived or opened offline.
 *
 * <p>Sections, in order: the journey map ({@link JourneyMapSvg} with this writer's {@link SvgOptions},
 * with its persona card) and a summary of the emotion curve; the persona in full; when the options name a comparison journey, what the future journey changes; the
 * contact-moment classification (the kind-by-rating matrix and the work list with each improvement strategy and its
 * advice); the gaps; and, when {@link MetricResults} are given, the scores with their confidence intervals, a trend
 * chart per series and the funnel. The page prints on A4 landscape: the map is scaled to the page width and sections
 * are not split across pages where avoidable.
 *
 * <p>All text from the model is escaped: a persona named {@code <script>} is printed as text. The output is
 * deterministic.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyReportHtml {

    private final SvgOptions svgOptions;

    private JourneyReportHtml(SvgOptions svgOptions) {
        this.svgOptions = svgOptions;
    }

    /**
     * A writer that draws the map with the given options.
     *
     * @param svgOptions the map's options, not null
     * @return the writer, not null
     * @throws NullPointerException if svgOptions is null
     */
    public static JourneyReportHtml of(SvgOptions svgOptions) {
        return new JourneyReportHtml(Objects.requireNonNull(svgOptions, "svgOptions"));
    }

    /**
     * A writer with {@link SvgOptions#defaults()}.
     *
     * @return the writer, not null
     */
    public static JourneyReportHtml withDefaults() {
        return new JourneyReportHtml(SvgOptions.defaults());
    }

    /**
     * Writes the report of a journey as a string.
     *
     * @param model the model holding the journey, personas and channels; not null
     * @param journeyId the id of the journey, not null
     * @param metrics the metric results to show, not null; {@link MetricResults#none()} for none
     * @return the HTML document, not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException if the model has no such journey, or the map cannot be drawn with the options
     */
    public String render(JourneyModel model, String journeyId, MetricResults metrics) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(metrics, "metrics");
        String map = JourneyMapSvg.of(svgOptions).renderElement(model, journeyId);
        Journey journey = model.findJourney(journeyId).orElseThrow();
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"JourneyKit\">\n")
                .element("title", "Journey report: " + journey.getName()).raw("\n<style>\n").raw(CSS)
                .raw("</style>\n</head>\n<body>\n<header>\n")
                .element("h1", journey.getName())
                .raw("<p class=\"meta\">")
                .text(journey.getState() == org.journeykit.model.JourneyState.FUTURE ? "Future journey"
                        : "Current journey")
                .text(model.getTitle().map(t -> " \u00b7 " + t).orElse(""))
                .raw("</p>\n");
        journey.getScenario().ifPresent(s -> h.element("p", s));
        if (journey.getStartPoint().isPresent() || journey.getEndPoint().isPresent()) {
            h.raw("<p class=\"meta\">")
                    .text(journey.getStartPoint().map(s -> "Starts: " + s).orElse(""))
                    .text(journey.getStartPoint().isPresent() && journey.getEndPoint().isPresent() ? " \u2192 " : "")
                    .text(journey.getEndPoint().map(s -> "Ends: " + s).orElse(""))
                    .raw("</p>\n");
        }
        h.raw("</header>\n");
        h.raw("<section class=\"map\" id=\"map\">\n<h2>Journey map</h2>\n<div class=\"map-frame\">\n").raw(map)
                .raw("\n</div>\n");
        curveSummary(h, EmotionCurve.of(journey));
        h.raw("</section>\n");
        persona(h, model, journey);
        svgOptions.getComparisonJourneyId().flatMap(model::findJourney)
                .ifPresent(future -> comparison(h, journey, future));
        classification(h, ContactMomentClassification.of(journey));
        gaps(h, model, journey);
        if (!metrics.isEmpty()) {
            metrics(h, metrics);
        }
        h.raw("<footer>Made with JourneyKit. This file is self-contained: it loads nothing from elsewhere.</footer>\n")
                .raw("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Writes the report of {@link #render(JourneyModel, String, MetricResults)}; the writer is not closed.
     *
     * @param model the model, not null
     * @param journeyId the id of the journey, not null
     * @param metrics the metric results, not null
     * @param out where to write, encoded as UTF-8 by the caller (the page declares UTF-8); not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException as {@link #render(JourneyModel, String, MetricResults)}
     * @throws IOException if writing fails
     */
    public void write(JourneyModel model, String journeyId, MetricResults metrics, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(render(model, journeyId, metrics));
    }

    private static void persona(Html h, JourneyModel model, Journey journey) {
        h.raw("<section class=\"persona\" id=\"persona\">\n<h2>Persona</h2>\n");
        boolean any = false;
        for (String id : journey.getPersonaIds()) {
            Optional<Persona> found = model.findPersona(id);
            if (found.isEmpty()) {
                continue;
            }
            any = true;
            Persona p = found.get();
            h.raw("<div class=\"card\">\n").element("h3", p.getName());
            p.getJobTitle().ifPresent(t -> h.element("p", t, "meta"));
            p.getQuote().ifPresent(q -> h.element("blockquote", q));
            p.getDescription().ifPresent(d -> h.element("p", d));
            h.raw("<dl>\n");
            list(h, "Goals", p.getGoals());
            list(h, "Needs", p.getNeeds());
            list(h, "Expectations", p.getExpectations());
            list(h, "Frustrations", p.getFrustrations());
            list(h, "Drivers", p.getDrivers());
            List<String> channels = p.getPreferredChannelIds().stream()
                    .map(c -> model.findChannel(c).map(Channel::getName).orElse(c)).toList();
            list(h, "Preferred channels", channels);
            h.raw("</dl>\n</div>\n");
        }
        if (!any) {
            h.element("p", "No persona is linked to this journey.", "note");
        }
        h.raw("</section>\n");
    }

    private static void list(Html h, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.element("dt", heading).raw("<dd><ul>");
        for (String item : items) {
            h.element("li", item);
        }
        h.raw("</ul></dd>\n");
    }

    private static void curveSummary(Html h, EmotionCurve curve) {
        if (curve.isEmpty()) {
            h.element("p", "No emotions are recorded yet, so there is no emotion curve.", "note");
            return;
        }
        StringBuilder s = new StringBuilder();
        curve.getValley().ifPresent(v -> s.append("Lowest emotion: ").append(v.getTouchpointName()).append(" (")
                .append(number(v.getNormalised(), 2)).append("). "));
        curve.getPeak().ifPresent(p -> s.append("Highest: ").append(p.getTouchpointName()).append(" (")
                .append(number(p.getNormalised(), 2)).append("). "));
        curve.getPeakEndScore().ifPresent(v -> s.append("Peak-end score: ").append(number(v, 2)).append(". "));
        s.append("Dips: ").append(curve.getDips().size()).append('.');
        h.element("p", s.toString(), "summary");
    }

    private static void comparison(Html h, Journey current, Journey future) {
        JourneyComparison c = JourneyComparison.of(current, future);
        h.raw("<section class=\"comparison\" id=\"comparison\">\n")
                .element("h2", "What " + future.getName() + " changes")
                .raw("<ul>\n")
                .element("li", "Added touchpoints: " + join(c.getAdded()))
                .element("li", "Removed touchpoints: " + join(c.getRemoved())
                        + (c.getSuperfluousRemoved().isEmpty() ? ""
                                : " (superfluous contact prevented: " + join(c.getSuperfluousRemoved()) + ")"))
                .element("li", "Changed touchpoints: " + c.getChanged().size()
                        + ", of which channel shifts: " + c.getChannelShifts().size());
        c.getPeakEndChange().ifPresent(v -> h.element("li", "Peak-end score change: " + signed(v, 2)));
        h.raw("</ul>\n</section>\n");
    }

    private static String join(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static void classification(Html h, ContactMomentClassification c) {
        h.raw("<section class=\"classification\" id=\"classification\">\n<h2>Contact moments</h2>\n");
        if (c.getMoments().isEmpty()) {
            h.element("p", "No touchpoint is classified yet: ask for each one whether it is important to the "
                    + "customer and whether it strengthens the brand.", "note");
        } else {
            h.raw("<table class=\"matrix\">\n<caption>Touchpoints by kind and rating</caption>\n<thead><tr>")
                    .element("th", "Kind");
            for (Rating r : Rating.values()) {
                h.element("th", ratingLabel(r));
            }
            h.raw("</tr></thead>\n<tbody>\n");
            for (MomentKind k : MomentKind.values()) {
                h.raw("<tr>").element("th", kindLabel(k));
                for (Rating r : Rating.values()) {
                    h.element("td", Integer.toString(c.count(k, r)), "num");
                }
                h.raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
            h.raw("<table class=\"worklist\">\n<caption>Improvement strategy, most urgent first</caption>\n")
                    .raw("<thead><tr><th>Touchpoint</th><th>Kind</th><th>Rating</th><th>Strategy</th>")
                    .raw("<th>Advice</th></tr></thead>\n<tbody>\n");
            for (ClassifiedMoment m : c.worklist()) {
                ImprovementStrategy s = m.getStrategy().orElseThrow();
                h.raw("<tr>").element("td", m.getTouchpointName()).element("td", kindLabel(m.getKind()))
                        .element("td", m.getRating().map(JourneyReportHtml::ratingLabel).orElse("not rated"))
                        .element("td", s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .element("td", s.getAdvice()).raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        if (!c.getUnclassified().isEmpty()) {
            h.element("p", "Not yet classified: " + String.join(", ", c.getUnclassified()), "note");
        }
        h.raw("</section>\n");
    }

    private static void gaps(Html h, JourneyModel model, Journey journey) {
        List<Gap> gaps = Gaps.of(journey);
        h.raw("<section class=\"gaps\" id=\"gaps\">\n<h2>Gaps</h2>\n");
        if (gaps.isEmpty()) {
            h.element("p", "No hand-off between departments or channels.", "note");
        } else {
            h.raw("<table>\n<caption>Where the customer is handed from one department or channel to another"
                    + "</caption>\n<thead><tr><th>From</th><th>To</th><th>Department</th><th>Channel</th>"
                    + "<th>Emotion change</th></tr></thead>\n<tbody>\n");
            for (Gap g : gaps) {
                h.raw("<tr>").element("td", name(journey, g.getFromTouchpointId()))
                        .element("td", name(journey, g.getToTouchpointId()))
                        .element("td", g.getDepartmentHandoff().map(x -> x.getSource() + " \u2192 " + x.getTarget())
                                .orElse("\u2013"))
                        .element("td", g.getChannelSwitch().map(x -> channel(model, x.getSource()) + " \u2192 "
                                + channel(model, x.getTarget())).orElse("\u2013"));
                h.element("td", g.getEmotionChange().isPresent() ? signed(g.getEmotionChange().getAsDouble(), 2)
                        : "\u2013", "num").raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("</section>\n");
    }

    private static String name(Journey journey, String touchpointId) {
        return journey.findTouchpoint(touchpointId).map(Touchpoint::getName).orElse(touchpointId);
    }

    private static String channel(JourneyModel model, String id) {
        return model.findChannel(id).map(Channel::getName).orElse(id);
    }

    private static void metrics(Html h, MetricResults metrics) {
        h.raw("<section class=\"metrics\" id=\"metrics\">\n<h2>Metrics</h2>\n");
        if (!metrics.getScores().isEmpty()) {
            h.raw("<table class=\"scores\">\n<caption>Scores with their confidence intervals</caption>\n")
                    .raw("<thead><tr><th>Score</th><th>Value</th><th>Interval</th><th>Level</th><th>Responses</th>")
                    .raw("</tr></thead>\n<tbody>\n");
            for (ScoreSummary s : metrics.getScores()) {
                h.raw("<tr>").element("th", s.getName()).element("td", number(s.getValue(), 1), "num")
                        .element("td", "[" + number(s.getLow(), 1) + ", " + number(s.getHigh(), 1) + "]", "num")
                        .element("td", number(s.getConfidence() * 100, 0) + "%", "num")
                        .element("td", Long.toString(s.getResponses()), "num").raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        for (TrendSeries series : metrics.getTrends()) {
            trend(h, series);
        }
        if (!metrics.getFunnel().isEmpty()) {
            funnel(h, metrics.getFunnel());
        }
        h.raw("</section>\n");
    }

    private static void trend(Html h, TrendSeries series) {
        List<TrendPoint> points = series.getPoints();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (TrendPoint p : points) {
            min = Math.min(min, p.getLow());
            max = Math.max(max, p.getHigh());
        }
        if (max - min < 1e-9) {
            min -= 1;
            max += 1;
        }
        double width = 640;
        double height = 220;
        double left = 56;
        double right = 24;
        double top = 20;
        double bottom = 40;
        double step = points.size() == 1 ? 0 : (width - left - right) / (points.size() - 1);
        double lo = min;
        double span = max - min;
        java.util.function.DoubleUnaryOperator yOf = v -> top + (height - top - bottom) * (1 - (v - lo) / span);
        java.util.function.IntToDoubleFunction xOf = i -> points.size() == 1 ? (left + width - right) / 2
                : left + i * step;
        h.raw("<figure class=\"trend\">\n");
        h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 640 220\" width=\"640\" "
                + "height=\"220\">");
        h.element("title", series.getName() + " over " + points.size() + " periods");
        StringBuilder band = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            band.append(i == 0 ? 'M' : 'L').append(number(xOf.applyAsDouble(i), 1)).append(' ')
                    .append(number(yOf.applyAsDouble(points.get(i).getHigh()), 1));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            band.append('L').append(number(xOf.applyAsDouble(i), 1)).append(' ')
                    .append(number(yOf.applyAsDouble(points.get(i).getLow()), 1));
        }
        band.append('Z');
        h.raw("<path class=\"interval\" d=\"" + band + "\" fill=\"#56b4e9\" fill-opacity=\"0.35\" "
                + "stroke=\"#0072b2\" stroke-width=\"0.5\"/>");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            line.append(i == 0 ? 'M' : 'L').append(number(xOf.applyAsDouble(i), 1)).append(' ')
                    .append(number(yOf.applyAsDouble(points.get(i).getValue()), 1));
        }
        h.raw("<path d=\"" + line + "\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2.5\"/>");
        h.raw("<line x1=\"" + number(left, 1) + "\" y1=\"" + number(height - bottom, 1) + "\" x2=\""
                + number(width - right, 1) + "\" y2=\"" + number(height - bottom, 1) + "\" stroke=\"#000000\"/>");
        h.raw("<text x=\"4\" y=\"" + number(yOf.applyAsDouble(max) + 4, 1) + "\" font-size=\"11\">")
                .text(number(max, 1)).raw("</text>");
        h.raw("<text x=\"4\" y=\"" + number(yOf.applyAsDouble(min) + 4, 1) + "\" font-size=\"11\">")
                .text(number(min, 1)).raw("</text>");
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double x = xOf.applyAsDouble(i);
            double y = yOf.applyAsDouble(p.getValue());
            h.raw("<circle cx=\"" + number(x, 1) + "\" cy=\"" + number(y, 1)
                    + "\" r=\"4\" fill=\"#0072b2\"><title>");
            h.text(p.getPeriod() + ": " + number(p.getValue(), 1) + " [" + number(p.getLow(), 1) + ", "
                    + number(p.getHigh(), 1) + "]");
            h.raw("</title></circle>");
            h.raw("<text x=\"" + number(x, 1) + "\" y=\"" + number(height - bottom + 16, 1)
                    + "\" font-size=\"11\" text-anchor=\"middle\">").text(p.getPeriod()).raw("</text>");
            h.raw("<text x=\"" + number(x, 1) + "\" y=\"" + number(y - 8, 1)
                    + "\" font-size=\"11\" text-anchor=\"middle\">").text(number(p.getValue(), 1)).raw("</text>");
        }
        h.raw("</svg>\n");
        h.element("figcaption", series.getName() + " per period; the band is the confidence interval.");
        h.raw("</figure>\n");
    }

    private static void funnel(Html h, List<FunnelStep> steps) {
        long first = Math.max(1, steps.get(0).getEntered());
        h.raw("<table class=\"funnel\">\n<caption>Funnel</caption>\n<thead><tr><th>Step</th><th>Entered</th>"
                + "<th>Went on</th><th>Conversion</th><th class=\"bar-cell\">Share of the first step</th></tr>"
                + "</thead>\n<tbody>\n");
        for (FunnelStep s : steps) {
            double share = Math.min(1.0, (double) s.getEntered() / first);
            h.raw("<tr>").element("th", s.getName()).element("td", Long.toString(s.getEntered()), "num")
                    .element("td", Long.toString(s.getConverted()), "num")
                    .element("td", number(s.getConversionRate() * 100, 1) + "%", "num")
                    .raw("<td class=\"bar-cell\"><span class=\"bar\" style=\"width:" + number(share * 100, 1)
                            + "%\"></span></td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static String kindLabel(MomentKind kind) {
        switch (kind) {
            case TOP:
                return "Top moment";
            case BRAND:
                return "Brand moment";
            case CUSTOMER:
                return "Customer moment";
            default:
                return "Superfluous moment";
        }
    }

    private static String ratingLabel(Rating rating) {
        return rating.name().charAt(0) + rating.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static String number(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(value * scale) / scale + 0.0;
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }

    private static String signed(double value, int decimals) {
        String n = number(value, decimals);
        return value > 0 && !n.matches("0\\.0*") ? "+" + n : n;
    }

    private static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{font-family:'DejaVu Sans',Verdana,Arial,Helvetica,sans-serif;color:#000;background:#fff;"
                    + "margin:0 auto;padding:16px 24px;max-width:1800px;line-height:1.4;font-size:14px}",
            "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid #0072b2}",
            "h3{font-size:16px;margin:0 0 4px}.meta{color:#333;margin:0 0 4px}",
            "blockquote{margin:6px 0;padding-left:10px;border-left:4px solid #cc79a7;font-style:italic}",
            ".card{border:1px solid #999;border-radius:6px;padding:10px 14px;margin:0 0 10px;background:#f2f2f2}",
            "dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:6px 0 0}",
            "dt{font-weight:bold}dd{margin:0}dd ul{margin:0;padding-left:18px}",
            ".map-frame{overflow-x:auto;border:1px solid #999;background:#fff}",
            ".map-frame svg{display:block}",
            "table{border-collapse:collapse;margin:8px 0 12px}caption{text-align:left;font-weight:bold;padding:4px 0}",
            "th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}",
            "thead th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}",
            ".note{font-style:italic;color:#333}.summary{font-weight:bold}",
            ".bar-cell{width:40%}.bar{display:block;height:12px;background:#0072b2;min-width:1px;"
                    + "print-color-adjust:exact;-webkit-print-color-adjust:exact}",
            "figure{margin:8px 0}figcaption{font-size:12px;color:#333}",
            "footer{margin-top:24px;font-size:12px;color:#333}",
            "@page{size:A4 landscape;margin:10mm}",
            "@media print{body{max-width:none;padding:0;font-size:10pt}",
            "  .map-frame{overflow:visible;border:none}",
            // Scaled to fit one A4 landscape page (190 mm high inside the margins) with the heading above it.
            "  .map-frame svg{max-width:100%;max-height:140mm;width:auto;height:auto}",
            "  h1{font-size:18pt}h2{font-size:13pt;margin:8px 0 4px}",
            "  section{break-inside:avoid;page-break-inside:avoid}",
            "  section.map{break-after:page;page-break-after:always}",
            "  h2{break-after:avoid;page-break-after:avoid}tr{break-inside:avoid;page-break-inside:avoid}",
            "  *{print-color-adjust:exact;-webkit-print-color-adjust:exact}}",
            "");
}
