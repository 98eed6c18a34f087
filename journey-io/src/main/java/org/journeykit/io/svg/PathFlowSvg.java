package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;

/**
 * Draws the top variants of a {@link PathResult} as a Sankey-style flow, step by step from left to right: a node
 * per step name and position, as tall as the journeys passing through it, bands between consecutive steps as wide
 * as the journeys taking them, and a band into an "end" node where variants end (or into "continues" where a
 * variant is longer than the steps drawn). All other variants form the "other variants" node in the first column,
 * on the same scale, so the picture shows how much of the traffic the top variants cover.
 *
 * <p>A node's name and count are written beside it when the node is tall enough for a line of text, so labels never
 * overlap; every node and band has a {@code <title>} with its full name and count. Nodes carry {@code class="node"}
 * with {@code data-column}, {@code data-step} and {@code data-count}; bands carry {@code class="flow"} with
 * {@code data-from}, {@code data-to} and {@code data-count}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PathFlowSvg extends Chart<PathResult> {

    /** The number of variants drawn unless set. */
    public static final int DEFAULT_VARIANTS = 8;
    /** The number of steps drawn unless set. */
    public static final int DEFAULT_STEPS = 6;

    static final String END = "end";
    static final String CONTINUES = "continues";
    static final String OTHER = "other variants";

    private static final double FLOW_WIDTH = 960;
    private static final double TOP = 70;
    private static final double PLOT_HEIGHT = 380;
    private static final double NODE_WIDTH = 10;
    private static final double GAP = 10;
    private static final double LABEL_ROOM = 130;

    private final int variants;
    private final int steps;

    private PathFlowSvg(Palette palette, int variants, int steps) {
        super(palette);
        this.variants = variants;
        this.steps = steps;
    }

    /**
     * A flow of the top {@value #DEFAULT_VARIANTS} variants over at most {@value #DEFAULT_STEPS} steps, in the
     * {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static PathFlowSvg withDefaults() {
        return new PathFlowSvg(Palette.okabeIto(), DEFAULT_VARIANTS, DEFAULT_STEPS);
    }

    /**
     * A flow with chosen limits.
     *
     * @param palette the palette, not null
     * @param variants how many of the most frequent variants to draw, 1 to 30
     * @param steps how many steps of each variant to draw, 2 to 12
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     * @throws PictureException if a limit is out of range
     */
    public static PathFlowSvg of(Palette palette, int variants, int steps) {
        if (variants < 1 || variants > 30) {
            throw new PictureException("PathFlowSvg variants is " + variants + ", expected 1 to 30");
        }
        if (steps < 2 || steps > 12) {
            throw new PictureException("PathFlowSvg steps is " + steps + ", expected 2 to 12");
        }
        return new PathFlowSvg(palette, variants, steps);
    }

    /** A node: a step name at a column. */
    private static final class Node {
        final int column;
        final String name;
        final boolean terminal;
        long count;
        double y;
        double inOffset;
        double outOffset;

        Node(int column, String name, boolean terminal) {
            this.column = column;
            this.name = name;
            this.terminal = terminal;
        }
    }

    /** A band between two nodes. */
    private static final class Flow {
        final Node from;
        final Node to;
        long count;

        Flow(Node from, Node to) {
            this.from = from;
            this.to = to;
        }
    }

    @Override
    void draw(PathResult result, Canvas canvas) {
        List<Variant> top = result.variants().subList(0, Math.min(variants, result.variants().size()));
        long covered = 0;
        int columns = 1;
        for (Variant v : top) {
            covered += v.count();
            columns = Math.max(columns, Math.min(steps, v.steps().size()) + 1);
        }
        long other = Math.max(0, result.journeyCount() - covered);
        int otherVariants = result.variants().size() - top.size();
        List<Map<String, Node>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new LinkedHashMap<>());
        }
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Variant v : top) {
            List<String> path = v.steps();
            int drawn = Math.min(steps, path.size());
            Node previous = null;
            for (int c = 0; c <= drawn; c++) {
                boolean terminal = c == drawn;
                String name = !terminal ? path.get(c) : path.size() > drawn ? CONTINUES : END;
                final int column = c;
                Node node = byColumn.get(c).computeIfAbsent((terminal ? "\u0000" : "") + name,
                        key -> new Node(column, name, terminal));
                node.count += v.count();
                if (previous != null) {
                    Node from = previous;
                    flows.computeIfAbsent(from.column + "\u0000" + from.name + "\u0000" + node.terminal + node.name,
                            key -> new Flow(from, node)).count += v.count();
                }
                previous = node;
            }
        }
        Node otherNode = new Node(0, OTHER, true);
        otherNode.count = other;
        if (other > 0) {
            byColumn.get(0).put("\u0001other", otherNode);
        }
        int most = 1;
        for (Map<String, Node> column : byColumn) {
            most = Math.max(most, column.size());
        }
        double scale = (PLOT_HEIGHT - (most - 1) * GAP) / Math.max(1, result.journeyCount());
        double columnGap = (FLOW_WIDTH - 2 * MARGIN - LABEL_ROOM - NODE_WIDTH) / Math.max(1, columns - 1);
        List<List<Node>> ordered = new ArrayList<>();
        for (Map<String, Node> column : byColumn) {
            List<Node> nodes = new ArrayList<>(column.values());
            nodes.sort(Comparator.comparing((Node n) -> n.terminal).thenComparing(n -> -n.count)
                    .thenComparing(n -> n.name));
            double y = TOP;
            for (Node n : nodes) {
                n.y = y;
                y += n.count * scale + GAP;
            }
            ordered.add(nodes);
        }
        StringBuilder d = new StringBuilder("Top ").append(top.size()).append(" of ").append(result.variants().size())
                .append(" variants, covering ").append(covered).append(" of ").append(result.journeyCount())
                .append(" journeys:");
        for (Variant v : top) {
            d.append(' ').append(String.join(" > ", v.steps())).append(' ').append(v.count()).append(';');
        }
        double height = TOP + PLOT_HEIGHT + 40;
        canvas.open("path-flow", idPrefix("paths", d.toString()), FLOW_WIDTH, height, "Paths: the top variants",
                d.toString());
        heading(canvas, "Paths: the " + top.size() + " most frequent variants cover " + Canvas.count(covered)
                + " of " + Canvas.count(result.journeyCount()) + " journeys (" + Canvas.percent((double) covered
                        / result.journeyCount()) + ")", FLOW_WIDTH);
        subheading(canvas, "Left to right, step by step; band width = journeys. "
                + (otherVariants > 0 ? Canvas.count(otherVariants) + " other variants are gathered in \"" + OTHER
                        + "\"." : "Every variant is drawn."), FLOW_WIDTH);
        Xml xml = canvas.xml;
        List<Flow> sortedFlows = new ArrayList<>(flows.values());
        sortedFlows.sort(Comparator.comparingInt((Flow f) -> f.from.column).thenComparingDouble(f -> f.from.y)
                .thenComparingDouble(f -> f.to.y));
        xml.start("g", "class", "flows").newline();
        for (Flow f : sortedFlows) {
            double w = f.count * scale;
            double x0 = MARGIN + f.from.column * columnGap + NODE_WIDTH;
            double x1 = MARGIN + f.to.column * columnGap;
            double y0 = f.from.y + f.from.outOffset;
            double y1 = f.to.y + f.to.inOffset;
            f.from.outOffset += w;
            f.to.inOffset += w;
            double xm = (x0 + x1) / 2;
            String path = "M" + Xml.number(x0) + " " + Xml.number(y0) + "C" + Xml.number(xm) + " " + Xml.number(y0)
                    + " " + Xml.number(xm) + " " + Xml.number(y1) + " " + Xml.number(x1) + " " + Xml.number(y1)
                    + "L" + Xml.number(x1) + " " + Xml.number(y1 + w) + "C" + Xml.number(xm) + " "
                    + Xml.number(y1 + w) + " " + Xml.number(xm) + " " + Xml.number(y0 + w) + " " + Xml.number(x0)
                    + " " + Xml.number(y0 + w) + "Z";
            xml.start("path", "class", "flow", "data-from", f.from.name, "data-to", f.to.name,
                    "data-count", f.count, "d", path,
                    "fill", canvas.colour(f.to.terminal ? Role.GRID : Role.CURRENT_CURVE), "fill-opacity", "0.35");
            xml.element("title", f.from.name + " \u2192 " + f.to.name + ": " + Canvas.count(f.count) + " journeys");
            xml.end().newline();
        }
        xml.end().newline();
        xml.start("g", "class", "nodes").newline();
        for (List<Node> column : ordered) {
            for (Node n : column) {
                double x = MARGIN + n.column * columnGap;
                double h = Math.max(1, n.count * scale);
                boolean isOther = n == otherNode;
                xml.start("g", "class", "node" + (isOther ? " other" : n.terminal ? " terminal" : ""),
                        "data-column", n.column, "data-step", n.name, "data-count", n.count);
                xml.element("title", n.name + ": " + Canvas.count(n.count) + " journeys"
                        + (isOther ? " in " + Canvas.count(otherVariants) + " variants" : ""));
                xml.empty("rect", "x", x, "y", n.y, "width", NODE_WIDTH, "height", h,
                        "fill", canvas.colour(n.terminal ? Role.GRID : Role.CURRENT_CURVE),
                        "stroke", n.terminal ? canvas.ink() : null, "stroke-width", n.terminal ? 0.5 : null);
                if (h >= Canvas.LINE - 1 || n.y + h + GAP >= TOP + PLOT_HEIGHT) {
                    double room = n.column == columns - 1 ? LABEL_ROOM : columnGap - NODE_WIDTH - 8;
                    String text = n.name + " " + Canvas.count(n.count);
                    // A light box behind the label keeps it readable over the bands it crosses.
                    double textWidth = Math.min(room, Canvas.shorten(text, TextFit.charsFor(room, 10)).length()
                            * 10 * TextFit.CHAR_WIDTH + 6);
                    double baseline = n.y + Math.min(h, 24) / 2 + 4;
                    xml.start("g", "class", "label");
                    xml.empty("rect", "x", x + NODE_WIDTH + 2, "y", baseline - 10, "width", textWidth,
                            "height", 13.0, "rx", 2.0, "fill", canvas.colour(Role.BACKGROUND), "fill-opacity",
                            "0.85");
                    canvas.label(text, x + NODE_WIDTH + 4, baseline, room, 10, "start", n.terminal ? null : "bold",
                            null);
                    xml.end();
                }
                xml.end().newline();
            }
        }
        xml.end().newline();
        canvas.close();
    }
}
