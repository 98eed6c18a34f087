package org.journeykit.model;

import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;

/**
 * The demographic profile of a persona; every field is optional.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Demographics {

    private static final Demographics NONE = builder().build();

    Demographics() {}

    /**
     * The persona's age or age range.
     *
     * @return the age range, or empty
     */
    public abstract Optional<AgeRange> getAge();

    /**
     * The persona's gender, in the organisation's own words.
     *
     * @return the gender, at most 100 characters, or empty
     */
    public abstract Optional<@Size(max = 100) String> getGender();

    /**
     * Where the persona lives or works.
     *
     * @return the location, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getLocation();

    /**
     * The persona's marital status.
     *
     * @return the status, at most 100 characters, or empty
     */
    public abstract Optional<@Size(max = 100) String> getMaritalStatus();

    /**
     * The household's yearly income range.
     *
     * @return the income range, or empty
     */
    public abstract Optional<IncomeRange> getHouseholdIncome();

    /**
     * Demographics with no field set.
     *
     * @return the empty profile, not null
     */
    public static Demographics none() {
        return NONE;
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
        Checks checks = Checks.of("Demographics", null);
        checks.text("gender", getGender(), 100);
        checks.text("location", getLocation(), 200);
        checks.text("maritalStatus", getMaritalStatus(), 100);
        checks.throwIfAny();
    }

    /**
     * Builds {@link Demographics}. Nothing is required.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableDemographics.Builder {
        Builder() {}
    }
}
