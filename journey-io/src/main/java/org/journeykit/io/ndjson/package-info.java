/**
 * JSON Lines (NDJSON) import and export of observed data: one {@link org.journeykit.observed.SurveyResponse} or
 * {@link org.journeykit.observed.InteractionEvent} per line, read in constant memory through a
 * {@link org.journeykit.io.ndjson.JsonLinesReader} that the caller closes.
 *
 * <p>Every problem names its line. {@link org.journeykit.io.ndjson.OnError} chooses between failing at the first
 * bad line and skipping bad lines into an {@link org.journeykit.io.ndjson.ImportReport}: nothing is dropped
 * silently.
 */
@NullMarked
package org.journeykit.io.ndjson;

import org.jspecify.annotations.NullMarked;
