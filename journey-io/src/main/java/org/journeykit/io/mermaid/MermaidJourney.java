package org.journeykit.io.mermaid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;

/**
 * Writes a journey as a Mermaid {@code journey} diagram, for Markdown that GitHub, GitLab and most wikis render:
 * {@code title} is the journey's name, one {@code section} per phase in the journey's order (phases without
 * touchpoints included), one task per touchpoint in timeline order.
 *
 * <p>Each task's score is the touchpoint's emotion mapped onto Mermaid's 1 to 5: the emotion normalised onto
 * [-1, 1] by its scale ({@link org.journeykit.model.Emotion#getNormalised()}), then {@code 1 + round(2 * (n + 1))}
 * with halves rounded up: -1 gives 1, -0.5 gives 2, 0 gives 3, 0.5 gives 4, 1 gives 5. A touchpoint without an
 * emotion scores 3 (neutral). The actors of a task are the journey's personas (by name, from the model) and the
 * touchpoint's department.
 *
 * <p>Mermaid's journey grammar ends a name at {@code :}, {@code ;}, {@code #} and a line break, and an actor at
 * {@code ,}; these are written as the look-alikes U+2236, U+204F, U+FF03 and U+201A, line breaks and other control
 * characters as spaces, so every text stays one token. Lost: descriptions, channels, pain points, opportunities,
 * ratings, durations and the emotion's exact value.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MermaidJourney {

    private MermaidJourney() {}

    /**
     * The Mermaid diagram of a journey of a model, with its personas as actors.
     *
     * @param model the model; not null
     * @param journeyId the journey's id; not null
     * @return the diagram text, lines ending in {@code \n}; not null
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the model has no journey with that id
     */
    public static String render(JourneyModel model, String journeyId) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journeyId, "journeyId");
        Journey journey = model.findJourney(journeyId).orElseThrow(() -> new IllegalArgumentException(
                "the model has no journey '" + journeyId + "'"));
        List<String> personas = new ArrayList<>();
        for (String id : journey.getPersonaIds()) {
            personas.add(model.findPersona(id).map(Persona::getName).orElse(id));
        }
        return render(journey, personas);
    }

    /**
     * The Mermaid diagram of a journey, with the given persona names as actors.
     *
     * @param journey the journey; not null
     * @param personas the persona names put on every task, in order; not null, possibly empty
     * @return the diagram text, lines ending in {@code \n}; not null
     * @throws NullPointerException if an argument or element is null
     */
    public static String render(Journey journey, List<String> personas) {
        Objects.requireNonNull(journey, "journey");
        List<String> actors = List.copyOf(personas);
        StringBuilder out = new StringBuilder("journey\n");
        out.append("    title ").append(text(journey.getName(), false)).append('\n');
        for (Phase phase : journey.getPhases()) {
            out.append("    section ").append(text(phase.getName(), false)).append('\n');
            for (Touchpoint touchpoint : journey.touchpointsIn(phase.getId())) {
                out.append("      ").append(text(touchpoint.getName(), false)).append(": ").append(score(touchpoint));
                List<String> names = new ArrayList<>();
                for (String actor : actors) {
                    names.add(text(actor, true));
                }
                touchpoint.getDepartment().ifPresent(department -> names.add(text(department, true)));
                names.removeIf(String::isEmpty);
                if (!names.isEmpty()) {
                    out.append(": ").append(String.join(", ", names));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The Mermaid score of a touchpoint, as documented on the class.
     *
     * @param touchpoint the touchpoint; not null
     * @return the score, 1 to 5
     * @throws NullPointerException if touchpoint is null
     */
    public static int score(Touchpoint touchpoint) {
        if (touchpoint.getEmotion().isEmpty()) {
            return 3;
        }
        double normalised = touchpoint.getEmotion().get().getNormalised();
        if (Double.isNaN(normalised)) {
            return 3;
        }
        long score = 1 + Math.round(2 * (normalised + 1));
        return (int) Math.max(1, Math.min(5, score));
    }

    private static String text(String text, boolean actor) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                out.append('\u2236');
            } else if (c == ';') {
                out.append('\u204F');
            } else if (c == '#') {
                out.append('\uFF03');
            } else if (c == ',' && actor) {
                out.append('\u201A');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
