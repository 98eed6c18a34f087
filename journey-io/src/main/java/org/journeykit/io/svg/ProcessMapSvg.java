package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathResult;

/**
 * Draws the directly-follows graph of a {@link PathResult} as a process map: a box per activity with how many
 * journeys start and end there, a "start" and an "end" node, an arrow per edge (and from start, and to end) as thick
 * as its count is high relative to the highest, laid out left to right in layers by the Eclipse Layout Kernel's
 * layered algorithm, which also routes the edges orthogonally and places their count labels where they overlap
 * nothing.
 *
 * <p>Large graphs: ELK's layered layout grows much faster than linearly with the edges, so only the
 * {@value #LAID_OUT_EDGES} edges that matter most take part in the layout and are routed: every activity's most
 * frequent outgoing and incoming edges first, then the others by count. The remaining edges are drawn as thin
 * straight connectors over the layout ({@code class="edge extra"}), and a note says how many. Count labels are drawn
 * on the laid-out edges while there are at most {@value #LABELLED_EDGES}; every edge has its count in its
 * {@code <title>}. A graph of 200 activities and 2,000 edges is laid out and drawn in about half a second once ELK
 * is loaded.
 *
 * <p>ELK is a dependency of journey-io that its module descriptor requires statically, so that an application
 * linked with jlink (which refuses ELK's automatic modules) can use every other picture; there, and on a module path
 * without {@code --add-modules org.eclipse.elk.alg.layered}, drawing a process map throws a
 * {@link PictureException} that says so.
 *
 * <p>Activities carry {@code class="node activity"} with {@code data-activity} and {@code data-count}; edges
 * {@code class="edge"} with {@code data-from}, {@code data-to} and {@code data-count}; start and end arcs
 * {@code class="edge start"} and {@code class="edge end"}. The picture is as wide and tall as the layout needs.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ProcessMapSvg extends Chart<PathResult> {

    /** The most edges (start and end arcs included) that take part in the layout. */
    public static final int LAID_OUT_EDGES = 200;
    /** Edge count labels are placed by the layout while at most this many edges are laid out. */
    public static final int LABELLED_EDGES = 80;

    static final String START = "\u0000start";
    static final String END = "\u0000end";

    private static final double TOP = 64;
    private static final double BOX_HEIGHT = 44;
    private static final double TERMINAL = 34;

    private ProcessMapSvg(Palette palette) {
        super(palette);
    }

    /**
     * A process map in the {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static ProcessMapSvg withDefaults() {
        return new ProcessMapSvg(Palette.okabeIto());
    }

    /**
     * A process map in a palette: activities outlined in {@link Role#INK}, edges in {@link Role#CURRENT_CURVE}.
     *
     * @param palette the palette, not null
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     */
    public static ProcessMapSvg of(Palette palette) {
        return new ProcessMapSvg(palette);
    }

    /** An arc of the map: a DFG edge, or an arc from start or to end. */
    private record Arc(String from, String to, long count) {}

    /** The module of ELK's layered algorithm. */
    static final String LAYOUT_MODULE = "org.eclipse.elk.alg.layered";

    /**
     * Refuses to draw when journey-io runs as a named module and ELK was not resolved beside it: journey-io requires
     * ELK statically (see its module-info), so a jlinked or module-path application that did not add ELK has none.
     */
    static void checkLayoutAvailable() {
        Module self = ProcessMapSvg.class.getModule();
        ModuleLayer layer = self.getLayer();
        if (self.isNamed() && layer != null && layer.findModule(LAYOUT_MODULE).isEmpty()) {
            throw new PictureException("The process map needs the Eclipse Layout Kernel, module " + LAYOUT_MODULE
                    + ", which is not in this application's module graph: put ELK's jars (org.eclipse.elk:"
                    + LAYOUT_MODULE + " and its dependencies, as journey-io's pom declares) on the module path and "
                    + "add --add-modules " + LAYOUT_MODULE + ", or run on the class path");
        }
    }

    @Override
    void draw(PathResult result, Canvas canvas) {
        checkLayoutAvailable();
        Set<String> activities = new TreeSet<>();
        Map<String, Long> visits = new LinkedHashMap<>();
        for (Edge e : result.edges()) {
            activities.add(e.from());
            activities.add(e.to());
        }
        activities.addAll(result.startCounts().keySet());
        activities.addAll(result.endCounts().keySet());
        for (String a : activities) {
            visits.put(a, 0L);
        }
        for (Edge e : result.edges()) {
            visits.merge(e.to(), e.count(), Long::sum);
        }
        result.startCounts().forEach((a, n) -> visits.merge(a, n, Long::sum));
        List<Arc> arcs = new ArrayList<>();
        result.startCounts().forEach((a, n) -> arcs.add(new Arc(START, a, n)));
        for (Edge e : result.edges()) {
            arcs.add(new Arc(e.from(), e.to(), e.count()));
        }
        result.endCounts().forEach((a, n) -> arcs.add(new Arc(a, END, n)));
        List<Arc> laidOut = choose(arcs);
        Set<Arc> routed = new HashSet<>(laidOut);
        long max = 1;
        for (Arc arc : arcs) {
            max = Math.max(max, arc.count());
        }
        boolean labels = laidOut.size() <= LABELLED_EDGES;
        List<ProcessLayout.Box> boxes = new ArrayList<>();
        boxes.add(new ProcessLayout.Box(START, TERMINAL, TERMINAL));
        Map<String, Double> widths = new LinkedHashMap<>();
        for (String a : activities) {
            double w = Math.max(96, Math.min(176, a.length() * 6.6 + 20));
            widths.put(a, w);
            boxes.add(new ProcessLayout.Box(a, w, BOX_HEIGHT));
        }
        boxes.add(new ProcessLayout.Box(END, TERMINAL, TERMINAL));
        List<ProcessLayout.Link> links = new ArrayList<>();
        for (Arc arc : laidOut) {
            String text = Canvas.count(arc.count());
            links.add(new ProcessLayout.Link(arc.from(), arc.to(), labels ? text : null, text.length() * 6.2 + 4,
                    12));
        }
        ProcessLayout.Result layout = ProcessLayout.layout(boxes, links);
        double width = Math.max(WIDTH, layout.width() + 2 * MARGIN);
        double height = TOP + layout.height() + (arcs.size() > laidOut.size() ? 30 : 0) + MARGIN;
        StringBuilder d = new StringBuilder("Process map of ").append(result.journeyCount()).append(" journeys: ")
                .append(activities.size()).append(" activities, ").append(result.edges().size())
                .append(" directly-follows edges.");
        for (Arc arc : arcs.subList(0, Math.min(arcs.size(), 40))) {
            d.append(' ').append(name(arc.from())).append(" > ").append(name(arc.to())).append(' ')
                    .append(arc.count()).append(';');
        }
        String id = idPrefix("process", d.toString());
        canvas.open("process-map", id, width, height, "Process map", d.toString());
        Xml xml = canvas.xml;
        String edgeColour = canvas.colour(Role.CURRENT_CURVE);
        xml.start("defs");
        xml.start("marker", "id", id + "-arrow", "viewBox", "0 0 10 10", "refX", 9.0, "refY", 5.0,
                "markerWidth", 11.0, "markerHeight", 11.0, "markerUnits", "userSpaceOnUse", "orient", "auto");
        xml.empty("path", "d", "M0 1L10 5L0 9Z", "fill", edgeColour);
        xml.end();
        xml.start("marker", "id", id + "-arrow-extra", "viewBox", "0 0 10 10", "refX", 9.0, "refY", 5.0,
                "markerWidth", 7.0, "markerHeight", 7.0, "markerUnits", "userSpaceOnUse", "orient", "auto");
        xml.empty("path", "d", "M0 1L10 5L0 9Z", "fill", canvas.colour(Role.GRID));
        xml.end();
        xml.end().newline();
        heading(canvas, "Process map: " + activities.size() + " activities, " + Canvas.count(result.edges()
                .size()) + " transitions, " + Canvas.count(result.journeyCount()) + " journeys", width);
        subheading(canvas, "Arrow thickness: how often one activity directly followed the other. Laid out in layers "
                + "from start (left) to end (right).", width);
        double ox = MARGIN;
        double oy = TOP;
        xml.start("g", "class", "edges").newline();
        for (int i = 0; i < laidOut.size(); i++) {
            Arc arc = laidOut.get(i);
            ProcessLayout.Route route = layout.routes().get(i);
            double[] xy = route.points().clone();
            for (int k = 0; k < xy.length; k++) {
                xy[k] += k % 2 == 0 ? ox : oy;
            }
            double stroke = 1 + 7.0 * arc.count() / max;
            xml.start("g", "class", "edge" + kind(arc), "data-from", name(arc.from()), "data-to", name(arc.to()),
                    "data-count", arc.count());
            xml.element("title", name(arc.from()) + " \u2192 " + name(arc.to()) + ": " + Canvas.count(arc.count()));
            xml.empty("path", "d", Canvas.polyline(xy), "fill", "none", "stroke", edgeColour,
                    "stroke-width", stroke, "stroke-opacity", "0.75", "stroke-linejoin", "round",
                    "marker-end", "url(#" + id + "-arrow)");
            if (labels && !Double.isNaN(route.labelX())) {
                xml.element("text", Canvas.count(arc.count()), "x", route.labelX() + ox + 2,
                        "y", route.labelY() + oy + 10, "font-size", 10.0, "fill", canvas.ink(), "class", "count");
            }
            xml.end().newline();
        }
        for (Arc arc : arcs) {
            if (routed.contains(arc)) {
                continue;
            }
            ProcessLayout.Placed a = layout.node(arc.from());
            ProcessLayout.Placed b = layout.node(arc.to());
            double x1 = a.x() + a.width() + ox;
            double y1 = a.y() + a.height() / 2 + oy;
            double x2 = b.x() + ox;
            double y2 = b.y() + b.height() / 2 + oy;
            xml.start("g", "class", "edge extra" + kind(arc), "data-from", name(arc.from()), "data-to",
                    name(arc.to()), "data-count", arc.count());
            xml.element("title", name(arc.from()) + " \u2192 " + name(arc.to()) + ": " + Canvas.count(arc.count())
                    + " (not laid out)");
            xml.empty("path", "d", Canvas.polyline(x1, y1, x2, y2), "fill", "none", "stroke",
                    canvas.colour(Role.GRID), "stroke-width", 0.75, "stroke-opacity", "0.6",
                    "marker-end", "url(#" + id + "-arrow-extra)");
            xml.end().newline();
        }
        xml.end().newline();
        xml.start("g", "class", "nodes").newline();
        terminal(canvas, layout.node(START), ox, oy, "start", "Start", result.journeyCount());
        terminal(canvas, layout.node(END), ox, oy, "end", "End", result.journeyCount());
        // visits holds every activity, in the activities' (sorted) order.
        for (Map.Entry<String, Long> visited : visits.entrySet()) {
            String a = visited.getKey();
            ProcessLayout.Placed p = layout.node(a);
            double x = p.x() + ox;
            double y = p.y() + oy;
            long count = visited.getValue();
            xml.start("g", "class", "node activity", "data-activity", a, "data-count", count);
            xml.element("title", a + ": reached " + Canvas.count(count) + " times; "
                    + Canvas.count(result.startCounts().getOrDefault(a, 0L)) + " journeys start here, "
                    + Canvas.count(result.endCounts().getOrDefault(a, 0L)) + " end here");
            xml.empty("rect", "x", x, "y", y, "width", p.width(), "height", p.height(), "rx", 5.0,
                    "fill", canvas.colour(Role.PHASE_BAND), "stroke", canvas.ink(), "stroke-width", 1.0);
            canvas.label(a, x + p.width() / 2, y + 18, p.width() - 10, 11, "middle", "bold", null);
            xml.element("text", Canvas.count(count), "x", x + p.width() / 2, "y", y + 34, "text-anchor", "middle",
                    "font-size", 10.0, "fill", canvas.ink());
            xml.end().newline();
        }
        xml.end().newline();
        if (arcs.size() > laidOut.size()) {
            note(canvas, Canvas.count(arcs.size() - laidOut.size()) + " less frequent transitions are drawn as thin "
                    + "grey lines: only the " + laidOut.size() + " that matter most take part in the layout.",
                    MARGIN, height - MARGIN - 8, width - 2 * MARGIN);
        }
        canvas.close();
    }

    private static String kind(Arc arc) {
        return START.equals(arc.from()) ? " start" : END.equals(arc.to()) ? " end" : "";
    }

    private static String name(String node) {
        return START.equals(node) ? "start" : END.equals(node) ? "end" : node;
    }

    private static void terminal(Canvas canvas, ProcessLayout.Placed p, double ox, double oy, String kind,
            String text, long journeys) {
        Xml xml = canvas.xml;
        double cx = p.x() + p.width() / 2 + ox;
        double cy = p.y() + p.height() / 2 + oy;
        xml.start("g", "class", "node " + kind);
        xml.element("title", text + ": " + Canvas.count(journeys) + " journeys");
        xml.empty("circle", "cx", cx, "cy", cy, "r", p.width() / 2, "fill", canvas.colour(Role.BACKGROUND),
                "stroke", canvas.ink(), "stroke-width", "end".equals(kind) ? 3.0 : 1.5);
        xml.element("text", text, "x", cx, "y", cy + 4, "text-anchor", "middle", "font-size", 10.0,
                "font-weight", "bold", "fill", canvas.ink());
        xml.end().newline();
    }

    /**
     * The arcs that take part in the layout: all when they are few; otherwise each node's most frequent outgoing
     * arc, then each node's most frequent incoming arc, then the rest by count, up to {@link #LAID_OUT_EDGES}.
     */
    private static List<Arc> choose(List<Arc> arcs) {
        if (arcs.size() <= LAID_OUT_EDGES) {
            return arcs;
        }
        Comparator<Arc> byCount = Comparator.comparingLong(Arc::count).reversed().thenComparing(Arc::from)
                .thenComparing(Arc::to);
        List<Arc> sorted = new ArrayList<>(arcs);
        sorted.sort(byCount);
        Set<Arc> chosen = new java.util.LinkedHashSet<>();
        Set<String> hasOut = new HashSet<>();
        Set<String> hasIn = new HashSet<>();
        for (Arc arc : sorted) {
            if (chosen.size() < LAID_OUT_EDGES && hasOut.add(arc.from())) {
                chosen.add(arc);
            }
        }
        for (Arc arc : sorted) {
            if (chosen.size() < LAID_OUT_EDGES && hasIn.add(arc.to())) {
                chosen.add(arc);
            }
        }
        for (Arc arc : sorted) {
            if (chosen.size() < LAID_OUT_EDGES) {
                chosen.add(arc);
            }
        }
        List<Arc> inOrder = new ArrayList<>();
        for (Arc arc : arcs) {
            if (chosen.contains(arc)) {
                inOrder.add(arc);
            }
        }
        return inOrder;
    }
}
