/**
 * Survey metrics: Net Promoter Score ({@link org.journeykit.metrics.survey.NpsAccumulator},
 * {@link org.journeykit.metrics.survey.WeightedNpsAccumulator}, and {@link org.journeykit.metrics.survey.Nps} for
 * one-call use), Customer Effort Score ({@link org.journeykit.metrics.survey.CesAccumulator}) and customer
 * satisfaction ({@link org.journeykit.metrics.survey.CsatAccumulator}), each as a mergeable accumulator with
 * constant memory, exact counts, a byte form, and an immutable result carrying its uncertainty.
 */
@NullMarked
package org.journeykit.metrics.survey;

import org.jspecify.annotations.NullMarked;
