package org.journeykit.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.journeykit.error.Problem;
import org.journeykit.error.ReferenceRules;
import org.journeykit.model.AgeRange;
import org.journeykit.model.Channel;
import org.journeykit.model.ChannelKind;
import org.journeykit.model.Demographics;
import org.journeykit.model.Emotion;
import org.journeykit.model.Ids;
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
import org.journeykit.error.RuleCode;
import org.jspecify.annotations.Nullable;

/**
 * Turns a journey document tree into a {@link JourneyModel}, through the model's builders, recording every
 * problem with its pointer. Returns null when any problem was found: nothing half-built escapes.
 *
 * <p>A journey, or the model, is built only when everything in it could be built, and only then do its own checks
 * see the references between its parts. When it cannot be built, this decoder checks those references itself, on
 * the ids the document declares ({@link ReferenceRules}, the same rules in the same words), so that an unknown
 * phase, channel, persona or pain point is reported together with the problems that kept the object from being
 * built.
 *
 * <p>A reader that locates problems from the input rather than the tree has each element of an array dropped from
 * the tree once it is decoded, so the tree and the model being built do not both hold the whole document.
 */
public final class ModelDecoder {

    /** The format version this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    // The fields of each object: the fast path's lists, in the writer's order.
    static final Set<String> DOCUMENT = ModelStreamDecoder.DOCUMENT_FIELDS.names();
    static final Set<String> PERSONA = ModelStreamDecoder.PERSONA_FIELDS.names();
    static final Set<String> DEMOGRAPHICS = ModelStreamDecoder.DEMOGRAPHICS_FIELDS.names();
    static final Set<String> AGE = Set.of("from", "to");
    static final Set<String> INCOME = ModelStreamDecoder.INCOME_FIELDS.names();
    static final Set<String> RESEARCH = ModelStreamDecoder.RESEARCH_FIELDS.names();
    static final Set<String> CHANNEL = ModelStreamDecoder.CHANNEL_FIELDS.names();
    static final Set<String> JOURNEY = ModelStreamDecoder.JOURNEY_FIELDS.names();
    static final Set<String> SCALE = Set.of("min", "max");
    static final Set<String> PHASE = ModelStreamDecoder.PHASE_FIELDS.names();
    static final Set<String> TOUCHPOINT = ModelStreamDecoder.TOUCHPOINT_FIELDS.names();
    static final Set<String> EMOTION = ModelStreamDecoder.EMOTION_FIELDS.names();
    static final Set<String> PAIN_POINT = ModelStreamDecoder.PAIN_POINT_FIELDS.names();
    static final Set<String> OPPORTUNITY = ModelStreamDecoder.OPPORTUNITY_FIELDS.names();

    private static final Pattern ID = Pattern.compile(Ids.PATTERN);

    private final Reading reading;
    private final boolean dropDecoded;

    // The ids the document declares and the references it makes, for the reference checks of objects that could not
    // be built. References are kept only when they are well-formed ids, as only those reach the model's checks.
    private final Set<String> channelIds = new HashSet<>();
    private final Set<String> personaIds = new HashSet<>();
    private final Set<String> journeyIds = new HashSet<>();
    private final List<Reference> modelReferences = new ArrayList<>();
    private @Nullable JourneyReferences journeyReferences;

    /** A reference met in the document: what it names (a {@link Kind}), the id it gives, and where. */
    private static final class Reference {
        final Kind kind;
        final String id;
        final String pointer;

        Reference(Kind kind, String id, String pointer) {
            this.kind = kind;
            this.id = id;
            this.pointer = pointer;
        }
    }

    private enum Kind { CHANNEL, PERSONA, JOURNEY, PHASE, PAIN_POINT }

    /** The phases and pain points one journey declares, and its references to them. */
    private static final class JourneyReferences {
        final List<String> phaseIds = new ArrayList<>();
        final Set<String> painPointIds = new HashSet<>();
        final List<Reference> references = new ArrayList<>();
    }

    /**
     * Creates a decoder for one read that leaves the tree as it is.
     *
     * @param reading the read's state
     */
    public ModelDecoder(Reading reading) {
        this(reading, false);
    }

