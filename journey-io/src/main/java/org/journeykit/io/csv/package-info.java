/**
 * CSV import of survey responses as survey tools export them: {@link org.journeykit.io.csv.SurveyCsv} maps column
 * names to response fields and reads row by row, reporting bad rows like the JSON Lines readers do.
 */
@NullMarked
package org.journeykit.io.csv;

import org.jspecify.annotations.NullMarked;
