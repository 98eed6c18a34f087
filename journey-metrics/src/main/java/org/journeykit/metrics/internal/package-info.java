/**
 * Internal helpers shared by the metric packages: the byte form of accumulator states, checked arithmetic and
 * nearest-rank quantiles. Not exported; not part of the API.
 */
@NullMarked
package org.journeykit.metrics.internal;

import org.jspecify.annotations.NullMarked;
