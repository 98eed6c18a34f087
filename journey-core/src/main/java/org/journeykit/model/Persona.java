package org.journeykit.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.error.Problem;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * A persona (klantpersona): an archetype that gives a target group a face, a hypothetical customer typical of a
 * segment.
 *
 * <p>Besides a name, description and a characteristic quote it holds optional {@link Demographics}, the job title,
 * the goals, needs, expectations, frustrations and unconscious drivers, the preferred channels, the products bought,
 * the content interests, and the {@link ResearchSource research} it rests on. Lists keep the order given; each
 * entry is 1 to 500 characters.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Persona {

    Persona() {}

    /**
     * The identifier that journeys use to refer to this persona.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * The persona's name, such as "Sanne, the new project manager".
     *
     * @return the name, not blank, at most 200 characters
     */
    @NotBlank
    @Size(max = 200)
    public abstract String getName();

    /**
     * Who this persona is, in a few sentences.
     *
     * @return the description, at most 4000 characters, or empty
     */
    public abstract Optional<@Size(max = 4000) String> getDescription();

    /**
     * A sentence the persona would say, that sums up their attitude.
     *
     * @return the quote, at most 500 characters, or empty
     */
    public abstract Optional<@Size(max = 500) String> getQuote();

    /**
     * The demographic profile.
     *
     * @return the demographics; {@link Demographics#none()} unless set
     */
    @Valid
    @NotNull
    @Value.Default
    public Demographics getDemographics() {
        return Demographics.none();
    }

    /**
     * The persona's job title, where the journey is business-to-business or internal.
     *
     * @return the job title, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getJobTitle();

    /**
     * What the persona wants to achieve.
     *
     * @return the goals, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getGoals();

    /**
     * What the persona needs from the organisation.
     *
     * @return the needs, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getNeeds();

    /**
     * What the persona expects of the service.
     *
     * @return the expectations, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getExpectations();

    /**
     * What frustrates the persona.
     *
     * @return the frustrations, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getFrustrations();

    /**
     * The unconscious drivers behind the persona's choices.
     *
     * @return the drivers, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getDrivers();

    /**
     * The ids of the channels the persona prefers, most preferred first.
     *
     * @return channel ids of the model, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getPreferredChannelIds();

    /**
     * The products the persona has bought in the niche.
     *
     * @return the products, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getProductsBought();

    /**
     * The content the persona is interested in.
     *
     * @return the interests, possibly empty
     */
    public abstract List<@NotBlank @Size(max = 500) String> getContentInterests();

    /**
     * The research this persona rests on.
     *
     * @return the sources, possibly empty
     */
    public abstract List<@Valid @NotNull ResearchSource> getResearch();

    /**
     * Creates a persona with only an id and a name.
     *
     * @param id the id, not null
     * @param name the name, not null, not blank
     * @return the persona, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static Persona of(String id, String name) {
        return builder().id(Objects.requireNonNull(id, "id")).name(Objects.requireNonNull(name, "name")).build();
    }

    /**
     * Returns a copy with another name.
     *
     * @param name the new name, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the name breaks its rule
     */
    public abstract Persona withName(String name);

    /**
     * Returns a copy with other demographics.
     *
     * @param demographics the demographics, not null
     * @return the copy, not null
     */
    public abstract Persona withDemographics(Demographics demographics);

    /**
     * A new, empty builder; {@code builder().from(persona)} starts from an existing persona.
     *
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("Persona", getId());
        checks.id("id", getId()).text("name", getName(), 200);
        checks.text("description", getDescription(), 4000);
        checks.text("quote", getQuote(), 500);
        checks.text("jobTitle", getJobTitle(), 200);
        checks.texts("goals", getGoals(), 500)
                .texts("needs", getNeeds(), 500)
                .texts("expectations", getExpectations(), 500)
                .texts("frustrations", getFrustrations(), 500)
                .texts("drivers", getDrivers(), 500)
                .texts("productsBought", getProductsBought(), 500)
                .texts("contentInterests", getContentInterests(), 500);
        List<String> channels = getPreferredChannelIds();
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i) == null) {
                checks.add(Problem.of(RuleCode.REQUIRED, List.of(Problem.Segment.element("preferredChannelIds", i)),
                        null, "must not be null"));
            } else if (!Checks.isId(channels.get(i))) {
                checks.add(Problem.of(RuleCode.ID_PATTERN, List.of(Problem.Segment.element("preferredChannelIds", i)),
                        channels.get(i), Checks.ID_RULE));
            }
        }
        checks.throwIfAny();
    }

    /**
     * Builds a {@link Persona}. Required: id, name.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutablePersona.Builder {
        Builder() {}
    }
}
