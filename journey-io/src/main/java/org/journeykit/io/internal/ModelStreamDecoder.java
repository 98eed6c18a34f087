package org.journeykit.io.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import org.journeykit.model.AgeRange;
import org.journeykit.model.Channel;
import org.journeykit.model.ChannelKind;
import org.journeykit.model.Demographics;
import org.journeykit.model.Emotion;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.IncomeRange;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.JourneyState;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.ResearchMethod;
import org.journeykit.model.ResearchSource;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of reading a journey document: straight from the parser into the model's builders, with no tree.
 * It accepts exactly what {@link ModelDecoder} accepts and builds the same model; at the first thing that is not
 * plainly valid it throws {@link Streamed.Fallback}, and the caller reads the document again with
 * {@link ModelDecoder}, which reports every problem with its pointer, line and column.
 */
public final class ModelStreamDecoder {

    // The fields of each object in the writer's order; the indexes are the cases of the switches below.
    static final Streamed.Fields DOCUMENT_FIELDS = Streamed.Fields.of("formatVersion", "title", "personas",
            "channels", "journeys");
    static final Streamed.Fields PERSONA_FIELDS = Streamed.Fields.of("id", "name", "description", "quote",
            "jobTitle", "demographics", "goals", "needs", "expectations", "frustrations", "drivers",
            "preferredChannelIds", "productsBought", "contentInterests", "research");
    static final Streamed.Fields DEMOGRAPHICS_FIELDS = Streamed.Fields.of("gender", "location", "maritalStatus",
            "age", "householdIncome");
    static final Streamed.Fields INCOME_FIELDS = Streamed.Fields.of("from", "to", "currency");
    static final Streamed.Fields RESEARCH_FIELDS = Streamed.Fields.of("method", "description", "participants");
    static final Streamed.Fields CHANNEL_FIELDS = Streamed.Fields.of("id", "name", "kind", "description");
    static final Streamed.Fields JOURNEY_FIELDS = Streamed.Fields.of("id", "name", "personaIds", "scenario",
            "startPoint", "endPoint", "state", "improves", "emotionScale", "phases", "touchpoints");
    static final Streamed.Fields PHASE_FIELDS = Streamed.Fields.of("id", "name", "description");
    static final Streamed.Fields TOUCHPOINT_FIELDS = Streamed.Fields.of("id", "name", "phaseId", "channelId",
            "customerAction", "frontStage", "backStage", "department", "emotion", "painPoints", "opportunities",
            "momentKind", "rating", "momentOfTruth", "expectedDuration");
    static final Streamed.Fields EMOTION_FIELDS = Streamed.Fields.of("value", "label", "quote");
    static final Streamed.Fields PAIN_POINT_FIELDS = Streamed.Fields.of("id", "description", "severity");
    static final Streamed.Fields OPPORTUNITY_FIELDS = Streamed.Fields.of("id", "description", "impact",
            "effort", "addresses", "owner");
    private static final Streamed.EnumNames<ChannelKind> CHANNEL_KINDS = Streamed.names(ChannelKind.class);
    private static final Streamed.EnumNames<JourneyState> STATES = Streamed.names(JourneyState.class);
    private static final Streamed.EnumNames<MomentKind> MOMENT_KINDS = Streamed.names(MomentKind.class);
    private static final Streamed.EnumNames<Rating> RATINGS = Streamed.names(Rating.class);
    private static final Streamed.EnumNames<ResearchMethod> METHODS = Streamed.names(ResearchMethod.class);

    private final Streamed in;

    /**
     * Creates a decoder for one read.
     *
     * @param in the fast read, positioned before the document
     */
    public ModelStreamDecoder(Streamed in) {
        this.in = in;
    }

