package org.journeykit.model;

/**
 * How a channel serves the customer. Channel steering moves customers between kinds, for example from assisted to
 * self-service contact.
 */
public enum ChannelKind {
    /** An employee answers the customer: phone, e-mail, live chat, social media care, messaging. */
    ASSISTED,
    /** The customer helps themselves: a self-service portal, the website, a mobile app. */
    SELF_SERVICE,
    /** Software answers the customer: a chatbot or virtual assistant, an automated notification. */
    AUTOMATED,
    /** A physical place or object: a store visit, a letter or a printed manual. */
    PHYSICAL
}
