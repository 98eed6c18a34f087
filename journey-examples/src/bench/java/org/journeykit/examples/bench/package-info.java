/**
 * JMH benchmarks of journey-metrics, each next to a hand-written baseline measured in the same run, and a
 * {@link org.journeykit.examples.bench.BenchmarkReport} that runs them and prints the ratios.
 *
 * <p>Run all with {@code ./mvnw -B -q -Pbench -pl journey-examples -am verify -DskipTests} (add
 * {@code -Dbench.args=Nps} for a subset).
 */
@NullMarked
package org.journeykit.examples.bench;

import org.jspecify.annotations.NullMarked;
