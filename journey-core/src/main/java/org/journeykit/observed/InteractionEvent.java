package org.journeykit.observed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;
import org.journeykit.model.Ids;
import org.journeykit.error.RuleCode;

/**
 * Something a customer did, observed in a CRM, web analytics or a contact centre: who, when, at which touchpoint
 * (or which raw activity), on which channel, in which phase, handled by which agent, with which outcome and how
 * long it took, plus free attributes such as the contact reason.
 *
 * <p>Rules checked when it is built: a customer id and a time are required, the time within {@link TimeLimits}; at
 * least one of touchpoint id and activity is set; the duration is not negative; at most 64 attributes with keys of
 * at most 128 and values of at most 1000 characters. The customer id is a pseudonymous key: keep names and contact
 * details out of it.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class InteractionEvent {

    /** The most attributes an event may carry. */
    public static final int MAX_ATTRIBUTES = 64;

    InteractionEvent() {}

    /**
     * A pseudonymous key of the customer.
     *
     * @return the customer id, 1 to 128 characters
     */
    @NotBlank
    @Size(max = 128)
    public abstract String getCustomerId();

    /**
     * When the interaction happened (its start, where it has a duration).
     *
     * @return the instant, not null
     */
    @NotNull
    public abstract Instant getTime();

    /**
     * The id of the planned touchpoint this event is an instance of.
     *
     * @return the touchpoint id, or empty when only the activity is known
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getTouchpointId();

    /**
     * The raw activity name as the source system records it, such as "order form submitted".
     *
     * @return the activity, at most 200 characters, or empty when only the touchpoint is known
     */
    public abstract Optional<@Size(max = 200) String> getActivity();

    /**
     * The channel used.
     *
     * @return the channel id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getChannelId();

    /**
     * The journey phase the event belongs to.
     *
     * @return the phase id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getPhaseId();

    /**
     * The employee who handled the interaction.
     *
     * @return the agent id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getAgentId();

    /**
     * How the interaction ended.
     *
     * @return the outcome, or empty when not recorded
     */
    public abstract Optional<Outcome> getOutcome();

    /**
     * How long the interaction took (handle time for a contact).
     *
     * @return a duration of zero or more, or empty
     */
    public abstract Optional<Duration> getDuration();

    /**
     * Further attributes, such as {@code reason=invoice}.
     *
     * @return the attributes in the order given, at most 64, possibly empty
     */
    @Size(max = MAX_ATTRIBUTES)
    public abstract Map<@NotBlank @Size(max = 128) String, @NotNull @Size(max = 1000) String> getAttributes();

    /**
     * Creates an event at a touchpoint.
     *
     * @param customerId the customer, not null
     * @param time when, not null
     * @param touchpointId the touchpoint id, not null
     * @return the event, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static InteractionEvent of(String customerId, Instant time, String touchpointId) {
        return builder()
                .customerId(Objects.requireNonNull(customerId, "customerId"))
                .time(Objects.requireNonNull(time, "time"))
                .touchpointId(Objects.requireNonNull(touchpointId, "touchpointId"))
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
        Checks checks = Checks.of("InteractionEvent", null);
        checks.text("customerId", getCustomerId(), 128);
        if (checks.required("time", getTime()) && !TimeLimits.isSupported(getTime())) {
            checks.add(RuleCode.TIME_RANGE, "time", getTime(), TimeLimits.RULE);
        }
        if (getTouchpointId().isEmpty() && getActivity().isEmpty()) {
            checks.add(RuleCode.REQUIRED, "touchpointId", null, "must be set, or activity must be set");
        }
        checks.id("touchpointId", getTouchpointId());
        checks.text("activity", getActivity(), 200);
        checks.id("channelId", getChannelId());
        checks.id("phaseId", getPhaseId());
        checks.id("agentId", getAgentId());
        Optional<Duration> duration = getDuration();
        if (duration.isPresent() && duration.get().isNegative()) {
            checks.add(RuleCode.RANGE, "duration", duration.get(), "must not be negative");
        }
        if (getAttributes().size() > MAX_ATTRIBUTES) {
            checks.add(RuleCode.TOO_LONG, "attributes", getAttributes().size() + " entries",
                    "must have at most 64 entries");
        }
        for (Map.Entry<String, String> attribute : getAttributes().entrySet()) {
            String key = attribute.getKey();
            String value = attribute.getValue();
            if (key.isBlank() || key.length() > 128) {
                checks.add(RuleCode.TOO_LONG, "attributes", key, "keys must be 1 to 128 characters, not blank");
            } else {
                checks.unicode("attributes", key);
            }
            if (value.length() > 1000) {
                checks.add(RuleCode.TOO_LONG, "attributes." + key, value, "must be at most 1000 characters");
            } else if (Checks.hasLoneSurrogate(value)) {
                // The field name is built only for a problem: this check runs for every attribute of every event.
                checks.unicode("attributes." + key, value);
            }
        }
        checks.throwIfAny();
    }

    /**
     * Builds an {@link InteractionEvent}. Required: customerId, time, and touchpointId or activity.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableInteractionEvent.Builder {
        Builder() {}
    }
}