    /**
     * Decodes a document.
     *
     * @return the model
     * @throws IOException if the input is malformed
     * @throws Streamed.Fallback if anything is not plainly valid
     */
    public JourneyModel document() throws IOException, Streamed.Fallback {
        in.startObject();
        JourneyModel.Builder model = JourneyModel.builder();
        Integer version = null;
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(DOCUMENT_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // formatVersion
                    version = in.integer();
                    break;
                case 1: // title
                    ModelDecoder.set(in.string(), model::title);
                    break;
                case 2: // personas
                    model.personas(elements(this::persona));
                    break;
                case 3: // channels
                    model.channels(elements(this::channel));
                    break;
                case 4: // journeys
                    model.journeys(elements(this::journey));
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        if (version == null || version < 1 || version > ModelDecoder.FORMAT_VERSION) {
            throw Streamed.fallback();
        }
        return Streamed.build(model::build);
    }

    /** Decodes one element object; the parser is on its START_OBJECT. */
    private interface Element<T> {
        T decode() throws IOException, Streamed.Fallback;
    }

    private <T> List<T> elements(Element<T> element) throws IOException, Streamed.Fallback {
        List<T> values = new ArrayList<>();
        if (in.startArray()) {
            while (in.nextObjectElement()) {
                values.add(element.decode());
            }
        }
        return values;
    }

    private Persona persona() throws IOException, Streamed.Fallback {
        Persona.Builder persona = Persona.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(PERSONA_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    persona.id(required(in.string()));
                    break;
                case 1: // name
                    persona.name(required(in.string()));
                    break;
                case 2: // description
                    ModelDecoder.set(in.string(), persona::description);
                    break;
                case 3: // quote
                    ModelDecoder.set(in.string(), persona::quote);
                    break;
                case 4: // jobTitle
                    ModelDecoder.set(in.string(), persona::jobTitle);
                    break;
                case 5: // demographics
                    if (in.optionalObject()) {
                        persona.demographics(demographics());
                    }
                    break;
                case 6: // goals
                    persona.goals(in.strings());
                    break;
                case 7: // needs
                    persona.needs(in.strings());
                    break;
                case 8: // expectations
                    persona.expectations(in.strings());
                    break;
                case 9: // frustrations
                    persona.frustrations(in.strings());
                    break;
                case 10: // drivers
                    persona.drivers(in.strings());
                    break;
                case 11: // preferredChannelIds
                    persona.preferredChannelIds(in.strings());
                    break;
                case 12: // productsBought
                    persona.productsBought(in.strings());
                    break;
                case 13: // contentInterests
                    persona.contentInterests(in.strings());
                    break;
                case 14: // research
                    persona.research(elements(this::research));
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(persona::build);
    }

    private Demographics demographics() throws IOException, Streamed.Fallback {
        Demographics.Builder demographics = Demographics.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(DEMOGRAPHICS_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // gender
                    ModelDecoder.set(in.string(), demographics::gender);
                    break;
                case 1: // location
                    ModelDecoder.set(in.string(), demographics::location);
                    break;
                case 2: // maritalStatus
                    ModelDecoder.set(in.string(), demographics::maritalStatus);
                    break;
                case 3: // age
                    if (in.optionalObject()) {
                        demographics.age(age());
                    }
                    break;
                case 4: // householdIncome
                    if (in.optionalObject()) {
                        demographics.householdIncome(income());
                    }
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(demographics::build);
    }

    private AgeRange age() throws IOException, Streamed.Fallback {
        int[] range = in.intPair("from", "to");
        return Streamed.build(() -> AgeRange.of(range[0], range[1]));
    }

    private IncomeRange income() throws IOException, Streamed.Fallback {
        Long from = null;
        Long to = null;
        String code = null;
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(INCOME_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // from
                    from = in.longValue();
                    break;
                case 1: // to
                    to = in.longValue();
                    break;
                case 2: // currency
                    code = in.string();
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        long low = required(from);
        long high = required(to);
        Currency currency;
        try {
            currency = Currency.getInstance(required(code));
        } catch (IllegalArgumentException e) {
            throw Streamed.fallback();
        }
        return Streamed.build(() -> IncomeRange.of(low, high, currency));
    }

    private ResearchSource research() throws IOException, Streamed.Fallback {
        ResearchSource.Builder research = ResearchSource.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(RESEARCH_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // method
                    research.method(required(in.enumValue(METHODS)));
                    break;
                case 1: // description
                    ModelDecoder.set(in.string(), research::description);
                    break;
                case 2: // participants
                    ModelDecoder.set(in.integer(), research::participants);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(research::build);
    }

    private Channel channel() throws IOException, Streamed.Fallback {
        Channel.Builder channel = Channel.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(CHANNEL_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    channel.id(required(in.string()));
                    break;
                case 1: // name
                    channel.name(required(in.string()));
                    break;
                case 2: // kind
                    channel.kind(required(in.enumValue(CHANNEL_KINDS)));
                    break;
                case 3: // description
                    ModelDecoder.set(in.string(), channel::description);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(channel::build);
    }

    private Journey journey() throws IOException, Streamed.Fallback {
        Journey.Builder journey = Journey.builder();
        EmotionScale scale = null;
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(JOURNEY_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    journey.id(required(in.string()));
                    break;
                case 1: // name
                    journey.name(required(in.string()));
                    break;
                case 2: // personaIds
                    journey.personaIds(in.strings());
                    break;
                case 3: // scenario
                    ModelDecoder.set(in.string(), journey::scenario);
                    break;
                case 4: // startPoint
                    ModelDecoder.set(in.string(), journey::startPoint);
                    break;
                case 5: // endPoint
                    ModelDecoder.set(in.string(), journey::endPoint);
                    break;
                case 6: // state
                    ModelDecoder.set(in.enumValue(STATES), journey::state);
                    break;
                case 7: // improves
                    ModelDecoder.set(in.string(), journey::improves);
                    break;
                case 8: // emotionScale
                    scale = scale();
                    journey.emotionScale(scale);
                    break;
                case 9: // phases
                    journey.phases(elements(this::phase));
                    break;
                case 10: // touchpoints
                    if (scale == null) {
                        // The touchpoints' emotions are read on the journey's scale: it must come first here.
                        throw Streamed.fallback();
                    }
                    EmotionScale known = scale;
                    journey.touchpoints(elements(() -> touchpoint(known)));
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        if (scale == null) {
            throw Streamed.fallback();
        }
        return Streamed.build(journey::build);
    }

    private EmotionScale scale() throws IOException, Streamed.Fallback {
        if (!in.optionalObject()) {
            throw Streamed.fallback();
        }
        int[] scale = in.intPair("min", "max");
        return Streamed.build(() -> EmotionScale.of(scale[0], scale[1]));
    }

    private Phase phase() throws IOException, Streamed.Fallback {
        Phase.Builder phase = Phase.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(PHASE_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    phase.id(required(in.string()));
                    break;
                case 1: // name
                    phase.name(required(in.string()));
                    break;
                case 2: // description
                    ModelDecoder.set(in.string(), phase::description);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(phase::build);
    }

    private Touchpoint touchpoint(EmotionScale scale) throws IOException, Streamed.Fallback {
        Touchpoint.Builder touchpoint = Touchpoint.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(TOUCHPOINT_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    touchpoint.id(required(in.string()));
                    break;
                case 1: // name
                    touchpoint.name(required(in.string()));
                    break;
                case 2: // phaseId
                    touchpoint.phaseId(required(in.string()));
                    break;
                case 3: // channelId
                    ModelDecoder.set(in.string(), touchpoint::channelId);
                    break;
                case 4: // customerAction
                    ModelDecoder.set(in.string(), touchpoint::customerAction);
                    break;
                case 5: // frontStage
                    ModelDecoder.set(in.string(), touchpoint::frontStage);
                    break;
                case 6: // backStage
                    ModelDecoder.set(in.string(), touchpoint::backStage);
                    break;
                case 7: // department
                    ModelDecoder.set(in.string(), touchpoint::department);
                    break;
                case 8: // emotion
                    if (in.optionalObject()) {
                        touchpoint.emotion(emotion(scale));
                    }
                    break;
                case 9: // painPoints
                    touchpoint.painPoints(elements(this::painPoint));
                    break;
                case 10: // opportunities
                    touchpoint.opportunities(elements(this::opportunity));
                    break;
                case 11: // momentKind
                    ModelDecoder.set(in.enumValue(MOMENT_KINDS), touchpoint::momentKind);
                    break;
                case 12: // rating
                    ModelDecoder.set(in.enumValue(RATINGS), touchpoint::rating);
                    break;
                case 13: // momentOfTruth
                    ModelDecoder.set(in.bool(), touchpoint::momentOfTruth);
                    break;
                case 14: // expectedDuration
                    Duration duration = in.duration();
                    ModelDecoder.set(duration, touchpoint::expectedDuration);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(touchpoint::build);
    }

    private Emotion emotion(EmotionScale scale) throws IOException, Streamed.Fallback {
        Emotion.Builder emotion = Emotion.builder().scale(scale);
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(EMOTION_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // value
                    emotion.value(required(in.number()));
                    break;
                case 1: // label
                    ModelDecoder.set(in.string(), emotion::label);
                    break;
                case 2: // quote
                    ModelDecoder.set(in.string(), emotion::quote);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(emotion::build);
    }

    private PainPoint painPoint() throws IOException, Streamed.Fallback {
        PainPoint.Builder painPoint = PainPoint.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(PAIN_POINT_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    painPoint.id(required(in.string()));
                    break;
                case 1: // description
                    painPoint.description(required(in.string()));
                    break;
                case 2: // severity
                    ModelDecoder.set(in.integer(), painPoint::severity);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(painPoint::build);
    }

    private Opportunity opportunity() throws IOException, Streamed.Fallback {
        Opportunity.Builder opportunity = Opportunity.builder();
        long seen = 0;
        int field = Streamed.END;
        while ((field = in.nextField(OPPORTUNITY_FIELDS, field)) != Streamed.END) {
            seen = Streamed.once(seen, field);
            switch (field) {
                case 0: // id
                    opportunity.id(required(in.string()));
                    break;
                case 1: // description
                    opportunity.description(required(in.string()));
                    break;
                case 2: // impact
                    opportunity.impact(required(in.integer()));
                    break;
                case 3: // effort
                    opportunity.effort(required(in.integer()));
                    break;
                case 4: // addresses
                    opportunity.addresses(new TreeSet<>(in.strings()));
                    break;
                case 5: // owner
                    ModelDecoder.set(in.string(), opportunity::owner);
                    break;
                default:
                    throw new IllegalStateException("no case for field " + field);
            }
        }
        return Streamed.build(opportunity::build);
    }

    private static <T> T required(@Nullable T value) throws Streamed.Fallback {
        if (value == null) {
            throw Streamed.fallback();
        }
        return value;
    }
}
