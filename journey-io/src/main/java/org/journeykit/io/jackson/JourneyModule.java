package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.LocatedTree;
import org.journeykit.io.internal.ModelDecoder;
import org.journeykit.io.internal.ModelEncoder;
import org.journeykit.io.internal.ObservedCodec;
import org.journeykit.io.internal.Reading;
import org.journeykit.model.JourneyModel;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;
import org.jspecify.annotations.Nullable;

/**
 * A Jackson module for the journey document: register it in an existing {@code ObjectMapper} to read and write
 * {@link JourneyModel} (as the versioned journey document), {@link SurveyResponse} and {@link InteractionEvent}.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new JourneyModule());
 * JourneyModel model = mapper.readValue(json, JourneyModel.class);
 * }</pre>
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds it through {@code META-INF/services} and the module
 * descriptor. Everything read goes through the model's builders, so a value read is as valid as one built in code.
 * Bad input makes the mapper throw a {@link JsonMappingException} whose cause is a {@link JourneyReadException}
 * listing every problem with its JSON Pointer, line and column. Duplicate fields are always rejected; the size and
 * nesting limits are those of the mapper's own {@code JsonFactory} ({@code StreamReadConstraints}). No polymorphic
 * typing is used.
 *
 * <p>This class is immutable and thread-safe once registered.
 */
public final class JourneyModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The module's version, that of the journey-io artifact. */
    static final Version VERSION = new Version(0, 1, 0, "SNAPSHOT", "org.journeykit", "journey-io");

    /** Creates the module; unknown fields are rejected. */
    public JourneyModule() {
        this(false);
    }

    private JourneyModule(boolean allowUnknownFields) {
        super("JourneyModule", VERSION);
        addSerializer(JourneyModel.class, new JsonSerializer<JourneyModel>() {
            @Override
            public void serialize(JourneyModel value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ModelEncoder.document(value, out);
            }
        });
        addDeserializer(JourneyModel.class, deserializer("a journey document", allowUnknownFields,
                (reading, tree) -> new ModelDecoder(reading).document(tree.root())));
        addSerializer(SurveyResponse.class, new JsonSerializer<SurveyResponse>() {
            @Override
            public void serialize(SurveyResponse value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ObservedCodec.write(value, out);
            }
        });
        addDeserializer(SurveyResponse.class, deserializer("a survey response", allowUnknownFields,
                (reading, tree) -> ObservedCodec.survey(reading, tree.root(), "")));
        addSerializer(InteractionEvent.class, new JsonSerializer<InteractionEvent>() {
            @Override
            public void serialize(InteractionEvent value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                ObservedCodec.write(value, out);
            }
        });
        addDeserializer(InteractionEvent.class, deserializer("an interaction event", allowUnknownFields,
                (reading, tree) -> ObservedCodec.event(reading, tree.root(), "")));
    }

    /**
     * A module that ignores fields the format does not define.
     *
     * @return the module, not null
     */
    public static JourneyModule allowingUnknownFields() {
        return new JourneyModule(true);
    }

    private static <T> JsonDeserializer<T> deserializer(String what, boolean allowUnknownFields,
            BiFunction<Reading, LocatedTree, @Nullable T> decode) {
        return new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                LocatedTree tree = LocatedTree.read(parser);
                Reading reading = new Reading(tree, allowUnknownFields, 1_000);
                T value = decode.apply(reading, tree);
                List<ReadProblem> problems = reading.problems();
                if (value == null || !problems.isEmpty()) {
                    JourneyReadException problem = new JourneyReadException(what, problems, null);
                    throw JsonMappingException.from(parser, problem.getMessage(), problem);
                }
                return value;
            }
        };
    }
}
