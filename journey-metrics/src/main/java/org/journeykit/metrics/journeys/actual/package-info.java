/**
 * Actual journeys: interaction events grouped per customer, ordered by time, optionally split after a period of
 * inactivity, and mapped onto the steps (touchpoints, phases, channels or activities) of a planned journey.
 *
 * <p>{@link org.journeykit.metrics.journeys.actual.ActualJourneyBuilder} is the accumulator (create, add, merge,
 * result); {@link org.journeykit.metrics.journeys.actual.ActualJourneys} is its compact, columnar result that the
 * funnel, path, conformance and attribution analyses read. The builder takes events in any order and so holds
 * them all; {@link org.journeykit.metrics.journeys.actual.ActualJourneyStream} takes events grouped by customer and
 * hands the journeys to the analyses chunk by chunk, in memory that does not grow with the number of events;
 * {@link org.journeykit.metrics.journeys.actual.ParallelJourneyStream} does the same with the chunks evaluated by
 * worker threads, each into its own accumulator, merged at the end.
 */
@NullMarked
package org.journeykit.metrics.journeys.actual;

import org.jspecify.annotations.NullMarked;
