package org.journeykit.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;

/**
 * Finds the gaps of a journey: consecutive touchpoints (in timeline order) where the owning department changes,
 * the channel changes, or both. A change is only counted when the value is known on both sides.
 */
public final class Gaps {

    private Gaps() {}

    /**
     * The gaps of a journey in timeline order.
     *
     * @param journey the journey, not null
     * @return an unmodifiable list, possibly empty
     * @throws NullPointerException if journey is null
     */
    public static List<Gap> of(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        List<Touchpoint> touchpoints = journey.getTouchpoints();
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < touchpoints.size(); i++) {
            Touchpoint before = touchpoints.get(i - 1);
            Touchpoint after = touchpoints.get(i);
            Optional<Gap.Handoff> department = handoff(before.getDepartment(), after.getDepartment());
            Optional<Gap.Handoff> channel = handoff(before.getChannelId(), after.getChannelId());
            if (department.isPresent() || channel.isPresent()) {
                gaps.add(ImmutableGap.builder()
                        .fromTouchpointId(before.getId())
                        .toTouchpointId(after.getId())
                        .departmentHandoff(department)
                        .channelSwitch(channel)
                        .emotionChange(emotionChange(before, after))
                        .build());
            }
        }
        return List.copyOf(gaps);
    }

    /** The normalised emotion after minus before, when both touchpoints have an emotion. */
    static OptionalDouble emotionChange(Touchpoint before, Touchpoint after) {
        return before.getEmotion().isPresent() && after.getEmotion().isPresent()
                ? OptionalDouble.of(after.getEmotion().get().getNormalised() - before.getEmotion().get().getNormalised())
                : OptionalDouble.empty();
    }

    /** The change from one known value to another, when both are known and differ. */
    static Optional<Gap.Handoff> handoff(Optional<String> from, Optional<String> to) {
        if (from.isPresent() && to.isPresent() && !from.get().equals(to.get())) {
            return Optional.of(ImmutableHandoff.of(from.get(), to.get()));
        }
        return Optional.empty();
    }
}
