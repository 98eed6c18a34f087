package org.journeykit.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * A pain point (pijnpunt, knelpunt): where the customer meets difficulty, frustration or dissatisfaction at a
 * touchpoint.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class PainPoint {

    /** The lowest severity. */
    public static final int MIN_SEVERITY = 1;
    /** The highest severity. */
    public static final int MAX_SEVERITY = 5;

    PainPoint() {}

    /**
     * The identifier that opportunities use to say which pain point they address; unique within a journey.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * What goes wrong for the customer.
     *
     * @return the description, not blank, at most 2000 characters
     */
    @NotBlank
    @Size(max = 2000)
    public abstract String getDescription();

    /**
     * How badly it hurts, from 1 (minor annoyance) to 5 (the customer gives up); 3 unless set.
     *
     * @return the severity, 1 to 5
     */
    @Min(MIN_SEVERITY)
    @Max(MAX_SEVERITY)
    @Value.Default
    public int getSeverity() {
        return 3;
    }

    /**
     * Creates a pain point of severity 3.
     *
     * @param id the id, not null
     * @param description what goes wrong, not null, not blank
     * @return the pain point, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static PainPoint of(String id, String description) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .description(Objects.requireNonNull(description, "description"))
                .build();
    }

    /**
     * Creates a pain point.
     *
     * @param id the id, not null
     * @param description what goes wrong, not null, not blank
     * @param severity from 1 to 5
     * @return the pain point, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static PainPoint of(String id, String description, int severity) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .description(Objects.requireNonNull(description, "description"))
                .severity(severity)
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
        Checks checks = Checks.of("PainPoint", getId());
        checks.id("id", getId()).text("description", getDescription(), 2000);
        if (getSeverity() < MIN_SEVERITY || getSeverity() > MAX_SEVERITY) {
            checks.add(RuleCode.RANGE, "severity", getSeverity(), "must be between 1 and 5");
        }
        checks.throwIfAny();
    }

    /**
     * Builds a {@link PainPoint}. Required: id, description.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutablePainPoint.Builder {
        Builder() {}
    }
}
