package org.journeykit.io.html;

import java.util.List;
import java.util.Objects;

/**
 * A score over periods, such as the NPS per half-year, drawn as a line with its intervals as a band.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendSeries {

    private final String name;
    private final List<TrendPoint> points;

    private TrendSeries(String name, List<TrendPoint> points) {
        this.name = name;
        this.points = points;
    }

    /**
     * Creates a series.
     *
     * @param name the score's name, such as "NPS", not null, 1 to 200 characters
     * @param points the periods in time order, not null, at least one, no null element
     * @return the series, not null
     * @throws NullPointerException if an argument or element is null
     * @throws org.journeykit.error.InvalidModelException if the name is blank or there is no point
     */
    public static TrendSeries of(String name, List<TrendPoint> points) {
        Objects.requireNonNull(name, "name");
        Values.text("TrendSeries", "name", name);
        List<TrendPoint> copy = List.copyOf(points);
        Values.check("TrendSeries", !copy.isEmpty(), "points", "[]", "must hold at least one period");
        return new TrendSeries(name, copy);
    }

    /**
     * The score's name.
     *
     * @return the name, not null
     */
    public String getName() {
        return name;
    }

    /**
     * The periods in time order.
     *
     * @return an unmodifiable list, at least one element
     */
    public List<TrendPoint> getPoints() {
        return points;
    }
}
