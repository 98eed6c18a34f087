package org.journeykit.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.journeykit.analysis.ClassifiedMoment;
import org.journeykit.analysis.CompletenessCheck;
import org.journeykit.analysis.ContactMomentClassification;
import org.journeykit.analysis.CurvePoint;
import org.journeykit.analysis.Dip;
import org.journeykit.analysis.EmotionCurve;
import org.journeykit.analysis.Gap;
import org.journeykit.analysis.Gaps;
import org.journeykit.analysis.JourneyComparison;
import org.journeykit.model.AgeRange;
import org.journeykit.model.Channel;
import org.journeykit.model.ChannelKind;
import org.journeykit.model.Demographics;
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
import org.journeykit.model.ResearchMethod;
import org.journeykit.model.ResearchSource;
import org.journeykit.model.Touchpoint;

/**
 * The laptop-request journey of an IT service desk (seed article 001): a persona, the current journey from
 * interviews, its emotion curve, the classification of its contact moments, the gaps, and the improved journey
 * compared with the current one.
 *
 * <p>Run it on its own with {@code java org.journeykit.examples.LaptopRequestExample}; {@link Main} runs it as part
 * of the main job.
 */
public final class LaptopRequestExample {

    private static final EmotionScale SCALE = EmotionScale.FIVE_POINT;
    private static final Channel IT_DESK = Channel.of("it-desk", "IT desk pick-up point", ChannelKind.PHYSICAL);

    private LaptopRequestExample() {}

