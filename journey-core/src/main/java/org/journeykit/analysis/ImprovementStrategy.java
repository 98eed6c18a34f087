package org.journeykit.analysis;

import java.util.Objects;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Rating;

/**
 * The improvement strategy for a contact moment, chosen from its {@link MomentKind} and its {@link Rating}.
 *
 * <p>The contact-moment method (seed article "CRM in de praktijk", step 4) asks a different strategy for each kind
 * of moment. JourneyKit fixes the matrix as follows; the constants are declared in priority order, most urgent
 * first, so sorting by {@link #ordinal()} puts the most urgent work first.
 *
 * <table>
 *   <caption>Strategy by moment kind and rating</caption>
 *   <tr><th>kind</th><th>insufficient</th><th>sufficient</th><th>good</th></tr>
 *   <tr><td>top</td><td>{@link #REPAIR_URGENTLY}</td><td>{@link #EXCEL}</td><td>{@link #SAFEGUARD}</td></tr>
 *   <tr><td>customer</td><td>{@link #REPAIR}</td><td>{@link #STREAMLINE}</td><td>{@link #MAINTAIN}</td></tr>
 *   <tr><td>brand</td><td>{@link #REPAIR}</td><td>{@link #MAKE_RELEVANT}</td><td>{@link #MAKE_RELEVANT}</td></tr>
 *   <tr><td>superfluous</td><td>{@link #PREVENT}</td><td>{@link #PREVENT}</td><td>{@link #PREVENT}</td></tr>
 * </table>
 *
 * <p>The reasoning: top moments matter to the customer and carry the brand, so that is where an organisation must
 * never fail and where it can stand out. Customer moments must work, reliably and at the lowest cost, but polishing
 * them beyond "good" does not strengthen the brand. Brand moments carry the brand but the customer does not care;
 * once they work, the gain is in making them relevant to the customer, which turns them into top moments.
 * Superfluous moments add nothing for either side: improving them wastes effort; the contact should be prevented
 * (self-service, clear letters and websites, removing the cause).
 */
public enum ImprovementStrategy {
    /** A failing top moment: repair it first; it damages the customer's experience and the brand at once. */
    REPAIR_URGENTLY("Repair first: a failing top moment hurts the customer and the brand at once."),
    /** A failing customer or brand moment: bring it to an acceptable level. */
    REPAIR("Bring it to an acceptable level: remove the barriers that make it fail."),
    /** A superfluous moment: prevent the contact instead of improving it. */
    PREVENT("Prevent the contact: remove its cause with self-service, clear letters and websites."),
    /** A sufficient top moment: invest to make it outstanding; this is where the organisation can stand out. */
    EXCEL("Invest to excel: a top moment done outstandingly is where the organisation stands out."),
    /** A sufficient customer moment: make it reliable and effortless at the lowest cost, standardise or automate. */
    STREAMLINE("Make it reliable and effortless at the lowest cost: standardise or automate."),
    /** A brand moment that works: make it relevant to the customer so it becomes a top moment. */
    MAKE_RELEVANT("Make it relevant to the customer, so that it grows into a top moment."),
    /** A good top moment: keep the level, measure it and show it. */
    SAFEGUARD("Safeguard the level: keep measuring it and use it in the organisation's story."),
    /** A good customer moment: keep it good without investing more. */
    MAINTAIN("Maintain it without further investment: it does not strengthen the brand.");

    private final String advice;

    ImprovementStrategy(String advice) {
        this.advice = advice;
    }

    /**
     * The strategy for a moment of the given kind and rating.
     *
     * @param kind the moment kind, not null
     * @param rating the rating, not null
     * @return the strategy, not null
     * @throws NullPointerException if an argument is null
     */
    public static ImprovementStrategy of(MomentKind kind, Rating rating) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rating, "rating");
        switch (kind) {
            case TOP:
                return rating == Rating.INSUFFICIENT ? REPAIR_URGENTLY : rating == Rating.SUFFICIENT ? EXCEL : SAFEGUARD;
            case CUSTOMER:
                return rating == Rating.INSUFFICIENT ? REPAIR : rating == Rating.SUFFICIENT ? STREAMLINE : MAINTAIN;
            case BRAND:
                return rating == Rating.INSUFFICIENT ? REPAIR : MAKE_RELEVANT;
            case SUPERFLUOUS:
                return PREVENT;
            default:
                throw new AssertionError("unknown moment kind " + kind);
        }
    }

    /**
     * One sentence of advice for a facilitator.
     *
     * @return the advice, not null
     */
    public String getAdvice() {
        return advice;
    }
}
