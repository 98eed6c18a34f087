package org.journeykit.metrics.internal;

/**
 * The accumulator tags of the byte form's header (byte 2). A tag, once published, is never reused for another
 * accumulator; the list is documented in {@link org.journeykit.metrics.MetricAccumulator}.
 */
public enum StateTag {
    /** {@code NpsAccumulator}. */
    NPS(1, "NPS"),
    /** {@code WeightedNpsAccumulator}. */
    WEIGHTED_NPS(2, "weighted NPS"),
    /** {@code CesAccumulator}. */
    CES(3, "CES"),
    /** {@code CsatAccumulator}. */
    CSAT(4, "CSAT"),
    /** {@code FirstContactResolutionAccumulator}. */
    FIRST_CONTACT_RESOLUTION(5, "first-contact resolution"),
    /** {@code HandleTimeAccumulator}. */
    HANDLE_TIME(6, "handle time"),
    /** {@code ResolutionTimeAccumulator}. */
    RESOLUTION_TIME(7, "resolution time"),
    /** {@code ContactVolumeAccumulator}. */
    CONTACT_VOLUME(8, "contact volume"),
    /** {@code RepeatPurchaseAccumulator}. */
    REPEAT_PURCHASE(9, "repeat purchase"),
    /** {@code CohortRetentionAccumulator}. */
    COHORT_RETENTION(10, "cohort retention"),
    /** {@code FunnelAccumulator}. */
    FUNNEL(11, "funnel"),
    /** {@code PathAccumulator}. */
    PATHS(12, "paths"),
    /** {@code ConformanceAccumulator}. */
    CONFORMANCE(13, "conformance"),
    /** {@code ChannelPathAccumulator}. */
    CHANNEL_PATHS(14, "channel paths"),
    /** {@code Breakdown}. */
    BREAKDOWN(15, "breakdown"),
    /** {@code SurvivalAccumulator} (Kaplan-Meier). */
    SURVIVAL(16, "survival");

    private final int code;
    private final String label;

    StateTag(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The tag byte.
     *
     * @return the code, 1 to 255
     */
    public int code() {
        return code;
    }

    /**
     * The accumulator's name in messages.
     *
     * @return the name, not null
     */
    public String label() {
        return label;
    }

    /**
     * The tag with a code.
     *
     * @param code the code
     * @return the tag, or null when no accumulator has this code
     */
    public static @org.jspecify.annotations.Nullable StateTag ofCode(int code) {
        for (StateTag tag : values()) {
            if (tag.code == code) {
                return tag;
            }
        }
        return null;
    }
}
