package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.ModelDecoder;
import org.journeykit.io.internal.ModelEncoder;
import org.journeykit.io.internal.ObservedCodec;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.model.Channel;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;

/**
 * A Jackson module for the journey document: register it in an existing {@code ObjectMapper} to read and write
 * {@link JourneyModel} (as the versioned journey document), {@link SurveyResponse} and {@link InteractionEvent}
 * (as the objects of a JSON Lines line), with the same field names, rules and messages as
 * {@link org.journeykit.io.JourneyJson} and {@link org.journeykit.io.ndjson.JsonLines}.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
 * JourneyModel model = mapper.readValue(json, JourneyModel.class);
 * }</pre>
 *
 * <p>It also writes and reads, each as one JSON object, every public result of journey-metrics: statistics
 * ({@code Interval}, {@code Proportion}, {@code Comparison}, {@code TwoProportionTest}), survey, service, experience,
 * breakdown ({@code Trend} with its correction, {@code SegmentComparison}, {@code PeriodKey} also as a map key),
 * funnel, lifetime, retention ({@code CohortTable} written sparse, {@code Cohort}, {@code PeriodRetention},
 * {@code RepeatPurchaseAccumulator.Rate}), paths,
 * conformance ({@code ConformanceSummary}, {@code JourneyConformance} with its {@code ConformanceChecker}) and
 * attribution ({@code ChannelPaths}, {@code AttributionResult}, the Markov, higher-order Markov and Shapley
 * results); and the model's elements on their own ({@code Journey}, {@code Touchpoint}, {@code Persona},
 * {@code Channel}, {@code Phase}) with the fields they have in the document. A value read equals the value written;
 * fields are camelCase in a fixed order, absent optional values are left out, derived figures (such as an NPS
 * score) are written for the reader and ignored when read. {@link #valuesSchema()} describes every object.
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds it through {@code META-INF/services} and the module
 * descriptor. Everything read goes through the model's builders, so a value read is as valid as one built in code.
 *
 * <p><b>Errors.</b> Bad input makes the mapper throw a {@link JourneyMappingException} (a
 * {@code JsonMappingException}) whose {@link JourneyMappingException#getReadException() read exception} lists every
 * problem with its JSON Pointer, line, column and {@link RuleCode}, the same problems {@code JourneyJson} reports
 * for the same input; its location and path point at the first problem. Duplicate fields are always refused; the
 * size and nesting limits are those of the mapper's own {@code JsonFactory} ({@code StreamReadConstraints}). No
 * polymorphic typing is used. To locate every problem, a value is read as a tree that keeps each node's position,
 * which takes more heap than {@code JourneyJson}'s two-pass read (about 8 times the input's length): for large or
 * untrusted journey documents, read with {@code JourneyJson}, or set the mapper's
 * {@code StreamReadConstraints.maxDocumentLength} (Jackson 2.16 and later).
 *
 * <p><b>{@code null} and trailing content.</b> A literal {@code null} as the whole input is refused, as
 * {@code JourneyJson} refuses it ("must be an object", {@link RuleCode#TYPE}); a {@code null} inside another
 * value (a property, a list element) reads as {@code null}, as for every type. Content after the value is the
 * mapper's own business: Jackson ignores it unless {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS} is
 * enabled, which {@code JourneyJson} behaves like; enable it to refuse {@code {...} oops}.
 *
 * <p><b>Unknown fields.</b> The module has its own policy, {@link UnknownFields}: by default fields the format does
 * not define are refused, whatever the mapper's {@code FAIL_ON_UNKNOWN_PROPERTIES} (which Spring Boot turns off);
 * {@link UnknownFields#IGNORE} ignores them, {@link UnknownFields#AS_MAPPER} follows
 * {@code FAIL_ON_UNKNOWN_PROPERTIES}. A module made with {@link #withUnknownFields(UnknownFields)} keeps its policy
 * when {@code findAndRegisterModules()} also registers the default module, before or after it: the default module
 * then adds nothing. Of two configured modules, the last registered wins.
 *
 * <p>This class is immutable and thread-safe once registered.
 */
