/** The hardened StAX cursor and the escaping XML writer shared by the XES and CJML formats. */
@NullMarked
package org.journeykit.io.internal.xml;

import org.jspecify.annotations.NullMarked;
