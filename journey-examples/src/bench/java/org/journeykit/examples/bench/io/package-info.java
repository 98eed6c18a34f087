/**
 * JMH benchmarks of journey-io: the journey document against plain Jackson databind on equivalent records, and
 * JSON Lines event import against a raw Jackson streaming parse; plus {@link
 * org.journeykit.examples.bench.io.LargeJsonLinesCheck}, which reads a 1 GB file in a 128 MB heap.
 */
package org.journeykit.examples.bench.io;
