package org.journeykit.io.mermaid;

import java.time.Duration;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;

/** A small model whose texts hold every character the writers must escape. */
public final class Fixture {

    private Fixture() {}

    /**
     * The model: one persona, a three-phase journey with four touchpoints.
     *
     * @return the model
     */
    public static JourneyModel model() {
        Journey journey = Journey.builder().id("laptop-request").name("Laptop request: \"new\" <fast> & easy")
                .addPersonaId("eva").emotionScale(EmotionScale.FIVE_POINT)
                .addPhase(Phase.of("orientation", "Orientation; look #1"))
                .addPhase(Phase.of("purchase", "Purchase"))
                .addPhase(Phase.of("support", "Support"))
                .addTouchpoint(Touchpoint.builder().id("search").name("Search the portal").phaseId("orientation")
                        .channelId("website").customerAction("Types \"laptop\" <enter>\nand waits")
                        .emotion(EmotionScale.FIVE_POINT.emotion(-1)).build())
                .addTouchpoint(Touchpoint.builder().id("order-form").name("Order form: step 1").phaseId("purchase")
                        .channelId("website").department("IT, Procurement").emotion(EmotionScale.FIVE_POINT
                                .emotion(2)).expectedDuration(Duration.ofMinutes(5)).build())
                .addTouchpoint(Touchpoint.builder().id("approval").name("Manager approval").phaseId("purchase")
                        .department("Management").emotion(EmotionScale.FIVE_POINT.emotion(-2)).build())
                .addTouchpoint(Touchpoint.builder().id("delivery-call").name("Delivery call").phaseId("purchase")
                        .channelId("phone").build())
                .build();
        return JourneyModel.builder().title("Fixture")
                .addPersona(Persona.of("eva", "Eva, the engineer"))
                .addChannel(Channel.WEBSITE).addChannel(Channel.PHONE)
                .addJourney(journey).build();
    }
}
