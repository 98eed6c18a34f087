package org.journeykit.io.svg;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Normal;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;

/**
 * Draws a {@link Trend}: the value per period as a line with a marker per period, its confidence interval as a
 * band, a y-axis with evenly spaced ticks and grid lines, and the periods in which the change from the previous
 * period is significant ({@link Trend.Point#isSignificant(double)} at this chart's level) marked with a ring and
 * the signed change, explained in a legend. Period labels are thinned out rather than overlap.
 *
 * <p>Markers carry {@code class="point"} with {@code data-period} and {@code data-value}; the significant ones also
 * {@code data-significant="true"}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <R> the metric's result type
 */
public final class TrendSvg<R> extends Chart<Trend<R>> {

    /** The confidence level unless set: 0.95. */
    public static final double DEFAULT_LEVEL = 0.95;

    private static final double LEFT = 64;
    private static final double PLOT_TOP = 70;
    private static final double PLOT_HEIGHT = 220;

    private final String metric;
    /** The interval of a result at a level. */
    private final BiFunction<R, Double, Optional<Interval>> interval;
    private final double level;

    private TrendSvg(Palette palette, String metric, BiFunction<R, Double, Optional<Interval>> interval,
            double level) {
        super(palette);
        this.metric = metric;
        this.interval = interval;
        this.level = level;
    }

    /**
     * A chart of an NPS trend ({@link Trend#ofNps}) in score points from -100 to 100, with the adjusted Wald
     * interval ({@link NpsResult#adjustedWald(double)}).
     *
     * @return the chart, not null
     */
    public static TrendSvg<NpsResult> ofNps() {
        return new TrendSvg<>(Palette.okabeIto(), "NPS", (r, level) -> Optional.of(r.adjustedWald(level)),
                DEFAULT_LEVEL);
    }

    /**
     * A chart of a CSAT trend ({@link Trend#ofCsat}) in percent satisfied, with the Wilson interval
     * ({@link CsatResult#wilson(double)}) in percent.
     *
     * @return the chart, not null
     */
    public static TrendSvg<CsatResult> ofCsat() {
        return new TrendSvg<>(Palette.okabeIto(), "CSAT (% satisfied)", (r, level) -> {
            Interval share = r.wilson(level);
            return Optional.of(Interval.of(share.estimate() * 100, share.lower() * 100, share.upper() * 100,
                    share.level()));
        }, DEFAULT_LEVEL);
    }