    /**
     * Creates a decoder for one read.
     *
     * @param reading the read's state
     * @param dropDecoded whether each array element is replaced by a null in the tree once decoded, so its subtree
     *     can be collected while the rest is decoded; for a reader that locates problems from the input, not the tree
     */
    public ModelDecoder(Reading reading, boolean dropDecoded) {
        this.reading = reading;
        this.dropDecoded = dropDecoded;
    }

    /**
     * Decodes a document.
     *
     * @param root the document's root value
     * @return the model, or null when any problem was found
     */
    public @Nullable JourneyModel document(JsonNode root) {
        JsonNode declared = root.path("formatVersion");
        if (declared.isIntegralNumber() && (!declared.canConvertToInt() || declared.intValue() > FORMAT_VERSION)) {
            // A newer document may have fields this reader does not know: report only the version.
            reading.problem("/formatVersion", RuleCode.VERSION, "must be at most " + FORMAT_VERSION
                    + ": this reader knows format version " + FORMAT_VERSION
                    + "; read the document with a newer journey-io", declared.asText());
            return null;
        }
        ObjectNode document = reading.object(root, "", DOCUMENT);
        if (document == null) {
            return null;
        }
        Integer version = reading.integer(document, "", "formatVersion", true);
        if (version != null && version < 1) {
            reading.problem("/formatVersion", RuleCode.VERSION, "must be at least 1", version.toString());
        }
        int mark = reading.mark();
        JourneyModel.Builder model = JourneyModel.builder();
        String title = reading.string(document, "", "title", false);
        if (title != null) {
            model.title(title);
        }
        model.personas(elements(document, "", "personas", this::persona));
        model.channels(elements(document, "", "channels", this::channel));
        model.journeys(elements(document, "", "journeys", this::journey));
        if (reading.mark() != mark || version == null) {
            checkModelReferences();
            return null;
        }
        return reading.build("", model::build);
    }

    private void checkModelReferences() {
        for (Reference reference : modelReferences) {
            Problem problem = null;
            if (reference.kind == Kind.CHANNEL && !channelIds.contains(reference.id)) {
                problem = ReferenceRules.channel(List.of(), reference.id);
            } else if (reference.kind == Kind.PERSONA && !personaIds.contains(reference.id)) {
                problem = ReferenceRules.persona(List.of(), reference.id);
            } else if (reference.kind == Kind.JOURNEY && !journeyIds.contains(reference.id)) {
                problem = ReferenceRules.journey(List.of(), reference.id);
            }
            report(reference, problem);
        }
    }

    private void report(Reference reference, @Nullable Problem problem) {
        if (problem != null) {
            reading.problem(reference.pointer, problem.getCode(), problem.getRule(), reference.id);
        }
    }

    // Records the id an element declares, whatever else is wrong with the element.
    private static void declare(JsonNode element, Set<String> ids) {
        JsonNode id = element.get("id");
        if (id != null && id.isTextual()) {
            ids.add(id.textValue());
        }
    }

    private static void refer(@Nullable JsonNode value, Kind kind, String pointer, List<Reference> references) {
        if (value != null && value.isTextual() && ID.matcher(value.textValue()).matches()) {
            references.add(new Reference(kind, value.textValue(), pointer));
        }
    }

