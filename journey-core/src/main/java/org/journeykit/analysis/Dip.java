package org.journeykit.analysis;

import org.immutables.value.Value;

/**
 * A dip of the emotion curve: a local minimum, where the customer feels worse than at the touchpoint before and
 * no better at the touchpoint after. Dips are the first candidates for improvement.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Dip {

    Dip() {}

    /**
     * The lowest point of the dip.
     *
     * @return the point, not null
     */
    public abstract CurvePoint getPoint();

    /**
     * How far the curve fell into the dip: the normalised emotion of the preceding point minus that of the dip.
     *
     * @return the drop, greater than 0 and at most 2
     */
    public abstract double getDrop();

    /**
     * Whether the dip is the curve's last point: the curve falls onto it and the journey ends there, so the customer
     * leaves at the low point instead of recovering from it. Pictures and reports call this "a fall at the end"
     * rather than a dip, because by the peak-end rule it weighs on the whole experience.
     *
     * @return true if no point of the curve follows the dip
     */
    public abstract boolean isAtEnd();

    /**
     * Whether the dip lies below neutral: the customer feels bad, not only less good.
     *
     * @return true if the normalised emotion is negative
     */
    public boolean isNegative() {
        return getPoint().getNormalised() < 0;
    }
}
