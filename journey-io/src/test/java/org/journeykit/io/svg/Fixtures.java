package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;
import org.journeykit.model.Channel;
import org.journeykit.model.ChannelKind;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;

/**
 * Journeys for the picture tests, after journey-core's seed fixtures (seed articles 001 and 004).
 *
 * <p>Customer service (seed 004), 1-10 scale; normalised = 2(v-1)/9 - 1:
 * <pre>
 * #  id                phase    emotion  normalised
 * 0  notice-problem    usage    4        -1/3
 * 1  ask-chatbot       support  3        -5/9
 * 2  live-chat         support  6        +1/9
 * 3  phone-escalation  support  2        -7/9   (the lowest)
 * 4  resolution-mail   support  8        +5/9
 * 5  renewal           loyalty  10       +1     (the highest)
 * </pre>
 */
public final class Fixtures {

    public static final Channel IT_DESK = Channel.of("it-desk", "IT desk pick-up point", ChannelKind.PHYSICAL);

    private Fixtures() {}

    private static Emotion five(int value) {
        return EmotionScale.FIVE_POINT.emotion(value);
    }

    private static Emotion ten(int value) {
        return EmotionScale.ONE_TO_TEN.emotion(value);
    }

    public static Persona sanne(String name) {
        return Persona.builder().id("sanne").name(name).jobTitle("Project manager")
                .quote("I just want a laptop that works, I'll install my own tools.")
                .addGoals("Start working on the new laptop without losing a day")
                .addNeeds("Know when the laptop arrives")
                .addFrustrations("Chasing the service desk for status updates")
                .addPreferredChannelIds("email", "self-service-portal")
                .build();
    }

    public static List<Phase> laptopPhases() {
        return List.of(Phase.of("request", "Request"), Phase.of("approval", "Approval"),
                Phase.of("delivery", "Delivery"), Phase.of("usage", "Usage"));
    }

