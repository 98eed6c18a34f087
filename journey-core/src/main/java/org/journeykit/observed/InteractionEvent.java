package org.journeykit.observed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.internal.Checks;
import org.journeykit.internal.EventFactory;
import org.journeykit.model.Ids;
import org.journeykit.error.RuleCode;
import org.jspecify.annotations.Nullable;

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
 * <p>This class is immutable and thread-safe. It is written by hand rather than generated like the model's types:
 * events are read by the million, and the attributes live in one array per event instead of a copied
 * {@code LinkedHashMap} ({@code EventAttributes}). Two events are equal when all their fields are.
 */
public final class InteractionEvent {

    /** The most attributes an event may carry. */
    public static final int MAX_ATTRIBUTES = 64;

    private final String customerId;
    private final Instant time;
    private final @Nullable String touchpointId;
    private final @Nullable String activity;
    private final @Nullable String channelId;
    private final @Nullable String phaseId;
    private final @Nullable String agentId;
    private final @Nullable Outcome outcome;
    private final @Nullable Duration duration;
    /** Keys at even, values at odd indexes; {@link #getAttributes()} is a view. */
    private final @Nullable String[] attributes;

    static {
        EventFactory.register(InteractionEvent::new);
    }

    // Every event is made here, from a builder or from journey-io's CSV event reader through EventFactory: the
    // checks run for both.
    private InteractionEvent(@Nullable String customerId, @Nullable Instant time, @Nullable String touchpointId,
            @Nullable String activity, @Nullable String channelId, @Nullable String phaseId, @Nullable String agentId,
            @Nullable Outcome outcome, @Nullable Duration duration, @Nullable String[] attributes) {
        check(customerId, time, touchpointId, activity, channelId, phaseId, agentId, duration, attributes);
        this.customerId = Objects.requireNonNull(customerId);
        this.time = Objects.requireNonNull(time);
        this.touchpointId = touchpointId;
        this.activity = activity;
        this.channelId = channelId;
        this.phaseId = phaseId;
        this.agentId = agentId;
        this.outcome = outcome;
        this.duration = duration;
        this.attributes = attributes.length == 0 ? EventAttributes.NONE : attributes;
    }

    /**
     * A pseudonymous key of the customer.
     *
     * @return the customer id, 1 to 128 characters
     */
    @NotBlank
    @Size(max = 128)
    public String getCustomerId() {
        return customerId;
    }

    /**
     * When the interaction happened (its start, where it has a duration).
     *
     * @return the instant, not null
     */
    @NotNull
    public Instant getTime() {
        return time;
    }

    /**
     * The id of the planned touchpoint this event is an instance of.
     *
     * @return the touchpoint id, or empty when only the activity is known
     */
    public Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getTouchpointId() {
        return Optional.ofNullable(touchpointId);
    }

    /**
     * The raw activity name as the source system records it, such as "order form submitted".
     *
     * @return the activity, at most 200 characters, or empty when only the touchpoint is known
     */
    public Optional<@Size(max = 200) String> getActivity() {
        return Optional.ofNullable(activity);
    }

    /**
     * The channel used.
     *
     * @return the channel id, or empty
     */
    public Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getChannelId() {
        return Optional.ofNullable(channelId);
    }

    /**
     * The journey phase the event belongs to.
     *
     * @return the phase id, or empty
     */
    public Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getPhaseId() {
        return Optional.ofNullable(phaseId);
    }

    /**
     * The employee who handled the interaction.
     *
     * @return the agent id, or empty
     */
    public Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getAgentId() {
        return Optional.ofNullable(agentId);
    }

    /**
     * How the interaction ended.
     *
     * @return the outcome, or empty when not recorded
     */
    public Optional<Outcome> getOutcome() {
        return Optional.ofNullable(outcome);
    }

    /**
     * How long the interaction took (handle time for a contact).
     *
     * @return a duration of zero or more, or empty
     */
    public Optional<Duration> getDuration() {
        return Optional.ofNullable(duration);
    }

