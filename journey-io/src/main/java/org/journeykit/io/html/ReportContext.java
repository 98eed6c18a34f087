package org.journeykit.io.html;

import java.util.Optional;
import org.journeykit.io.svg.Palette;
import org.journeykit.io.svg.SvgOptions;
import org.journeykit.model.Channel;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Touchpoint;

/** What every section of one report reads: the model, the journey, the map's options and the palette. */
final class ReportContext {

    final JourneyModel model;
    final Journey journey;
    final SvgOptions svgOptions;
    final Palette palette;

    ReportContext(JourneyModel model, Journey journey, SvgOptions svgOptions) {
        this.model = model;
        this.journey = journey;
        this.svgOptions = svgOptions;
        this.palette = svgOptions.getPalette();
    }

    Optional<Journey> comparison() {
        return svgOptions.getComparisonJourneyId().flatMap(model::findJourney);
    }

    String channel(String id) {
        return model.findChannel(id).map(Channel::getName).orElse(id);
    }

    static String touchpointName(Journey journey, String touchpointId) {
        return journey.findTouchpoint(touchpointId).map(Touchpoint::getName).orElse(touchpointId);
    }
}
