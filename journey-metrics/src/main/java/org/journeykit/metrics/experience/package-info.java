/**
 * Journey experience metrics from a journey map's emotions: the share of touchpoints felt as positive and the
 * peak-end score, for the whole journey, per phase and per touchpoint
 * ({@link org.journeykit.metrics.experience.JourneyExperience}).
 */
@NullMarked
package org.journeykit.metrics.experience;

import org.jspecify.annotations.NullMarked;
