package org.journeykit.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An event's attributes behave as an unmodifiable, insertion-ordered {@link Map}, whatever they are stored in. */
class EventAttributesTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    private static InteractionEvent.Builder visit() {
        return InteractionEvent.builder().customerId("c-1").time(T).activity("visit");
    }

    @Test
    void aKeyGivenAgainKeepsItsPlaceAndTakesTheNewValue() {
        Map<String, String> attributes = visit().putAttribute("reason", "invoice").putAttribute("queue", "b2c")
                .putAttribute("reason", "refund").build().getAttributes();

        assertThat(attributes).containsExactly(entry("reason", "refund"), entry("queue", "b2c"));
        assertThat(attributes.get("reason")).isEqualTo("refund");
        assertThat(attributes.get("missing")).isNull();
        assertThat(attributes.containsKey("queue")).isTrue();
        assertThat(attributes).hasToString("{reason=refund, queue=b2c}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 15, 16, 17, 64})
    void equalsAndHashCodeFollowTheMapContract(int size) {
        // Seeded: the same keys in another order must still be equal, as for any two maps.
        Random random = new Random(size);
        Map<String, String> expected = new HashMap<>();
        InteractionEvent.Builder builder = visit();
        for (int i = 0; i < size; i++) {
            String key = "k" + random.nextInt(1_000_000);
            String value = "v" + i;
            expected.put(key, value);
            builder.putAttribute(key, value);
        }
        Map<String, String> attributes = builder.build().getAttributes();
        Map<String, String> reversed = new LinkedHashMap<>();
        Object[] keys = attributes.keySet().toArray();
        for (int i = keys.length - 1; i >= 0; i--) {
            reversed.put((String) keys[i], attributes.get(keys[i]));
        }

        assertThat(attributes).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(expected.size());
        assertThat(expected).isEqualTo(attributes);
        assertThat(attributes).isEqualTo(visit().attributes(reversed).build().getAttributes());
        assertThat(attributes.entrySet()).isEqualTo(expected.entrySet());
    }

    @Test
    void differentValuesOrKeysAreNotEqual() {
        Map<String, String> one = visit().putAttribute("a", "1").putAttribute("b", "2").build().getAttributes();

        assertThat(one).isNotEqualTo(visit().putAttribute("a", "1").putAttribute("b", "3").build().getAttributes())
                .isNotEqualTo(visit().putAttribute("a", "1").putAttribute("c", "2").build().getAttributes())
                .isNotEqualTo(visit().putAttribute("a", "1").build().getAttributes())
                .isNotEqualTo(Map.of("a", "1", "b", "2", "c", "3"));
    }

    @Test
    void theMapCannotBeChanged() {
        Map<String, String> attributes = visit().putAttribute("reason", "invoice").build().getAttributes();

        assertThatThrownBy(() -> attributes.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.remove("reason")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(attributes::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.keySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderThatBuiltCanChangeWithoutChangingWhatItBuilt() {
        InteractionEvent.Builder builder = visit().putAttribute("reason", "invoice");
        InteractionEvent first = builder.build();
        InteractionEvent second = builder.putAttribute("queue", "b2c").attributes(Map.of("only", "this")).build();

        assertThat(first.getAttributes()).containsExactly(entry("reason", "invoice"));
        assertThat(second.getAttributes()).containsExactly(entry("only", "this"));
    }

    @Test
    void fromAddsTheEventsAttributesToThoseGiven() {
        InteractionEvent source = visit().putAttribute("reason", "invoice").channelId("phone").build();
        InteractionEvent copy = InteractionEvent.builder().putAttribute("queue", "b2c").from(source).build();

        assertThat(copy.getAttributes()).containsExactly(entry("queue", "b2c"), entry("reason", "invoice"));
        assertThat(copy.getChannelId()).contains("phone");
        assertThat(InteractionEvent.builder().from(source).build()).isEqualTo(source)
                .hasSameHashCodeAs(source).hasToString(source.toString());
    }

    @Test
    void everySetterHasAnOptionalTwinThatClearsTheField() {
        InteractionEvent full = visit().touchpointId("order-form").channelId("web").phaseId("buy").agentId("a-7")
                .outcome(Outcome.FAILED).duration(Duration.ofSeconds(90)).build();
        InteractionEvent cleared = InteractionEvent.builder().from(full).touchpointId(Optional.empty())
                .channelId(Optional.empty()).phaseId(Optional.empty()).agentId(Optional.empty())
                .outcome(Optional.empty()).duration(Optional.empty()).build();
        InteractionEvent again = InteractionEvent.builder().customerId("c-1").time(T)
                .activity(Optional.of("visit")).touchpointId(Optional.of("order-form"))
                .channelId(Optional.of("web")).phaseId(Optional.of("buy")).agentId(Optional.of("a-7"))
                .outcome(Optional.of(Outcome.FAILED)).duration(Optional.of(Duration.ofSeconds(90))).build();

        assertThat(full.getTouchpointId()).contains("order-form");
        assertThat(full.getChannelId()).contains("web");
        assertThat(full.getPhaseId()).contains("buy");
        assertThat(full.getAgentId()).contains("a-7");
        assertThat(full.getOutcome()).contains(Outcome.FAILED);
        assertThat(full.getDuration()).contains(Duration.ofSeconds(90));
        assertThat(full).hasToString("InteractionEvent{customerId=c-1, time=2026-03-01T09:30:00Z,"
                + " touchpointId=order-form, activity=visit, channelId=web, phaseId=buy, agentId=a-7,"
                + " outcome=FAILED, duration=PT1M30S, attributes={}}");
        assertThat(cleared).isEqualTo(visit().build()).hasSameHashCodeAs(visit().build());
        assertThat(again).isEqualTo(full).hasSameHashCodeAs(full);
        assertThat(InteractionEvent.builder().from(full).activity(Optional.empty()).build().getActivity()).isEmpty();
    }

    @Test
    void eventsDifferingInOneFieldAreNotEqual() {
        InteractionEvent base = visit().touchpointId("t").channelId("web").phaseId("buy").agentId("a")
                .outcome(Outcome.COMPLETED).duration(Duration.ZERO).putAttribute("k", "v").build();
        List<InteractionEvent> others = List.of(
                InteractionEvent.builder().from(base).customerId("c-2").build(),
                InteractionEvent.builder().from(base).time(T.plusSeconds(1)).build(),
                InteractionEvent.builder().from(base).touchpointId("u").build(),
                InteractionEvent.builder().from(base).activity("other").build(),
                InteractionEvent.builder().from(base).channelId("app").build(),
                InteractionEvent.builder().from(base).phaseId("use").build(),
                InteractionEvent.builder().from(base).agentId("b").build(),
                InteractionEvent.builder().from(base).outcome(Outcome.ABANDONED).build(),
                InteractionEvent.builder().from(base).duration(Duration.ofSeconds(1)).build(),
                InteractionEvent.builder().from(base).putAttribute("k", "w").build());

        assertThat(base).isEqualTo(base).isNotEqualTo(null).isNotEqualTo("an event");
        for (InteractionEvent other : others) {
            assertThat(other).isNotEqualTo(base);
        }
    }

    @Test
    void theMapViewAnswersLikeAnyMap() {
        Map<String, String> attributes = visit().putAttribute("reason", "invoice").putAttribute("queue", "b2c")
                .build().getAttributes();
        Map<String, String> seen = new LinkedHashMap<>();
        attributes.forEach(seen::put);
        Iterator<Map.Entry<String, String>> entries = attributes.entrySet().iterator();
        entries.next();
        entries.next();

        assertThat(seen).containsExactly(entry("reason", "invoice"), entry("queue", "b2c"));
        assertThat(attributes.isEmpty()).isFalse();
        assertThat(visit().build().getAttributes().isEmpty()).isTrue();
        assertThat(attributes.containsKey("nope")).isFalse();
        assertThat(attributes.containsValue("b2c")).isTrue();
        assertThat(attributes.keySet()).containsExactly("reason", "queue");
        assertThat(attributes.values()).containsExactly("invoice", "b2c");
        assertThat(entries.hasNext()).isFalse();
        assertThatThrownBy(entries::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> attributes.forEach(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nullArgumentsToTheBuildersSettersAreRefusedAtOnce() {
        InteractionEvent.Builder builder = visit();

        assertThatThrownBy(() -> builder.touchpointId((String) null)).hasMessage("touchpointId");
        assertThatThrownBy(() -> builder.activity((String) null)).hasMessage("activity");
        assertThatThrownBy(() -> builder.channelId((String) null)).hasMessage("channelId");
        assertThatThrownBy(() -> builder.phaseId((String) null)).hasMessage("phaseId");
        assertThatThrownBy(() -> builder.agentId((String) null)).hasMessage("agentId");
        assertThatThrownBy(() -> builder.outcome((Outcome) null)).hasMessage("outcome");
        assertThatThrownBy(() -> builder.duration((Duration) null)).hasMessage("duration");
        assertThatThrownBy(() -> builder.attributes(null)).hasMessage("entries");
        assertThatThrownBy(() -> builder.putAllAttributes(null)).hasMessage("entries");
        assertThatThrownBy(() -> builder.from(null)).hasMessage("event");
    }

    @Test
    void aSharedAttributeArrayIsCopiedBeforeTheBuilderChangesIt() {
        InteractionEvent.Builder builder = visit().putAttribute("a", "1").putAttribute("b", "2");
        InteractionEvent first = builder.build();
        InteractionEvent replaced = builder.putAttribute("a", "changed").build();
        InteractionEvent grown = builder.putAttribute("c", "3").build();

        assertThat(first.getAttributes()).containsExactly(entry("a", "1"), entry("b", "2"));
        assertThat(replaced.getAttributes()).containsExactly(entry("a", "changed"), entry("b", "2"));
        assertThat(grown.getAttributes()).containsExactly(entry("a", "changed"), entry("b", "2"), entry("c", "3"));
    }

    @Test
    void nullKeysAndValuesAreReportedWithEveryOtherProblem() {
        Map<String, String> withNulls = new LinkedHashMap<>();
        withNulls.put(null, "v");
        withNulls.put("reason", null);

        assertThatThrownBy(() -> InteractionEvent.builder().time(T).activity("visit").attributes(withNulls).build())
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::getCode, Problem::getRule).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(RuleCode.REQUIRED, "is required"),
                                org.assertj.core.groups.Tuple.tuple(RuleCode.REQUIRED, "keys must not be null"),
                                org.assertj.core.groups.Tuple.tuple(RuleCode.REQUIRED, "is required")));
    }

    @Test
    void aBuilderGivenFarMoreAttributesThanAllowedRefusesThemQuickly() {
        InteractionEvent.Builder builder = visit();
        for (int i = 0; i < 200_000; i++) {
            builder.putAttribute("k" + i, "v");
        }
        builder.putAttribute(new AbstractMap.SimpleEntry<>("k7", "again"));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidModelException.class,
                e -> assertThat(e.getProblems()).extracting(Problem::getCode).containsExactly(RuleCode.TOO_LONG));
    }
}
