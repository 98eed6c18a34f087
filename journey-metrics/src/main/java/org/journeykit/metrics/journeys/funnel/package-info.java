/**
 * Funnels over actual journeys: ordered steps, a conversion window, unique customers (by their first entry or
 * their best entry) or all attempts, strict or loose order, exclusion steps, per-step conversion, drop-off and time
 * to the next step, and what customers who dropped off did next.
 *
 * <p>{@link org.journeykit.metrics.journeys.funnel.FunnelAccumulator} is on the contract of
 * {@link org.journeykit.metrics.MetricAccumulator} (create, add, merge, {@code Optional} result, byte form); a
 * breakdown by a dimension of the customer runs on {@link org.journeykit.metrics.breakdown.Breakdown} over
 * {@link org.journeykit.metrics.journeys.actual.ActualJourneys#customers()}. Every matching rule is documented on
 * {@link org.journeykit.metrics.journeys.funnel.Funnel}.
 */
@NullMarked
package org.journeykit.metrics.journeys.funnel;

import org.jspecify.annotations.NullMarked;
