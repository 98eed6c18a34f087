package org.journeykit.io.ocel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.journeykit.io.internal.Times;
import org.journeykit.observed.InteractionEvent;

/**
 * Writes observed events as an OCEL 2.0 JSON log (object-centric event log, ocel-standard.org): customers, and
 * objects named by chosen event attributes (tickets, orders), become objects; events relate to them with qualified
 * relationships; event attributes are typed.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>object type {@code customer}; one object per customer id, with id {@code customer:<id>};</li>
 *   <li>for each {@link #withObjectAttribute(String, String) object attribute} (attribute key to object type), one
 *       object per distinct value, id {@code <type>:<value>}, related to the customers whose events name it
 *       (object-to-object qualifier {@code customer}); the attribute is then not an event attribute;</li>
 *   <li>event id {@code e1}, {@code e2}, ... in input order; event type the activity, or the touchpoint id when
 *       there is none; time the instant in UTC;</li>
 *   <li>relationships: the customer (qualifier {@code customer}) and each named object (qualifier: the attribute
 *       key);</li>
 *   <li>event attributes {@code touchpoint}, {@code channel}, {@code phase}, {@code agent}, {@code outcome}
 *       (strings) and {@code duration} (float, seconds) where set, and every other attribute, typed per event type:
 *       {@code integer} if every value of it is a whole number, else {@code float} if every value is a finite
 *       number, else {@code boolean} if every value is {@code true} or {@code false}, else {@code time} if every
 *       value is an ISO-8601 date-time with offset, else {@code string};</li>
 *   <li>lost: nothing of the event; object attributes are not written (the model has none).</li>
 * </ul>
 * The events are held in memory (attribute types need every value). This class is immutable and thread-safe.
 */
public final class Ocel {

    private static final Ocel DEFAULTS = new Ocel(Map.of());
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Map<String, String> objectAttributes;

    private Ocel(Map<String, String> objectAttributes) {
        this.objectAttributes = objectAttributes;
    }

