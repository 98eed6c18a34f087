package org.journeykit.io.events;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.journeykit.observed.InteractionEvent;

/**
 * Writes interaction events as CSV that {@link EventCsv#defaults()} reads back: a header with the nine field
 * columns ({@link EventField#getDefaultColumn()} names) and the attribute columns chosen when the writer was
 * opened, then one row per event. Times are ISO-8601 instants in UTC with as many fraction digits as needed,
 * durations ISO-8601, outcomes in lower case; cells are quoted where the separator, a quote or a line break needs
 * it (by Jackson's CSV generator). Attributes of an event that have no column are not written.
 *
 * <p>Not thread-safe.
 */
public final class EventCsvWriter implements Closeable, Flushable {

    private static final EventField[] FIELDS = EventField.values();

    private final CsvGenerator out;
    private final List<String> attributeColumns;

    private EventCsvWriter(CsvGenerator out, List<String> attributeColumns) {
        this.out = out;
        this.attributeColumns = attributeColumns;
    }

    /**
     * Opens a writer; closing it closes the destination.
     *
     * @param out the destination; not null
     * @param separator the column separator, such as ',' or ';'
     * @param attributeColumns the attributes to write, one column each after the field columns, in this order;
     *     not null, no name equal to a field column or given twice
     * @return the writer; not null
     * @throws NullPointerException if out or attributeColumns is null
     * @throws IllegalArgumentException if an attribute column repeats a column name
     * @throws IOException if the generator cannot be created
     */
    public static EventCsvWriter open(Writer out, char separator, List<String> attributeColumns) throws IOException {
        Objects.requireNonNull(out, "out");
        List<String> attributes = List.copyOf(attributeColumns);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(separator);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (EventField field : FIELDS) {
            schema.addColumn(field.getDefaultColumn());
            names.add(field.getDefaultColumn());
        }
        for (String attribute : attributes) {
            if (!names.add(attribute)) {
                throw new IllegalArgumentException("the column '" + attribute + "' is named twice");
            }
            schema.addColumn(attribute);
        }
        CsvGenerator generator = CsvFactory.builder().build().createGenerator(out);
        generator.setSchema(schema.build());
        return new EventCsvWriter(generator, attributes);
    }

    /**
     * Writes one event as a row.
     *
     * @param event the event; not null
     * @throws NullPointerException if event is null
     * @throws IOException if writing fails
     */
    public void write(InteractionEvent event) throws IOException {
        Objects.requireNonNull(event, "event");
        out.writeStartArray();
        out.writeString(event.getCustomerId());
        out.writeString(event.getTime().toString());
        out.writeString(event.getTouchpointId().orElse(""));
        out.writeString(event.getActivity().orElse(""));
        out.writeString(event.getChannelId().orElse(""));
        out.writeString(event.getPhaseId().orElse(""));
        out.writeString(event.getAgentId().orElse(""));
        out.writeString(event.getOutcome().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse(""));
        out.writeString(event.getDuration().map(Object::toString).orElse(""));
        for (String attribute : attributeColumns) {
            out.writeString(event.getAttributes().getOrDefault(attribute, ""));
        }
        out.writeEndArray();
    }

    /**
     * Flushes the destination.
     *
     * @throws IOException if flushing fails
     */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Flushes and closes the destination.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
