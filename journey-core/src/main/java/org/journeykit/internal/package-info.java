/**
 * Internal helpers of journey-core. Not part of the API: the package is not exported and may change in any
 * release.
 */
@NullMarked
package org.journeykit.internal;

import org.jspecify.annotations.NullMarked;
