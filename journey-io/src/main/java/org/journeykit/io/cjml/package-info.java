/**
 * CJML 2.0 XML of planned and actual journeys, and the import of planned journeys:
 * {@link org.journeykit.io.cjml.Cjml}. The field-by-field mapping is on that class.
 */
@NullMarked
package org.journeykit.io.cjml;

import org.jspecify.annotations.NullMarked;
