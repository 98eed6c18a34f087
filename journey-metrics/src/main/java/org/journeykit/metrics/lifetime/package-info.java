/**
 * Customer lifetime models: how long customers stay and what they are worth from here on.
 *
 * <ul>
 *   <li>{@link org.journeykit.metrics.lifetime.ShiftedBetaGeometric}: the shifted-beta-geometric (sBG) model of
 *       contractual retention (Fader and Hardie 2007), fitted by maximum likelihood from a cohort's survivor counts
 *       ({@link org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit}), with projected survivors, retention
 *       rates and the discounted expected residual lifetime that gives a customer's residual lifetime value
 *       (Fader and Hardie 2010);</li>
 *   <li>{@link org.journeykit.metrics.lifetime.BgNbd}: the beta-geometric/negative-binomial (BG/NBD) model of
 *       non-contractual repeat buying (Fader, Hardie and Lee 2005), fitted from each customer's frequency, recency
 *       and age ({@link org.journeykit.metrics.lifetime.PurchaseHistory}), with expected purchases and the
 *       probability that a customer is still alive;</li>
 *   <li>{@link org.journeykit.metrics.lifetime.SurvivalAccumulator}: the Kaplan-Meier estimate of the survival
 *       of customers from first activity to churn, with right-censoring, Greenwood variance, confidence bands and
 *       the median lifetime ({@link org.journeykit.metrics.lifetime.SurvivalCurve}); its counts accumulate and
 *       merge like every metric.</li>
 * </ul>
 *
 * <p>Fits that cannot converge raise {@link org.journeykit.metrics.lifetime.ModelFitException}; degenerate data
 * (everyone retained, nobody retained, too few periods) raise
 * {@link org.journeykit.metrics.MetricInputException} with the reason. No result holds NaN.
 *
 * <p>The numerical work (Nelder-Mead simplex and preconditioned conjugate-gradient optimisation, log-gamma,
 * log-beta, digamma, trigamma, Gauss-Legendre integration) is done by Hipparchus.
 */
@NullMarked
package org.journeykit.metrics.lifetime;

import org.jspecify.annotations.NullMarked;
