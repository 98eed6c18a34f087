/**
 * Event logs and channel paths from CSV: {@link org.journeykit.io.events.EventCsv} reads interaction events
 * (customer or case, time, activity or touchpoint, channel, phase, outcome, other columns as attributes) as CRMs
 * and process-mining tools export them, {@link org.journeykit.io.events.EventCsvWriter} writes them back, and
 * {@link org.journeykit.io.events.ChannelPathCsv} reads ChannelAttribution-shaped path tables into the attribution
 * accumulators. Bad rows are reported with line, column and rule code as the survey CSV import reports them.
 */
@NullMarked
package org.journeykit.io.events;

import org.jspecify.annotations.NullMarked;
