/**
 * The journey document: a versioned JSON format for a whole {@link org.journeykit.model.JourneyModel}, read and
 * written by the {@link org.journeykit.io.JourneyJson} facade with safe defaults.
 *
 * <p>Reading reports every problem it finds at once in a {@link org.journeykit.io.JourneyReadException}, each
 * {@link org.journeykit.io.ReadProblem} with its JSON Pointer, line and column; nothing half-built is returned.
 * Limits on size and nesting are set by {@link org.journeykit.io.ReadLimits}.
 */
@NullMarked
package org.journeykit.io;

import org.jspecify.annotations.NullMarked;
