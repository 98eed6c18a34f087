/**
 * Observed data: what customers answered ({@link org.journeykit.observed.SurveyResponse}) and what they did
 * ({@link org.journeykit.observed.InteractionEvent}), linked to the journey model by ids.
 *
 * <p>These are the inputs of the metrics and analytics modules. Like the model types they are immutable and
 * validated when built; getters never return {@code null}.
 */
@NullMarked
@ValueStyle
package org.journeykit.observed;

import org.journeykit.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
