package org.journeykit.io.csv;

/**
 * The survey-response fields a CSV column can be mapped to. The default column name of each is its
 * {@link #getDefaultColumn() camelCase name}; {@link SurveyCsv#withColumn} maps another.
 */
public enum SurveyField {
    /** The survey kind: {@code nps}, {@code ces}, {@code csat} or {@code other}, any letter case. */
    KIND("kind"),
    /** The score, an integer on the scale. */
    SCORE("score"),
    /** The lowest score of the scale; with {@link #SCALE_MAX}. Optional for NPS (0-10) and CSAT (1-5). */
    SCALE_MIN("scaleMin"),
    /** The highest score of the scale; with {@link #SCALE_MIN}. */
    SCALE_MAX("scaleMax"),
    /** When the answer was given: an ISO-8601 instant or offset date-time. */
    TIME("time"),
    /** The respondent's id. */
    RESPONDENT_ID("respondentId"),
    /** The journey the survey was about. */
    JOURNEY_ID("journeyId"),
    /** The touchpoint the survey was about. */
    TOUCHPOINT_ID("touchpointId"),
    /** The channel of the contact. */
    CHANNEL_ID("channelId"),
    /** The employee who handled the contact. */
    AGENT_ID("agentId"),
    /** A segment id. */
    SEGMENT("segment"),
    /** The free-text comment. */
    COMMENT("comment");

    private final String defaultColumn;

    SurveyField(String defaultColumn) {
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