    private static void referEach(JsonNode object, String field, Kind kind, String at, List<Reference> references) {
        JsonNode array = object.get(field);
        if (array != null && array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                refer(array.get(i), kind, at + "/" + field + "/" + i, references);
            }
        }
    }

    interface Element<T> {
        @Nullable T decode(JsonNode node, String pointer);
    }

    private <T> List<T> elements(ObjectNode object, String pointer, String name, Element<T> decode) {
        ArrayNode array = reading.array(object, pointer, name);
        List<T> values = new ArrayList<>();
        if (array == null) {
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            T value = decode.decode(array.get(i), pointer + "/" + name + "/" + i);
            if (dropDecoded) {
                array.set(i, array.nullNode());
            }
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * Decodes a persona as the document holds it.
     *
     * @param node the node
     * @param at its pointer
     * @return the value, or null when any problem was found
     */
    public @Nullable Persona persona(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, PERSONA);
        if (o == null) {
            return null;
        }
        declare(o, personaIds);
        referEach(o, "preferredChannelIds", Kind.CHANNEL, at, modelReferences);
        int mark = reading.mark();
        Persona.Builder persona = Persona.builder();
        set(reading.string(o, at, "id", true), persona::id);
        set(reading.string(o, at, "name", true), persona::name);
        set(reading.string(o, at, "description", false), persona::description);
        set(reading.string(o, at, "quote", false), persona::quote);
        set(reading.string(o, at, "jobTitle", false), persona::jobTitle);
        JsonNode demographics = o.get("demographics");
        if (demographics != null && !demographics.isNull()) {
            set(demographics(demographics, at + "/demographics"), persona::demographics);
        }
        persona.goals(reading.strings(o, at, "goals"))
                .needs(reading.strings(o, at, "needs"))
                .expectations(reading.strings(o, at, "expectations"))
                .frustrations(reading.strings(o, at, "frustrations"))
                .drivers(reading.strings(o, at, "drivers"))
                .preferredChannelIds(reading.strings(o, at, "preferredChannelIds"))
                .productsBought(reading.strings(o, at, "productsBought"))
                .contentInterests(reading.strings(o, at, "contentInterests"))
                .research(elements(o, at, "research", this::research));
        return reading.mark() == mark ? reading.build(at, persona::build) : null;
    }

    private @Nullable Demographics demographics(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, DEMOGRAPHICS);
        if (o == null) {
            return null;
        }
        int mark = reading.mark();
        Demographics.Builder demographics = Demographics.builder();
        set(reading.string(o, at, "gender", false), demographics::gender);
        set(reading.string(o, at, "location", false), demographics::location);
        set(reading.string(o, at, "maritalStatus", false), demographics::maritalStatus);
        JsonNode age = o.get("age");
        if (age != null && !age.isNull()) {
            ObjectNode range = reading.object(age, at + "/age", AGE);
            if (range != null) {
                Integer from = reading.integer(range, at + "/age", "from", true);
                Integer to = reading.integer(range, at + "/age", "to", true);
                if (from != null && to != null) {
                    set(reading.build(at + "/age", () -> AgeRange.of(from, to)), demographics::age);
                }
            }
        }
        JsonNode income = o.get("householdIncome");
        if (income != null && !income.isNull()) {
            String here = at + "/householdIncome";
            ObjectNode range = reading.object(income, here, INCOME);
            if (range != null) {
                Long from = reading.longValue(range, here, "from", true);
                Long to = reading.longValue(range, here, "to", true);
                String code = reading.string(range, here, "currency", true);
                Currency currency = null;
                if (code != null) {
                    try {
                        currency = Currency.getInstance(code);
                    } catch (IllegalArgumentException e) {
                        reading.problem(here + "/currency", RuleCode.FORMAT, "must be an ISO 4217 currency code such as EUR", code);
                    }
                }
                if (from != null && to != null && currency != null) {
                    Currency known = currency;
                    set(reading.build(here, () -> IncomeRange.of(from, to, known)), demographics::householdIncome);
                }
            }
        }
        return reading.mark() == mark ? reading.build(at, demographics::build) : null;
    }

    private @Nullable ResearchSource research(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, RESEARCH);
        if (o == null) {
            return null;
        }
        int mark = reading.mark();
        ResearchSource.Builder research = ResearchSource.builder();
        set(reading.enumValue(o, at, "method", ResearchMethod.class, true), research::method);
        set(reading.string(o, at, "description", false), research::description);
        set(reading.integer(o, at, "participants", false), research::participants);
        return reading.mark() == mark ? reading.build(at, research::build) : null;
    }

    /**
     * Decodes a channel as the document holds it.
     *
     * @param node the node
     * @param at its pointer
     * @return the value, or null when any problem was found
     */
    public @Nullable Channel channel(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, CHANNEL);
        if (o == null) {
            return null;
        }
        declare(o, channelIds);
        int mark = reading.mark();
        Channel.Builder channel = Channel.builder();
        set(reading.string(o, at, "id", true), channel::id);
        set(reading.string(o, at, "name", true), channel::name);
        set(reading.enumValue(o, at, "kind", ChannelKind.class, true), channel::kind);
        set(reading.string(o, at, "description", false), channel::description);
        return reading.mark() == mark ? reading.build(at, channel::build) : null;
    }

    /**
     * Decodes a journey as the document holds it.
     *
     * @param node the node
     * @param at its pointer
     * @return the value, or null when any problem was found
     */
    public @Nullable Journey journey(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, JOURNEY);
        if (o == null) {
            return null;
        }
        declare(o, journeyIds);
        referEach(o, "personaIds", Kind.PERSONA, at, modelReferences);
        refer(o.get("improves"), Kind.JOURNEY, at + "/improves", modelReferences);
        JourneyReferences references = new JourneyReferences();
        journeyReferences = references;
        int mark = reading.mark();
        Journey.Builder journey = Journey.builder();
        set(reading.string(o, at, "id", true), journey::id);
        set(reading.string(o, at, "name", true), journey::name);
        journey.personaIds(reading.strings(o, at, "personaIds"));
        set(reading.string(o, at, "scenario", false), journey::scenario);
        set(reading.string(o, at, "startPoint", false), journey::startPoint);
        set(reading.string(o, at, "endPoint", false), journey::endPoint);
        set(reading.enumValue(o, at, "state", JourneyState.class, false), journey::state);
        set(reading.string(o, at, "improves", false), journey::improves);
        EmotionScale scale = scale(o, at);
        set(scale, journey::emotionScale);
        journey.phases(elements(o, at, "phases", this::phase));
        EmotionScale touchpointScale = scale == null ? EmotionScale.FIVE_POINT : scale;
        journey.touchpoints(elements(o, at, "touchpoints", (n, p) -> touchpoint(n, p, touchpointScale)));
        journeyReferences = null;
        if (reading.mark() == mark) {
            // The journey's own checks see its references.
            return reading.build(at, journey::build);
        }
        for (Reference reference : references.references) {
            if (reference.kind == Kind.PHASE && !references.phaseIds.contains(reference.id)) {
                report(reference, ReferenceRules.phase(List.of(), reference.id, references.phaseIds));
            } else if (reference.kind == Kind.PAIN_POINT && !references.painPointIds.contains(reference.id)) {
                report(reference, ReferenceRules.painPoint(List.of(), reference.id));
            }
        }
        return null;
    }

    /**
     * Decodes the required {@code emotionScale} field of an object (a journey, or a touchpoint on its own).
     *
     * @param journey the object holding the field
     * @param at its pointer
     * @return the scale, or null when any problem was found
     */
    public @Nullable EmotionScale scale(ObjectNode journey, String at) {
        JsonNode node = journey.get("emotionScale");
        if (node == null || node.isNull()) {
            reading.problem(at + "/emotionScale", RuleCode.REQUIRED, "is required: the scale the journey's emotions are recorded on",
                    null);
            return null;
        }
        ObjectNode o = reading.object(node, at + "/emotionScale", SCALE);
        if (o == null) {
            return null;
        }
        Integer min = reading.integer(o, at + "/emotionScale", "min", true);
        Integer max = reading.integer(o, at + "/emotionScale", "max", true);
        if (min == null || max == null) {
            return null;
        }
        return reading.build(at + "/emotionScale", () -> EmotionScale.of(min, max));
    }

    /**
     * Decodes a phase as the document holds it.
     *
     * @param node the node
     * @param at its pointer
     * @return the value, or null when any problem was found
     */
    public @Nullable Phase phase(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, PHASE);
        if (o == null) {
            return null;
        }
        JsonNode id = o.get("id");
        if (journeyReferences != null && id != null && id.isTextual()) {
            journeyReferences.phaseIds.add(id.textValue());
        }
        int mark = reading.mark();
        Phase.Builder phase = Phase.builder();
        set(reading.string(o, at, "id", true), phase::id);
        set(reading.string(o, at, "name", true), phase::name);
        set(reading.string(o, at, "description", false), phase::description);
        return reading.mark() == mark ? reading.build(at, phase::build) : null;
    }

    /**
     * Decodes a touchpoint as the document holds it.
     *
     * @param node the node
     * @param at its pointer
     * @param scale the scale of its emotion (the journey's)
     * @return the value, or null when any problem was found
     */
    public @Nullable Touchpoint touchpoint(JsonNode node, String at, EmotionScale scale) {
        ObjectNode o = reading.object(node, at, TOUCHPOINT);
        if (o == null) {
            return null;
        }
        if (journeyReferences != null) {
            refer(o.get("phaseId"), Kind.PHASE, at + "/phaseId", journeyReferences.references);
        }
        refer(o.get("channelId"), Kind.CHANNEL, at + "/channelId", modelReferences);
        int mark = reading.mark();
        Touchpoint.Builder touchpoint = Touchpoint.builder();
        set(reading.string(o, at, "id", true), touchpoint::id);
        set(reading.string(o, at, "name", true), touchpoint::name);
        set(reading.string(o, at, "phaseId", true), touchpoint::phaseId);
        set(reading.string(o, at, "channelId", false), touchpoint::channelId);
        set(reading.string(o, at, "customerAction", false), touchpoint::customerAction);
        set(reading.string(o, at, "frontStage", false), touchpoint::frontStage);
        set(reading.string(o, at, "backStage", false), touchpoint::backStage);
        set(reading.string(o, at, "department", false), touchpoint::department);
        JsonNode emotion = o.get("emotion");
        if (emotion != null && !emotion.isNull()) {
            set(emotion(emotion, at + "/emotion", scale), touchpoint::emotion);
        }
        touchpoint.painPoints(elements(o, at, "painPoints", this::painPoint));
        touchpoint.opportunities(elements(o, at, "opportunities", this::opportunity));
        set(reading.enumValue(o, at, "momentKind", MomentKind.class, false), touchpoint::momentKind);
        set(reading.enumValue(o, at, "rating", Rating.class, false), touchpoint::rating);
        set(reading.bool(o, at, "momentOfTruth"), touchpoint::momentOfTruth);
        Duration duration = reading.duration(o, at, "expectedDuration");
        set(duration, touchpoint::expectedDuration);
        return reading.mark() == mark ? reading.build(at, touchpoint::build) : null;
    }

    private @Nullable Emotion emotion(JsonNode node, String at, EmotionScale scale) {
        ObjectNode o = reading.object(node, at, EMOTION);
        if (o == null) {
            return null;
        }
        int mark = reading.mark();
        Emotion.Builder emotion = Emotion.builder().scale(scale);
        set(reading.number(o, at, "value", true), emotion::value);
        set(reading.string(o, at, "label", false), emotion::label);
        set(reading.string(o, at, "quote", false), emotion::quote);
        return reading.mark() == mark ? reading.build(at, emotion::build) : null;
    }

    private @Nullable PainPoint painPoint(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, PAIN_POINT);
        if (o == null) {
            return null;
        }
        if (journeyReferences != null) {
            declare(o, journeyReferences.painPointIds);
        }
        int mark = reading.mark();
        PainPoint.Builder painPoint = PainPoint.builder();
        set(reading.string(o, at, "id", true), painPoint::id);
        set(reading.string(o, at, "description", true), painPoint::description);
        set(reading.integer(o, at, "severity", false), painPoint::severity);
        return reading.mark() == mark ? reading.build(at, painPoint::build) : null;
    }

    private @Nullable Opportunity opportunity(JsonNode node, String at) {
        ObjectNode o = reading.object(node, at, OPPORTUNITY);
        if (o == null) {
            return null;
        }
        JsonNode addresses = o.get("addresses");
        if (journeyReferences != null && addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                refer(address, Kind.PAIN_POINT, at + "/addresses", journeyReferences.references);
            }
        }
        int mark = reading.mark();
        Opportunity.Builder opportunity = Opportunity.builder();
        set(reading.string(o, at, "id", true), opportunity::id);
        set(reading.string(o, at, "description", true), opportunity::description);
        set(reading.integer(o, at, "impact", true), opportunity::impact);
        set(reading.integer(o, at, "effort", true), opportunity::effort);
        opportunity.addresses(new java.util.TreeSet<>(reading.strings(o, at, "addresses")));
        set(reading.string(o, at, "owner", false), opportunity::owner);
        return reading.mark() == mark ? reading.build(at, opportunity::build) : null;
    }

    interface Setter<T> {
        Object set(T value);
    }

    static <T> void set(@Nullable T value, Setter<T> setter) {
        if (value != null) {
            setter.set(value);
        }
    }
}
