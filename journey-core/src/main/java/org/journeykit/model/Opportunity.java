package org.journeykit.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Objects;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * An opportunity (kans, verbeterkans): where the organisation can improve the experience or delight the customer,
 * with the impact and effort that prioritise it.
 *
 * <p>Impact and effort are rated from 1 (low) to 5 (high). {@link #getPriority()} places the opportunity in the
 * usual impact/effort matrix and {@link #BY_PRIORITY} orders a list from the most to the least attractive.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Opportunity {

    /**
     * Orders opportunities from the most to the least attractive: higher impact first, then lower effort, then id.
     */
    public static final Comparator<Opportunity> BY_PRIORITY = Comparator
            .comparingInt(Opportunity::getImpact).reversed()
            .thenComparingInt(Opportunity::getEffort)
            .thenComparing(Opportunity::getId);

    Opportunity() {}

    /**
     * The identifier, unique within a journey.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * What could be done.
     *
     * @return the description, not blank, at most 2000 characters
     */
    @NotBlank
    @Size(max = 2000)
    public abstract String getDescription();

    /**
     * The expected benefit for customer and organisation, from 1 (low) to 5 (high).
     *
     * @return the impact, 1 to 5
     */
    @Min(1)
    @Max(5)
    public int getImpact() {
        return given(impact());
    }

    /**
     * The impact as given to the builder; boxed, so that a builder without it reports it missing instead of taking 0
     * ({@link org.journeykit.internal.ValueStyle}).
     *
     * @return the impact, null only while the checks run on an opportunity built without one
     */
    abstract @Nullable Integer impact();

    /**
     * The expected cost of realising it, from 1 (low) to 5 (high).
     *
     * @return the effort, 1 to 5
     */
    @Min(1)
    @Max(5)
    public int getEffort() {
        return given(effort());
    }

    /**
     * The effort as given to the builder; boxed like {@link #impact()}.
     *
     * @return the effort, null only while the checks run on an opportunity built without one
     */
    abstract @Nullable Integer effort();

    private static int given(@Nullable Integer value) {
        if (value == null) {
            throw new IllegalStateException("unreachable: a built opportunity has its impact and effort");
        }
        return value;
    }

    /**
     * The ids of the pain points of the same journey that this opportunity addresses.
     *
     * @return the ids, sorted, possibly empty
     */
    @Value.NaturalOrder
    public abstract SortedSet<@NotBlank String> getAddresses();

    /**
     * The department that would carry it out.
     *
     * @return the department, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getOwner();

    /**
     * Where the opportunity falls in the impact/effort matrix: impact 3 or more counts as high, effort 3 or more
     * counts as high.
     *
     * @return the quadrant, not null
     */
    public Priority getPriority() {
        boolean highImpact = getImpact() >= 3;
        boolean highEffort = getEffort() >= 3;
        if (highImpact) {
            return highEffort ? Priority.MAJOR_PROJECT : Priority.QUICK_WIN;
        }
        return highEffort ? Priority.THANKLESS_TASK : Priority.FILL_IN;
    }

    /**
     * Creates an opportunity that addresses no particular pain point.
     *
     * @param id the id, not null
     * @param description what could be done, not null, not blank
     * @param impact from 1 to 5
     * @param effort from 1 to 5
     * @return the opportunity, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static Opportunity of(String id, String description, int impact, int effort) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .description(Objects.requireNonNull(description, "description"))
                .impact(impact)
                .effort(effort)
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
        Checks checks = Checks.of("Opportunity", getId());
        checks.id("id", getId()).text("description", getDescription(), 2000);
        if (checks.required("impact", impact()) && (getImpact() < 1 || getImpact() > 5)) {
            checks.add(RuleCode.RANGE, "impact", getImpact(), "must be between 1 and 5");
        }
        if (checks.required("effort", effort()) && (getEffort() < 1 || getEffort() > 5)) {
            checks.add(RuleCode.RANGE, "effort", getEffort(), "must be between 1 and 5");
        }
        for (String id : getAddresses()) {
            checks.id("addresses", id);
        }
        checks.text("owner", getOwner(), 200);
        checks.throwIfAny();
    }

    /** The quadrants of the impact/effort matrix. */
    public enum Priority {
        /** High impact, low effort: do first. */
        QUICK_WIN,
        /** High impact, high effort: plan as a project. */
        MAJOR_PROJECT,
        /** Low impact, low effort: do when there is time. */
        FILL_IN,
        /** Low impact, high effort: usually not worth doing. */
        THANKLESS_TASK
    }

    /**
     * Builds an {@link Opportunity}. Required: id, description, impact, effort.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableOpportunity.Builder {
        Builder() {}

        /**
         * Sets the impact.
         *
         * @param impact the impact, 1 to 5
         * @return this builder, not null
         */
        public Builder impact(int impact) {
            return impact(Integer.valueOf(impact));
        }

        /**
         * Sets the effort.
         *
         * @param effort the effort, 1 to 5
         * @return this builder, not null
         */
        public Builder effort(int effort) {
            return effort(Integer.valueOf(effort));
        }
    }
}
