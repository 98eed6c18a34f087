/**
 * Any metric broken down by a dimension (persona or segment, channel, phase, touchpoint, agent) with
 * {@link org.journeykit.metrics.breakdown.Breakdown}, by calendar period
 * ({@link org.journeykit.metrics.breakdown.CalendarPeriod}, {@link org.journeykit.metrics.breakdown.PeriodKey}),
 * and as a {@link org.journeykit.metrics.breakdown.Trend} with the change against the previous period and, for
 * NPS and CSAT, whether that change is significant. The segments of a breakdown are compared with a baseline
 * segment by {@link org.journeykit.metrics.breakdown.SegmentComparison}; both it and
 * {@link org.journeykit.metrics.breakdown.Trend#withCorrection} adjust the p-values of their many comparisons with
 * a {@link org.journeykit.metrics.stats.Correction} (Holm, Benjamini-Hochberg).
 */
@NullMarked
package org.journeykit.metrics.breakdown;

import org.jspecify.annotations.NullMarked;
