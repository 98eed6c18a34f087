/**
 * Retention and customer value: period retention and churn ({@link org.journeykit.metrics.retention.PeriodRetention}),
 * cohort retention from activity events ({@link org.journeykit.metrics.retention.CohortRetentionAccumulator},
 * configured by a {@link org.journeykit.metrics.retention.CohortDefinition}, with the result
 * {@link org.journeykit.metrics.retention.CohortTable} of {@link org.journeykit.metrics.retention.Cohort} rows), the
 * repeat-purchase rate ({@link org.journeykit.metrics.retention.RepeatPurchaseAccumulator}) and customer lifetime
 * value ({@link org.journeykit.metrics.retention.CustomerLifetimeValue}).
 *
 * <p>Both accumulators keep the contract of {@link org.journeykit.metrics.MetricAccumulator}, including its byte
 * form (tags 9 and 10). Customer ids follow the rule of {@code InteractionEvent}: 1 to 128 characters, not blank.
 */
@NullMarked
package org.journeykit.metrics.retention;

import org.jspecify.annotations.NullMarked;
