package org.journeykit.io.xes;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.journeykit.io.internal.xml.XmlIn;
import org.journeykit.io.internal.xml.XmlOut;
import org.journeykit.io.xml.XmlLimits;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * XES (IEEE 1849-2016) event logs, the exchange format of process-mining tools (PM4Py, ProM, Celonis): read
 * streaming with StAX, written with the Concept, Time, Lifecycle and Organizational extensions.
 *
 * <h2>Reading: XES to interaction events</h2>
 * <ul>
 *   <li>each {@code <trace>}'s {@code concept:name} is the customer id; its other attributes are copied onto each
 *       of its events as attributes named {@code case:<key>} (PM4Py's flat-table convention);</li>
 *   <li>event {@code concept:name} is the activity, {@code time:timestamp} the time (required),
 *       {@code org:resource} the agent id when it is a valid id (else the attribute {@code org:resource});</li>
 *   <li>{@code journey:touchpoint}, {@code journey:channel}, {@code journey:phase}, {@code journey:outcome} and
 *       {@code journey:duration} (written by {@link #write}) are the event's touchpoint, channel, phase, outcome
 *       and duration; an event whose {@code concept:name} equals its touchpoint has no separate activity;</li>
 *   <li>every other simple attribute ({@code string}, {@code date}, {@code int}, {@code float},
 *       {@code boolean}, {@code id}), {@code lifecycle:transition} included, is kept as an attribute with its
 *       literal value (the type is lost: all attribute values are text);</li>
 *   <li>lost: log-level attributes, extensions, globals and classifiers, {@code list} and {@code container}
 *       attributes, and nested (meta-)attributes.</li>
 * </ul>
 *
 * <h2>Writing: interaction events to XES</h2>
 * One {@code <trace>} per customer in order of first appearance, its events in time order (stable); the log
 * declares the four extensions, globals for {@code concept:name}, {@code time:timestamp} and
 * {@code lifecycle:transition}, and the classifiers "Activity" ({@code concept:name}) and "Activity lifecycle"
 * ({@code concept:name lifecycle:transition}). Event {@code concept:name} is the activity, or the touchpoint id when
 * the event has none; {@code lifecycle:transition} is the event's attribute of that name or {@code complete}; the
 * agent is {@code org:resource}; the journey fields use the {@code journey:} keys above; attributes named
 * {@code case:<key>} are written once on the trace (from the customer's first event that has them), all others as
 * {@code string} attributes of the event. Text is escaped; characters XML 1.0 cannot carry become U+FFFD.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Xes {

    /** The attribute key of an event's touchpoint id. */
    public static final String TOUCHPOINT = "journey:touchpoint";
    /** The attribute key of an event's channel id. */
    public static final String CHANNEL = "journey:channel";
    /** The attribute key of an event's phase id. */
    public static final String PHASE = "journey:phase";
    /** The attribute key of an event's outcome ({@code completed}, {@code failed}, {@code abandoned}). */
    public static final String OUTCOME = "journey:outcome";
    /** The attribute key of an event's duration (ISO-8601). */
    public static final String DURATION = "journey:duration";

    static final String WHAT = "an XES log";
    private static final String NAMESPACE = "http://www.xes-standard.org/";
    private static final Xes DEFAULTS = new Xes(XmlLimits.defaults(), null);

    private final XmlLimits limits;
    private final @Nullable ZoneId zone;

    private Xes(XmlLimits limits, @Nullable ZoneId zone) {
        this.limits = limits;
        this.zone = zone;
    }

    /**
     * The reader and writer with the default limits, refusing dates without an offset.
     *
     * @return the defaults; not null
     */
    public static Xes defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with other limits.
     *
     * @param limits the limits; not null
     * @return the copy; not null
     * @throws NullPointerException if limits is null
     */
    public Xes withLimits(XmlLimits limits) {
        return new Xes(Objects.requireNonNull(limits, "limits"), zone);
    }

    /**
     * Returns a copy that reads dates without an offset in this zone.
     *
     * @param zone the zone; not null
     * @return the copy; not null
     * @throws NullPointerException if zone is null
     */
    public Xes withZone(ZoneId zone) {
        return new Xes(limits, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * The zone of dates without an offset, if set.
     *
     * @return the zone; not null
     */
    public Optional<ZoneId> getZone() {
        return Optional.ofNullable(zone);
    }

    /**
     * Opens a reader over XES text; closing it closes the input.
     *
     * @param in the text; not null
     * @return the reader; not null
     * @throws NullPointerException if in is null
     * @throws org.journeykit.io.JourneyReadException if the document cannot start
     */
    public XesReader read(Reader in) {
        return new XesReader(XmlIn.open(Objects.requireNonNull(in, "in"), limits, WHAT), zone);
    }

    /**
     * Opens a reader over UTF-8 XES bytes (XES files are UTF-8); bytes that are not UTF-8 fail the read with
     * {@code RuleCode.INVALID_TEXT}. Closing the reader closes the stream.
     *
     * @param in the bytes; not null
     * @return the reader; not null
     * @throws NullPointerException if in is null
     * @throws org.journeykit.io.JourneyReadException if the document cannot start
     */
    public XesReader read(InputStream in) {
        return read(XmlIn.utf8(Objects.requireNonNull(in, "in")));
    }

    /**
     * Opens a reader over a UTF-8 XES file.
     *
     * @param file the file; not null
     * @return the reader; not null
     * @throws NullPointerException if file is null
     * @throws IOException if the file cannot be opened
     * @throws org.journeykit.io.JourneyReadException if the document cannot start
     */
    public XesReader read(Path file) throws IOException {
        return read(Files.newInputStream(file));
    }

    /**
     * Writes events as an XES log, one trace per customer. Holds the events of all customers in memory (to group
     * them); the destination is flushed, not closed.
     *
     * @param events the events; not null, no null element
     * @param out the destination; not null
     * @throws NullPointerException if an argument or element is null
     * @throws IOException if writing fails
     */
    public void write(Collection<InteractionEvent> events, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        Map<String, List<InteractionEvent>> byCustomer = new LinkedHashMap<>();
        for (InteractionEvent event : events) {
            byCustomer.computeIfAbsent(event.getCustomerId(), k -> new ArrayList<>()).add(event);
        }
        XmlOut xml = header(out);
        for (Map.Entry<String, List<InteractionEvent>> trace : byCustomer.entrySet()) {
            List<InteractionEvent> ordered = new ArrayList<>(trace.getValue());
            ordered.sort(Comparator.comparing(InteractionEvent::getTime));
            xml.start("trace");
            xml.empty("string", "key", "concept:name", "value", trace.getKey());
            Map<String, String> caseAttributes = new LinkedHashMap<>();
            for (InteractionEvent event : ordered) {
                for (Map.Entry<String, String> attribute : event.getAttributes().entrySet()) {
                    if (attribute.getKey().startsWith("case:") && attribute.getKey().length() > 5) {
                        caseAttributes.putIfAbsent(attribute.getKey(), attribute.getValue());
                    }
                }
            }
            for (Map.Entry<String, String> attribute : caseAttributes.entrySet()) {
                if (!"case:concept:name".equals(attribute.getKey())) {
                    xml.empty("string", "key", attribute.getKey().substring(5), "value", attribute.getValue());
                }
            }
            for (InteractionEvent event : ordered) {
                event(xml, event, caseAttributes);
            }
            xml.end("trace");
        }
        xml.end("log");
        xml.flush();
    }

    /**
     * Writes actual journeys as an XES log: one trace per journey, named by the customer id (a customer's second
     * and later journeys get {@code #2}, {@code #3} appended, and the attribute {@code journey:customer} holds the
     * id), one event per step with its time and, where recorded, outcome and duration. The destination is flushed,
     * not closed.
     *
     * @param journeys the journeys; not null
     * @param out the destination; not null
     * @throws NullPointerException if an argument is null
     * @throws IOException if writing fails
     */
    public void write(ActualJourneys journeys, Writer out) throws IOException {
        Objects.requireNonNull(journeys, "journeys");
        XmlOut xml = header(Objects.requireNonNull(out, "out"));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int j = 0; j < journeys.size(); j++) {
            String customer = journeys.customerId(j);
            int n = seen.merge(customer, 1, Integer::sum);
            xml.start("trace");
            xml.empty("string", "key", "concept:name", "value", n == 1 ? customer : customer + "#" + n);
            xml.empty("string", "key", "journey:customer", "value", customer);
            for (int p = 0; p < journeys.length(j); p++) {
                xml.start("event");
                xml.empty("string", "key", "concept:name", "value", journeys.stepName(journeys.step(j, p)));
                xml.empty("date", "key", "time:timestamp", "value",
                        java.time.Instant.ofEpochMilli(journeys.timeMillis(j, p)).toString());
                xml.empty("string", "key", "lifecycle:transition", "value", "complete");
                if (journeys.outcome(j, p).isPresent()) {
                    xml.empty("string", "key", OUTCOME, "value",
                            journeys.outcome(j, p).get().name().toLowerCase(Locale.ROOT));
                }
                if (journeys.durationMillis(j, p) >= 0) {
                    xml.empty("string", "key", DURATION, "value",
                            java.time.Duration.ofMillis(journeys.durationMillis(j, p)).toString());
                }
                xml.end("event");
            }
            xml.end("trace");
        }
        xml.end("log");
        xml.flush();
    }

    private static XmlOut header(Writer out) throws IOException {
        XmlOut xml = new XmlOut(out);
        xml.declaration();
        xml.start("log", "xes.version", "1849-2016", "xmlns", NAMESPACE);
        xml.empty("extension", "name", "Concept", "prefix", "concept", "uri",
                "http://www.xes-standard.org/concept.xesext");
        xml.empty("extension", "name", "Time", "prefix", "time", "uri", "http://www.xes-standard.org/time.xesext");
        xml.empty("extension", "name", "Lifecycle", "prefix", "lifecycle", "uri",
                "http://www.xes-standard.org/lifecycle.xesext");
        xml.empty("extension", "name", "Organizational", "prefix", "org", "uri",
                "http://www.xes-standard.org/org.xesext");
        xml.start("global", "scope", "trace");
        xml.empty("string", "key", "concept:name", "value", "__INVALID__");
        xml.end("global");
        xml.start("global", "scope", "event");
        xml.empty("string", "key", "concept:name", "value", "__INVALID__");
        xml.empty("date", "key", "time:timestamp", "value", "1970-01-01T00:00:00Z");
        xml.empty("string", "key", "lifecycle:transition", "value", "complete");
        xml.end("global");
        xml.empty("classifier", "name", "Activity", "keys", "concept:name");
        xml.empty("classifier", "name", "Activity lifecycle", "keys", "concept:name lifecycle:transition");
        xml.empty("string", "key", "concept:name", "value", "JourneyKit export");
        return xml;
    }

    private static void event(XmlOut xml, InteractionEvent event, Map<String, String> caseAttributes)
            throws IOException {
        xml.start("event");
        String name = event.getActivity().orElseGet(() -> event.getTouchpointId().orElseThrow());
        xml.empty("string", "key", "concept:name", "value", name);
        xml.empty("date", "key", "time:timestamp", "value", event.getTime().toString());
        xml.empty("string", "key", "lifecycle:transition", "value",
                event.getAttributes().getOrDefault("lifecycle:transition", "complete"));
        Map<String, String> written = new LinkedHashMap<>();
        if (event.getAgentId().isPresent()) {
            written.put("org:resource", event.getAgentId().get());
        }
        event.getTouchpointId().ifPresent(id -> written.put(TOUCHPOINT, id));
        event.getChannelId().ifPresent(id -> written.put(CHANNEL, id));
        event.getPhaseId().ifPresent(id -> written.put(PHASE, id));
        event.getOutcome().ifPresent(o -> written.put(OUTCOME, o.name().toLowerCase(Locale.ROOT)));
        event.getDuration().ifPresent(d -> written.put(DURATION, d.toString()));
        for (Map.Entry<String, String> attribute : event.getAttributes().entrySet()) {
            String key = attribute.getKey();
            boolean onTrace = attribute.getValue().equals(caseAttributes.get(key));
            if (!onTrace && !"lifecycle:transition".equals(key) && !"concept:name".equals(key)
                    && !"time:timestamp".equals(key)) {
                written.putIfAbsent(key, attribute.getValue());
            }
        }
        for (Map.Entry<String, String> attribute : written.entrySet()) {
            xml.empty("string", "key", attribute.getKey(), "value", attribute.getValue());
        }
        xml.end("event");
    }
}