    /**
     * A chart of any trend.
     *
     * @param metric the metric's name, such as {@code "CES mean"}, not null, not blank
     * @param interval the confidence interval of a period's result, in the units of the trend's values, or empty
     *     for none; not null
     * @param <R> the result type
     * @return the chart, not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException if the metric name is blank
     */
    public static <R> TrendSvg<R> of(String metric, Function<? super R, Optional<Interval>> interval) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(interval, "interval");
        if (metric.isBlank()) {
            throw new PictureException("TrendSvg metric is blank, expected a name such as \"CES mean\"");
        }
        return new TrendSvg<R>(Palette.okabeIto(), metric, (r, level) -> interval.apply(r), DEFAULT_LEVEL);
    }

    /**
     * A copy drawn in another palette.
     *
     * @param palette the palette, not null
     * @return the copy, not null
     * @throws NullPointerException if palette is null
     */
    public TrendSvg<R> withPalette(Palette palette) {
        return new TrendSvg<>(palette, metric, interval, level);
    }

    /**
     * A copy with another confidence level, for the bands (NPS and CSAT charts) and for significance.
     *
     * @param level the level, strictly between 0 and 1, such as 0.9
     * @return the copy, not null
     * @throws org.journeykit.metrics.MetricInputException if the level is out of range
     */
    public TrendSvg<R> withLevel(double level) {
        Normal.checkLevel(level);
        return new TrendSvg<>(getPalette(), metric, interval, level);
    }

    /**
     * The metric's name, as the chart's title uses it.
     *
     * @return the name, not null
     */
    public String getMetric() {
        return metric;
    }

    /**
     * The confidence level of the bands and of significance.
     *
     * @return the level, strictly between 0 and 1
     */
    public double getLevel() {
        return level;
    }

    private Optional<Interval> intervalOf(R result) {
        return interval.apply(result, level);
    }

    @Override
    void draw(Trend<R> trend, Canvas canvas) {
        List<Trend.Point<R>> points = trend.points();
        String periodName = points.isEmpty() ? "period"
                : points.get(0).period().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String title = metric + " per " + periodName;
        String percent = Canvas.fixed(level * 100, 0) + " %";
        StringBuilder description = new StringBuilder(title).append(':');
        for (Trend.Point<R> p : points) {
            description.append(' ').append(p.period()).append(' ').append(Canvas.fixed(p.value(), 1))
                    .append(p.isSignificant(level) ? " (significant change)" : "").append(';');
        }
        double height = PLOT_TOP + PLOT_HEIGHT + 64;
        canvas.open("trend-chart", idPrefix("trend", description.toString()), WIDTH, height, title,
                description.toString());
        heading(canvas, title, WIDTH);
        if (points.isEmpty()) {
            note(canvas, "No period has a result yet, so there is no trend to draw.", MARGIN, PLOT_TOP,
                    WIDTH - 2 * MARGIN);
            canvas.close();
            return;
        }
        subheading(canvas, "Band: " + percent + " confidence interval. Ring: a change from the previous period "
                + "significant at " + percent + ".", WIDTH);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Trend.Point<R> p : points) {
            low = Math.min(low, p.value());
            high = Math.max(high, p.value());
            Optional<Interval> ci = intervalOf(p.result());
            if (ci.isPresent()) {
                low = Math.min(low, ci.get().lower());
                high = Math.max(high, ci.get().upper());
            }
        }
        Ticks ticks = Ticks.of(low, high, 5);
        double right = WIDTH - MARGIN - 16;
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        double step = points.size() == 1 ? 0 : (right - LEFT - 20) / (points.size() - 1);
        Xml xml = canvas.xml;
        xml.start("g", "class", "y-axis");
        for (double t : ticks.values()) {
            double y = y(t, ticks);
            xml.empty("line", "x1", LEFT, "y1", y, "x2", right, "y2", y, "stroke", canvas.colour(Role.GRID),
                    "stroke-width", Math.abs(t) < 1e-9 ? 1.0 : 0.5);
            xml.element("text", ticks.format(t), "x", LEFT - 6, "y", y + 4, "text-anchor", "end",
                    "fill", canvas.ink(), "class", "tick");
        }
        xml.end().newline();
        double[] xs = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.size() == 1 ? (LEFT + right) / 2 : LEFT + 10 + i * step;
        }
        StringBuilder band = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        boolean bands = true;
        for (int i = 0; i < points.size(); i++) {
            Optional<Interval> ci = intervalOf(points.get(i).result());
            if (ci.isEmpty()) {
                bands = false;
                break;
            }
            band.append(i == 0 ? 'M' : 'L').append(Xml.number(xs[i])).append(' ')
                    .append(Xml.number(y(ci.get().upper(), ticks)));
            lower.insert(0, "L" + Xml.number(xs[i]) + " " + Xml.number(y(ci.get().lower(), ticks)));
        }
        if (bands && points.size() > 1) {
            xml.empty("path", "class", "interval", "d", band + lower.toString() + "Z",
                    "fill", canvas.colour(Role.CURRENT_CURVE), "fill-opacity", "0.18", "stroke", "none");
        }
        if (points.size() > 1) {
            double[] line = new double[points.size() * 2];
            for (int i = 0; i < points.size(); i++) {
                line[2 * i] = xs[i];
                line[2 * i + 1] = y(points.get(i).value(), ticks);
            }
            xml.empty("path", "class", "line", "d", Canvas.polyline(line), "fill", "none",
                    "stroke", canvas.colour(Role.CURRENT_CURVE), "stroke-width", 2.5);
        }
        xml.newline();
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() * 64.0 / (right - LEFT)));
        boolean anySignificant = false;
        for (int i = 0; i < points.size(); i++) {
            Trend.Point<R> p = points.get(i);
            double x = xs[i];
            double y = y(p.value(), ticks);
            boolean significant = p.isSignificant(level);
            anySignificant |= significant;
            xml.start("g", "class", "point", "data-period", p.period().toString(),
                    "data-value", Canvas.fixed(p.value(), 4), "data-significant", significant ? "true" : null);
            StringBuilder tip = new StringBuilder(p.period() + ": " + metric + " " + Canvas.fixed(p.value(), 1));
            intervalOf(p.result()).ifPresent(ci -> tip.append(", ").append(percent).append(" interval ")
                    .append(Canvas.fixed(ci.lower(), 1)).append(" to ").append(Canvas.fixed(ci.upper(), 1)));
            p.change().ifPresent(c -> tip.append("; change ").append(signed(c)));
            p.comparison().flatMap(c -> c.pValue().isPresent() ? Optional.of(c.pValue().getAsDouble())
                    : Optional.empty()).ifPresent(pv -> tip.append(", p = ").append(Canvas.fixed(pv, 3)));
            xml.element("title", tip.toString());
            if (significant) {
                xml.empty("circle", "class", "significant", "cx", x, "cy", y, "r", 9.0, "fill", "none",
                        "stroke", canvas.colour(Role.MOMENT_OF_TRUTH), "stroke-width", 2.5);
                xml.element("text", signed(p.change().orElse(0)), "x", x, "y", y - 14, "text-anchor", "middle",
                        "font-weight", "bold", "fill", canvas.ink());
            }
            xml.empty("circle", "cx", x, "cy", y, "r", 4.0, "fill", canvas.colour(Role.CURRENT_CURVE));
            if (i % labelEvery == 0 || i == points.size() - 1 && (points.size() - 1) % labelEvery == 0) {
                xml.element("text", p.period().toString(), "x", x, "y", bottom + 18, "text-anchor", "middle",
                        "fill", canvas.ink(), "class", "period");
            }
            xml.end().newline();
        }
        legend(canvas, bottom + 44, anySignificant, percent);
        canvas.close();
    }

    private void legend(Canvas canvas, double y, boolean significant, String percent) {
        Xml xml = canvas.xml;
        xml.start("g", "class", "legend");
        double x = LEFT;
        xml.empty("line", "x1", x, "y1", y - 4, "x2", x + 24, "y2", y - 4,
                "stroke", canvas.colour(Role.CURRENT_CURVE), "stroke-width", 2.5);
        xml.element("text", metric, "x", x + 30, "y", y, "fill", canvas.ink());
        x += 40 + metric.length() * 7;
        xml.empty("rect", "x", x, "y", y - 10, "width", 24.0, "height", 12.0,
                "fill", canvas.colour(Role.CURRENT_CURVE), "fill-opacity", "0.18");
        xml.element("text", percent + " confidence interval", "x", x + 30, "y", y, "fill", canvas.ink());
        x += 210;
        if (significant) {
            xml.empty("circle", "cx", x + 9, "cy", y - 4, "r", 7.0, "fill", "none",
                    "stroke", canvas.colour(Role.MOMENT_OF_TRUTH), "stroke-width", 2.5);
            xml.element("text", "significant change from the previous period", "x", x + 22, "y", y,
                    "fill", canvas.ink());
        } else {
            xml.element("text", "no change is significant at " + percent, "x", x, "y", y, "fill", canvas.ink());
        }
        xml.end().newline();
    }

    private static double y(double value, Ticks ticks) {
        return PLOT_TOP + PLOT_HEIGHT * (1 - (value - ticks.min()) / (ticks.max() - ticks.min()));
    }

    private static String signed(double value) {
        String n = Canvas.fixed(value, 1);
        return value > 0 && !"0.0".equals(n) ? "+" + n : n;
    }
}
