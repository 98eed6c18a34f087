package org.journeykit.io.svg;

import java.util.List;
import java.util.Optional;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gap;
import org.journeykit.analysis.Gaps;
import org.journeykit.model.Channel;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.jspecify.annotations.Nullable;

/** What the parts of one journey map share: the model, the journey and its analyses, the layout and the canvas. */
final class MapScene {

    final JourneyModel model;
    final Journey journey;
    final @Nullable Journey comparison;
    final SvgOptions options;
    final Canvas canvas;
    final Xml xml;
    final EmotionCurve curve;
    final List<Gap> gaps;
    final MapLayout layout;

    MapScene(JourneyModel model, Journey journey, @Nullable Journey comparison, SvgOptions options,
            StringBuilder out) {
        this.model = model;
        this.journey = journey;
        this.comparison = comparison;
        this.options = options;
        this.canvas = new Canvas(out, options.getPalette());
        this.xml = canvas.xml;
        this.curve = EmotionCurve.of(journey);
        this.gaps = Gaps.of(journey);
        this.layout = new MapLayout(journey, curve, options);
    }

    String ink() {
        return canvas.ink();
    }

    String channelName(String id) {
        return model.findChannel(id).map(Channel::getName).orElse(id);
    }

    /** The first persona of the journey that the model has. */
    Optional<Persona> persona() {
        for (String id : journey.getPersonaIds()) {
            Optional<Persona> persona = model.findPersona(id);
            if (persona.isPresent()) {
                return persona;
            }
        }
        return Optional.empty();
    }
}
