package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.model.Persona;
import org.jspecify.annotations.Nullable;

/**
 * The persona card beside a journey map: name, job title, quote, goals, needs, frustrations and preferred
 * channels, each block cut to the card's height; the whole persona is the card's {@code <title>}.
 */
final class PersonaCard {

    private final MapScene scene;
    private final Canvas canvas;
    private final Xml xml;

    PersonaCard(MapScene scene) {
        this.scene = scene;
        this.canvas = scene.canvas;
        this.xml = scene.xml;
    }

    void draw(double top, double bottom) {
        double x = MapLayout.MARGIN;
        double w = MapLayout.CARD_WIDTH;
        String ink = scene.ink();
        xml.start("g", "class", "persona");
        xml.empty("rect", "x", x, "y", top, "width", w, "height", bottom - top, "rx", 6.0,
                "fill", canvas.colour(Role.PHASE_BAND), "stroke", ink, "stroke-width", 1.0);
        double cy = top + 20;
        double maxY = bottom - 8;
        xml.element("text", "Persona", "x", x + 10, "y", cy, "font-size", 12.0, "font-weight", "bold", "fill", ink);
        cy += 8;
        Optional<Persona> found = scene.persona();
        if (found.isEmpty()) {
            canvas.paragraph("No persona is linked to this journey.", x + 10, cy, w - 20, 2, "start", null);
            xml.end().newline();
            return;
        }
        Persona p = found.get();
        xml.start("title");
        xml.text(p.getName() + p.getDescription().map(d -> "\n" + d).orElse(""));
        xml.end();
        cy = block(p.getName(), x, cy, w, 2, "bold", maxY);
        if (p.getJobTitle().isPresent()) {
            cy = block(p.getJobTitle().get(), x, cy, w, 1, null, maxY);
        }
        if (p.getQuote().isPresent()) {
            cy = block("\u201c" + p.getQuote().get() + "\u201d", x, cy + 4, w, 3, null, maxY);
        }
        cy = list("Goals", p.getGoals(), x, cy, w, maxY);
        cy = list("Needs", p.getNeeds(), x, cy, w, maxY);
        cy = list("Frustrations", p.getFrustrations(), x, cy, w, maxY);
        List<String> channels = new ArrayList<>();
        for (String id : p.getPreferredChannelIds()) {
            channels.add(scene.channelName(id));
        }
        if (!channels.isEmpty()) {
            list("Prefers", List.of(String.join(", ", channels)), x, cy, w, maxY);
        }
        int more = scene.journey.getPersonaIds().size() - 1;
        if (more > 0 && maxY - 4 > cy) {
            xml.element("text", "+ " + more + " more persona" + (more == 1 ? "" : "s"), "x", x + 10,
                    "y", maxY - 4, "font-style", "italic", "fill", ink);
        }
        xml.end().newline();
    }

    private double block(String text, double x, double top, double w, int maxLines, @Nullable String weight,
            double maxY) {
        int fit = (int) Math.min(maxLines, Math.floor((maxY - top) / Canvas.LINE));
        if (fit <= 0) {
            return top;
        }
        int lines = canvas.paragraph(text, x + 10, top + 4, w - 20, fit, "start", weight);
        return top + 4 + lines * Canvas.LINE;
    }

    private double list(String heading, List<String> items, double x, double top, double w, double maxY) {
        if (items.isEmpty() || top + 2 * Canvas.LINE > maxY) {
            return top;
        }
        double cy = block(heading, x, top + 6, w, 1, "bold", maxY);
        for (String item : items) {
            cy = block("\u2022 " + item, x, cy, w, 2, null, maxY);
        }
        return cy;
    }
}
