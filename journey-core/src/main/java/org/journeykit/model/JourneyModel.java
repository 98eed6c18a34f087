package org.journeykit.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.immutables.value.Value;
import org.journeykit.error.Problem;
import org.journeykit.error.ReferenceRules;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * The aggregate root: the personas, channels and journeys of one organisation's journey mapping, with every
 * reference between them resolved.
 *
 * <p>Rules checked when it is built, all reported at once: persona, channel and journey ids are unique; every
 * persona a journey names exists; every channel a touchpoint or a persona names exists; a future journey improves a
 * current journey of this model. Problem paths start at the model, such as
 * {@code journeys[laptop-request].touchpoints[order-form].channelId}.
 *
 * <p>Example, from the tests:
 * <pre>{@code
 * JourneyModel model = JourneyModel.builder()
 *         .addPersonas(Persona.of("sanne", "Sanne, new project manager"))
 *         .addChannels(Channel.SELF_SERVICE_PORTAL, Channel.EMAIL)
 *         .addJourneys(laptopRequest)
 *         .build();
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class JourneyModel {

    JourneyModel() {}

    /**
     * A title for the model, such as the organisation or the project.
     *
     * @return the title, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getTitle();

    /**
     * The personas.
     *
     * @return the personas in the order given, ids unique, possibly empty
     */
    public abstract List<@Valid @NotNull Persona> getPersonas();

    /**
     * The channels that touchpoints and personas refer to.
     *
     * @return the channels in the order given, ids unique, possibly empty
     */
    public abstract List<@Valid @NotNull Channel> getChannels();

    /**
     * The journeys, current and future.
     *
     * @return the journeys in the order given, ids unique, possibly empty
     */
    public abstract List<@Valid @NotNull Journey> getJourneys();

    /**
     * Finds a persona by id.
     *
     * @param id the persona id, not null
     * @return the persona, or empty
     */
    public Optional<Persona> findPersona(String id) {
        return Optional.ofNullable(personasById().get(id));
    }

    /**
     * Finds a channel by id.
     *
     * @param id the channel id, not null
     * @return the channel, or empty
     */
    public Optional<Channel> findChannel(String id) {
        return Optional.ofNullable(channelsById().get(id));
    }

    /**
     * Finds a journey by id.
     *
     * @param id the journey id, not null
     * @return the journey, or empty
     */
    public Optional<Journey> findJourney(String id) {
        return Optional.ofNullable(journeysById().get(id));
    }

    /**
     * The journeys made for a persona.
     *
     * @param personaId the persona id, not null
     * @return the journeys in model order, possibly empty
     */
    public List<Journey> journeysFor(String personaId) {
        return getJourneys().stream()
                .filter(journey -> journey.getPersonaIds().contains(personaId))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The future journeys that improve the given current journey.
     *
     * @param journeyId the id of a current journey, not null
     * @return the future journeys in model order, possibly empty
     */
    public List<Journey> improvementsOf(String journeyId) {
        return getJourneys().stream()
                .filter(journey -> journey.getImproves().filter(journeyId::equals).isPresent())
                .collect(Collectors.toUnmodifiableList());
    }

    @Value.Lazy
    Map<String, Persona> personasById() {
        return index(getPersonas(), Persona::getId);
    }

    @Value.Lazy
    Map<String, Channel> channelsById() {
        return index(getChannels(), Channel::getId);
    }

    @Value.Lazy
    Map<String, Journey> journeysById() {
        return index(getJourneys(), Journey::getId);
    }

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> idOf) {
        Map<String, T> byId = new HashMap<>();
        for (T element : elements) {
            byId.putIfAbsent(idOf.apply(element), element);
        }
        return byId;
    }

    /**
     * A new, empty builder.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("JourneyModel", getTitle().orElse(null));
        checks.text("title", getTitle(), 200);
        checks.uniqueIds("personas", getPersonas(), Persona::getId)
                .uniqueIds("channels", getChannels(), Channel::getId)
                .uniqueIds("journeys", getJourneys(), Journey::getId);
        Set<String> channelIds = getChannels().stream().map(Channel::getId).collect(Collectors.toSet());
        Set<String> personaIds = getPersonas().stream().map(Persona::getId).collect(Collectors.toSet());
        List<Persona> personas = getPersonas();
        for (int i = 0; i < personas.size(); i++) {
            Persona persona = personas.get(i);
            List<String> preferred = persona.getPreferredChannelIds();
            for (int c = 0; c < preferred.size(); c++) {
                if (!channelIds.contains(preferred.get(c))) {
                    checks.add(ReferenceRules.channel(List.of(Problem.Segment.element("personas", i, persona.getId()),
                            Problem.Segment.element("preferredChannelIds", c)), preferred.get(c)));
                }
            }
        }
        List<Journey> journeys = getJourneys();
        for (int j = 0; j < journeys.size(); j++) {
            Journey journey = journeys.get(j);
            Problem.Segment at = Problem.Segment.element("journeys", j, journey.getId());
            List<String> journeyPersonas = journey.getPersonaIds();
            for (int p = 0; p < journeyPersonas.size(); p++) {
                if (!personaIds.contains(journeyPersonas.get(p))) {
                    checks.add(ReferenceRules.persona(List.of(at, Problem.Segment.element("personaIds", p)),
                            journeyPersonas.get(p)));
                }
            }
            List<Touchpoint> touchpoints = journey.getTouchpoints();
            for (int t = 0; t < touchpoints.size(); t++) {
                Touchpoint touchpoint = touchpoints.get(t);
                Optional<String> channelId = touchpoint.getChannelId();
                if (channelId.isPresent() && !channelIds.contains(channelId.get())) {
                    checks.add(ReferenceRules.channel(List.of(at, Touchpoint.segment(t, touchpoint),
                            Problem.Segment.field("channelId")), channelId.get()));
                }
            }
            journey.getImproves().ifPresent(id -> {
                Journey improved = journeysById().get(id);
                if (improved == null) {
                    checks.add(ReferenceRules.journey(List.of(at, Problem.Segment.field("improves")), id));
                } else if (improved.getState() != JourneyState.CURRENT) {
                    checks.add(Problem.of(RuleCode.CONFLICT, "improves", id, "must name a CURRENT journey, it is " + improved.getState())
                            .under(at));
                }
            });
        }
        checks.throwIfAny();
    }

    /**
     * Builds a {@link JourneyModel}. Nothing is required; an empty model is valid.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableJourneyModel.Builder {
        Builder() {}
    }
}
