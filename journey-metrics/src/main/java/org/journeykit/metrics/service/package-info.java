/**
 * Contact-centre metrics: contact volume by hour, weekday, channel and reason
 * ({@link org.journeykit.metrics.service.ContactVolumeAccumulator}), resolution-time mean, median and percentiles
 * ({@link org.journeykit.metrics.service.ResolutionTimeAccumulator}), first-contact resolution
 * ({@link org.journeykit.metrics.service.FirstContactResolutionAccumulator}) and average handle time
 * ({@link org.journeykit.metrics.service.HandleTimeAccumulator}).
 */
@NullMarked
package org.journeykit.metrics.service;

import org.jspecify.annotations.NullMarked;
