/**
 * Journey-map pictures as SVG: {@link org.journeykit.io.svg.JourneyMapSvg} draws a journey's phases, touchpoints,
 * lanes, emotion curve, gaps and persona card, configured by {@link org.journeykit.io.svg.SvgOptions}.
 *
 * <p>The output is plain SVG 1.1 with real text (no outlined glyphs), a {@code <title>} and {@code <desc>} for
 * assistive technology, colours from the Okabe-Ito colour-blind-safe set backed by shapes and dash patterns, and
 * byte-for-byte deterministic output for the same model and options.
 */
@NullMarked
package org.journeykit.io.svg;

import org.jspecify.annotations.NullMarked;
