package org.journeykit.io.events;

/**
 * The interaction-event fields a CSV column can be mapped to. The default column name of each is its
 * {@link #getDefaultColumn() camelCase name}, the field's name in JSON Lines; {@link EventCsv#withColumn} maps
 * another. Every column not mapped to a field becomes an attribute named by its header (unless
 * {@link EventCsv#withoutAttributes()}).
 */
public enum EventField {
    /** The customer (or case) id; required. */
    CUSTOMER_ID("customerId"),
    /**
     * When it happened; required. ISO-8601 with 'T' or a space between date and time, optional fraction, and an
     * offset ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01}); without an offset only when
     * {@link EventCsv#withZone} gives the zone.
     */
    TIME("time"),
    /** The planned touchpoint's id. One of touchpoint id and activity is required. */
    TOUCHPOINT_ID("touchpointId"),
    /** The raw activity name. */
    ACTIVITY("activity"),
    /** The channel id. */
    CHANNEL_ID("channelId"),
    /** The phase id. */
    PHASE_ID("phaseId"),
    /** The agent (resource) id. */
    AGENT_ID("agentId"),
    /** The outcome: {@code completed}, {@code failed} or {@code abandoned}, any letter case. */
    OUTCOME("outcome"),
    /** The duration, ISO-8601 ({@code PT4M30S}). */
    DURATION("duration");

    private final String defaultColumn;

    EventField(String defaultColumn) {
        this.defaultColumn = defaultColumn;
    }

    /**
     * Returns the column name used when no other is mapped, which is also the field's name in JSON Lines.
     *
     * @return the name; not null
     */
    public String getDefaultColumn() {
        return defaultColumn;
    }
}
