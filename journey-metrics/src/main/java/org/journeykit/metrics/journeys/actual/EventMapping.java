package org.journeykit.metrics.journeys.actual;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * How an interaction event becomes a step of an actual journey.
 *
 * <p>The mapping reads one field of the event (its {@linkplain Source source}): the touchpoint id, the phase id,
 * the channel id or the raw activity. Optionally a caller-supplied table translates that value (for example from
 * an activity such as "order form submitted" to the touchpoint id {@code order-form}). For {@link Source#PHASE}
 * with a plan, an event without a phase id takes the phase of its planned touchpoint.
 *
 * <p>Rules, in order: (1) read the source value; for {@link Source#TOUCHPOINT} an event without a touchpoint id
 * falls back to its activity looked up in the table; (2) if a table is given, translate the value; a value absent
 * from the table is unmapped; (3) if the mapping is {@linkplain #strict(Journey) strict}, an unmapped value or a
 * step that is not in the plan throws {@link JourneyAnalyticsException}; otherwise the event is skipped and
 * counted by {@link ActualJourneyBuilder#skippedCount()}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EventMapping {

    /** Which field of an event names its step. */
    public enum Source {
        /** The event's touchpoint id (or its activity translated by the table). */
        TOUCHPOINT,
        /** The event's phase id (or, with a plan, the phase of its touchpoint). */
        PHASE,
        /** The event's channel id. */
        CHANNEL,
        /** The event's raw activity. */
        ACTIVITY
    }

    private final Source source;
    private final Map<String, String> table;
    private final @Nullable Journey plan;
    private final Set<String> allowed;
    private final boolean strict;

    private EventMapping(Source source, Map<String, String> table, @Nullable Journey plan, Set<String> allowed,
            boolean strict) {
        this.source = source;
        this.table = table;
        this.plan = plan;
        this.allowed = allowed;
        this.strict = strict;
    }

    /**
     * A lenient mapping by the given source field, without a table.
     *
     * @param source which field names the step, not null
     * @return the mapping, not null
     * @throws NullPointerException if source is null
     */
    public static EventMapping by(Source source) {
        return new EventMapping(Objects.requireNonNull(source, "source"), Map.of(), null, Set.of(), false);
    }

    /**
     * A copy that translates the source value through a table (for example activity or channel to touchpoint id).
     *
     * @param table from source value to step, not null, copied
     * @return the new mapping, not null
     * @throws NullPointerException if the table or one of its keys or values is null
     */
    public EventMapping withTable(Map<String, String> table) {
        return new EventMapping(source, Map.copyOf(new LinkedHashMap<>(table)), plan, allowed, strict);
    }

    /**
     * A strict copy checked against a planned journey: every event must map to a step of the plan (a touchpoint id,
     * or a phase id for {@link Source#PHASE}); anything else throws {@link JourneyAnalyticsException}.
     *
     * @param plan the planned journey, not null
     * @return the new mapping, not null
     * @throws NullPointerException if plan is null
     */
    public EventMapping strict(Journey plan) {
        Set<String> ids = new LinkedHashSet<>();
        if (source == Source.PHASE) {
            plan.getPhases().forEach(phase -> ids.add(phase.getId()));
        } else {
            plan.getTouchpoints().forEach(touchpoint -> ids.add(touchpoint.getId()));
        }
        return new EventMapping(source, table, plan, Set.copyOf(ids), true);
    }

    /**
     * The field that names the step.
     *
     * @return the source, not null
     */
    public Source getSource() {
        return source;
    }

    /**
     * Whether unknown steps throw rather than being skipped.
     *
     * @return true for a strict mapping
     */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Maps one event to its step.
     *
     * @param event the event, not null
     * @param index the event's zero-based index, used in error messages
     * @return the step, or null when a lenient mapping skips the event
     * @throws JourneyAnalyticsException if a strict mapping cannot map the event
     */
    @Nullable String stepOf(InteractionEvent event, long index) {
        Optional<String> raw;
        switch (source) {
            case TOUCHPOINT:
                raw = event.getTouchpointId();
                if (raw.isEmpty() && !table.isEmpty()) {
                    raw = event.getActivity();
                }
                break;
            case PHASE:
                raw = event.getPhaseId();
                if (raw.isEmpty() && plan != null) {
                    raw = event.getTouchpointId().flatMap(plan::findTouchpoint).map(Touchpoint::getPhaseId);
                }
                break;
            case CHANNEL:
                raw = event.getChannelId();
                break;
            default:
                raw = event.getActivity();
                break;
        }
        String step = raw.orElse(null);
        if (step != null && !table.isEmpty()) {
            String translated = table.get(step);
            if (translated == null && source == Source.TOUCHPOINT && event.getTouchpointId().isPresent()) {
                translated = step;
            }
            step = translated;
        }
        if (strict) {
            if (step == null) {
                throw new JourneyAnalyticsException(index, "a strict mapping must map every event to a step",
                        "no " + source.name().toLowerCase(java.util.Locale.ROOT) + " value could be mapped");
            }
            if (!allowed.contains(step)) {
                throw new JourneyAnalyticsException(index, "a strict mapping allows only steps of the plan",
                        "unknown step '" + step + "'");
            }
        }
        return step;
    }
}
