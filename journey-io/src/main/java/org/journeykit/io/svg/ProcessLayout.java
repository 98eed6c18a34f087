package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

/**
 * The layered (Sugiyama) layout of a process map by the Eclipse Layout Kernel: nodes of given sizes and directed
 * edges in, node positions, orthogonal edge routes and edge-label positions out, left to right. This is the only
 * class that touches ELK's types.
 */
final class ProcessLayout {

    /** A node to place: its size in user units. */
    record Box(String key, double width, double height) {}

    /** An edge to route, with an optional label of the given size. */
    record Link(String from, String to, @Nullable String label, double labelWidth, double labelHeight) {}

    /** A placed node. */
    record Placed(double x, double y, double width, double height) {}

    /** A routed edge: its points from start to end, and its label's top left corner when it has one. */
    record Route(double[] points, double labelX, double labelY) {}

    /** The result: the drawing's size, each node's place and each link's route, in the order given. */
    record Result(double width, double height, Map<String, Placed> nodes, List<Route> routes) {

        /** The place of a node given to the layout; an unknown key is a caller's bug (IllegalArgumentException). */
        Placed node(String key) {
            Placed placed = nodes.get(key);
            if (placed == null) {
                throw new IllegalArgumentException("no node " + key + " was laid out");
            }
            return placed;
        }
    }

    private ProcessLayout() {}

    /** Registers ELK's option metadata once per class loader, as ELK needs outside Eclipse. */
    private static final class Registry {
        static final boolean READY = register();

        private static boolean register() {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            return true;
        }
    }

    static Result layout(List<Box> boxes, List<Link> links) {
        if (!Registry.READY) {
            throw new IllegalStateException("ELK's layout metadata is not registered");
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        // ELK's default of 7 crossing-minimisation sweeps for maps of ordinary size; one sweep for large ones,
        // which must be drawn within 2 s (200 activities, 2,000 edges) and are not read edge by edge anyway.
        root.setProperty(LayeredOptions.THOROUGHNESS, links.size() <= 100 ? 7 : 1);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Box box : boxes) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setDimensions(box.width(), box.height());
            nodes.put(box.key(), node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link link : links) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes.get(link.from()), nodes.get(link.to()));
            if (link.label() != null) {
                ElkLabel label = ElkGraphUtil.createLabel(link.label(), edge);
                label.setDimensions(link.labelWidth(), link.labelHeight());
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.add(edge);
        }
        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());
        Map<String, Placed> placed = new LinkedHashMap<>();
        nodes.forEach((key, node) -> placed.put(key, new Placed(node.getX(), node.getY(), node.getWidth(),
                node.getHeight())));
        List<Route> routes = new ArrayList<>();
        for (ElkEdge edge : edges) {
            List<Double> points = new ArrayList<>();
            // EMF's EList is in a module this one does not read; used through java.util.List only.
            List<ElkEdgeSection> sections = edge.getSections();
            for (ElkEdgeSection section : sections) {
                points.add(section.getStartX());
                points.add(section.getStartY());
                List<ElkBendPoint> bends = section.getBendPoints();
                for (ElkBendPoint bend : bends) {
                    points.add(bend.getX());
                    points.add(bend.getY());
                }
                points.add(section.getEndX());
                points.add(section.getEndY());
            }
            double[] xy = points.stream().mapToDouble(Double::doubleValue).toArray();
            double labelX = Double.NaN;
            double labelY = Double.NaN;
            List<ElkLabel> labels = edge.getLabels();
            if (!labels.isEmpty()) {
                labelX = labels.get(0).getX();
                labelY = labels.get(0).getY();
            }
            routes.add(new Route(xy, labelX, labelY));
        }
        return new Result(root.getWidth(), root.getHeight(), placed, routes);
    }
}
