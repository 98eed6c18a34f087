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
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "formatVersion":
                    seen = Streamed.once(seen, 0);
                    version = in.integer();
                    break;
                case "title":
                    seen = Streamed.once(seen, 1);
                    ModelDecoder.set(in.string(), model::title);
                    break;
                case "personas":
                    seen = Streamed.once(seen, 2);
                    model.personas(elements(this::persona));
                    break;
                case "channels":
                    seen = Streamed.once(seen, 3);
                    model.channels(elements(this::channel));
                    break;
                case "journeys":
                    seen = Streamed.once(seen, 4);
                    model.journeys(elements(this::journey));
                    break;
                default:
                    in.unknown();
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
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    persona.id(required(in.string()));
                    break;
                case "name":
                    seen = Streamed.once(seen, 1);
                    persona.name(required(in.string()));
                    break;
                case "description":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.string(), persona::description);
                    break;
                case "quote":
                    seen = Streamed.once(seen, 3);
                    ModelDecoder.set(in.string(), persona::quote);
                    break;
                case "jobTitle":
                    seen = Streamed.once(seen, 4);
                    ModelDecoder.set(in.string(), persona::jobTitle);
                    break;
                case "demographics":
                    seen = Streamed.once(seen, 5);
                    if (in.optionalObject()) {
                        persona.demographics(demographics());
                    }
                    break;
                case "goals":
                    seen = Streamed.once(seen, 6);
                    persona.goals(in.strings());
                    break;
                case "needs":
                    seen = Streamed.once(seen, 7);
                    persona.needs(in.strings());
                    break;
                case "expectations":
                    seen = Streamed.once(seen, 8);
                    persona.expectations(in.strings());
                    break;
                case "frustrations":
                    seen = Streamed.once(seen, 9);
                    persona.frustrations(in.strings());
                    break;
                case "drivers":
                    seen = Streamed.once(seen, 10);
                    persona.drivers(in.strings());
                    break;
                case "preferredChannelIds":
                    seen = Streamed.once(seen, 11);
                    persona.preferredChannelIds(in.strings());
                    break;
                case "productsBought":
                    seen = Streamed.once(seen, 12);
                    persona.productsBought(in.strings());
                    break;
                case "contentInterests":
                    seen = Streamed.once(seen, 13);
                    persona.contentInterests(in.strings());
                    break;
                case "research":
                    seen = Streamed.once(seen, 14);
                    persona.research(elements(this::research));
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(persona::build);
    }

    private Demographics demographics() throws IOException, Streamed.Fallback {
        Demographics.Builder demographics = Demographics.builder();
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "gender":
                    seen = Streamed.once(seen, 0);
                    ModelDecoder.set(in.string(), demographics::gender);
                    break;
                case "location":
                    seen = Streamed.once(seen, 1);
                    ModelDecoder.set(in.string(), demographics::location);
                    break;
                case "maritalStatus":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.string(), demographics::maritalStatus);
                    break;
                case "age":
                    seen = Streamed.once(seen, 3);
                    if (in.optionalObject()) {
                        demographics.age(age());
                    }
                    break;
                case "householdIncome":
                    seen = Streamed.once(seen, 4);
                    if (in.optionalObject()) {
                        demographics.householdIncome(income());
                    }
                    break;
                default:
                    in.unknown();
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
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "from":
                    seen = Streamed.once(seen, 0);
                    from = in.longValue();
                    break;
                case "to":
                    seen = Streamed.once(seen, 1);
                    to = in.longValue();
                    break;
                case "currency":
                    seen = Streamed.once(seen, 2);
                    code = in.string();
                    break;
                default:
                    in.unknown();
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
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "method":
                    seen = Streamed.once(seen, 0);
                    research.method(required(in.enumValue(METHODS)));
                    break;
                case "description":
                    seen = Streamed.once(seen, 1);
                    ModelDecoder.set(in.string(), research::description);
                    break;
                case "participants":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.integer(), research::participants);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(research::build);
    }

    private Channel channel() throws IOException, Streamed.Fallback {
        Channel.Builder channel = Channel.builder();
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    channel.id(required(in.string()));
                    break;
                case "name":
                    seen = Streamed.once(seen, 1);
                    channel.name(required(in.string()));
                    break;
                case "kind":
                    seen = Streamed.once(seen, 2);
                    channel.kind(required(in.enumValue(CHANNEL_KINDS)));
                    break;
                case "description":
                    seen = Streamed.once(seen, 3);
                    ModelDecoder.set(in.string(), channel::description);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(channel::build);
    }

    private Journey journey() throws IOException, Streamed.Fallback {
        Journey.Builder journey = Journey.builder();
        EmotionScale scale = null;
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    journey.id(required(in.string()));
                    break;
                case "name":
                    seen = Streamed.once(seen, 1);
                    journey.name(required(in.string()));
                    break;
                case "personaIds":
                    seen = Streamed.once(seen, 2);
                    journey.personaIds(in.strings());
                    break;
                case "scenario":
                    seen = Streamed.once(seen, 3);
                    ModelDecoder.set(in.string(), journey::scenario);
                    break;
                case "startPoint":
                    seen = Streamed.once(seen, 4);
                    ModelDecoder.set(in.string(), journey::startPoint);
                    break;
                case "endPoint":
                    seen = Streamed.once(seen, 5);
                    ModelDecoder.set(in.string(), journey::endPoint);
                    break;
                case "state":
                    seen = Streamed.once(seen, 6);
                    ModelDecoder.set(in.enumValue(STATES), journey::state);
                    break;
                case "improves":
                    seen = Streamed.once(seen, 7);
                    ModelDecoder.set(in.string(), journey::improves);
                    break;
                case "emotionScale":
                    seen = Streamed.once(seen, 8);
                    scale = scale();
                    journey.emotionScale(scale);
                    break;
                case "phases":
                    seen = Streamed.once(seen, 9);
                    journey.phases(elements(this::phase));
                    break;
                case "touchpoints":
                    seen = Streamed.once(seen, 10);
                    if (scale == null) {
                        // The touchpoints' emotions are read on the journey's scale: it must come first here.
                        throw Streamed.fallback();
                    }
                    EmotionScale known = scale;
                    journey.touchpoints(elements(() -> touchpoint(known)));
                    break;
                default:
                    in.unknown();
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
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    phase.id(required(in.string()));
                    break;
                case "name":
                    seen = Streamed.once(seen, 1);
                    phase.name(required(in.string()));
                    break;
                case "description":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.string(), phase::description);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(phase::build);
    }

    private Touchpoint touchpoint(EmotionScale scale) throws IOException, Streamed.Fallback {
        Touchpoint.Builder touchpoint = Touchpoint.builder();
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    touchpoint.id(required(in.string()));
                    break;
                case "name":
                    seen = Streamed.once(seen, 1);
                    touchpoint.name(required(in.string()));
                    break;
                case "phaseId":
                    seen = Streamed.once(seen, 2);
                    touchpoint.phaseId(required(in.string()));
                    break;
                case "channelId":
                    seen = Streamed.once(seen, 3);
                    ModelDecoder.set(in.string(), touchpoint::channelId);
                    break;
                case "customerAction":
                    seen = Streamed.once(seen, 4);
                    ModelDecoder.set(in.string(), touchpoint::customerAction);
                    break;
                case "frontStage":
                    seen = Streamed.once(seen, 5);
                    ModelDecoder.set(in.string(), touchpoint::frontStage);
                    break;
                case "backStage":
                    seen = Streamed.once(seen, 6);
                    ModelDecoder.set(in.string(), touchpoint::backStage);
                    break;
                case "department":
                    seen = Streamed.once(seen, 7);
                    ModelDecoder.set(in.string(), touchpoint::department);
                    break;
                case "emotion":
                    seen = Streamed.once(seen, 8);
                    if (in.optionalObject()) {
                        touchpoint.emotion(emotion(scale));
                    }
                    break;
                case "painPoints":
                    seen = Streamed.once(seen, 9);
                    touchpoint.painPoints(elements(this::painPoint));
                    break;
                case "opportunities":
                    seen = Streamed.once(seen, 10);
                    touchpoint.opportunities(elements(this::opportunity));
                    break;
                case "momentKind":
                    seen = Streamed.once(seen, 11);
                    ModelDecoder.set(in.enumValue(MOMENT_KINDS), touchpoint::momentKind);
                    break;
                case "rating":
                    seen = Streamed.once(seen, 12);
                    ModelDecoder.set(in.enumValue(RATINGS), touchpoint::rating);
                    break;
                case "momentOfTruth":
                    seen = Streamed.once(seen, 13);
                    ModelDecoder.set(in.bool(), touchpoint::momentOfTruth);
                    break;
                case "expectedDuration":
                    seen = Streamed.once(seen, 14);
                    Duration duration = in.duration();
                    ModelDecoder.set(duration, touchpoint::expectedDuration);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(touchpoint::build);
    }

    private Emotion emotion(EmotionScale scale) throws IOException, Streamed.Fallback {
        Emotion.Builder emotion = Emotion.builder().scale(scale);
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "value":
                    seen = Streamed.once(seen, 0);
                    emotion.value(required(in.number()));
                    break;
                case "label":
                    seen = Streamed.once(seen, 1);
                    ModelDecoder.set(in.string(), emotion::label);
                    break;
                case "quote":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.string(), emotion::quote);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(emotion::build);
    }

    private PainPoint painPoint() throws IOException, Streamed.Fallback {
        PainPoint.Builder painPoint = PainPoint.builder();
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    painPoint.id(required(in.string()));
                    break;
                case "description":
                    seen = Streamed.once(seen, 1);
                    painPoint.description(required(in.string()));
                    break;
                case "severity":
                    seen = Streamed.once(seen, 2);
                    ModelDecoder.set(in.integer(), painPoint::severity);
                    break;
                default:
                    in.unknown();
            }
        }
        return Streamed.build(painPoint::build);
    }

    private Opportunity opportunity() throws IOException, Streamed.Fallback {
        Opportunity.Builder opportunity = Opportunity.builder();
        long seen = 0;
        String name;
        while ((name = in.nextField()) != null) {
            switch (name) {
                case "id":
                    seen = Streamed.once(seen, 0);
                    opportunity.id(required(in.string()));
                    break;
                case "description":
                    seen = Streamed.once(seen, 1);
                    opportunity.description(required(in.string()));
                    break;
                case "impact":
                    seen = Streamed.once(seen, 2);
                    opportunity.impact(required(in.integer()));
                    break;
                case "effort":
                    seen = Streamed.once(seen, 3);
                    opportunity.effort(required(in.integer()));
                    break;
                case "addresses":
                    seen = Streamed.once(seen, 4);
                    opportunity.addresses(new TreeSet<>(in.strings()));
                    break;
                case "owner":
                    seen = Streamed.once(seen, 5);
                    ModelDecoder.set(in.string(), opportunity::owner);
                    break;
                default:
                    in.unknown();
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
