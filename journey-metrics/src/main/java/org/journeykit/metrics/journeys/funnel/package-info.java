/**
 * Funnels over actual journeys: ordered steps, a conversion window, unique-customer or all-attempt counting,
 * strict or loose order, exclusion steps, per-step conversion, drop-off and time to the next step, breakdown by a
 * customer dimension, and what customers who dropped off did next.
 *
 * <p>Every matching rule is documented on {@link org.journeykit.metrics.journeys.funnel.Funnel}.
 */
@NullMarked
package org.journeykit.metrics.journeys.funnel;

import org.jspecify.annotations.NullMarked;
