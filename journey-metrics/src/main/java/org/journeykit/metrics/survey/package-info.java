/**
 * Survey metrics: Net Promoter Score ({@link org.journeykit.metrics.survey.Nps}), Customer Effort Score
 * ({@link org.journeykit.metrics.survey.CesAccumulator}) and customer satisfaction ({@link org.journeykit.metrics.survey.CsatAccumulator}),
 * each as a mergeable accumulator with constant memory and an immutable result carrying its uncertainty.
 */
@NullMarked
package org.journeykit.metrics.survey;

import org.jspecify.annotations.NullMarked;
