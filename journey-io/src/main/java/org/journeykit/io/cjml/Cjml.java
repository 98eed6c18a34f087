package org.journeykit.io.cjml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.xml.XmlIn;
import org.journeykit.io.internal.xml.XmlOut;
import org.journeykit.io.xml.XmlLimits;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.metrics.journeys.conformance.TouchpointStatus;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * CJML 2.0 (Customer Journey Modeling Language) XML of planned and actual journeys, and the import of planned
 * journeys into the model.
 *
 * <p>CJML publishes no XSD; the element names follow the concepts of the CJML 2.0 documentation: a journey of a
 * kind ({@code planned} or {@code actual}) has actors and touchpoints; a touchpoint is a
 * {@code communicationPoint} (a message through a channel from an initiator to a receiver) or an {@code action}
 * (something one actor does); an actual journey marks each touchpoint's {@code status}. The exact shape written:
 * <pre>{@code
 * <cjml version="2.0">
 *   <journey id="..." name="..." kind="planned|actual" [customer="..."]>
 *     <actors>
 *       <actor id="..." role="end-user|service-provider">name</actor>
 *     </actors>
 *     <phases><phase id="..." name="..."/></phases>
 *     <touchpoints>
 *       <communicationPoint id="..." name="..." phase="..." channel="..." initiator="actor id" receiver="actor id"
 *                           [status="completed|missing|failing|ad-hoc"]>
 *         [<description>customer action</description>]
 *       </communicationPoint>
 *       <action id="..." name="..." phase="..." actor="actor id" [status="..."]>[<description>..</description>]</action>
 *     </touchpoints>
 *   </journey>
 * </cjml>
 * }</pre>
 *
 * <h2>Model to CJML</h2>
 * Personas of the journey become {@code end-user} actors (id and name); each distinct department becomes a
 * {@code service-provider} actor with id {@code dept-1}, {@code dept-2}, ... (and a generic {@code provider} actor
 * when a touchpoint with a channel has no department). A touchpoint with a channel is a communication point from the
 * first persona (the model does not record who initiated: the customer is assumed) to its department; one without a
 * channel is an action of the first persona. The customer action is the description. Phases are kept in a
 * {@code phases} element (CJML has none; tools that do not know it ignore it). Lost: emotions, pain points,
 * opportunities, front and back stage, moment kinds, ratings, expected durations, scenario, start and end point, and the department of a touchpoint without a channel.
 *
 * <h2>CJML to model</h2>
 * Only planned journeys are read. Journey id, name, phases and touchpoints (id, name, phase, channel, the
 * description as customer action, the receiver's name as department when the receiver is a service provider) are
 * kept; end-user actors become the journey's persona ids; the generic actor {@code provider} named "Service
 * provider" that the writer adds stands for no department. A document without phases gets one phase {@code journey}.
 * Ids must follow the model's id rules. Lost: initiator and receiver roles beyond that, actors' other attributes,
 * statuses.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Cjml {

    private static final String WHAT = "a CJML journey";
    private static final String GENERIC_PROVIDER = "provider";
    private static final String GENERIC_PROVIDER_NAME = "Service provider";
    private static final Cjml DEFAULTS = new Cjml(XmlLimits.defaults());

    private final XmlLimits limits;

    private Cjml(XmlLimits limits) {
        this.limits = limits;
    }

    /**
     * The reader and writer with the default limits.
     *
     * @return the defaults; not null
     */
    public static Cjml defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with other read limits.
     *
     * @param limits the limits; not null
     * @return the copy; not null
     * @throws NullPointerException if limits is null
     */
    public Cjml withLimits(XmlLimits limits) {
        return new Cjml(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Writes a journey of a model as a planned CJML journey; the destination is flushed, not closed.
     *
     * @param model the model, for persona names; not null
     * @param journey the journey; not null
     * @param out the destination; not null
     * @throws NullPointerException if an argument is null
     * @throws IOException if writing fails
     */
    public void writePlanned(JourneyModel model, Journey journey, Writer out) throws IOException {
        write(model, journey, null, out);
    }

    /**
     * Writes one customer's actual journey against its plan: every planned touchpoint with its status from the
     * conformance analysis ({@code completed}, {@code missing}, {@code failing}), then each ad-hoc step (a step not
     * in the plan) as an action of the customer with status {@code ad-hoc}. The destination is flushed, not closed.
     *
     * @param model the model, for persona names; not null
     * @param plan the planned journey the conformance was checked against; not null
     * @param conformance the customer's conformance; not null
     * @param out the destination; not null
     * @throws NullPointerException if an argument is null
     * @throws IOException if writing fails
     */
    public void writeActual(JourneyModel model, Journey plan, JourneyConformance conformance, Writer out)
            throws IOException {
        write(model, plan, Objects.requireNonNull(conformance, "conformance"), out);
    }

    private void write(JourneyModel model, Journey journey, @Nullable JourneyConformance actual, Writer out)
            throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(out, "out");
        XmlOut xml = new XmlOut(out);
        xml.declaration();
        xml.start("cjml", "version", "2.0");
        if (actual == null) {
            xml.start("journey", "id", journey.getId(), "name", journey.getName(), "kind", "planned");
        } else {
            xml.start("journey", "id", journey.getId(), "name", journey.getName(), "kind", "actual", "customer",
                    actual.customerId());
        }
        List<String> personas = journey.getPersonaIds();
        String customer = personas.isEmpty() ? "customer" : personas.get(0);
        Map<String, String> departments = new LinkedHashMap<>();
        boolean provider = false;
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            if (touchpoint.getDepartment().isPresent()) {
                departments.putIfAbsent(touchpoint.getDepartment().get(), "dept-" + (departments.size() + 1));
            } else if (touchpoint.getChannelId().isPresent()) {
                provider = true;
            }
        }
        xml.start("actors");
        if (personas.isEmpty()) {
            xml.text("actor", "Customer", "id", customer, "role", "end-user");
        }
        for (String id : personas) {
            xml.text("actor", model.findPersona(id).map(Persona::getName).orElse(id), "id", id, "role", "end-user");
        }
        for (Map.Entry<String, String> department : departments.entrySet()) {
            xml.text("actor", department.getKey(), "id", department.getValue(), "role", "service-provider");
        }
        if (provider) {
            xml.text("actor", GENERIC_PROVIDER_NAME, "id", GENERIC_PROVIDER, "role", "service-provider");
        }
        xml.end("actors");
        xml.start("phases");
        for (Phase phase : journey.getPhases()) {
            xml.empty("phase", "id", phase.getId(), "name", phase.getName());
        }
        xml.end("phases");
        xml.start("touchpoints");
        for (Touchpoint touchpoint : journey.getTouchpoints()) {
            List<String> attributes = new ArrayList<>(List.of("id", touchpoint.getId(), "name", touchpoint.getName(),
                    "phase", touchpoint.getPhaseId()));
            String element;
            if (touchpoint.getChannelId().isPresent()) {
                element = "communicationPoint";
                attributes.addAll(List.of("channel", touchpoint.getChannelId().get(), "initiator", customer,
                        "receiver", touchpoint.getDepartment().map(departments::get).orElse("provider")));
            } else {
                element = "action";
                attributes.addAll(List.of("actor", customer));
            }
            if (actual != null) {
                TouchpointStatus status = actual.statuses().get(touchpoint.getId());
                attributes.addAll(List.of("status", status == null ? "missing"
                        : status.name().toLowerCase(Locale.ROOT)));
            }
            touchpoint(xml, element, attributes, touchpoint.getCustomerAction().orElse(null));
        }
        if (actual != null) {
            int n = 0;
            for (String step : actual.adHoc()) {
                touchpoint(xml, "action", List.of("id", "ad-hoc-" + ++n, "name", step, "actor", customer, "status",
                        "ad-hoc"), null);
            }
        }
        xml.end("touchpoints");
        xml.end("journey");
        xml.end("cjml");
        xml.flush();
    }

    private static void touchpoint(XmlOut xml, String element, List<String> attributes, @Nullable String description)
            throws IOException {
        String[] pairs = attributes.toArray(new String[0]);
        if (description == null) {
            xml.empty(element, pairs);
        } else {
            xml.start(element, pairs);
            xml.text("description", description);
            xml.end(element);
        }
    }

    /**
     * Reads a planned CJML journey into the model's {@link Journey}; closes the input.
     *
     * @param in the XML text; not null
     * @return the journey; not null
     * @throws NullPointerException if in is null
     * @throws JourneyReadException for malformed or hostile XML, a journey that is not planned, or one that breaks
     *     the model's rules (each problem with line and column)
     * @throws java.io.UncheckedIOException if reading fails
     */
    public Journey readPlanned(Reader in) {
        try (XmlIn xml = XmlIn.open(Objects.requireNonNull(in, "in"), limits, WHAT)) {
            return read(xml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot close the CJML input", e);
        }
    }

    /**
     * Reads a planned CJML journey from UTF-8 bytes; closes the stream.
     *
     * @param in the bytes; not null
     * @return the journey; not null
     * @throws NullPointerException if in is null
     * @throws JourneyReadException as {@link #readPlanned(Reader)}
     */
    public Journey readPlanned(InputStream in) {
        return readPlanned(XmlIn.utf8(Objects.requireNonNull(in, "in")));
    }

    private static Journey read(XmlIn xml) {
        Journey.Builder journey = Journey.builder();
        Map<String, String> providers = new LinkedHashMap<>();
        Map<String, long[]> where = new LinkedHashMap<>();
        List<Phase> phases = new ArrayList<>();
        List<Touchpoint.Builder> touchpoints = new ArrayList<>();
        List<String> receivers = new ArrayList<>();
        List<long[]> touchpointAt = new ArrayList<>();
        boolean sawJourney = false;
        int event;
        while ((event = xml.next()) != XMLStreamConstants.END_DOCUMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            int kind = -1;
            String name = xml.name();
            if (xml.depth() == 1) {
                if (!"cjml".equals(name)) {
                    throw xml.fail(RuleCode.MALFORMED, "must be a CJML document: the root element must be 'cjml'",
                            name);
                }
                continue;
            }
            if (xml.depth() == 2 && "journey".equals(name)) {
                sawJourney = true;
                String type = xml.attribute("kind");
                if (type != null && !"planned".equals(type)) {
                    throw xml.fail(RuleCode.CONFLICT, "must be a planned journey (kind=\"planned\")", type);
                }
                journey.id(required(xml, "id")).name(required(xml, "name"));
                where.put("", new long[] {xml.line(), xml.column()});
                continue;
            }
            switch (name) {
                case "actors":
                case "phases":
                case "touchpoints":
                    continue;
                case "actor":
                    String id = required(xml, "id");
                    String role = xml.attribute("role");
                    String text = xml.text().strip();
                    if ("end-user".equals(role)) {
                        journey.addPersonaId(id);
                    } else if (!(GENERIC_PROVIDER.equals(id) && GENERIC_PROVIDER_NAME.equals(text))) {
                        providers.put(id, text);
                    }
                    kind = 0;
                    break;
                case "phase":
                    String phaseId = required(xml, "id");
                    where.put("phases[" + phaseId + "]", new long[] {xml.line(), xml.column()});
                    try {
                        phases.add(Phase.builder().id(phaseId).name(required(xml, "name")).build());
                    } catch (InvalidModelException e) {
                        throw located(e, "phases[" + phaseId + "].", xml.line(), xml.column());
                    }
                    break;
                case "communicationPoint":
                case "action":
                    String touchpointId = required(xml, "id");
                    where.put("touchpoints[" + touchpointId + "]", new long[] {xml.line(), xml.column()});
                    touchpointAt.add(new long[] {xml.line(), xml.column()});
                    Touchpoint.Builder touchpoint = Touchpoint.builder().id(touchpointId)
                            .name(required(xml, "name"));
                    String phase = xml.attribute("phase");
                    touchpoint.phaseId(phase == null ? "journey" : phase);
                    String channel = xml.attribute("channel");
                    if (channel != null) {
                        touchpoint.channelId(channel);
                    }
                    String receiver = xml.attribute("receiver");
                    receivers.add(receiver == null ? "" : receiver);
                    touchpoints.add(touchpoint);
                    break;
                case "description":
                    if (!touchpoints.isEmpty()) {
                        touchpoints.get(touchpoints.size() - 1).customerAction(xml.text());
                        kind = 0;
                    }
                    break;
                default:
                    break;
            }
            if (kind < 0 && !name.equals("communicationPoint") && !name.equals("action")) {
                xml.skipElement();
            }
        }
        if (!sawJourney) {
            throw new JourneyReadException(WHAT, List.of(ReadProblem.of("", -1, -1, RuleCode.REQUIRED,
                    "must have a journey element", null)), null);
        }
        journey.addAllPhases(phases.isEmpty() ? List.of(Phase.of("journey", "Journey")) : phases);
        try {
            for (int i = 0; i < touchpoints.size(); i++) {
                String department = providers.get(receivers.get(i));
                if (department != null && !department.isEmpty()) {
                    touchpoints.get(i).department(department);
                }
                long[] at = touchpointAt.get(i);
                try {
                    journey.addTouchpoint(touchpoints.get(i).build());
                } catch (InvalidModelException e) {
                    throw located(e, "touchpoints[" + i + "].", at[0], at[1]);
                }
            }
            return journey.build();
        } catch (InvalidModelException e) {
            List<ReadProblem> problems = new ArrayList<>();
            for (Problem problem : e.getProblems()) {
                String path = problem.getPathString();
                long[] at = where.getOrDefault(path.contains("]") ? path.substring(0, path.indexOf(']') + 1) : "",
                        where.getOrDefault("", new long[] {-1, -1}));
                problems.add(ReadProblem.of("/" + path.replace('.', '/'), at[0], at[1], problem.getCode(),
                        problem.getRule(), problem.getValue().orElse(null)));
            }
            throw new JourneyReadException(WHAT, problems, e);
        }
    }

    private static JourneyReadException located(InvalidModelException e, String prefix, long line, long column) {
        List<ReadProblem> problems = new ArrayList<>();
        for (Problem problem : e.getProblems()) {
            problems.add(ReadProblem.of("/" + (prefix + problem.getPathString()).replace('.', '/'), line, column,
                    problem.getCode(), problem.getRule(), problem.getValue().orElse(null)));
        }
        return new JourneyReadException(WHAT, problems, e);
    }

    private static String required(XmlIn xml, String attribute) {
        String value = xml.attribute(attribute);
        if (value == null) {
            throw xml.fail(RuleCode.REQUIRED, "must have the attribute '" + attribute + "'", null);
        }
        return value;
    }
}
