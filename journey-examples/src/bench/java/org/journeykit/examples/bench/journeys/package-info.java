/**
 * JMH benchmarks of the journey analytics (actual journeys, funnel, variants and directly-follows graph) on 10
 * million events from 1 million customers, with DuckDB running the equivalent SQL on the same rows as the
 * same-run baseline.
 */
@NullMarked
package org.journeykit.examples.bench.journeys;

import org.jspecify.annotations.NullMarked;
