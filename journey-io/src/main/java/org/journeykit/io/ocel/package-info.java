/**
 * OCEL 2.0 JSON object-centric event logs of observed events: {@link org.journeykit.io.ocel.Ocel}.
 */
@NullMarked
package org.journeykit.io.ocel;

import org.jspecify.annotations.NullMarked;
