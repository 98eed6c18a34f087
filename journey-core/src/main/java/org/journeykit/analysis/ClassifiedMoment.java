package org.journeykit.analysis;

import java.util.Optional;
import org.immutables.value.Value;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Rating;

/**
 * A classified touchpoint: its moment kind, its rating if rated, and the strategy the combination asks.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class ClassifiedMoment {

    ClassifiedMoment() {}

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
     * The kind of moment.
     *
     * @return the kind, not null
     */
    public abstract MomentKind getKind();

    /**
     * The touchpoint's rating.
     *
     * @return the rating, or empty when the touchpoint is not rated
     */
    public abstract Optional<Rating> getRating();

    /**
     * The strategy for the kind and rating; a superfluous moment is always {@link ImprovementStrategy#PREVENT},
     * rated or not.
     *
     * @return the strategy, or empty when the touchpoint is not rated and not superfluous
     */
    public abstract Optional<ImprovementStrategy> getStrategy();
}
