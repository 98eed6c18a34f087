package org.journeykit.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.journeykit.examples.data.SampleData;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.jackson.JourneyModule;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.io.ndjson.JsonLinesReader;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;

/**
 * Integrating JourneyKit in a CRM: registering {@link JourneyModule} in the CRM's existing {@code ObjectMapper},
 * validating form input with the model's own Bean Validation constraints before a journey is built, and streaming
 * a large JSON Lines event file in constant memory with a report of the bad lines.
 */
public final class IntegrationExample {

    private IntegrationExample() {}

    /**
     * Runs the three integration steps in a temporary folder.
     *
     * @param args ignored
     * @throws IOException if the temporary file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("journeykit-integration");
        run(folder.resolve("events.ndjson"), 200_000, System.out);
    }

    /**
     * Runs the three integration steps.
     *
     * @param eventFile where to write the JSON Lines file, not null
     * @param customers how many shop customers to generate events for, at least 1
     * @param out where to print, not null
     * @throws IOException if the event file cannot be written or read
     */
    public static void run(Path eventFile, int customers, PrintStream out) throws IOException {
        // 1. The CRM's own mapper, with the module registered (findAndRegisterModules() finds it too).
        ObjectMapper crmMapper = new ObjectMapper().registerModule(new JourneyModule());
        JourneyModel shop = SampleData.onlineShop();
        String json = crmMapper.writeValueAsString(shop);
        JourneyModel back = crmMapper.readValue(json, JourneyModel.class);
        out.printf("1. ObjectMapper with JourneyModule: %d bytes written, read back equal: %s%n", json.length(),
                back.equals(shop));
        String broken = json.replace("\"phaseId\":\"purchase\"", "\"phaseId\":\"checkout-phase\"");
        try {
            crmMapper.readValue(broken, JourneyModel.class);
        } catch (JsonProcessingException e) {
            JourneyReadException problems = (JourneyReadException) e.getCause();
            out.printf("   a broken document is refused with %d problems, the first: %s%n",
                    problems.getProblems().size(), problems.getProblems().get(0));
        }

        // 2. Validate CRM form input against the model's declared constraints before building anything.
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Map<String, Object> form = new TreeMap<>(Map.of("id", "order form", "name", " ", "phaseId", "purchase"));
            out.println("2. Bean Validation of a touchpoint form:");
            for (Map.Entry<String, Object> field : form.entrySet()) {
                Set<ConstraintViolation<Touchpoint>> violations =
                        validator.validateValue(Touchpoint.class, field.getKey(), field.getValue());
                violations.stream().map(ConstraintViolation::getMessage).sorted().forEach(message ->
                        out.printf("   %s = '%s': %s%n", field.getKey(), field.getValue(), message));
            }
            out.printf("   the whole shop model, validated with cascading: %d violations%n",
                    validator.validate(shop).size());
        }

        // 3. Stream a large event file in constant memory; bad lines go to the report.
        try (Writer writer = Files.newBufferedWriter(eventFile, StandardCharsets.UTF_8)) {
            JsonLines.defaults().writeEvents(SampleData.shopEvents(customers, 1), writer);
            writer.write("{\"customerId\":\"c-x\",\"time\":\"not a time\",\"touchpointId\":\"pay\"}\n");
        }
        Map<String, Long> perTouchpoint = new TreeMap<>();
        try (JsonLinesReader<InteractionEvent> reader = JsonLines.defaults().readEvents(eventFile,
                OnError.SKIP_AND_REPORT)) {
            reader.forEachRemaining(event ->
                    perTouchpoint.merge(event.getTouchpointId().orElse("-"), 1L, Long::sum));
            out.printf("3. %s: %s%n", eventFile.getFileName(), reader.getReport());
            reader.getReport().getSkipped().forEach(line -> out.printf("   skipped %s%n", line));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.printf("   events per touchpoint: %s%n", perTouchpoint);
    }
}
