/**
 * Analyses that belong to the journey model itself, computed from a {@link org.journeykit.model.Journey} or a
 * {@link org.journeykit.model.JourneyModel} without observed data:
 * <ul>
 *   <li>{@link org.journeykit.analysis.EmotionCurve}: the emotion curve with peak, valley, end, peak-end score and
 *       the dips that are improvement candidates;</li>
 *   <li>{@link org.journeykit.analysis.ContactMomentClassification}: each touchpoint's moment kind crossed with its
 *       rating, and the {@link org.journeykit.analysis.ImprovementStrategy} for the combination;</li>
 *   <li>{@link org.journeykit.analysis.Gaps}: hand-offs between departments or channels, where customers get lost;</li>
 *   <li>{@link org.journeykit.analysis.JourneyComparison}: what an improved journey changes against the current
 *       one;</li>
 *   <li>{@link org.journeykit.analysis.CompletenessCheck}: what a facilitator still has to fill in.</li>
 * </ul>
 * Results are immutable values; no method returns {@code null}.
 */
@NullMarked
@ValueStyle
package org.journeykit.analysis;

import org.journeykit.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
