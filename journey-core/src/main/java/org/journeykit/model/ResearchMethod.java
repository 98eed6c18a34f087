package org.journeykit.model;

/** How the knowledge behind a persona or journey was gathered. */
public enum ResearchMethod {
    /** One-to-one customer interviews. */
    INTERVIEW,
    /** A standing customer panel. */
    CUSTOMER_PANEL,
    /** A moderated focus group. */
    FOCUS_GROUP,
    /** A questionnaire or survey. */
    SURVEY,
    /** Sentiment read from social media. */
    SOCIAL_MEDIA_SENTIMENT,
    /** Observed behaviour: analytics, logs, watching customers ("people don't do what they say"). */
    OBSERVED_BEHAVIOUR,
    /** Contact-centre data: contact reasons, volumes, recordings. */
    CONTACT_CENTRE_DATA,
    /** Employees who talk to customers every day. */
    EMPLOYEE_INPUT,
    /** Any other source. */
    OTHER
}
