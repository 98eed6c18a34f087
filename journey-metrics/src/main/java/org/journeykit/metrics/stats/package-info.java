/**
 * The statistics the metrics share: the standard normal distribution ({@link org.journeykit.metrics.stats.Normal}),
 * confidence intervals ({@link org.journeykit.metrics.stats.Interval}) and two-sample comparisons
 * ({@link org.journeykit.metrics.stats.Comparison}).
 */
@NullMarked
package org.journeykit.metrics.stats;

import org.jspecify.annotations.NullMarked;
