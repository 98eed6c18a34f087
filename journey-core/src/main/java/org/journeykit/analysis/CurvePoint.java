package org.journeykit.analysis;

import org.immutables.value.Value;

/**
 * One point of an {@link EmotionCurve}: a touchpoint that has an emotion, at its place on the timeline.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class CurvePoint {

    CurvePoint() {}

    /**
     * The touchpoint's id.
     *
     * @return the id, not null
     */
    public abstract String getTouchpointId();

    /**
     * The touchpoint's name.
     *
     * @return the name, not null
     */
    public abstract String getTouchpointName();

    /**
     * The id of the touchpoint's phase.
     *
     * @return the phase id, not null
     */
    public abstract String getPhaseId();

    /**
     * The zero-based position of the touchpoint in the journey's timeline (touchpoints without emotion count too).
     *
     * @return the position, at least 0
     */
    public abstract int getPosition();

    /**
     * The emotion as recorded, on the journey's scale.
     *
     * @return the raw value
     */
    public abstract double getValue();

    /**
     * The emotion normalised to [-1, 1].
     *
     * @return the normalised value; positive above neutral, negative below
     */
    public abstract double getNormalised();
}