    public static Journey laptopRequest() {
        return Journey.builder().id("laptop-request").name("Request a new laptop").addPersonaIds("sanne")
                .scenario("An employee's laptop is too slow and she requests a new one")
                .phases(laptopPhases())
                .addTouchpoints(
                        Touchpoint.builder().id("search-portal").name("Search the portal for the request form")
                                .phaseId("request").channelId("self-service-portal").department("Service desk")
                                .customerAction("Looks for the form in the portal's menus")
                                .emotion(five(-1)).classification(true, false).rating(Rating.INSUFFICIENT)
                                .addPainPoints(PainPoint.of("form-hard-to-find", "The form is hidden three menus deep"))
                                .build(),
                        Touchpoint.builder().id("order-form").name("Fill in the laptop request form")
                                .phaseId("request").channelId("self-service-portal").department("Service desk")
                                .customerAction("Chooses a model and submits the form")
                                .frontStage("The portal confirms the request")
                                .emotion(five(1)).momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT).build(),
                        Touchpoint.builder().id("approval-wait").name("Wait for the manager's approval")
                                .phaseId("approval").channelId("email").department("Management")
                                .backStage("The manager approves the budget")
                                .emotion(Emotion.builder().scale(EmotionScale.FIVE_POINT).value(-2)
                                        .label("anxious").quote("Has anyone even seen my request?").build())
                                .momentKind(MomentKind.SUPERFLUOUS).rating(Rating.INSUFFICIENT)
                                .addPainPoints(PainPoint.of("no-status", "No news while waiting for approval", 4))
                                .addOpportunities(Opportunity.builder().id("status-mail")
                                        .description("Send an automatic status e-mail at every step")
                                        .impact(4).effort(1).addAddresses("no-status").owner("Service desk")
                                        .build())
                                .build(),
                        Touchpoint.builder().id("status-call").name("Call the service desk about the status")
                                .phaseId("approval").channelId("phone").department("Service desk")
                                .emotion(five(-2)).momentKind(MomentKind.SUPERFLUOUS).rating(Rating.INSUFFICIENT)
                                .build(),
                        Touchpoint.builder().id("pickup").name("Collect the configured laptop")
                                .phaseId("delivery").channelId("it-desk").department("IT workplace")
                                .emotion(five(0)).momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT).build(),
                        Touchpoint.builder().id("first-login").name("Install own apps and start working")
                                .phaseId("usage").channelId("self-service-portal").department("IT workplace")
                                .emotion(five(2)).momentKind(MomentKind.TOP).rating(Rating.GOOD)
                                .momentOfTruth(true).build())
                .build();
    }

    public static Journey improvedLaptopRequest() {
        Journey current = laptopRequest();
        Touchpoint search = current.findTouchpoint("search-portal").orElseThrow()
                .withChannelId("chatbot").withEmotion(five(0));
        Touchpoint autoApproval = Touchpoint.builder().id("auto-approval")
                .name("Automatic approval within the team budget").phaseId("approval").channelId("email")
                .department("Service desk").emotion(five(1)).momentKind(MomentKind.CUSTOMER).rating(Rating.GOOD)
                .build();
        return Journey.builder().id("laptop-request-improved").name("Request a new laptop (improved)")
                .addPersonaIds("sanne").state(JourneyState.FUTURE).improves("laptop-request")
                .phases(laptopPhases())
                .addTouchpoints(search, current.findTouchpoint("order-form").orElseThrow(), autoApproval,
                        current.findTouchpoint("pickup").orElseThrow(),
                        current.findTouchpoint("first-login").orElseThrow())
                .build();
    }

    public static Journey customerService() {
        return Journey.builder().id("customer-service").name("Get a billing problem solved").addPersonaIds("mark")
                .emotionScale(EmotionScale.ONE_TO_TEN).phases(Phase.standardPhases())
                .addTouchpoints(
                        Touchpoint.builder().id("notice-problem").name("Notice a wrong invoice")
                                .phaseId("usage").channelId("website").emotion(ten(4)).build(),
                        Touchpoint.builder().id("ask-chatbot").name("Ask the chatbot").phaseId("support")
                                .channelId("chatbot").department("Digital").emotion(ten(3)).build(),
                        Touchpoint.builder().id("live-chat").name("Chat with an agent").phaseId("support")
                                .channelId("live-chat").department("Customer service").emotion(ten(6)).build(),
                        Touchpoint.builder().id("phone-escalation").name("Phone call with the back office")
                                .phaseId("support").channelId("phone").department("Back office")
                                .emotion(ten(2)).build(),
                        Touchpoint.builder().id("resolution-mail").name("Receive the corrected invoice")
                                .phaseId("support").channelId("email").department("Back office")
                                .emotion(ten(8)).build(),
                        Touchpoint.builder().id("renewal").name("Renew the contract").phaseId("loyalty")
                                .channelId("email").department("Sales").emotion(ten(10)).build())
                .build();
    }

    /** A journey of n touchpoints over the six standard phases, emotions -2..2 cycling, with long names. */
    public static Journey longJourney(int n) {
        List<Phase> phases = Phase.standardPhases();
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            touchpoints.add(Touchpoint.builder().id("t" + i)
                    .name("Touchpoint number " + i + " with a rather long name that has to wrap or be shortened")
                    .phaseId(phases.get(i * phases.size() / n).getId()).channelId(i % 2 == 0 ? "email" : "phone")
                    .department(i % 3 == 0 ? "Sales" : "Support")
                    .emotion(five(i % 5 - 2)).build());
        }
        return Journey.builder().id("long").name("A long journey").addPersonaIds("sanne").phases(phases)
                .touchpoints(touchpoints).build();
    }

    public static JourneyModel model(Persona persona, Journey... journeys) {
        return JourneyModel.builder().title("Seed journeys").addPersonas(persona,
                        Persona.builder().id("mark").name("Mark, small business owner").build())
                .addAllChannels(Channel.standardChannels()).addChannels(IT_DESK)
                .addJourneys(journeys).build();
    }

    public static JourneyModel seedModel() {
        return model(sanne("Sanne, project manager"), laptopRequest(), improvedLaptopRequest(), customerService());
    }
}
