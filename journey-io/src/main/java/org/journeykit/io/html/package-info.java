/**
 * A self-contained HTML journey report: {@link org.journeykit.io.html.JourneyReportHtml} writes one file with inline
 * CSS and SVG (no scripts, nothing fetched) composed of the {@link org.journeykit.io.html.ReportSection}s the caller
 * chooses: the journey map, persona, comparison, contact moments and gaps from the model, and the library's own
 * results (NPS, CES and CSAT, trends, funnel, paths, process map, retention, attribution, conformance), each with its
 * picture.
 */
@NullMarked
package org.journeykit.io.html;

import org.jspecify.annotations.NullMarked;
