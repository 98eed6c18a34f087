package org.journeykit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Makes interaction events straight from their fields, without a builder, for journey-io's CSV event reader, which
 * reads events by the million: a builder and its attribute store per event took about a fifth of that reader's own
 * time (beyond parsing the CSV). The event runs the same checks as {@link InteractionEvent.Builder#build()} and
 * throws the same exceptions.
 *
 * <p>Not API: this package is exported to {@code org.journeykit.io} only. {@link InteractionEvent} registers its
 * constructor here when it is initialized, as the JDK's own packages share their internals.
 */
public final class EventFactory {

    /** The constructor of {@link InteractionEvent}, registered by that class. */
    @FunctionalInterface
    public interface Constructor {

        /**
         * Makes and checks an event.
         *
         * @param customerId the customer id, or null (refused)
         * @param time the time, or null (refused)
         * @param touchpointId the touchpoint id, or null
         * @param activity the activity, or null
         * @param channelId the channel id, or null
         * @param phaseId the phase id, or null
         * @param agentId the agent id, or null
         * @param outcome the outcome, or null
         * @param duration the duration, or null
         * @param attributes the attributes, as {@link EventFactory#event} takes them
         * @return the event
         */
        InteractionEvent event(@Nullable String customerId, @Nullable Instant time, @Nullable String touchpointId,
                @Nullable String activity, @Nullable String channelId, @Nullable String phaseId,
                @Nullable String agentId, @Nullable Outcome outcome, @Nullable Duration duration,
                @Nullable String[] attributes);
    }

    private static volatile @Nullable Constructor constructor;

    private EventFactory() {}

    /**
     * Registers the constructor: called once, by {@link InteractionEvent}'s static initializer, and by no other
     * class (on the class path this package is open to every caller, so the caller is checked).
     *
     * @param eventConstructor the constructor
     * @throws IllegalCallerException if the caller is not {@link InteractionEvent}
     * @throws IllegalStateException if one is registered already
     */
    public static synchronized void register(Constructor eventConstructor) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != InteractionEvent.class) {
            throw new IllegalCallerException("only InteractionEvent registers its constructor, not " + caller.getName());
        }
        if (constructor != null) {
            throw new IllegalStateException("the event constructor is registered already");
        }
        constructor = Objects.requireNonNull(eventConstructor, "eventConstructor");
    }

    /**
     * Makes an event from its fields, checked as a builder checks it.
     *
     * @param customerId the customer id, or null (refused)
     * @param time the time, or null (refused)
     * @param touchpointId the touchpoint id, or null
     * @param activity the activity, or null
     * @param channelId the channel id, or null
     * @param phaseId the phase id, or null
     * @param agentId the agent id, or null
     * @param outcome the outcome, or null
     * @param duration the duration, or null
     * @param attributes keys at even and their values at odd indexes, the keys distinct, in the order the event's
     *     {@code getAttributes()} gives them; the event keeps the array, so the caller must not change it afterwards
     * @return the event; not null
     * @throws IllegalArgumentException if the attribute array has an odd length
     * @throws org.journeykit.error.MissingFieldException if the customer id, the time, or both the touchpoint and
     *     the activity are missing, with every other problem
     * @throws org.journeykit.error.InvalidModelException if a field breaks its rule, with every problem found
     */
    public static InteractionEvent event(@Nullable String customerId, @Nullable Instant time,
            @Nullable String touchpointId, @Nullable String activity, @Nullable String channelId,
            @Nullable String phaseId, @Nullable String agentId, @Nullable Outcome outcome, @Nullable Duration duration,
            @Nullable String[] attributes) {
        if ((attributes.length & 1) != 0) {
            throw new IllegalArgumentException("attributes must be key and value pairs, had " + attributes.length
                    + " entries");
        }
        Constructor registered = constructor;
        if (registered == null) {
            // Not yet initialized, InteractionEvent registers its constructor when it is; the class initialization
            // lock makes that registration visible here.
            InteractionEvent.builder();
            registered = Objects.requireNonNull(constructor, "InteractionEvent registered no constructor");
        }
        return registered.event(customerId, time, touchpointId, activity, channelId, phaseId, agentId, outcome,
                duration, attributes);
    }
}