    /**
     * The writer with customers as the only objects.
     *
     * @return the defaults; not null
     */
    public static Ocel defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy that makes the values of an event attribute objects of a type, such as
     * {@code withObjectAttribute("ticketId", "ticket")}.
     *
     * @param attribute the attribute key; not null, not blank
     * @param objectType the object type; not null, not blank, not {@code customer}
     * @return the copy; not null
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank or the type is {@code customer}
     */
    public Ocel withObjectAttribute(String attribute, String objectType) {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(objectType, "objectType");
        if (attribute.isBlank() || objectType.isBlank() || "customer".equals(objectType)) {
            throw new IllegalArgumentException("the attribute and object type must not be blank, and the type not "
                    + "'customer', were '" + attribute + "' and '" + objectType + "'");
        }
        Map<String, String> copy = new LinkedHashMap<>(objectAttributes);
        copy.put(attribute, objectType);
        return new Ocel(java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * Writes events as OCEL 2.0 JSON; the destination is flushed, not closed.
     *
     * @param events the events; not null, no null element
     * @param out the destination; not null
     * @throws NullPointerException if an argument or element is null
     * @throws IOException if writing fails
     */
    public void write(Collection<InteractionEvent> events, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        List<InteractionEvent> all = List.copyOf(events);
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        Set<String> customers = new LinkedHashSet<>();
        Map<String, Set<String>> objects = new LinkedHashMap<>();
        for (InteractionEvent event : all) {
            customers.add(event.getCustomerId());
            Map<String, String> attributeTypes = types.computeIfAbsent(type(event), k -> new LinkedHashMap<>());
            for (Map.Entry<String, String> attribute : attributes(event).entrySet()) {
                String seen = attributeTypes.get(attribute.getKey());
                attributeTypes.put(attribute.getKey(), widen(seen, attribute.getValue()));
            }
            for (Map.Entry<String, String> link : objectAttributes.entrySet()) {
                String value = event.getAttributes().get(link.getKey());
                if (value != null) {
                    objects.computeIfAbsent(link.getValue() + ":" + value, k -> new LinkedHashSet<>())
                            .add("customer:" + event.getCustomerId());
                }
            }
        }
        try (JsonGenerator json = JSON.createGenerator(new NonClosing(out))) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("objectTypes");
            for (String type : objectTypeNames()) {
                json.writeStartObject();
                json.writeStringField("name", type);
                json.writeArrayFieldStart("attributes");
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("eventTypes");
            for (Map.Entry<String, Map<String, String>> type : types.entrySet()) {
                json.writeStartObject();
                json.writeStringField("name", type.getKey());
                json.writeArrayFieldStart("attributes");
                for (Map.Entry<String, String> attribute : type.getValue().entrySet()) {
                    json.writeStartObject();
                    json.writeStringField("name", attribute.getKey());
                    json.writeStringField("type", attribute.getValue());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("objects");
            for (String customer : customers) {
                json.writeStartObject();
                json.writeStringField("id", "customer:" + customer);
                json.writeStringField("type", "customer");
                json.writeArrayFieldStart("attributes");
                json.writeEndArray();
                json.writeEndObject();
            }
            for (Map.Entry<String, Set<String>> object : objects.entrySet()) {
                json.writeStartObject();
                json.writeStringField("id", object.getKey());
                json.writeStringField("type", object.getKey().substring(0, object.getKey().indexOf(':')));
                json.writeArrayFieldStart("attributes");
                json.writeEndArray();
                json.writeArrayFieldStart("relationships");
                for (String customer : object.getValue()) {
                    relationship(json, customer, "customer");
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("events");
            int id = 0;
            for (InteractionEvent event : all) {
                json.writeStartObject();
                json.writeStringField("id", "e" + ++id);
                json.writeStringField("type", type(event));
                json.writeStringField("time", event.getTime().toString());
                json.writeArrayFieldStart("attributes");
                // The first pass typed every attribute of every event type.
                Map<String, String> attributeTypes = Objects.requireNonNull(types.get(type(event)), "event type");
                for (Map.Entry<String, String> attribute : attributes(event).entrySet()) {
                    json.writeStartObject();
                    json.writeStringField("name", attribute.getKey());
                    json.writeFieldName("value");
                    String type = Objects.requireNonNull(attributeTypes.get(attribute.getKey()), "attribute type");
                    value(json, type, attribute.getValue());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("relationships");
                relationship(json, "customer:" + event.getCustomerId(), "customer");
                for (Map.Entry<String, String> link : objectAttributes.entrySet()) {
                    String value = event.getAttributes().get(link.getKey());
                    if (value != null) {
                        relationship(json, link.getValue() + ":" + value, link.getKey());
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    private List<String> objectTypeNames() {
        List<String> names = new ArrayList<>();
        names.add("customer");
        for (String type : objectAttributes.values()) {
            if (!names.contains(type)) {
                names.add(type);
            }
        }
        return names;
    }

    private static String type(InteractionEvent event) {
        return event.getActivity().orElseGet(() -> event.getTouchpointId().orElseThrow());
    }

    private Map<String, String> attributes(InteractionEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        event.getTouchpointId().ifPresent(v -> attributes.put("touchpoint", v));
        event.getChannelId().ifPresent(v -> attributes.put("channel", v));
        event.getPhaseId().ifPresent(v -> attributes.put("phase", v));
        event.getAgentId().ifPresent(v -> attributes.put("agent", v));
        event.getOutcome().ifPresent(v -> attributes.put("outcome", v.name().toLowerCase(Locale.ROOT)));
        event.getDuration().ifPresent(v -> attributes.put("duration",
                java.math.BigDecimal.valueOf(v.getSeconds()).add(java.math.BigDecimal.valueOf(v.getNano(), 9))
                        .stripTrailingZeros().toPlainString()));
        for (Map.Entry<String, String> attribute : event.getAttributes().entrySet()) {
            if (!objectAttributes.containsKey(attribute.getKey())) {
                attributes.putIfAbsent(attribute.getKey(), attribute.getValue());
            }
        }
        return attributes;
    }

    /** The narrowest type that holds every value seen so far and this one. */
    private static String widen(@org.jspecify.annotations.Nullable String seen, String value) {
        String[] order = {"integer", "float", "boolean", "time", "string"};
        int from = 0;
        if (seen != null) {
            for (int i = 0; i < order.length; i++) {
                if (order[i].equals(seen)) {
                    from = i;
                }
            }
        }
        for (int i = from; i < order.length; i++) {
            if (fits(order[i], value) && (seen == null || compatible(seen, order[i]))) {
                return order[i];
            }
        }
        return "string";
    }

    private static boolean compatible(String seen, String candidate) {
        // integer values are also float values; boolean and time hold only their own kind
        return seen.equals(candidate) || "integer".equals(seen) && "float".equals(candidate)
                || "string".equals(candidate);
    }

    private static boolean fits(String type, String value) {
        switch (type) {
            case "integer":
                return value.matches("-?[0-9]{1,18}");
            case "float":
                return value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
                        && Double.isFinite(Double.parseDouble(value));
            case "boolean":
                return "true".equals(value) || "false".equals(value);
            case "time":
                try {
                    Times.instant(value);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            default:
                return true;
        }
    }

    private static void value(JsonGenerator json, String type, String value) throws IOException {
        switch (type) {
            case "integer":
                json.writeNumber(Long.parseLong(value));
                break;
            case "float":
                json.writeNumber(new java.math.BigDecimal(value));
                break;
            case "boolean":
                json.writeBoolean(Boolean.parseBoolean(value));
                break;
            case "time":
                Instant time = Times.instant(value);
                json.writeString(time.toString());
                break;
            default:
                json.writeString(value);
        }
    }

    private static void relationship(JsonGenerator json, String objectId, String qualifier) throws IOException {
        json.writeStartObject();
        json.writeStringField("objectId", objectId);
        json.writeStringField("qualifier", qualifier);
        json.writeEndObject();
    }

    /** Keeps the generator from closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
