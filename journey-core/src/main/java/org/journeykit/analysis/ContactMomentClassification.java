package org.journeykit.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.journeykit.model.Journey;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;

/**
 * The contact-moment classification of a journey: every touchpoint's {@link MomentKind} (top, brand, customer or
 * superfluous moment) crossed with its {@link Rating}, and the {@link ImprovementStrategy} for each combination.
 *
 * <p>Touchpoints without a moment kind are listed in {@link #getUnclassified()}; classified touchpoints without a
 * rating get a strategy only when they are superfluous (prevention does not depend on the rating).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ContactMomentClassification {

    private final String journeyId;
    private final List<ClassifiedMoment> moments;
    private final List<String> unclassified;

    private ContactMomentClassification(String journeyId, List<ClassifiedMoment> moments, List<String> unclassified) {
        this.journeyId = journeyId;
        this.moments = Collections.unmodifiableList(moments);
        this.unclassified = Collections.unmodifiableList(unclassified);
    }

    /**
     * Classifies the touchpoints of a journey.
     *
     * @param journey the journey, not null
     * @return the classification, not null
     * @throws NullPointerException if journey is null
     */
    public static ContactMomentClassification of(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        List<ClassifiedMoment> moments = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            Optional<MomentKind> kind = touchpoint.getMomentKind();
            if (kind.isEmpty()) {
                unclassified.add(touchpoint.getId());
                continue;
            }
            Optional<Rating> rating = touchpoint.getRating();
            Optional<ImprovementStrategy> strategy = kind.get() == MomentKind.SUPERFLUOUS
                    ? Optional.of(ImprovementStrategy.PREVENT)
                    : rating.map(r -> ImprovementStrategy.of(kind.get(), r));
            moments.add(ImmutableClassifiedMoment.builder()
                    .touchpointId(touchpoint.getId())
                    .touchpointName(touchpoint.getName())
                    .kind(kind.get())
                    .rating(rating)
                    .strategy(strategy)
                    .build());
        }
        return new ContactMomentClassification(journey.getId(), moments, unclassified);
    }

    /**
     * The id of the journey classified.
     *
     * @return the journey id, not null
     */
    public String getJourneyId() {
        return journeyId;
    }

    /**
     * The classified touchpoints in timeline order.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<ClassifiedMoment> getMoments() {
        return moments;
    }

    /**
     * The ids of the touchpoints that have no moment kind yet, in timeline order.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> getUnclassified() {
        return unclassified;
    }

    /**
     * The classified touchpoints of one kind.
     *
     * @param kind the kind, not null
     * @return the moments in timeline order, possibly empty
     */
    public List<ClassifiedMoment> momentsOf(MomentKind kind) {
        Objects.requireNonNull(kind, "kind");
        return moments.stream().filter(m -> m.getKind() == kind).collect(Collectors.toUnmodifiableList());
    }

    /**
     * How many touchpoints there are of each kind.
     *
     * @return a map with every kind as key (0 where there is none), in {@link MomentKind} order
     */
    public Map<MomentKind, Integer> countByKind() {
        Map<MomentKind, Integer> counts = new EnumMap<>(MomentKind.class);
        for (MomentKind kind : MomentKind.values()) {
            counts.put(kind, 0);
        }
        for (ClassifiedMoment moment : moments) {
            counts.merge(moment.getKind(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * How many rated touchpoints fall in each cell of the kind-by-rating matrix.
     *
     * @param kind the kind, not null
     * @param rating the rating, not null
     * @return the count, at least 0
     */
    public int count(MomentKind kind, Rating rating) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rating, "rating");
        return (int) moments.stream()
                .filter(m -> m.getKind() == kind && m.getRating().filter(rating::equals).isPresent())
                .count();
    }

    /**
     * The moments that have a strategy, most urgent strategy first, timeline order within a strategy.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<ClassifiedMoment> worklist() {
        return moments.stream()
                .filter(m -> m.getStrategy().isPresent())
                .sorted(Comparator.comparing(m -> m.getStrategy().orElseThrow()))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Prints a summary such as {@code ContactMomentClassification[laptop-request, TOP=2, BRAND=0, ...]}.
     *
     * @return a summary, not null
     */
    @Override
    public String toString() {
        return "ContactMomentClassification[" + journeyId + ", " + countByKind() + ", unclassified="
                + unclassified.size() + "]";
    }
}
