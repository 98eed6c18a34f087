/**
 * Internal machinery of journey-io: the located JSON tree, the model decoder and encoder. Not exported; may
 * change in any release.
 */
@NullMarked
package org.journeykit.io.internal;

import org.jspecify.annotations.NullMarked;
