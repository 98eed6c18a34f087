package org.journeykit.examples.bench.io;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;

/** Deterministic benchmark data: a large journey model and interaction events. */
public final class IoData {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private IoData() {}

    /**
     * A model of the given size, the same for the same arguments.
     *
     * @param journeys the number of journeys
     * @param touchpoints the touchpoints per journey
     * @return the model
     */
    public static JourneyModel model(int journeys, int touchpoints) {
        SplittableRandom random = new SplittableRandom(4L);
        List<Channel> channels = Channel.standardChannels();
        JourneyModel.Builder model = JourneyModel.builder().title("Benchmark model").addAllChannels(channels);
        for (int p = 0; p < 10; p++) {
            model.addPersonas(Persona.builder().id("persona-" + p).name("Persona " + p).addGoals("Goal " + p)
                    .addPreferredChannelIds(channels.get(p % channels.size()).getId()).build());
        }
        List<Phase> phases = Phase.standardPhases();
        for (int j = 0; j < journeys; j++) {
            List<Touchpoint> list = new ArrayList<>(touchpoints);
            for (int t = 0; t < touchpoints; t++) {
                Touchpoint.Builder touchpoint = Touchpoint.builder().id("t-" + t).name("Touchpoint " + t)
                        .phaseId(phases.get(t * phases.size() / touchpoints).getId())
                        .channelId(channels.get(random.nextInt(channels.size())).getId())
                        .customerAction("The customer does step " + t).department("Department " + (t % 7))
                        .emotion(EmotionScale.FIVE_POINT.emotion(random.nextInt(-4, 5) / 2.0))
                        .momentKind(MomentKind.values()[random.nextInt(4)])
                        .rating(Rating.values()[random.nextInt(3)]).momentOfTruth(t % 10 == 0)
                        .expectedDuration(Duration.ofMinutes(1 + random.nextInt(60)));
                if (t % 5 == 0) {
                    touchpoint.addPainPoints(PainPoint.of("pain-" + t, "Waiting at step " + t, 1 + random.nextInt(5)))
                            .addOpportunities(Opportunity.builder().id("opp-" + t).description("Inform at " + t)
                                    .impact(1 + random.nextInt(5)).effort(1 + random.nextInt(5))
                                    .addAddresses("pain-" + t).build());
                }
                list.add(touchpoint.build());
            }
            model.addJourneys(Journey.builder().id("journey-" + j).name("Journey " + j)
                    .addPersonaIds("persona-" + (j % 10)).scenario("Scenario " + j).addAllPhases(phases)
                    .addAllTouchpoints(list).build());
        }
        return model.build();
    }

    /**
     * The i-th interaction event of a deterministic stream.
     *
     * @param i the index, at least 0
     * @return the event
     */
    public static InteractionEvent event(long i) {
        int h = (int) (i * 0x9E3779B9L >>> 7);
        InteractionEvent.Builder event = InteractionEvent.builder().customerId("customer-" + (h & 0xFFFFF))
                .time(START.plusSeconds(i)).touchpointId("touchpoint-" + (h >>> 3 & 63))
                .channelId(Channel.standardChannels().get((h >>> 9 & 0xFFFF) % 11).getId())
                .outcome(Outcome.values()[(h >>> 12 & 0xFF) % 3]);
        if ((h & 3) == 0) {
            event.duration(Duration.ofSeconds(h >>> 20 & 1023));
        }
        return event.build();
    }
}
