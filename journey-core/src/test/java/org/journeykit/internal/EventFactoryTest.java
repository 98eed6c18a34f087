package org.journeykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.MissingFieldException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

/** Events made from their fields are the events a builder makes, checked by the same rules. */
class EventFactoryTest {

    private static final Instant TIME = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void makesTheEventABuilderMakes() {
        InteractionEvent made = EventFactory.event("c-1", TIME, "checkout", "pay", "web", "buy", "agent-7",
                Outcome.COMPLETED, Duration.ofSeconds(90), new String[] {"reason", "refund", "cost", "12"});

        InteractionEvent built = InteractionEvent.builder().customerId("c-1").time(TIME).touchpointId("checkout")
                .activity("pay").channelId("web").phaseId("buy").agentId("agent-7").outcome(Outcome.COMPLETED)
                .duration(Duration.ofSeconds(90)).putAttribute("reason", "refund").putAttribute("cost", "12").build();
        assertThat(made).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(made.getAttributes()).containsExactly(Map.entry("reason", "refund"), Map.entry("cost", "12"));
    }

    @Test
    void makesAnEventWithoutOptionalFieldsOrAttributes() {
        InteractionEvent made = EventFactory.event("c-1", TIME, null, "register request", null, null, null, null,
                null, new String[0]);

        assertThat(made).isEqualTo(InteractionEvent.builder().customerId("c-1").time(TIME)
                .activity("register request").build());
        assertThat(made.getAttributes()).isEmpty();
        assertThat(made.getTouchpointId()).isEmpty();
    }

    @Test
    void reportsEveryMissingFieldAsTheBuilderDoes() {
        assertThatThrownBy(() -> EventFactory.event(null, null, null, null, null, null, null, null, null,
                new String[0]))
                .isInstanceOf(MissingFieldException.class)
                .satisfies(e -> assertThat(((InvalidModelException) e).getProblems()).extracting(Problem::getCode)
                        .containsExactly(RuleCode.REQUIRED, RuleCode.REQUIRED, RuleCode.REQUIRED));
    }

    @Test
    void checksTheAttributesItKeeps() {
        assertThatThrownBy(() -> EventFactory.event("c-1", TIME, "checkout", null, null, null, null, null, null,
                new String[] {"reason", "x".repeat(1001), " ", "v"}))
                .isInstanceOf(InvalidModelException.class)
                .satisfies(e -> assertThat(((InvalidModelException) e).getProblems()).extracting(Problem::getCode)
                        .containsExactlyInAnyOrder(RuleCode.TOO_LONG, RuleCode.TOO_LONG));
    }

    @Test
    void refusesAnAttributeArrayThatIsNotPairs() {
        assertThatThrownBy(() -> EventFactory.event("c-1", TIME, "checkout", null, null, null, null, null, null,
                new String[] {"reason"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attributes must be key and value pairs, had 1 entries");
    }

    @Test
    void noOtherClassRegistersAConstructorBeforeOrAfterTheEvent() {
        // Run first or last in this class, the attempt must neither replace nor pre-empt the event's constructor.
        assertThatThrownBy(() -> EventFactory.register((customerId, time, touchpointId, activity, channelId, phaseId,
                agentId, outcome, duration, attributes) -> InteractionEvent.of("forged", TIME, "t")))
                .isInstanceOf(IllegalCallerException.class)
                .hasMessageContaining(EventFactoryTest.class.getName());
        assertThat(List.of(EventFactory.event("c-1", TIME, "t", null, null, null, null, null, null, new String[0])))
                .extracting(InteractionEvent::getCustomerId).containsExactly("c-1");
        assertThatThrownBy(() -> EventFactory.register((customerId, time, touchpointId, activity, channelId, phaseId,
                agentId, outcome, duration, attributes) -> InteractionEvent.of("forged", TIME, "t")))
                .isInstanceOf(IllegalCallerException.class);
    }
}
