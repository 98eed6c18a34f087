package org.journeykit.analysis;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import org.immutables.value.Value;
import org.journeykit.model.MomentKind;

/**
 * How one touchpoint that both the current and the future journey have (same id) differs between them.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class TouchpointChange {

    TouchpointChange() {}

    /**
     * The touchpoint's id.
     *
     * @return the id, not null
     */
    public abstract String getTouchpointId();

    /**
     * The names of the fields that differ, such as {@code channelId} or {@code emotion}, sorted.
     *
     * @return the field names, empty when the touchpoint is unchanged
     */
    @Value.NaturalOrder
    public abstract SortedSet<String> getChangedFields();

    /**
     * The change of normalised emotion: future minus current.
     *
     * @return the change in [-2, 2], or empty when either side has no emotion
     */
    public abstract OptionalDouble getEmotionChange();

    /**
     * The channel shift, when the channel differs and is known on both sides.
     *
     * @return the channel ids before and after, or empty
     */
    public abstract Optional<Gap.Handoff> getChannelShift();

    /**
     * The moment kind in the current journey.
     *
     * @return the kind, or empty when not classified
     */
    public abstract Optional<MomentKind> getCurrentKind();

    /**
     * The moment kind in the future journey.
     *
     * @return the kind, or empty when not classified
     */
    public abstract Optional<MomentKind> getFutureKind();

    /**
     * Whether anything differs.
     *
     * @return true when at least one field differs
     */
    public boolean isChanged() {
        return !getChangedFields().isEmpty();
    }
}
