/**
 * Mermaid {@code journey} diagrams of a journey, for Markdown: {@link org.journeykit.io.mermaid.MermaidJourney}.
 */
@NullMarked
package org.journeykit.io.mermaid;

import org.jspecify.annotations.NullMarked;
