package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.ModelDecoder;
import org.journeykit.io.internal.ModelEncoder;
import org.journeykit.io.internal.ObservedCodec;
import org.journeykit.io.internal.Parsing;
import org.journeykit.io.internal.Reading;
import org.journeykit.model.JourneyModel;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;
import org.jspecify.annotations.Nullable;

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
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds it through {@code META-INF/services} and the module
 * descriptor. Everything read goes through the model's builders, so a value read is as valid as one built in code.
 *
 * <p><b>Errors.</b> Bad input makes the mapper throw a {@link JourneyMappingException} (a
 * {@code JsonMappingException}) whose {@link JourneyMappingException#getReadException() read exception} lists every
 * problem with its JSON Pointer, line, column and {@link RuleCode}, the same problems {@code JourneyJson} reports
 * for the same input; its location and path point at the first problem. Duplicate fields are always refused; the
 * size and nesting limits are those of the mapper's own {@code JsonFactory} ({@code StreamReadConstraints}). No
 * polymorphic typing is used.
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
        addSerializer(JourneyModel.class, new JsonSerializer<JourneyModel>() {
            @Override
            public void serialize(JourneyModel value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ModelEncoder.document(value, out);
            }
        });
        addDeserializer(JourneyModel.class, deserializer(JourneyModel.class, "a journey document",
                (reading, tree) -> new ModelDecoder(reading).document(tree.root())));
        addSerializer(SurveyResponse.class, new JsonSerializer<SurveyResponse>() {
            @Override
            public void serialize(SurveyResponse value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ObservedCodec.write(value, out);
            }
        });
        addDeserializer(SurveyResponse.class, deserializer(SurveyResponse.class, "a survey response",
                (reading, tree) -> ObservedCodec.survey(reading, tree.root(), "")));
        addSerializer(InteractionEvent.class, new JsonSerializer<InteractionEvent>() {
            @Override
            public void serialize(InteractionEvent value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ObservedCodec.write(value, out);
            }
        });
        addDeserializer(InteractionEvent.class, deserializer(InteractionEvent.class, "an interaction event",
                (reading, tree) -> ObservedCodec.event(reading, tree.root(), "")));
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

    private boolean allowUnknownFields(DeserializationContext context) {
        switch (unknownFields) {
            case IGNORE:
                return true;
            case AS_MAPPER:
                return !context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            default:
                return false;
        }
    }

    private <T> JsonDeserializer<T> deserializer(Class<T> type, String what,
            BiFunction<Reading, LocatedTree, @Nullable T> decode) {
        return new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                LocatedTree tree;
                try {
                    tree = LocatedTree.read(parser);
                } catch (JsonProcessingException e) {
                    if (e instanceof JourneyMappingException) {
                        throw e;
                    }
                    throw JourneyMappingException.of(parser, Parsing.malformed(what, parser, e), null);
                }
                Reading reading = new Reading(tree, allowUnknownFields(context), 1_000);
                T value = decode.apply(reading, tree);
                List<ReadProblem> problems = reading.problems();
                if (value == null || !problems.isEmpty()) {
                    throw JourneyMappingException.of(parser, new JourneyReadException(what, problems, null),
                            tree.root());
                }
                return value;
            }

            @Override
            public @Nullable T getNullValue(DeserializationContext context) throws JourneyMappingException {
                JsonParser parser = context.getParser();
                if (parser != null && parser.getParsingContext().inRoot()) {
                    // The whole input is null: refused as JourneyJson refuses it.
                    com.fasterxml.jackson.core.JsonLocation at = parser.currentTokenLocation();
                    throw JourneyMappingException.of(parser, new JourneyReadException(what,
                            List.of(ReadProblem.of("", at.getLineNr(), at.getColumnNr(), RuleCode.TYPE,
                                    "must be an object", "null")), null), null);
                }
                return null;
            }

            @Override
            public Class<?> handledType() {
                return type;
            }
        };
    }
}
