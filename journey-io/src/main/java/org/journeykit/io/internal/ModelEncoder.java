package org.journeykit.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.journeykit.model.Channel;
import org.journeykit.model.Demographics;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.ResearchSource;
import org.journeykit.model.Touchpoint;

/**
 * Writes a {@link JourneyModel} as a journey document: fields in a fixed order, lists in model order, absent
 * values and empty lists left out, so the same model always gives the same bytes.
 */
public final class ModelEncoder {

    private ModelEncoder() {}

    /**
     * Writes a model.
     *
     * @param model the model
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void document(JourneyModel model, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("formatVersion", ModelDecoder.FORMAT_VERSION);
        string(out, "title", model.getTitle());
        if (!model.getPersonas().isEmpty()) {
            out.writeArrayFieldStart("personas");
            for (Persona persona : model.getPersonas()) {
                persona(persona, out);
            }
            out.writeEndArray();
        }
        if (!model.getChannels().isEmpty()) {
            out.writeArrayFieldStart("channels");
            for (Channel channel : model.getChannels()) {
                channel(channel, out);
            }
            out.writeEndArray();
        }
        if (!model.getJourneys().isEmpty()) {
            out.writeArrayFieldStart("journeys");
            for (Journey journey : model.getJourneys()) {
                journey(journey, out);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Writes a persona as the document holds it.
     *
     * @param persona the persona
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void persona(Persona persona, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", persona.getId());
        out.writeStringField("name", persona.getName());
        string(out, "description", persona.getDescription());
        string(out, "quote", persona.getQuote());
        Demographics demographics = persona.getDemographics();
        if (!demographics.equals(Demographics.none())) {
            out.writeObjectFieldStart("demographics");
            if (demographics.getAge().isPresent()) {
                out.writeObjectFieldStart("age");
                out.writeNumberField("from", demographics.getAge().get().getFrom());
                out.writeNumberField("to", demographics.getAge().get().getTo());
                out.writeEndObject();
            }
            string(out, "gender", demographics.getGender());
            string(out, "location", demographics.getLocation());
            string(out, "maritalStatus", demographics.getMaritalStatus());
            if (demographics.getHouseholdIncome().isPresent()) {
                out.writeObjectFieldStart("householdIncome");
                out.writeNumberField("from", demographics.getHouseholdIncome().get().getFrom());
                out.writeNumberField("to", demographics.getHouseholdIncome().get().getTo());
                out.writeStringField("currency",
                        demographics.getHouseholdIncome().get().getCurrency().getCurrencyCode());
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        string(out, "jobTitle", persona.getJobTitle());
        strings(out, "goals", persona.getGoals());
        strings(out, "needs", persona.getNeeds());
        strings(out, "expectations", persona.getExpectations());
        strings(out, "frustrations", persona.getFrustrations());
        strings(out, "drivers", persona.getDrivers());
        strings(out, "preferredChannelIds", persona.getPreferredChannelIds());
        strings(out, "productsBought", persona.getProductsBought());
        strings(out, "contentInterests", persona.getContentInterests());
        if (!persona.getResearch().isEmpty()) {
            out.writeArrayFieldStart("research");
            for (ResearchSource source : persona.getResearch()) {
                out.writeStartObject();
                out.writeStringField("method", Reading.Names.of(source.getMethod()));
                string(out, "description", source.getDescription());
                if (source.getParticipants().isPresent()) {
                    out.writeNumberField("participants", source.getParticipants().getAsInt());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Writes a journey as the document holds it.
     *
     * @param journey the journey
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void journey(Journey journey, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", journey.getId());
        out.writeStringField("name", journey.getName());
        strings(out, "personaIds", journey.getPersonaIds());
        string(out, "scenario", journey.getScenario());
        string(out, "startPoint", journey.getStartPoint());
        string(out, "endPoint", journey.getEndPoint());
        out.writeStringField("state", Reading.Names.of(journey.getState()));
        string(out, "improves", journey.getImproves());
        scale(journey.getEmotionScale(), out);
        out.writeArrayFieldStart("phases");
        for (Phase phase : journey.getPhases()) {
            phase(phase, out);
        }
        out.writeEndArray();
        if (!journey.getTouchpoints().isEmpty()) {
            out.writeArrayFieldStart("touchpoints");
            for (Touchpoint touchpoint : journey.getTouchpoints()) {
                touchpoint(touchpoint, out);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Writes a touchpoint, without its emotion scale (the journey's) as the document holds it.
     *
     * @param touchpoint the touchpoint
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void touchpoint(Touchpoint touchpoint, JsonGenerator out) throws IOException {
        touchpoint(touchpoint, out, false);
    }

    /**
     * Writes a touchpoint on its own: as the document holds it, with the scale of its emotion (in the document
     * the journey's) in an {@code emotionScale} field before the emotion, when it has one.
     *
     * @param touchpoint the touchpoint
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void standaloneTouchpoint(Touchpoint touchpoint, JsonGenerator out) throws IOException {
        touchpoint(touchpoint, out, true);
    }

    private static void touchpoint(Touchpoint touchpoint, JsonGenerator out, boolean withScale) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", touchpoint.getId());
        out.writeStringField("name", touchpoint.getName());
        out.writeStringField("phaseId", touchpoint.getPhaseId());
        string(out, "channelId", touchpoint.getChannelId());
        string(out, "customerAction", touchpoint.getCustomerAction());
        string(out, "frontStage", touchpoint.getFrontStage());
        string(out, "backStage", touchpoint.getBackStage());
        string(out, "department", touchpoint.getDepartment());
        if (touchpoint.getEmotion().isPresent()) {
            Emotion emotion = touchpoint.getEmotion().get();
            if (withScale) {
                scale(emotion.getScale(), out);
            }
            out.writeObjectFieldStart("emotion");
            out.writeFieldName("value");
            number(out, emotion.getValue());
            string(out, "label", emotion.getLabel());
            string(out, "quote", emotion.getQuote());
            out.writeEndObject();
        }
        if (!touchpoint.getPainPoints().isEmpty()) {
            out.writeArrayFieldStart("painPoints");
            for (PainPoint painPoint : touchpoint.getPainPoints()) {
                out.writeStartObject();
                out.writeStringField("id", painPoint.getId());
                out.writeStringField("description", painPoint.getDescription());
                out.writeNumberField("severity", painPoint.getSeverity());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (!touchpoint.getOpportunities().isEmpty()) {
            out.writeArrayFieldStart("opportunities");
            for (Opportunity opportunity : touchpoint.getOpportunities()) {
                out.writeStartObject();
                out.writeStringField("id", opportunity.getId());
                out.writeStringField("description", opportunity.getDescription());
                out.writeNumberField("impact", opportunity.getImpact());
                out.writeNumberField("effort", opportunity.getEffort());
                strings(out, "addresses", opportunity.getAddresses());
                string(out, "owner", opportunity.getOwner());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (touchpoint.getMomentKind().isPresent()) {
            out.writeStringField("momentKind", Reading.Names.of(touchpoint.getMomentKind().get()));
        }
        if (touchpoint.getRating().isPresent()) {
            out.writeStringField("rating", Reading.Names.of(touchpoint.getRating().get()));
        }
        if (touchpoint.isMomentOfTruth()) {
            out.writeBooleanField("momentOfTruth", true);
        }
        if (touchpoint.getExpectedDuration().isPresent()) {
            out.writeStringField("expectedDuration", touchpoint.getExpectedDuration().get().toString());
        }
        out.writeEndObject();
    }

    /**
     * Writes a channel as the document holds it.
     *
     * @param channel the channel
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void channel(Channel channel, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", channel.getId());
        out.writeStringField("name", channel.getName());
        out.writeStringField("kind", Reading.Names.of(channel.getKind()));
        string(out, "description", channel.getDescription());
        out.writeEndObject();
    }

    /**
     * Writes a phase as the document holds it.
     *
     * @param phase the phase
     * @param out the generator
     * @throws IOException if the generator fails
     */
    public static void phase(Phase phase, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", phase.getId());
        out.writeStringField("name", phase.getName());
        string(out, "description", phase.getDescription());
        out.writeEndObject();
    }

    private static void scale(EmotionScale scale, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("emotionScale");
        out.writeNumberField("min", scale.getMin());
        out.writeNumberField("max", scale.getMax());
        out.writeEndObject();
    }

    /**
     * Writes a number as an integer when it has no fraction, so {@code -1.0} is written {@code -1}.
     *
     * @param out the generator
     * @param value a finite number
     * @throws IOException if the generator fails
     */
    static void number(JsonGenerator out, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.writeNumber((long) value);
        } else {
            out.writeNumber(value);
        }
    }

    static void string(JsonGenerator out, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(name, value.get());
        }
    }

    static void strings(JsonGenerator out, String name, Collection<String> values) throws IOException {
        if (!values.isEmpty()) {
            out.writeArrayFieldStart(name);
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        }
    }
}
