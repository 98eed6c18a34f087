package org.journeykit.metrics.breakdown;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import org.journeykit.model.Journey;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.SurveyResponse;

/**
 * The usual dimensions of survey feedback, as key functions for {@link Breakdown}. A response without the
 * attribute is keyed {@link #UNKNOWN}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Dimensions {

    /** The key of responses that do not carry the dimension. */
    public static final String UNKNOWN = "unknown";

    private Dimensions() {}

    /**
     * The customer segment (or persona) of a response.
     *
     * @return the key function, not null
     */
    public static Function<SurveyResponse, String> segment() {
        return response -> response.getSegment().orElse(UNKNOWN);
    }

    /**
     * The journey a response is about (journeys are per persona and scenario, so this also separates personas).
     *
     * @return the key function, not null
     */
    public static Function<SurveyResponse, String> journey() {
        return response -> response.getJourneyId().orElse(UNKNOWN);
    }

    /**
     * The channel of a response.
     *
     * @return the key function, not null
     */
    public static Function<SurveyResponse, String> channel() {
        return response -> response.getChannelId().orElse(UNKNOWN);
    }

    /**
     * The touchpoint a response is about.
     *
     * @return the key function, not null
     */
    public static Function<SurveyResponse, String> touchpoint() {
        return response -> response.getTouchpointId().orElse(UNKNOWN);
    }

    /**
     * The agent (employee) who handled the contact the response is about.
     *
     * @return the key function, not null
     */
    public static Function<SurveyResponse, String> agent() {
        return response -> response.getAgentId().orElse(UNKNOWN);
    }

    /**
     * The phase of a journey that the response's touchpoint belongs to.
     *
     * @param journey the journey whose touchpoints the responses refer to, not null
     * @return the key function (the phase id), not null
     */
    public static Function<SurveyResponse, String> phase(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        return response -> response.getTouchpointId().flatMap(journey::findTouchpoint).map(Touchpoint::getPhaseId)
                .orElse(UNKNOWN);
    }

    /**
     * The calendar period of a response's time.
     *
     * @param period the period length, not null
     * @param zone the zone the calendar is read in, not null
     * @return the key function, not null
     */
    public static Function<SurveyResponse, PeriodKey> period(CalendarPeriod period, ZoneId zone) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        return response -> period.of(response.getTime(), zone);
    }
}
