/**
 * Conformance of actual journeys to their planned journey, in the spirit of the Customer Journey Modeling
 * Language's planned-versus-actual comparison: per planned touchpoint completed, failing or missing; ad-hoc
 * touchpoints; out-of-order touchpoints; timing deviations; journey-level compliance scores and aggregate deviation
 * counts per touchpoint.
 */
@NullMarked
package org.journeykit.metrics.journeys.conformance;

import org.jspecify.annotations.NullMarked;
