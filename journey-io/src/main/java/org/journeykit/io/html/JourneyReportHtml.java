package org.journeykit.io.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.journeykit.io.svg.JourneyMapSvg;
import org.journeykit.io.svg.PictureException;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;

/**
 * Writes a journey report as one self-contained HTML file: inline CSS and inline SVG, no scripts, no fonts, images
 * or style sheets fetched from anywhere, so the file can be mailed, archived or opened offline.
 *
 * <p>The report is composed of the {@link ReportSection}s the caller chooses, in the order chosen, under a header
 * with the journey's name, state and scenario and a list of the sections: the sections made from the model
 * ({@link ReportSection#fromModel()}: the journey map drawn by {@link JourneyMapSvg} with this writer's
 * {@link SvgOptions}, the persona, the comparison with a future journey, the contact moments, the gaps) and the
 * sections made from the library's own results (scores, the NPS distribution, trends, funnel, paths, process map,
 * retention, attribution, conformance), each drawn by the picture of the {@code org.journeykit.io.svg} package. A
 * section without data says so. The page prints on A4 landscape: the map and the pictures are scaled to the page
 * and sections are not split across pages where avoidable.
 *
 * <p>All text from the model and the results is escaped: a persona named {@code <script>} is printed as text. The
 * output is deterministic.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JourneyReportHtml {

    private final SvgOptions svgOptions;

    private JourneyReportHtml(SvgOptions svgOptions) {
        this.svgOptions = svgOptions;
    }

    /**
     * A writer that draws the map (and takes the palette of every picture) from the given options.
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
     * The options of the map and the palette of the pictures.
     *
     * @return the options, not null
     */
    public SvgOptions getSvgOptions() {
        return svgOptions;
    }

    /**
     * Writes the report of a journey as a string.
     *
     * @param model the model holding the journey, personas and channels; not null
     * @param journeyId the id of the journey, not null
     * @param sections the sections in the order to show, not null, no null element; may be empty (a header only)
     * @return the HTML document, not null
     * @throws NullPointerException if an argument or a section is null
     * @throws PictureException if the model has no such journey, or a picture cannot be drawn (the map with the
     *     options, or the process map without the Eclipse Layout Kernel; see {@link
     *     org.journeykit.io.svg.ProcessMapSvg})
     */
    public String render(JourneyModel model, String journeyId, List<ReportSection> sections) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(sections, "sections");
        sections.forEach(s -> Objects.requireNonNull(s, "sections element"));
        Journey journey = model.findJourney(journeyId).orElseThrow(() -> new PictureException("journeyId is '"
                + journeyId + "', expected the id of one of the model's journeys "
                + model.getJourneys().stream().map(Journey::getId).toList()));
        ReportContext context = new ReportContext(model, journey, svgOptions);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"JourneyKit\">\n")
                .element("title", "Journey report: " + journey.getName()).raw("\n<style>\n").raw(CSS)
                .raw("</style>\n</head>\n<body>\n<header>\n")
                .element("h1", journey.getName())
                .raw("<p class=\"meta\">")
                .text(journey.getState() == JourneyState.FUTURE ? "Future journey" : "Current journey")
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
        if (sections.size() > 1) {
            h.raw("<nav aria-label=\"Sections\"><ol>\n");
            for (int i = 0; i < sections.size(); i++) {
                h.raw("<li><a href=\"#" + id(i, sections.get(i)) + "\">").text(sections.get(i).heading())
                        .raw("</a></li>\n");
            }
            h.raw("</ol></nav>\n");
        }
        h.raw("</header>\n");
        for (int i = 0; i < sections.size(); i++) {
            ReportSection section = sections.get(i);
            String kind = section.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            h.raw("<section class=\"" + kind + "\" id=\"" + id(i, section) + "\">\n")
                    .element("h2", section.heading());
            section.renderer().render(context, h);
            h.raw("</section>\n");
        }
        h.raw("<footer>Made with JourneyKit. This file is self-contained: it loads nothing from elsewhere.</footer>\n")
                .raw("</body>\n</html>\n");
        return h.toString();
    }

    private static String id(int index, ReportSection section) {
        return "s" + (index + 1) + "-" + section.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Writes the report of {@link #render(JourneyModel, String, List)}; the writer is not closed.
     *
     * @param model the model, not null
     * @param journeyId the id of the journey, not null
     * @param sections the sections in the order to show, not null
     * @param out where to write, encoded as UTF-8 by the caller (the page declares UTF-8); not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException as {@link #render(JourneyModel, String, List)}
     * @throws IOException if writing fails
     */
    public void write(JourneyModel model, String journeyId, List<ReportSection> sections, Writer out)
            throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(render(model, journeyId, sections));
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
            "figure.chart{margin:8px 0;overflow-x:auto}figure.chart svg{display:block;max-width:100%;height:auto}",
            "nav ol{columns:3;margin:4px 0 0;padding-left:20px}nav a{color:#0072b2}",
            "footer{margin-top:24px;font-size:12px;color:#333}",
            "@page{size:A4 landscape;margin:10mm}",
            "@media print{body{max-width:none;padding:0;font-size:10pt}",
            "  .map-frame{overflow:visible;border:none}",
            // Scaled to fit one A4 landscape page (190 mm high inside the margins) with the heading above it.
            "  .map-frame svg{max-width:100%;max-height:140mm;width:auto;height:auto}",
            "  figure.chart{overflow:visible}figure.chart svg{max-height:170mm;width:auto}nav{display:none}",
            "  h1{font-size:18pt}h2{font-size:13pt;margin:8px 0 4px}",
            "  section{break-inside:avoid;page-break-inside:avoid}",
            "  section.map{break-after:page;page-break-after:always}",
            "  h2{break-after:avoid;page-break-after:avoid}tr{break-inside:avoid;page-break-inside:avoid}",
            "  *{print-color-adjust:exact;-webkit-print-color-adjust:exact}}",
            "");
}
