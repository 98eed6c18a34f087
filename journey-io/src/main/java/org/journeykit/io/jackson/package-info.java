/**
 * The Jackson integration: {@link org.journeykit.io.jackson.JourneyModule} teaches an existing
 * {@code ObjectMapper} (Spring's, for example) to read and write the journey document and the observed-data
 * records.
 */
@NullMarked
package org.journeykit.io.jackson;

import org.jspecify.annotations.NullMarked;
