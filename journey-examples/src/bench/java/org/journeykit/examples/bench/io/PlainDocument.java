package org.journeykit.examples.bench.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The journey document as plain Java records with the same field names and order: what Jackson databind reads and
 * writes with no validation, no builders and no error collection. The baseline of {@link JourneyDocumentBenchmark}.
 *
 * @param formatVersion the format version
 * @param title the title
 * @param personas the personas
 * @param channels the channels
 * @param journeys the journeys
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PlainDocument(int formatVersion, String title, List<PersonaRecord> personas,
        List<ChannelRecord> channels, List<JourneyRecord> journeys) {

    /**
     * A persona.
     *
     * @param id the id
     * @param name the name
     * @param goals the goals
     * @param preferredChannelIds the channels
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PersonaRecord(String id, String name, List<String> goals, List<String> preferredChannelIds) {}

    /**
     * A channel.
     *
     * @param id the id
     * @param name the name
     * @param kind the kind
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ChannelRecord(String id, String name, String kind) {}

    /**
     * A journey.
     *
     * @param id the id
     * @param name the name
     * @param personaIds the personas
     * @param scenario the scenario
     * @param state the state
     * @param emotionScale the scale
     * @param phases the phases
     * @param touchpoints the touchpoints
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record JourneyRecord(String id, String name, List<String> personaIds, String scenario, String state,
            ScaleRecord emotionScale, List<PhaseRecord> phases, List<TouchpointRecord> touchpoints) {}

    /**
     * An emotion scale.
     *
     * @param min the minimum
     * @param max the maximum
     */
    public record ScaleRecord(int min, int max) {}

    /**
     * A phase.
     *
     * @param id the id
     * @param name the name
     * @param description the description
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PhaseRecord(String id, String name, String description) {}

    /**
     * A touchpoint.
     *
     * @param id the id
     * @param name the name
     * @param phaseId the phase
     * @param channelId the channel
     * @param customerAction the action
     * @param department the department
     * @param emotion the emotion
     * @param painPoints the pain points
     * @param opportunities the opportunities
     * @param momentKind the kind
     * @param rating the rating
     * @param momentOfTruth whether a moment of truth
     * @param expectedDuration the duration
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TouchpointRecord(String id, String name, String phaseId, String channelId, String customerAction,
            String department, EmotionRecord emotion, List<PainPointRecord> painPoints,
            List<OpportunityRecord> opportunities, String momentKind, String rating, boolean momentOfTruth,
            String expectedDuration) {}

    /**
     * An emotion.
     *
     * @param value the value
     */
    public record EmotionRecord(double value) {}

    /**
     * A pain point.
     *
     * @param id the id
     * @param description the description
     * @param severity the severity
     */
    public record PainPointRecord(String id, String description, int severity) {}

    /**
     * An opportunity.
     *
     * @param id the id
     * @param description the description
     * @param impact the impact
     * @param effort the effort
     * @param addresses the pain points addressed
     */
    public record OpportunityRecord(String id, String description, int impact, int effort, List<String> addresses) {}
}
