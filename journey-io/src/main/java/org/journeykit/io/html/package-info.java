/**
 * A self-contained HTML journey report: {@link org.journeykit.io.html.JourneyReportHtml} writes one file with inline
 * CSS and SVG (no scripts, nothing fetched) holding the persona, the journey map, the contact-moment classification
 * with its improvement strategies, the gaps and, when supplied, metric results.
 *
 * <p>journey-io does not depend on journey-metrics: metric results are passed in as the small value types of this
 * package ({@link org.journeykit.io.html.ScoreSummary}, {@link org.journeykit.io.html.TrendSeries},
 * {@link org.journeykit.io.html.FunnelStep}, gathered in {@link org.journeykit.io.html.MetricResults}), which the
 * caller fills from the metrics module's results.
 */
@NullMarked
package org.journeykit.io.html;

import org.jspecify.annotations.NullMarked;
