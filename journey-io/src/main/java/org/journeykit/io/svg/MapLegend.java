package org.journeykit.io.svg;

import org.journeykit.io.svg.Palette.Role;

/**
 * The legend under a journey map: the curves (the journey's own, and the comparison's when drawn), the dip, the
 * hand-off and the moment-of-truth marks. Items wrap onto a second row rather than pass the right margin.
 */
final class MapLegend {

    private final MapScene scene;
    private final Xml xml;
    private final double start;
    private final double base;
    private final double right;
    private double cursor;
    private int row;

    MapLegend(MapScene scene, double legendTop) {
        this.scene = scene;
        this.xml = scene.xml;
        this.start = scene.layout.mapLeft - MapLayout.LABEL_WIDTH;
        this.base = legendTop;
        this.right = scene.layout.width - MapLayout.MARGIN;
        this.cursor = start;
    }

    void draw() {
        Canvas canvas = scene.canvas;
        String ink = scene.ink();
        double[] at = new double[2];
        xml.start("g", "class", "legend");
        item(at, 250);
        double x = at[0];
        double top = at[1];
        xml.empty("line", "x1", x, "y1", top + 8, "x2", x + 28, "y2", top + 8,
                "stroke", canvas.colour(Role.CURRENT_CURVE), "stroke-width", 2.5);
        xml.empty("circle", "cx", x + 14, "cy", top + 8, "r", 5.0, "fill", canvas.colour(Role.CURRENT_CURVE));
        String current = scene.comparison == null ? "emotion curve" : scene.journey.getName();
        canvas.label(current, x + 34, top + 12, 210, Canvas.FONT, "start", null, null);
        if (scene.comparison != null) {
            item(at, 250);
            x = at[0];
            top = at[1];
            xml.empty("line", "x1", x, "y1", top + 8, "x2", x + 28, "y2", top + 8,
                    "stroke", canvas.colour(Role.FUTURE_CURVE), "stroke-width", 2.5, "stroke-dasharray", "8 5");
            xml.empty("rect", "x", x + 9, "y", top + 3, "width", 10.0, "height", 10.0,
                    "fill", canvas.colour(Role.FUTURE_CURVE));
            canvas.label(scene.comparison.getName(), x + 34, top + 12, 210, Canvas.FONT, "start", null, null);
        }
        item(at, 60);
        x = at[0];
        top = at[1];
        xml.empty("path", "d", "M" + Xml.number(x) + " " + Xml.number(top + 3) + "L" + Xml.number(x + 12) + " "
                + Xml.number(top + 3) + "L" + Xml.number(x + 6) + " " + Xml.number(top + 12) + "Z",
                "fill", canvas.colour(Role.PAIN_POINT));
        xml.element("text", "dip", "x", x + 18, "y", top + 12, "fill", ink);
        item(at, 120);
        x = at[0];
        top = at[1];
        xml.empty("path", "d", "M" + Xml.number(x + 6) + " " + Xml.number(top + 1) + "L" + Xml.number(x + 12) + " "
                + Xml.number(top + 8) + "L" + Xml.number(x + 6) + " " + Xml.number(top + 15) + "L" + Xml.number(x)
                + " " + Xml.number(top + 8) + "Z", "fill", canvas.colour(Role.GAP));
        xml.element("text", "hand-off (gap)", "x", x + 18, "y", top + 12, "fill", ink);
        item(at, 130);
        x = at[0];
        top = at[1];
        canvas.star(x + 6, top + 8, 7);
        xml.element("text", "moment of truth", "x", x + 18, "y", top + 12, "fill", ink);
        xml.end().newline();
    }

    /**
     * Reserves room for an item of the given width: at[0], at[1] become the item's place, wrapping to a second row
     * when the item would pass the right margin.
     */
    private void item(double[] at, double itemWidth) {
        if (cursor + itemWidth > right && cursor > start) {
            cursor = start;
            row++;
        }
        at[0] = cursor;
        at[1] = base + row * 18;
        cursor += itemWidth;
    }
}
