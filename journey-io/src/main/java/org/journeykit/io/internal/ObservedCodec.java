package org.journeykit.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.journeykit.error.RuleCode;
import org.jspecify.annotations.Nullable;

/** Reads and writes survey responses and interaction events as flat JSON objects (one per JSON Lines line). */
public final class ObservedCodec {

    static final Set<String> SCALE = Set.of("min", "max");
    // The fields in the writer's order; the indexes are the cases of the fast decoders' switches.
    private static final Streamed.Fields EVENT_FIELDS = Streamed.Fields.of("customerId", "time", "touchpointId",
            "activity", "channelId", "phaseId", "agentId", "outcome", "duration", "attributes");
    private static final Streamed.Fields SURVEY_FIELDS = Streamed.Fields.of("kind", "score", "scale", "time",
            "respondentId", "journeyId", "touchpointId", "channelId", "agentId", "segment", "comment");
    static final Set<String> EVENT = EVENT_FIELDS.names();
    static final Set<String> SURVEY = SURVEY_FIELDS.names();
    private static final Streamed.EnumNames<Outcome> OUTCOMES = Streamed.names(Outcome.class);
    private static final Streamed.EnumNames<SurveyKind> KINDS = Streamed.names(SurveyKind.class);

    private ObservedCodec() {}