    /**
     * Prints the laptop-request analysis to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(model(), System.out);
    }

    /**
     * The persona Sanne and her current and improved laptop-request journeys.
     *
     * @return the model, not null
     */
    public static JourneyModel model() {
        Persona sanne = Persona.builder()
                .id("sanne")
                .name("Sanne, project manager")
                .quote("I just want a laptop that works; I'll install my own tools.")
                .demographics(Demographics.builder().age(AgeRange.of(30, 39)).location("Utrecht").build())
                .jobTitle("Project manager")
                .addGoals("Start working on the new laptop without losing a day")
                .addExpectations("A basic laptop on which she chooses her own apps")
                .addFrustrations("Chasing the service desk for status updates")
                .addPreferredChannelIds("email", "self-service-portal")
                .addResearch(ResearchSource.builder().method(ResearchMethod.INTERVIEW)
                        .description("Interviews with employees who recently requested a laptop")
                        .participants(8).build())
                .build();
        Journey current = Journey.builder()
                .id("laptop-request")
                .name("Request a new laptop")
                .addPersonaIds("sanne")
                .scenario("An employee's laptop is too slow and she requests a new one")
                .startPoint("The laptop is too slow to work with")
                .endPoint("She works on the new laptop with her own apps")
                .addPhases(Phase.of("request", "Request"), Phase.of("approval", "Approval"),
                        Phase.of("delivery", "Delivery"), Phase.of("usage", "Usage"))
                .addTouchpoints(
                        Touchpoint.builder().id("search-portal").name("Search the portal for the request form")
                                .phaseId("request").channelId("self-service-portal").department("Service desk")
                                .emotion(SCALE.emotion(-1)).classification(true, false).rating(Rating.INSUFFICIENT)
                                .addPainPoints(PainPoint.of("form-hard-to-find", "The form is hidden three menus deep"))
                                .addOpportunities(Opportunity.builder().id("chatbot-search")
                                        .description("Let the chatbot find the form").impact(3).effort(2)
                                        .addAddresses("form-hard-to-find").build())
                                .build(),
                        Touchpoint.builder().id("order-form").name("Fill in the laptop request form")
                                .phaseId("request").channelId("self-service-portal").department("Service desk")
                                .emotion(SCALE.emotion(1)).momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT)
                                .expectedDuration(Duration.ofMinutes(10)).build(),
                        Touchpoint.builder().id("approval-wait").name("Wait for the manager's approval")
                                .phaseId("approval").channelId("email").department("Management")
                                .emotion(SCALE.emotion(-2)).momentKind(MomentKind.SUPERFLUOUS)
                                .rating(Rating.INSUFFICIENT)
                                .addPainPoints(PainPoint.of("no-status", "No news while waiting for approval", 4))
                                .addOpportunities(Opportunity.builder().id("status-mail")
                                        .description("Send an automatic status e-mail at every step")
                                        .impact(4).effort(1).addAddresses("no-status").build())
                                .build(),
                        Touchpoint.builder().id("status-call").name("Call the service desk about the status")
                                .phaseId("approval").channelId("phone").department("Service desk")
                                .emotion(SCALE.emotion(-2)).momentKind(MomentKind.SUPERFLUOUS)
                                .rating(Rating.INSUFFICIENT).build(),
                        Touchpoint.builder().id("pickup").name("Collect the configured laptop")
                                .phaseId("delivery").channelId("it-desk").department("IT workplace")
                                .emotion(SCALE.emotion(0)).momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT)
                                .build(),
                        Touchpoint.builder().id("first-login").name("Install own apps and start working")
                                .phaseId("usage").channelId("self-service-portal").department("IT workplace")
                                .emotion(SCALE.emotion(2)).momentKind(MomentKind.TOP).rating(Rating.GOOD)
                                .momentOfTruth(true).build())
                .build();
        Journey improved = Journey.builder()
                .from(current)
                .id("laptop-request-improved")
                .name("Request a new laptop (improved)")
                .state(JourneyState.FUTURE)
                .improves("laptop-request")
                .touchpoints(java.util.List.of(
                        current.findTouchpoint("search-portal").orElseThrow()
                                .withChannelId("chatbot").withEmotion(SCALE.emotion(0)),
                        current.findTouchpoint("order-form").orElseThrow(),
                        Touchpoint.builder().id("auto-approval").name("Automatic approval within the team budget")
                                .phaseId("approval").channelId("email").department("Service desk")
                                .emotion(SCALE.emotion(1)).momentKind(MomentKind.CUSTOMER).rating(Rating.GOOD)
                                .build(),
                        current.findTouchpoint("pickup").orElseThrow(),
                        current.findTouchpoint("first-login").orElseThrow()))
                .build();
        return JourneyModel.builder()
                .title("IT service desk")
                .addPersonas(sanne)
                .addAllChannels(Channel.standardChannels())
                .addChannels(IT_DESK)
                .addJourneys(current, improved)
                .build();
    }

    /**
     * Prints the emotion curve, classification, gaps and comparison of the model's laptop-request journeys.
     *
     * @param model the model from {@link #model()}, not null
     * @param out where to print, not null
     */
    public static void print(JourneyModel model, PrintStream out) {
        Journey current = model.findJourney("laptop-request").orElseThrow();
        Journey improved = model.findJourney("laptop-request-improved").orElseThrow();
        Persona persona = model.findPersona("sanne").orElseThrow();
        out.printf("Persona: %s (%s)%n  \"%s\"%n", persona.getName(), persona.getJobTitle().orElse("-"),
                persona.getQuote().orElse(""));

        EmotionCurve curve = EmotionCurve.of(current);
        out.printf("%nEmotion curve of '%s' (scale %s, normalised to [-1, 1]):%n", current.getName(),
                curve.getScale());
        for (CurvePoint point : curve.getPoints()) {
            out.printf(Locale.ROOT, "  %-42s %5.2f  %s%n", point.getTouchpointName(), point.getNormalised(),
                    bar(point.getNormalised()));
        }
        out.printf(Locale.ROOT, "  peak: %s, valley: %s, end: %s, peak-end score %.2f%n",
                curve.getPeak().orElseThrow().getTouchpointId(), curve.getValley().orElseThrow().getTouchpointId(),
                curve.getEnd().orElseThrow().getTouchpointId(), curve.getPeakEndScore().getAsDouble());
        for (Dip dip : curve.getDips()) {
            out.printf(Locale.ROOT, "  dip at %s (drop %.2f): improvement candidate%n",
                    dip.getPoint().getTouchpointId(), dip.getDrop());
        }

        out.printf("%nContact moments (kind x rating -> strategy), most urgent first:%n");
        for (ClassifiedMoment moment : ContactMomentClassification.of(current).worklist()) {
            out.printf("  %-14s %-11s %-12s %-15s %s%n", moment.getTouchpointId(), moment.getKind(),
                    moment.getRating().map(Enum::name).orElse("-"), moment.getStrategy().orElseThrow(),
                    moment.getStrategy().orElseThrow().getAdvice());
        }

        out.printf("%nGaps (hand-offs between departments or channels):%n");
        for (Gap gap : Gaps.of(current)) {
            out.printf(Locale.ROOT, "  %s -> %s: %s%s, emotion change %+.2f%n", gap.getFromTouchpointId(),
                    gap.getToTouchpointId(),
                    gap.getDepartmentHandoff().map(h -> "department " + h).orElse(""),
                    gap.getChannelSwitch().map(h -> (gap.getDepartmentHandoff().isPresent() ? ", " : "")
                            + "channel " + h).orElse(""),
                    gap.getEmotionChange().orElse(Double.NaN));
        }

        JourneyComparison comparison = JourneyComparison.of(current, improved);
        out.printf("%nImproved journey against the current one:%n");
        out.printf("  added: %s, removed: %s (superfluous moments prevented: %s)%n", comparison.getAdded(),
                comparison.getRemoved(), comparison.getSuperfluousRemoved());
        comparison.getChannelShifts().forEach(change -> out.printf(Locale.ROOT,
                "  %s moves channel %s, emotion %+.2f%n", change.getTouchpointId(),
                change.getChannelShift().orElseThrow(), change.getEmotionChange().orElse(Double.NaN)));
        out.printf(Locale.ROOT, "  peak-end score %.2f -> %.2f%n",
                comparison.getCurrentCurve().getPeakEndScore().getAsDouble(),
                comparison.getFutureCurve().getPeakEndScore().getAsDouble());

        CompletenessCheck check = CompletenessCheck.of(model);
        out.printf("%nCompleteness: %s%n", check.isComplete() ? "nothing left to fill in"
                : check.getFindings().size() + " things left to fill in");
        check.getFindings().forEach(finding -> out.printf("  %s%n", finding));
    }

    private static String bar(double normalised) {
        int width = (int) Math.round(Math.abs(normalised) * 10);
        String blocks = "#".repeat(width);
        return normalised < 0 ? " ".repeat(10 - width) + blocks + "|" : " ".repeat(10) + "|" + blocks;
    }
}
