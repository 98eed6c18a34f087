/**
 * A deterministic generator of realistic journey data for the examples: an online shop's journey map and events,
 * a customer-service department's contacts and survey answers, and purchase activity for retention. Every method
 * takes a seed and returns the same data for the same seed; nothing is downloaded.
 */
package org.journeykit.examples.data;
