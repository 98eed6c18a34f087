package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;

/**
 * What the picture tests add to journey-core's {@link SeedJourneys}: Sanne under another name (for escaping), a
 * long generated journey (for layout), and a model around any journeys.
 */
public final class Fixtures {

    private Fixtures() {}

    /**
     * The seed persona Sanne under another name.
     *
     * @param name the name, not null
     * @return {@link SeedJourneys#sanne()} with that name
     */
    public static Persona sanne(String name) {
        return SeedJourneys.sanne().withName(name);
    }

    /**
     * A journey of n touchpoints over the six standard phases, emotions -2..2 cycling, with long names.
     *
     * @param n the number of touchpoints, at least 1
     * @return the journey "long"
     */
    public static Journey longJourney(int n) {
        List<Phase> phases = Phase.standardPhases();
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            touchpoints.add(Touchpoint.builder().id("t" + i)
                    .name("Touchpoint number " + i + " with a rather long name that has to wrap or be shortened")
                    .phaseId(phases.get(i * phases.size() / n).getId()).channelId(i % 2 == 0 ? "email" : "phone")
                    .department(i % 3 == 0 ? "Sales" : "Support")
                    .emotion(EmotionScale.FIVE_POINT.emotion(i % 5 - 2)).build());
        }
        return Journey.builder().id("long").name("A long journey").addPersonaIds("sanne").phases(phases)
                .touchpoints(touchpoints).build();
    }

    /**
     * A model of the seed's personas and channels around other journeys.
     *
     * @param persona the persona in Sanne's place, not null
     * @param journeys the journeys, not null
     * @return the model titled "Seed journeys" with the persona, {@link SeedJourneys#mark()}, the standard channels
     *     and {@link SeedJourneys#IT_DESK}
     */
    public static JourneyModel model(Persona persona, Journey... journeys) {
        return JourneyModel.builder().title("Seed journeys").addPersonas(persona, SeedJourneys.mark())
                .addAllChannels(Channel.standardChannels()).addChannels(SeedJourneys.IT_DESK)
                .addJourneys(journeys).build();
    }
}
