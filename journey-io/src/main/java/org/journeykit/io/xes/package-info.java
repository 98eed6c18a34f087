/**
 * XES (IEEE 1849) event logs: {@link org.journeykit.io.xes.Xes} reads them as interaction events, streaming with a
 * hardened StAX parser, and writes observed events and actual journeys for PM4Py, ProM and other process-mining
 * tools. The field-by-field mapping is on {@link org.journeykit.io.xes.Xes}.
 */
@NullMarked
package org.journeykit.io.xes;

import org.jspecify.annotations.NullMarked;
