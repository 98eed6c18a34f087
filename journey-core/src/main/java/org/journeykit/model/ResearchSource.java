package org.journeykit.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * One piece of research a persona or journey rests on, such as "12 interviews with new employees".
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class ResearchSource {

    ResearchSource() {}

    /**
     * How the knowledge was gathered.
     *
     * @return the method, not null
     */
    @NotNull
    public abstract ResearchMethod getMethod();

    /**
     * What was done, when and with whom.
     *
     * @return the description, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getDescription();

    /**
     * How many customers took part.
     *
     * @return a positive count, or empty when unknown
     */
    @Positive
    public abstract OptionalInt getParticipants();

    /**
     * Creates a source with a description.
     *
     * @param method the method, not null
     * @param description what was done, not null, not blank
     * @return the source, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if the description is blank or too long
     */
    public static ResearchSource of(ResearchMethod method, String description) {
        return builder()
                .method(Objects.requireNonNull(method, "method"))
                .description(Objects.requireNonNull(description, "description"))
                .build();
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
        Checks checks = Checks.of("ResearchSource", null);
        checks.required("method", getMethod());
        checks.text("description", getDescription(), 2000);
        getParticipants().ifPresent(count -> {
            if (count <= 0) {
                checks.add(RuleCode.RANGE, "participants", count, "must be positive");
            }
        });
        checks.throwIfAny();
    }

    /**
     * Builds a {@link ResearchSource}. Required: method.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableResearchSource.Builder {
        Builder() {}
    }
}
