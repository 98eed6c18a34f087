/**
 * The Jackson integration: {@link org.journeykit.io.jackson.JourneyModule} teaches an existing
 * {@code ObjectMapper} (Spring's, for example) to read and write the journey document, the observed-data records,
 * the model's elements on their own and every result of journey-metrics.
 */
@NullMarked
package org.journeykit.io.jackson;

import org.jspecify.annotations.NullMarked;
