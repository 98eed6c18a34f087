/**
 * Paths through actual journeys: variants (distinct ordered step sequences) with frequency and share, and the
 * directly-follows graph with start and end counts and mean time per edge, as process-mining tools compute them.
 */
@NullMarked
package org.journeykit.metrics.journeys.paths;

import org.jspecify.annotations.NullMarked;
