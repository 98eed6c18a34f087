package org.journeykit.analysis;

import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A hand-off between two consecutive touchpoints: the customer moves to another department, another channel, or
 * both. Gaps (hiaten) are where customers get lost.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Gap {

    Gap() {}

    /**
     * The touchpoint before the hand-off.
     *
     * @return the touchpoint id, not null
     */
    public abstract String getFromTouchpointId();

    /**
     * The touchpoint after the hand-off.
     *
     * @return the touchpoint id, not null
     */
    public abstract String getToTouchpointId();

    /**
     * The department hand-off, as "from → to" department names, when the departments differ.
     *
     * @return the departments before and after, or empty when the department does not change or is not known on
     *     both sides
     */
    public abstract Optional<Handoff> getDepartmentHandoff();

    /**
     * The channel switch, when the channels differ.
     *
     * @return the channel ids before and after, or empty when the channel does not change or is not known on both
     *     sides
     */
    public abstract Optional<Handoff> getChannelSwitch();

    /**
     * The change of normalised emotion across the hand-off: after minus before.
     *
     * @return the change in [-2, 2], or empty when either touchpoint has no emotion
     */
    public abstract OptionalDouble getEmotionChange();

    /**
     * A change of owner: a department or a channel, from one value to another.
     *
     * <p>This class is immutable and thread-safe.
     */
    @Value.Immutable
    public abstract static class Handoff {

        Handoff() {}

        /**
         * Before the hand-off.
         *
         * @return the department name or channel id, not null
         */
        @Value.Parameter
        public abstract String getSource();

        /**
         * After the hand-off.
         *
         * @return the department name or channel id, not null
         */
        @Value.Parameter
        public abstract String getTarget();

        /**
         * Prints {@code from -> to}.
         *
         * @return the hand-off as text, not null
         */
        @Override
        public String toString() {
            return getSource() + " -> " + getTarget();
        }
    }
}
