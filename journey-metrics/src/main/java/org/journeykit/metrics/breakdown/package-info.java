/**
 * Any metric broken down by a dimension (persona or segment, channel, phase, touchpoint, agent) with
 * {@link org.journeykit.metrics.breakdown.Breakdown}, by calendar period
 * ({@link org.journeykit.metrics.breakdown.CalendarPeriod}, {@link org.journeykit.metrics.breakdown.PeriodKey}),
 * and as a {@link org.journeykit.metrics.breakdown.Trend} with the change against the previous period and, for
 * NPS and CSAT, whether that change is significant.
 */
@NullMarked
package org.journeykit.metrics.breakdown;

import org.jspecify.annotations.NullMarked;
