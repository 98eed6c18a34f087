package org.journeykit.observed;

/** The question a survey response answers. */
public enum SurveyKind {
    /**
     * Net Promoter Score: "How likely is it that you would recommend us to a friend or relative?", 0 to 10.
     */
    NPS,
    /** Customer Effort Score: how easy it was to get the issue handled, on a 1-5 or 1-7 scale. */
    CES,
    /** Customer satisfaction: "How satisfied were you?", usually on a 1-5 scale. */
    CSAT,
    /** Any other rating question. */
    OTHER
}