public final class JourneyModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** What to do with fields the format does not define. */
    public enum UnknownFields {
        /** Refuse them, as {@code JourneyJson.defaults()} does ({@link RuleCode#UNKNOWN_FIELD}). */
        REJECT,
        /** Ignore them, as {@code JourneyJson.allowingUnknownFields()} does. */
        IGNORE,
        /**
         * Refuse them when the mapper's {@code DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES} is enabled (the
         * plain {@code ObjectMapper}'s default), ignore them when it is disabled (Spring Boot's default).
         */
        AS_MAPPER
    }

    private static final String CONFIGURED_PREFIX = "JourneyModule/unknownFields=";

    /** What the deserializers do with fields the format does not define. */
    private final UnknownFields unknownFields;
    /** Whether the module was made with a policy (it then wins over the default module). */
    private final boolean configured;

    /**
     * Creates the default module: unknown fields are refused. This is the module
     * {@code findAndRegisterModules()} registers.
     */
    public JourneyModule() {
        this(UnknownFields.REJECT, false);
    }

    private JourneyModule(UnknownFields unknownFields, boolean configured) {
        super("JourneyModule", PackageVersion.VERSION);
        this.unknownFields = unknownFields;
        this.configured = configured;
        UnknownFields policy = unknownFields;
        addSerializer(JourneyModel.class, ElementValues.serializer(JourneyModel.class, ModelEncoder::document));
        addDeserializer(JourneyModel.class, TreeDeserializer.of(JourneyModel.class, "a journey document", policy,
                (reading, tree) -> new ModelDecoder(reading).document(tree.root())));
        addSerializer(SurveyResponse.class, ElementValues.serializer(SurveyResponse.class, ObservedCodec::write));
        addDeserializer(SurveyResponse.class, TreeDeserializer.of(SurveyResponse.class, "a survey response", policy,
                (reading, tree) -> ObservedCodec.survey(reading, tree.root(), "")));
        addSerializer(InteractionEvent.class, ElementValues.serializer(InteractionEvent.class, ObservedCodec::write));
        addDeserializer(InteractionEvent.class, TreeDeserializer.of(InteractionEvent.class, "an interaction event",
                policy, (reading, tree) -> ObservedCodec.event(reading, tree.root(), "")));
        // The model's elements on their own, as the document holds them.
        addSerializer(Persona.class, ElementValues.serializer(Persona.class, ModelEncoder::persona));
        addDeserializer(Persona.class, TreeDeserializer.of(Persona.class, "a persona", policy,
                (reading, tree) -> new ModelDecoder(reading).persona(tree.root(), "")));
        addSerializer(Channel.class, ElementValues.serializer(Channel.class, ModelEncoder::channel));
        addDeserializer(Channel.class, TreeDeserializer.of(Channel.class, "a channel", policy,
                (reading, tree) -> new ModelDecoder(reading).channel(tree.root(), "")));
        addSerializer(Phase.class, ElementValues.serializer(Phase.class, ModelEncoder::phase));
        addDeserializer(Phase.class, TreeDeserializer.of(Phase.class, "a phase", policy,
                (reading, tree) -> new ModelDecoder(reading).phase(tree.root(), "")));
        addSerializer(Journey.class, ElementValues.serializer(Journey.class, ModelEncoder::journey));
        addDeserializer(Journey.class, TreeDeserializer.of(Journey.class, "a journey", policy,
                (reading, tree) -> new ModelDecoder(reading).journey(tree.root(), "")));
        addSerializer(Touchpoint.class, ElementValues.serializer(Touchpoint.class,
                ModelEncoder::standaloneTouchpoint));
        addDeserializer(Touchpoint.class, TreeDeserializer.of(Touchpoint.class, "a touchpoint", policy,
                (reading, tree) -> ElementValues.touchpoint(reading, tree.root())));
        // The results of journey-metrics.
        for (ValueCodec<?> codec : VALUES) {
            register(codec, policy);
        }
        addSerializer(PeriodKey.class, new BreakdownValues.PeriodSerializer());
        addDeserializer(PeriodKey.class, new BreakdownValues.PeriodDeserializer(policy));
        addKeySerializer(PeriodKey.class, new BreakdownValues.PeriodKeySerializer());
        addKeyDeserializer(PeriodKey.class, new BreakdownValues.PeriodKeyDeserializer());
        addSerializer(new BreakdownValues.TrendSerializer());
        addSerializer(new SegmentComparisonValues.Serializer());
    }

    /** Every result type written as an object, by family. */
    private static final List<ValueCodec<?>> VALUES = List.of(
            StatsValues.INTERVAL, StatsValues.PROPORTION, StatsValues.COMPARISON, StatsValues.TWO_PROPORTION_TEST,
            SurveyValues.NPS, SurveyValues.CES, SurveyValues.CSAT,
            ServiceValues.CONTACT_VOLUME, ServiceValues.RESOLUTION_TIME,
            ExperienceValues.EMOTION_SUMMARY, ExperienceValues.JOURNEY_EXPERIENCE,
            FunnelValues.FUNNEL, FunnelValues.STEP, FunnelValues.RESULT, FunnelValues.STEP_COMPARISON,
            FunnelValues.COMPARISON,
            LifetimeValues.BG_NBD, LifetimeValues.BG_NBD_FIT, LifetimeValues.SBG, LifetimeValues.SBG_FIT,
            LifetimeValues.SURVIVAL_STEP, LifetimeValues.SURVIVAL_CURVE, LifetimeValues.PURCHASE_HISTORY,
            RetentionValues.CELL, RetentionValues.COHORT, RetentionValues.COHORT_TABLE,
            RetentionValues.PERIOD_RETENTION, RetentionValues.REPEAT_PURCHASE_RATE,
            PathValues.VARIANT, PathValues.EDGE, PathValues.PATH_RESULT,
            ConformanceValues.DEVIATIONS, ConformanceValues.SUMMARY, ConformanceValues.CHECKER,
            ConformanceValues.JOURNEY_CONFORMANCE,
            AttributionValues.RESULT, AttributionValues.PATH, AttributionValues.PATHS, AttributionValues.MATRIX,
            AttributionValues.MARKOV, AttributionValues.HIGHER_ORDER_MARKOV, AttributionValues.SHAPLEY);

    /** The codecs by type, for the results inside a {@code Trend} and the keys of a {@code SegmentComparison}. */
    private static final Map<Class<?>, ValueCodec<?>> BY_TYPE = byType();

    private static Map<Class<?>, ValueCodec<?>> byType() {
        Map<Class<?>, ValueCodec<?>> byType = new HashMap<>();
        for (ValueCodec<?> codec : VALUES) {
            byType.put(codec.type(), codec);
        }
        return Map.copyOf(byType);
    }

    private <T> void register(ValueCodec<T> codec, UnknownFields policy) {
        addSerializer(codec.type(), ElementValues.serializer(codec.type(), codec::write));
        addDeserializer(codec.type(), TreeDeserializer.of(codec.type(), codec.what(), policy,
                (reading, tree) -> codec.read(reading, tree.root(), "")));
    }

    /**
     * A module with the given unknown-fields policy; it wins over the default module whatever the order of
     * registration (see the class description).
     *
     * @param policy the policy, not null
     * @return the module, not null
     * @throws NullPointerException if policy is null
     */
    public static JourneyModule withUnknownFields(UnknownFields policy) {
        return new JourneyModule(Objects.requireNonNull(policy, "policy"), true);
    }

    /**
     * A module that ignores fields the format does not define: {@code withUnknownFields(UnknownFields.IGNORE)}.
     *
     * @return the module, not null
     */
    public static JourneyModule allowingUnknownFields() {
        return withUnknownFields(UnknownFields.IGNORE);
    }

    /** The class-path resource of {@link #valuesSchema()}, next to the journey document's schema. */
    public static final String VALUES_SCHEMA_RESOURCE = "/org/journeykit/io/journey-values.schema.json";

    /**
     * Returns the JSON Schema (draft 2020-12, {@code $id} {@code https://journeykit.org/schema/journey-values/1.json})
     * of the values this module writes besides the journey document: one definition per result type, per model
     * element and per observed record, such as {@code #/$defs/npsResult}, {@code #/$defs/cohortTable},
     * {@code #/$defs/touchpoint} or {@code #/$defs/surveyResponse}. Every written value validates against
     * its definition. The element definitions refer to the journey document's schema
     * ({@link org.journeykit.io.JourneyJson#schema()}, {@code $id} {@code https://journeykit.org/schema/journey-document/1.json}),
     * so a validator needs both. Rules the schema cannot express (counts that add up, times in order) are checked by
     * the reader only.
     *
     * @return the schema text, UTF-8 JSON; not null
     * @throws UncheckedIOException if the resource cannot be read (a broken installation)
     */
    public static String valuesSchema() {
        try (InputStream in = JourneyModule.class.getResourceAsStream(VALUES_SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new FileNotFoundException(VALUES_SCHEMA_RESOURCE));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VALUES_SCHEMA_RESOURCE, e);
        }
    }

    /**
     * The unknown-fields policy of this module.
     *
     * @return the policy, not null
     */
    public UnknownFields getUnknownFields() {
        return unknownFields;
    }

    /**
     * The id by which a mapper drops a second registration of the same module: {@code JourneyModule} for the
     * default module, {@code JourneyModule/unknownFields=IGNORE} (with the policy) for a configured one, so that
     * {@code findAndRegisterModules()} never drops a configured module.
     *
     * @return the id, not null
     */
    @Override
    public Object getTypeId() {
        return configured ? CONFIGURED_PREFIX + unknownFields : getModuleName();
    }

    /**
     * Adds the serializers and deserializers, unless this is the default module and the mapper already holds a
     * configured one.
     *
     * @param context the mapper's set-up context, not null
     */
    @Override
    public void setupModule(SetupContext context) {
        if (!configured && holdsConfiguredModule(context.getOwner())) {
            return;
        }
        super.setupModule(context);
        context.addDeserializers(new BreakdownValues.TrendDeserializers(unknownFields, BY_TYPE));
        context.addDeserializers(new SegmentComparisonValues.Finder(unknownFields, BY_TYPE));
    }

    private static boolean holdsConfiguredModule(ObjectCodec owner) {
        if (!(owner instanceof ObjectMapper)) {
            return false;
        }
        for (Object id : ((ObjectMapper) owner).getRegisteredModuleIds()) {
            if (id instanceof String && ((String) id).startsWith(CONFIGURED_PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