    /**
     * Further attributes, such as {@code reason=invoice}.
     *
     * @return an unmodifiable map in the order the keys were first given, at most 64 entries, possibly empty
     */
    @Size(max = MAX_ATTRIBUTES)
    public Map<@NotBlank @Size(max = 128) String, @NotNull @Size(max = 1000) String> getAttributes() {
        return EventAttributes.view(attributes);
    }

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

    private static void check(@Nullable String customerId, @Nullable Instant time, @Nullable String touchpointId,
            @Nullable String activity, @Nullable String channelId, @Nullable String phaseId, @Nullable String agentId,
            @Nullable Duration duration, @Nullable String[] attributes) {
        Checks checks = Checks.of("InteractionEvent", null);
        checks.text("customerId", customerId, 128);
        if (time == null) {
            checks.required("time", null);
        } else if (!TimeLimits.isSupported(time)) {
            checks.add(RuleCode.TIME_RANGE, "time", time, TimeLimits.RULE);
        }
        if (touchpointId == null && activity == null) {
            checks.add(RuleCode.REQUIRED, "touchpointId", null, "must be set, or activity must be set");
        }
        if (touchpointId != null) {
            checks.id("touchpointId", touchpointId);
        }
        if (activity != null) {
            checks.text("activity", activity, 200);
        }
        if (channelId != null) {
            checks.id("channelId", channelId);
        }
        if (phaseId != null) {
            checks.id("phaseId", phaseId);
        }
        if (agentId != null) {
            checks.id("agentId", agentId);
        }
        if (duration != null && duration.isNegative()) {
            checks.add(RuleCode.RANGE, "duration", duration, "must not be negative");
        }
        int size = attributes.length / 2;
        if (size > MAX_ATTRIBUTES) {
            checks.add(RuleCode.TOO_LONG, "attributes", size + " entries", "must have at most 64 entries");
        }
        for (int i = 0; i < size; i++) {
            String key = attributes[2 * i];
            String value = attributes[2 * i + 1];
            if (key == null) {
                checks.add(RuleCode.REQUIRED, "attributes", null, "keys must not be null");
            } else if (Checks.isBlank(key) || key.length() > 128) {
                checks.add(RuleCode.TOO_LONG, "attributes", key, "keys must be 1 to 128 characters, not blank");
            } else {
                checks.unicode("attributes", key);
            }
            // The field name is built only for a problem: these checks run for every attribute of every event.
            if (value == null) {
                checks.add(RuleCode.REQUIRED, "attributes." + key, null, "is required");
            } else if (value.length() > 1000) {
                checks.add(RuleCode.TOO_LONG, "attributes." + key, value, "must be at most 1000 characters");
            } else if (Checks.hasLoneSurrogate(value)) {
                checks.unicode("attributes." + key, value);
            }
        }
        checks.throwIfAny();
    }

