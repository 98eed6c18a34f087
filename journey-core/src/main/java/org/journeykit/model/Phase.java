package org.journeykit.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;

/**
 * A phase (fase) of a journey: a column of the journey map that groups touchpoints.
 *
 * <p>The six phases of the customer lifecycle are ready as constants, from {@link #AWARENESS} to {@link #LOYALTY}
 * ({@link #standardPhases()}); a journey may declare its own, such as "request", "approval" and "delivery" for a
 * laptop request.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Phase {

    /** Awareness (bewustwording): a potential customer becomes aware of a need or problem. */
    public static final Phase AWARENESS = of("awareness", "Awareness",
            "The customer becomes aware of a need or a problem.");
    /** Orientation (oriëntatie): the customer explores and compares solutions. */
    public static final Phase ORIENTATION = of("orientation", "Orientation",
            "The customer explores and compares possible solutions.");
    /** Purchase (aankoop): the customer decides to buy a product or service. */
    public static final Phase PURCHASE = of("purchase", "Purchase",
            "The customer decides to buy the product or service.");
    /** Usage (gebruik): the customer uses the product or service. */
    public static final Phase USAGE = of("usage", "Usage", "The customer uses the product or service.");
    /** Support (ondersteuning): the customer contacts customer service for help. */
    public static final Phase SUPPORT = of("support", "Support",
            "The customer contacts customer service for help.");
    /** Loyalty (loyaliteit): the customer decides to stay or to leave. */
    public static final Phase LOYALTY = of("loyalty", "Loyalty", "The customer decides to stay or to leave.");

    private static final List<Phase> STANDARD = List.of(AWARENESS, ORIENTATION, PURCHASE, USAGE, SUPPORT, LOYALTY);

    Phase() {}

    /**
     * The identifier that touchpoints use to refer to this phase.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * The name shown to people.
     *
     * @return the name, not blank, at most 200 characters
     */
    @NotBlank
    @Size(max = 200)
    public abstract String getName();

    /**
     * What happens in this phase.
     *
     * @return the description, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getDescription();

    /**
     * Creates a phase without description.
     *
     * @param id the id, see {@link #getId()}, not null
     * @param name the name, not null, not blank
     * @return the phase, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if the id or name breaks its rule
     */
    public static Phase of(String id, String name) {
        return builder().id(Objects.requireNonNull(id, "id")).name(Objects.requireNonNull(name, "name")).build();
    }

    /**
     * Creates a phase.
     *
     * @param id the id, see {@link #getId()}, not null
     * @param name the name, not null, not blank
     * @param description what happens in the phase, not null, not blank
     * @return the phase, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static Phase of(String id, String name, String description) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .name(Objects.requireNonNull(name, "name"))
                .description(Objects.requireNonNull(description, "description"))
                .build();
    }

    /**
     * The six standard phases in lifecycle order: awareness, orientation, purchase, usage, support, loyalty.
     *
     * @return an unmodifiable list, not null
     */
    public static List<Phase> standardPhases() {
        return STANDARD;
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
        Checks checks = Checks.of("Phase", getId());
        checks.id("id", getId()).text("name", getName(), 200);
        checks.text("description", getDescription(), 2000);
        checks.throwIfAny();
    }

    /**
     * Builds a {@link Phase}. Required: id, name.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutablePhase.Builder {
        Builder() {}
    }
}
