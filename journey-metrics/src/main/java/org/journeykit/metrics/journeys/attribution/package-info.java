/**
 * Attribution of conversions to channels: first touch, last touch, linear, position-based, time-decay, and
 * first-order Markov-chain attribution by removal effect, solved exactly on the absorbing chain.
 *
 * <p>Input is a {@link org.journeykit.metrics.journeys.attribution.ChannelPaths}: a list of
 * {@link org.journeykit.metrics.journeys.attribution.ChannelPath}s (ordered channel sequences with their
 * conversions, conversion value and non-conversions), for example the result of
 * {@link org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator}.
 */
@NullMarked
package org.journeykit.metrics.journeys.attribution;

import org.jspecify.annotations.NullMarked;