    /**
     * Compares all fields.
     *
     * @param other the object to compare with, may be null
     * @return true if {@code other} is an event with equal fields
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof InteractionEvent)) {
            return false;
        }
        InteractionEvent that = (InteractionEvent) other;
        return customerId.equals(that.customerId)
                && time.equals(that.time)
                && Objects.equals(touchpointId, that.touchpointId)
                && Objects.equals(activity, that.activity)
                && Objects.equals(channelId, that.channelId)
                && Objects.equals(phaseId, that.phaseId)
                && Objects.equals(agentId, that.agentId)
                && outcome == that.outcome
                && Objects.equals(duration, that.duration)
                && EventAttributes.equal(attributes, that.attributes);
    }

    /**
     * A hash of all fields, consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        int h = 5381;
        h += (h << 5) + customerId.hashCode();
        h += (h << 5) + time.hashCode();
        h += (h << 5) + Objects.hashCode(touchpointId);
        h += (h << 5) + Objects.hashCode(activity);
        h += (h << 5) + Objects.hashCode(channelId);
        h += (h << 5) + Objects.hashCode(phaseId);
        h += (h << 5) + Objects.hashCode(agentId);
        h += (h << 5) + Objects.hashCode(outcome);
        h += (h << 5) + Objects.hashCode(duration);
        h += (h << 5) + EventAttributes.hashCode(attributes);
        return h;
    }

    /**
     * The fields that are set, as the model's types print theirs, such as
     * {@code InteractionEvent{customerId=c-1, time=2026-03-01T09:30:00Z, touchpointId=order-form, attributes={}}}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("InteractionEvent{customerId=").append(customerId)
                .append(", time=").append(time);
        field(text, "touchpointId", touchpointId);
        field(text, "activity", activity);
        field(text, "channelId", channelId);
        field(text, "phaseId", phaseId);
        field(text, "agentId", agentId);
        field(text, "outcome", outcome);
        field(text, "duration", duration);
        return text.append(", attributes=").append(getAttributes()).append('}').toString();
    }

    private static void field(StringBuilder text, String name, @Nullable Object value) {
        if (value != null) {
            text.append(", ").append(name).append('=').append(value);
        }
    }

    /**
     * Builds an {@link InteractionEvent}. Required: customerId, time, and touchpointId or activity. {@link #build()}
     * checks every field and reports every broken one in one exception; a builder can build again after more
     * changes.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends EventAttributes.Draft {

        private @Nullable String customerId;
        private @Nullable Instant time;
        private @Nullable String touchpointId;
        private @Nullable String activity;
        private @Nullable String channelId;
        private @Nullable String phaseId;
        private @Nullable String agentId;
        private @Nullable Outcome outcome;
        private @Nullable Duration duration;

        Builder() {}

        /**
         * Fills this builder from an event: every field the event has replaces this builder's, and its attributes
         * are added to those given so far.
         *
         * @param event the event to copy, not null
         * @return this builder
         * @throws NullPointerException if {@code event} is null
         */
        public Builder from(InteractionEvent event) {
            Objects.requireNonNull(event, "event");
            customerId = event.customerId;
            time = event.time;
            touchpointId = event.touchpointId != null ? event.touchpointId : touchpointId;
            activity = event.activity != null ? event.activity : activity;
            channelId = event.channelId != null ? event.channelId : channelId;
            phaseId = event.phaseId != null ? event.phaseId : phaseId;
            agentId = event.agentId != null ? event.agentId : agentId;
            outcome = event.outcome != null ? event.outcome : outcome;
            duration = event.duration != null ? event.duration : duration;
            putEntries(event.attributes);
            return this;
        }

        /**
         * Sets the customer id.
         *
         * @param customerId the pseudonymous customer key, 1 to 128 characters; null leaves it unset, which
         *     {@link #build()} reports
         * @return this builder
         */
        public Builder customerId(@Nullable String customerId) {
            this.customerId = customerId;
            return this;
        }

        /**
         * Sets when the interaction happened.
         *
         * @param time the instant, within {@link TimeLimits}; null leaves it unset, which {@link #build()} reports
         * @return this builder
         */
        public Builder time(@Nullable Instant time) {
            this.time = time;
            return this;
        }

        /**
         * Sets the touchpoint id.
         *
         * @param touchpointId the id, not null
         * @return this builder
         * @throws NullPointerException if {@code touchpointId} is null
         */
        public Builder touchpointId(String touchpointId) {
            this.touchpointId = Objects.requireNonNull(touchpointId, "touchpointId");
            return this;
        }

        /**
         * Sets or clears the touchpoint id.
         *
         * @param touchpointId the id, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code touchpointId} is null
         */
        public Builder touchpointId(Optional<String> touchpointId) {
            this.touchpointId = touchpointId.orElse(null);
            return this;
        }

        /**
         * Sets the raw activity name.
         *
         * @param activity the activity, at most 200 characters, not null
         * @return this builder
         * @throws NullPointerException if {@code activity} is null
         */
        public Builder activity(String activity) {
            this.activity = Objects.requireNonNull(activity, "activity");
            return this;
        }

        /**
         * Sets or clears the raw activity name.
         *
         * @param activity the activity, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code activity} is null
         */
        public Builder activity(Optional<String> activity) {
            this.activity = activity.orElse(null);
            return this;
        }

        /**
         * Sets the channel id.
         *
         * @param channelId the id, not null
         * @return this builder
         * @throws NullPointerException if {@code channelId} is null
         */
        public Builder channelId(String channelId) {
            this.channelId = Objects.requireNonNull(channelId, "channelId");
            return this;
        }

