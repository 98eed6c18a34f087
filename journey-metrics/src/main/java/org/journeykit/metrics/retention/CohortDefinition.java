package org.journeykit.metrics.retention;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The configuration of cohort retention: the length of a period and the time zone periods are counted in. Two
 * cohort accumulators merge only when their definitions are equal.
 *
 * @param granularity the period length (day, ISO week, month), not null
 * @param zone the time zone whose local dates decide the period of an instant, not null; a {@link ZoneId} and an
 *     equivalent {@link ZoneOffset} (such as {@code "UTC"} and {@code "Z"}) are different definitions
 */
public record CohortDefinition(Granularity granularity, ZoneId zone) {

    /** The default of {@link CohortRetentionAccumulator#create()}: monthly cohorts in UTC. */
    public static final CohortDefinition MONTHLY_UTC = new CohortDefinition(Granularity.MONTH, ZoneOffset.UTC);

    /**
     * Checks the parts.
     *
     * @param granularity the period length, not null
     * @param zone the time zone, not null
     * @throws NullPointerException if a part is null
     */
    public CohortDefinition {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * A readable form, such as {@code "MONTH in Europe/Amsterdam"}.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return granularity + " in " + zone.getId();
    }
}
