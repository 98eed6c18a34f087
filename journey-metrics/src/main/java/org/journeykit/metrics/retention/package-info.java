/**
 * Retention and customer value: period retention and churn ({@link org.journeykit.metrics.retention.PeriodRetention}),
 * cohort retention from activity events ({@link org.journeykit.metrics.retention.CohortRetentionAccumulator},
 * {@link org.journeykit.metrics.retention.CohortTable}), the repeat-purchase rate
 * ({@link org.journeykit.metrics.retention.RepeatPurchaseAccumulator}) and customer lifetime value
 * ({@link org.journeykit.metrics.retention.CustomerLifetimeValue}).
 */
@NullMarked
package org.journeykit.metrics.retention;

import org.jspecify.annotations.NullMarked;
