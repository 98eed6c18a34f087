/**
 * What the XML readers (XES, CJML) share: {@link org.journeykit.io.xml.XmlLimits}, the limits on nesting, element
 * count and text length under which untrusted XML is read.
 */
@NullMarked
package org.journeykit.io.xml;

import org.jspecify.annotations.NullMarked;
