package org.journeykit.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.error.Problem;
import org.journeykit.internal.Checks;
import org.journeykit.error.RuleCode;

/**
 * A touchpoint (contactmoment): one interaction between customer and organisation on the journey's timeline.
 *
 * <p>It sits in one of its journey's phases, happens on a channel, and records what the customer does, what the
 * organisation does in front of and behind the scenes, which department owns it, how the customer felt, the pain
 * points and opportunities found there, its contact-moment classification and rating, and whether it is a moment of
 * truth. Only the id, name and phase are required: a map is often filled in over several workshops, and
 * {@link org.journeykit.analysis.CompletenessCheck} lists what is still missing.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Touchpoint {

    Touchpoint() {}

    /**
     * The identifier, unique within the journey; events and survey responses refer to it.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * The name shown on the map, such as "Fill in the order form".
     *
     * @return the name, not blank, at most 200 characters
     */
    @NotBlank
    @Size(max = 200)
    public abstract String getName();

    /**
     * The id of the journey phase this touchpoint belongs to.
     *
     * @return the phase id, one of the journey's phases
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getPhaseId();

    /**
     * The id of the channel the interaction happens on.
     *
     * @return the channel id, one of the model's channels, or empty when not yet known
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getChannelId();

    /**
     * What the customer does (klantactie).
     *
     * @return the action, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getCustomerAction();

    /**
     * What the organisation does in view of the customer (front stage).
     *
     * @return the front-stage part, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getFrontStage();

    /**
     * What the organisation does out of the customer's view (back stage).
     *
     * @return the back-stage part, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getBackStage();

    /**
     * The department that owns this touchpoint.
     *
     * @return the department, at most 200 characters, or empty
     */
    public abstract Optional<@Size(max = 200) String> getDepartment();

    /**
     * How the customer felt.
     *
     * @return the emotion, on the journey's emotion scale, or empty when not yet known
     */
    public abstract Optional<@Valid Emotion> getEmotion();

    /**
     * The pain points found at this touchpoint.
     *
     * @return the pain points in the order given, possibly empty
     */
    public abstract List<@Valid @NotNull PainPoint> getPainPoints();

    /**
     * The opportunities found at this touchpoint.
     *
     * @return the opportunities in the order given, possibly empty
     */
    public abstract List<@Valid @NotNull Opportunity> getOpportunities();

    /**
     * The contact-moment classification: the answers to "important to the customer?" and "strengthens the brand?".
     *
     * @return the kind, or empty when not yet classified
     */
    public abstract Optional<MomentKind> getMomentKind();

    /**
     * How well the touchpoint performs today.
     *
     * @return the rating, or empty when not yet rated
     */
    public abstract Optional<Rating> getRating();

    /**
     * Whether this is a moment of truth: a moment that decides how the customer sees the organisation.
     *
     * @return true for a moment of truth; false unless set
     */
    @Value.Default
    public boolean isMomentOfTruth() {
        return false;
    }

    /**
     * How long the touchpoint is expected to take, or to wait from the previous one, in the planned journey.
     *
     * @return a positive duration, or empty
     */
    public abstract Optional<Duration> getExpectedDuration();

    /**
     * Creates a touchpoint with only its required fields.
     *
     * @param id the id, not null
     * @param name the name, not null, not blank
     * @param phaseId the id of the journey phase, not null
     * @return the touchpoint, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static Touchpoint of(String id, String name, String phaseId) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .name(Objects.requireNonNull(name, "name"))
                .phaseId(Objects.requireNonNull(phaseId, "phaseId"))
                .build();
    }

    /**
     * Returns a copy with another emotion.
     *
     * @param emotion the emotion, not null
     * @return the copy, not null
     */
    public abstract Touchpoint withEmotion(Emotion emotion);

    /**
     * Returns a copy on another channel.
     *
     * @param channelId the channel id, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the id breaks its rule
     */
    public abstract Touchpoint withChannelId(String channelId);

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
        Checks checks = Checks.of("Touchpoint", getId());
        checks.id("id", getId()).text("name", getName(), 200).id("phaseId", getPhaseId());
        checks.id("channelId", getChannelId());
        checks.text("customerAction", getCustomerAction(), 2000);
        checks.text("frontStage", getFrontStage(), 2000);
        checks.text("backStage", getBackStage(), 2000);
        checks.text("department", getDepartment(), 200);
        getExpectedDuration().ifPresent(duration -> {
            if (duration.isNegative() || duration.isZero()) {
                checks.add(RuleCode.RANGE, "expectedDuration", duration, "must be positive");
            }
        });
        checks.uniqueIds("painPoints", getPainPoints(), PainPoint::getId);
        checks.uniqueIds("opportunities", getOpportunities(), Opportunity::getId);
        checks.throwIfAny();
    }

    /**
     * Builds a {@link Touchpoint}. Required: id, name, phaseId.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableTouchpoint.Builder {
        Builder() {}

        /**
         * Sets the contact-moment classification from the two answers.
         *
         * @param importantToCustomer whether the moment is important to the customer
         * @param strengthensBrand whether it strengthens positioning and brand values
         * @return this builder, not null
         */
        public Builder classification(boolean importantToCustomer, boolean strengthensBrand) {
            momentKind(MomentKind.of(importantToCustomer, strengthensBrand));
            return this;
        }
    }

    static Problem.Segment segment(int index, Touchpoint touchpoint) {
        return Problem.Segment.element("touchpoints", index, touchpoint.getId());
    }
}
