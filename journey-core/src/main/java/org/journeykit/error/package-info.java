/**
 * The exceptions JourneyKit throws: one small hierarchy rooted at {@link org.journeykit.error.JourneyKitException}.
 *
 * <p>{@link org.journeykit.error.InvalidModelException} carries every {@link org.journeykit.error.Problem} found in
 * one piece of input, each naming its field path, the value seen and the rule broken.
 */
@NullMarked
package org.journeykit.error;

import org.jspecify.annotations.NullMarked;
