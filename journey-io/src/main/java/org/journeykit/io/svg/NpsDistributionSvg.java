package org.journeykit.io.svg;

import org.journeykit.io.svg.Palette.Role;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;

/**
 * Draws the answers to the NPS question over the scale 0 to 10: one column per answer, its height proportional to
 * the number of answers, coloured by group (detractors 0 to 6 in {@link Role#PAIN_POINT}, passives 7 and 8 in
 * {@link Role#GAP}, promoters 9 and 10 in {@link Role#FUTURE_CURVE}) and bracketed and named by group under the axis,
 * so the groups are told apart without colour. The heading gives the score and the group shares.
 *
 * <p>It takes the {@link NpsAccumulator}, which keeps the count per answer ({@link NpsAccumulator#count(int)});
 * {@link NpsResult} keeps the group counts only. Columns carry {@code class="answer"} with {@code data-score} and
 * {@code data-count}. An accumulator without answers is drawn with a note saying so.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class NpsDistributionSvg extends Chart<NpsAccumulator> {

    private static final double PLOT_TOP = 80;
    private static final double PLOT_HEIGHT = 200;
    private static final double LEFT = 56;

    private NpsDistributionSvg(Palette palette) {
        super(palette);
    }

    /**
     * A distribution chart in the {@linkplain Palette#okabeIto() default palette}.
     *
     * @return the chart, not null
     */
    public static NpsDistributionSvg withDefaults() {
        return new NpsDistributionSvg(Palette.okabeIto());
    }

    /**
     * A distribution chart in a palette.
     *
     * @param palette the palette, not null
     * @return the chart, not null
     * @throws NullPointerException if palette is null
     */
    public static NpsDistributionSvg of(Palette palette) {
        return new NpsDistributionSvg(palette);
    }

    @Override
    void draw(NpsAccumulator answers, Canvas canvas) {
        long[] counts = new long[11];
        long max = 0;
        for (int score = 0; score <= 10; score++) {
            counts[score] = answers.count(score);
            max = Math.max(max, counts[score]);
        }
        double height = PLOT_TOP + PLOT_HEIGHT + 76;
        String description = description(answers, counts);
        canvas.open("nps-chart", idPrefix("nps", description), WIDTH, height,
                "NPS answers from 0 to 10", description);
        java.util.Optional<NpsResult> found = answers.result();
        if (found.isEmpty()) {
            heading(canvas, "Net Promoter Score: no answers yet", WIDTH);
            note(canvas, "No NPS answers were recorded, so there is no distribution to draw.", MARGIN, PLOT_TOP,
                    WIDTH - 2 * MARGIN);
            canvas.close();
            return;
        }
        NpsResult nps = found.get();
        heading(canvas, "Net Promoter Score " + Canvas.fixed(nps.score(), 1) + " from " + Canvas.count(nps.responses())
                + " answers", WIDTH);
        subheading(canvas, "Promoters " + Canvas.percent(nps.promoterShare()) + ", passives "
                + Canvas.percent(nps.passiveShare()) + ", detractors " + Canvas.percent(nps.detractorShare())
                + "; the score is promoters minus detractors, in points.", WIDTH);
        Xml xml = canvas.xml;
        double plotWidth = WIDTH - LEFT - MARGIN;
        double slot = plotWidth / 11;
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        Ticks ticks = Ticks.of(0, max, 4);
        for (double t : ticks.values()) {
            double y = bottom - PLOT_HEIGHT * t / ticks.max();
            xml.empty("line", "x1", LEFT, "y1", y, "x2", WIDTH - MARGIN, "y2", y, "stroke", canvas.colour(Role.GRID),
                    "stroke-width", t == 0 ? 1.0 : 0.5);
            xml.element("text", Canvas.count((long) t), "x", LEFT - 6, "y", y + 4, "text-anchor", "end",
                    "fill", canvas.ink(), "class", "tick");
        }
        for (int score = 0; score <= 10; score++) {
            double h = ticks.max() == 0 ? 0 : PLOT_HEIGHT * counts[score] / ticks.max();
            double x = LEFT + score * slot + 6;
            double w = slot - 12;
            String colour = canvas.colour(score <= 6 ? Role.PAIN_POINT : score <= 8 ? Role.GAP : Role.FUTURE_CURVE);
            xml.start("rect", "class", "answer", "data-score", score, "data-count", counts[score],
                    "x", x, "y", bottom - h, "width", w, "height", h, "fill", colour);
            xml.element("title", "Answer " + score + ": " + Canvas.count(counts[score]) + " ("
                    + Canvas.percent((double) counts[score] / nps.responses()) + ")");
            xml.end();
            xml.element("text", Canvas.count(counts[score]), "x", x + w / 2, "y", bottom - h - 4,
                    "text-anchor", "middle", "font-size", 10.0, "fill", canvas.ink());
            xml.element("text", Integer.toString(score), "x", x + w / 2, "y", bottom + 16, "text-anchor", "middle",
                    "font-weight", "bold", "fill", canvas.ink());
            xml.newline();
        }
        group(canvas, "Detractors (0 to 6)", LEFT + 4, LEFT + 7 * slot - 4, bottom + 26);
        group(canvas, "Passives (7, 8)", LEFT + 7 * slot + 4, LEFT + 9 * slot - 4, bottom + 26);
        group(canvas, "Promoters (9, 10)", LEFT + 9 * slot + 4, LEFT + 11 * slot - 4, bottom + 26);
        canvas.close();
    }

    private static void group(Canvas canvas, String name, double from, double to, double y) {
        Xml xml = canvas.xml;
        xml.start("g", "class", "group");
        xml.empty("path", "d", Canvas.polyline(from, y, from, y + 6, to, y + 6, to, y), "fill", "none",
                "stroke", canvas.ink(), "stroke-width", 1.0);
        canvas.label(name, (from + to) / 2, y + 22, to - from, 11, "middle", "bold", null);
        xml.end().newline();
    }

    private static String description(NpsAccumulator answers, long[] counts) {
        StringBuilder d = new StringBuilder("NPS answers by score:");
        for (int score = 0; score <= 10; score++) {
            d.append(' ').append(score).append(": ").append(counts[score]).append(score == 10 ? "." : ";");
        }
        answers.result().ifPresent(nps -> d.append(" NPS ").append(Canvas.fixed(nps.score(), 1)).append('.'));
        return d.toString();
    }
}