        /**
         * Sets or clears the channel id.
         *
         * @param channelId the id, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code channelId} is null
         */
        public Builder channelId(Optional<String> channelId) {
            this.channelId = channelId.orElse(null);
            return this;
        }

        /**
         * Sets the phase id.
         *
         * @param phaseId the id, not null
         * @return this builder
         * @throws NullPointerException if {@code phaseId} is null
         */
        public Builder phaseId(String phaseId) {
            this.phaseId = Objects.requireNonNull(phaseId, "phaseId");
            return this;
        }

        /**
         * Sets or clears the phase id.
         *
         * @param phaseId the id, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code phaseId} is null
         */
        public Builder phaseId(Optional<String> phaseId) {
            this.phaseId = phaseId.orElse(null);
            return this;
        }

        /**
         * Sets the id of the agent who handled the interaction.
         *
         * @param agentId the id, not null
         * @return this builder
         * @throws NullPointerException if {@code agentId} is null
         */
        public Builder agentId(String agentId) {
            this.agentId = Objects.requireNonNull(agentId, "agentId");
            return this;
        }

        /**
         * Sets or clears the agent id.
         *
         * @param agentId the id, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code agentId} is null
         */
        public Builder agentId(Optional<String> agentId) {
            this.agentId = agentId.orElse(null);
            return this;
        }

        /**
         * Sets how the interaction ended.
         *
         * @param outcome the outcome, not null
         * @return this builder
         * @throws NullPointerException if {@code outcome} is null
         */
        public Builder outcome(Outcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        /**
         * Sets or clears the outcome.
         *
         * @param outcome the outcome, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code outcome} is null
         */
        public Builder outcome(Optional<? extends Outcome> outcome) {
            this.outcome = outcome.orElse(null);
            return this;
        }

        /**
         * Sets how long the interaction took.
         *
         * @param duration zero or more, not null
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         */
        public Builder duration(Duration duration) {
            this.duration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /**
         * Sets or clears the duration.
         *
         * @param duration the duration, or empty to clear it; not null
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         */
        public Builder duration(Optional<? extends Duration> duration) {
            this.duration = duration.orElse(null);
            return this;
        }

        /**
         * Puts one attribute; a key given again keeps its place and takes the new value.
         *
         * @param key 1 to 128 characters; null is reported by {@link #build()}
         * @param value at most 1000 characters; null is reported by {@link #build()}
         * @return this builder
         */
        public Builder putAttribute(@Nullable String key, @Nullable String value) {
            putEntry(key, value);
            return this;
        }

        /**
         * Puts one attribute from a map entry, as {@link #putAttribute(String, String)}.
         *
         * @param entry the entry, not null
         * @return this builder
         * @throws NullPointerException if {@code entry} is null
         */
        public Builder putAttribute(Map.Entry<? extends @Nullable String, ? extends @Nullable String> entry) {
            putEntry(entry.getKey(), entry.getValue());
            return this;
        }

        /**
         * Replaces all attributes with the entries of a map, in its iteration order.
         *
         * @param entries the attributes, not null
         * @return this builder
         * @throws NullPointerException if {@code entries} is null
         */
        public Builder attributes(Map<? extends @Nullable String, ? extends @Nullable String> entries) {
            Objects.requireNonNull(entries, "entries");
            clearEntries();
            putEntries(entries);
            return this;
        }

        /**
         * Puts every entry of a map, in its iteration order, as {@link #putAttribute(String, String)}.
         *
         * @param entries the attributes, not null
         * @return this builder
         * @throws NullPointerException if {@code entries} is null
         */
        public Builder putAllAttributes(Map<? extends @Nullable String, ? extends @Nullable String> entries) {
            putEntries(Objects.requireNonNull(entries, "entries"));
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event, not null
         * @throws org.journeykit.error.MissingFieldException if the customer id, the time, or both the touchpoint
         *     and the activity are missing, with every other problem
         * @throws org.journeykit.error.InvalidModelException if a field breaks its rule, with every problem found
         */
        public InteractionEvent build() {
            return new InteractionEvent(customerId, time, touchpointId, activity, channelId, phaseId, agentId, outcome,
                    duration, freezeEntries());
        }
    }
}