    /**
     * Decodes an interaction event.
     *
     * @param reading the read's state
     * @param node the event's object
     * @param at its pointer
     * @return the event, or null after recording problems
     */
    public static @Nullable InteractionEvent event(Reading reading, JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, EVENT);
        if (o == null) {
            return null;
        }
        int mark = reading.mark();
        InteractionEvent.Builder event = InteractionEvent.builder();
        ModelDecoder.set(reading.string(o, at, "customerId", true), event::customerId);
        ModelDecoder.set(reading.instant(o, at, "time", true), event::time);
        ModelDecoder.set(reading.string(o, at, "touchpointId", false), event::touchpointId);
        ModelDecoder.set(reading.string(o, at, "activity", false), event::activity);
        ModelDecoder.set(reading.string(o, at, "channelId", false), event::channelId);
        ModelDecoder.set(reading.string(o, at, "phaseId", false), event::phaseId);
        ModelDecoder.set(reading.string(o, at, "agentId", false), event::agentId);
        ModelDecoder.set(reading.enumValue(o, at, "outcome", Outcome.class, false), event::outcome);
        ModelDecoder.set(reading.duration(o, at, "duration"), event::duration);
        JsonNode attributes = o.get("attributes");
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                reading.problem(at + "/attributes", RuleCode.TYPE, "must be an object of string values", Reading.show(attributes));
            } else {
                for (Map.Entry<String, JsonNode> field : attributes.properties()) {
                    if (field.getValue().isTextual()) {
                        event.putAttribute(field.getKey(), field.getValue().textValue());
                    } else {
                        reading.problem(at + "/attributes/" + Pointers.escape(field.getKey()), RuleCode.TYPE,
                                "must be a string",
                                Reading.show(field.getValue()));
                    }
                }
            }
        }
        return reading.mark() == mark ? reading.build(at, event::build) : null;
    }

    /**
     * Decodes a survey response. The scale may be left out for NPS (0-10) and CSAT (1-5); CES and other
     * questions must state it.
     *
     * @param reading the read's state
     * @param node the response's object
     * @param at its pointer
     * @return the response, or null after recording problems
     */
    public static @Nullable SurveyResponse survey(Reading reading, JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, SURVEY);
        if (o == null) {
            return null;
        }
        int mark = reading.mark();
        SurveyResponse.Builder response = SurveyResponse.builder();
        SurveyKind kind = reading.enumValue(o, at, "kind", SurveyKind.class, true);
        ModelDecoder.set(kind, response::kind);
        ModelDecoder.set(reading.integer(o, at, "score", true), response::score);
        JsonNode scaleNode = o.get("scale");
        if (scaleNode == null || scaleNode.isNull()) {
            if (kind == SurveyKind.NPS) {
                response.scale(SurveyScale.ZERO_TO_TEN);
            } else if (kind == SurveyKind.CSAT) {
                response.scale(SurveyScale.ONE_TO_FIVE);
            } else if (kind != null) {
                reading.problem(at + "/scale", RuleCode.REQUIRED, "is required for a " + Reading.Names.of(kind)
                        + " response: state the answer scale, such as {\"min\":1,\"max\":7}", null);
            }
        } else {
            ObjectNode scale = reading.object(scaleNode, at + "/scale", SCALE);
            if (scale != null) {
                Integer min = reading.integer(scale, at + "/scale", "min", true);
                Integer max = reading.integer(scale, at + "/scale", "max", true);
                if (min != null && max != null) {
                    ModelDecoder.set(reading.build(at + "/scale", () -> SurveyScale.of(min, max)), response::scale);
                }
            }
        }
        Instant time = reading.instant(o, at, "time", true);
        ModelDecoder.set(time, response::time);
        ModelDecoder.set(reading.string(o, at, "respondentId", false), response::respondentId);
        ModelDecoder.set(reading.string(o, at, "journeyId", false), response::journeyId);
        ModelDecoder.set(reading.string(o, at, "touchpointId", false), response::touchpointId);
        ModelDecoder.set(reading.string(o, at, "channelId", false), response::channelId);
        ModelDecoder.set(reading.string(o, at, "agentId", false), response::agentId);
        ModelDecoder.set(reading.string(o, at, "segment", false), response::segment);
        ModelDecoder.set(reading.string(o, at, "comment", false), response::comment);
        return reading.mark() == mark ? reading.build(at, response::build) : null;
    }

    /**
     * Decodes an interaction event on the fast path: straight from the parser, no tree.
     *
     * @param in the fast read, positioned before the event's object
     * @return the event
     * @throws IOException if the input is malformed
     * @throws Streamed.Fallback if anything is not plainly valid: read the input again with
     *     {@link #event(Reading, JsonNode, String)} to report it
     */
    public static InteractionEvent event(Streamed in) throws IOException, Streamed.Fallback {
        in.startObject();
        InteractionEvent.Builder event = InteractionEvent.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(EVENT_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // customerId
                    event.customerId(required(in.string()));
                    break;
                case 1: // time
                    event.time(required(in.instant()));
                    break;
                case 2: // touchpointId
                    ModelDecoder.set(in.string(), event::touchpointId);
                    break;
                case 3: // activity
                    ModelDecoder.set(in.string(), event::activity);
                    break;
                case 4: // channelId
                    ModelDecoder.set(in.string(), event::channelId);
                    break;
                case 5: // phaseId
                    ModelDecoder.set(in.string(), event::phaseId);
                    break;
                case 6: // agentId
                    ModelDecoder.set(in.string(), event::agentId);
                    break;
                case 7: // outcome
                    ModelDecoder.set(in.enumValue(OUTCOMES), event::outcome);
                    break;
                case 8: // duration
                    ModelDecoder.set(in.duration(), event::duration);
                    break;
                case 9: // attributes
                    attributes(in, event);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(event::build);
    }

    private static void attributes(Streamed in, InteractionEvent.Builder event)
            throws IOException, Streamed.Fallback {
        if (!in.optionalObject()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        String key;
        while ((key = in.nextField()) != null) {
            String value = in.string();
            if (value == null || !keys.add(key)) {
                throw Streamed.fallback();
            }
            event.putAttribute(key, value);
        }
    }

    /**
     * Decodes a survey response on the fast path: straight from the parser, no tree.
     *
     * @param in the fast read, positioned before the response's object
     * @return the response
     * @throws IOException if the input is malformed
     * @throws Streamed.Fallback if anything is not plainly valid: read the input again with
     *     {@link #survey(Reading, JsonNode, String)} to report it
     */
    public static SurveyResponse survey(Streamed in) throws IOException, Streamed.Fallback {
        in.startObject();
        SurveyResponse.Builder response = SurveyResponse.builder();
        SurveyKind kind = null;
        SurveyScale scale = null;
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(SURVEY_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // kind
                    kind = required(in.enumValue(KINDS));
                    response.kind(kind);
                    break;
                case 1: // score
                    response.score(required(in.integer()));
                    break;
                case 2: // scale
                    scale = scale(in);
                    break;
                case 3: // time
                    response.time(required(in.instant()));
                    break;
                case 4: // respondentId
                    ModelDecoder.set(in.string(), response::respondentId);
                    break;
                case 5: // journeyId
                    ModelDecoder.set(in.string(), response::journeyId);
                    break;
                case 6: // touchpointId
                    ModelDecoder.set(in.string(), response::touchpointId);
                    break;
                case 7: // channelId
                    ModelDecoder.set(in.string(), response::channelId);
                    break;
                case 8: // agentId
                    ModelDecoder.set(in.string(), response::agentId);
                    break;
                case 9: // segment
                    ModelDecoder.set(in.string(), response::segment);
                    break;
                case 10: // comment
                    ModelDecoder.set(in.string(), response::comment);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        if (scale == null) {
            // As the tree decoder: NPS and CSAT have a default scale, every other kind must state one.
            if (kind == SurveyKind.NPS) {
                scale = SurveyScale.ZERO_TO_TEN;
            } else if (kind == SurveyKind.CSAT) {
                scale = SurveyScale.ONE_TO_FIVE;
            } else {
                throw Streamed.fallback();
            }
        }
        response.scale(scale);
        return Streamed.build(response::build);
    }

    private static @Nullable SurveyScale scale(Streamed in) throws IOException, Streamed.Fallback {
        if (!in.optionalObject()) {
            return null;
        }
        int[] scale = in.intPair("min", "max");
        return Streamed.build(() -> SurveyScale.of(scale[0], scale[1]));
    }

    private static <T> T required(@Nullable T value) throws Streamed.Fallback {
        if (value == null) {
            throw Streamed.fallback();
        }
        return value;
    }

    /**
     * Writes an interaction event as one JSON object.
     *
     * @param event the event
     * @param out the generator
     * @throws IOException if writing fails
     */
    public static void write(InteractionEvent event, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("customerId", event.getCustomerId());
        out.writeStringField("time", event.getTime().toString());
        ModelEncoder.string(out, "touchpointId", event.getTouchpointId());
        ModelEncoder.string(out, "activity", event.getActivity());
        ModelEncoder.string(out, "channelId", event.getChannelId());
        ModelEncoder.string(out, "phaseId", event.getPhaseId());
        ModelEncoder.string(out, "agentId", event.getAgentId());
        if (event.getOutcome().isPresent()) {
            out.writeStringField("outcome", Reading.Names.of(event.getOutcome().get()));
        }
        if (event.getDuration().isPresent()) {
            Duration duration = event.getDuration().get();
            out.writeStringField("duration", duration.toString());
        }
        if (!event.getAttributes().isEmpty()) {
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> attribute : event.getAttributes().entrySet()) {
                out.writeStringField(attribute.getKey(), attribute.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /**
     * Writes a survey response as one JSON object; the scale is always written.
     *
     * @param response the response
     * @param out the generator
     * @throws IOException if writing fails
     */
    public static void write(SurveyResponse response, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("kind", Reading.Names.of(response.getKind()));
        out.writeNumberField("score", response.getScore());
        out.writeObjectFieldStart("scale");
        out.writeNumberField("min", response.getScale().getMin());
        out.writeNumberField("max", response.getScale().getMax());
        out.writeEndObject();
        out.writeStringField("time", response.getTime().toString());
        ModelEncoder.string(out, "respondentId", response.getRespondentId());
        ModelEncoder.string(out, "journeyId", response.getJourneyId());
        ModelEncoder.string(out, "touchpointId", response.getTouchpointId());
        ModelEncoder.string(out, "channelId", response.getChannelId());
        ModelEncoder.string(out, "agentId", response.getAgentId());
        ModelEncoder.string(out, "segment", response.getSegment());
        ModelEncoder.string(out, "comment", response.getComment());
        out.writeEndObject();
    }
}
