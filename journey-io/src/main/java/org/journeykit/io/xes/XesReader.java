package org.journeykit.io.xes;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.ReaderStreams;
import org.journeykit.io.internal.Times;
import org.journeykit.io.internal.xml.XmlIn;
import org.journeykit.model.Ids;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Reads the events of an XES log one at a time with StAX, in memory proportional to one trace's attributes and one
 * event: each {@code <event>} becomes an {@link InteractionEvent} of the customer its {@code <trace>} names. The
 * mapping is described on {@link Xes}.
 *
 * <p>The first problem ends the reading with a {@link JourneyReadException} naming the line, column, element and
 * rule. Not thread-safe.
 */
public final class XesReader implements Iterator<InteractionEvent>, Closeable {


    private final XmlIn in;
    private final @Nullable ZoneId zone;
    private final Map<String, String> caseAttributes = new LinkedHashMap<>();
    /** Where a date's characters are copied for the parser, so that no event allocates an array for it. */
    private final char[] timeScratch = new char[40];
    private @Nullable String customer;
    private boolean inTrace;
    private boolean done;
    private long events;
    private long traces;
    private @Nullable InteractionEvent next;

    XesReader(XmlIn in, @Nullable ZoneId zone) {
        this.in = in;
        this.zone = zone;
    }

    /**
     * Whether another event follows; reads ahead to find it.
     *
     * @return true if {@link #next()} will return an event
     * @throws JourneyReadException at the first problem
     * @throws UncheckedIOException if reading fails
     */
    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            int event = in.next();
            if (event == XMLStreamConstants.END_DOCUMENT) {
                done = true;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (in.depth() == 1) {
                    inTrace = false;
                }
            } else if (in.depth() == 1) {
                if (!"log".equals(in.name())) {
                    throw in.fail(RuleCode.MALFORMED, "must be an XES log: the root element must be 'log'",
                            in.name());
                }
            } else if (in.depth() == 2) {
                if ("trace".equals(in.name())) {
                    inTrace = true;
                    traces++;
                    customer = null;
                    caseAttributes.clear();
                } else {
                    in.skipElement();
                }
            } else if (inTrace && in.depth() == 3) {
                if ("event".equals(in.name())) {
                    next = event();
                } else {
                    traceAttribute();
                }
            } else {
                in.skipElement();
            }
        }
        return next != null;
    }

    /**
     * Returns the next event.
     *
     * @return the event; not null
     * @throws NoSuchElementException if there is none
     * @throws JourneyReadException as {@link #hasNext()}
     */
    @Override
    public InteractionEvent next() {
        // hasNext() reads the next event ahead into `next`, and is true only when it did.
        InteractionEvent result = hasNext() ? next : null;
        if (result == null) {
            throw new NoSuchElementException("no more events in the XES log");
        }
        next = null;
        return result;
    }

    /**
     * Returns the remaining events as a sequential stream; closing the stream closes this reader.
     *
     * @return the stream; not null
     */
    public Stream<InteractionEvent> stream() {
        return ReaderStreams.of(this);
    }

    /**
     * The number of events returned so far.
     *
     * @return the count, at least 0
     */
    public long getEventCount() {
        return events;
    }

    /**
     * The number of traces begun so far.
     *
     * @return the count, at least 0
     */
    public long getTraceCount() {
        return traces;
    }

    /**
     * Closes the parser and the input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private void traceAttribute() {
        String type = in.name();
        if (isSimple(type)) {
            String key = key();
            String value = value();
            if ("concept:name".equals(key)) {
                customer = value;
            } else if (caseAttributes.size() < InteractionEvent.MAX_ATTRIBUTES) {
                caseAttributes.put("case:" + key, value);
            } else {
                throw in.fail(RuleCode.TOO_LONG, "must have at most " + InteractionEvent.MAX_ATTRIBUTES
                        + " trace attributes", key);
            }
        }
        in.skipElement();
    }

    private InteractionEvent event() {
        Location at = in.location();
        long line = at.getLineNumber();
        long column = at.getColumnNumber();
        if (customer == null) {
            throw in.fail(RuleCode.REQUIRED, "must follow the trace's concept:name string attribute (the customer"
                    + " id), which the trace lacks or gives after its first event", null);
        }
        InteractionEvent.Builder event = InteractionEvent.builder().customerId(customer);
        event.putAllAttributes(caseAttributes);
        String activity = null;
        String touchpoint = null;
        boolean timed = false;
        int depth = in.depth();
        while (true) {
            int kind = in.next();
            if (kind == XMLStreamConstants.END_ELEMENT && in.depth() < depth) {
                break;
            }
            if (kind != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String type = in.name();
            if (!isSimple(type)) {
                in.skipElement();
                continue;
            }
            String key = key();
            String value = value();
            switch (key) {
                case "concept:name":
                    activity = value;
                    break;
                case "time:timestamp":
                    event.time(instant(value));
                    timed = true;
                    break;
                case "org:resource":
                    if (isId(value)) {
                        event.agentId(value);
                    } else {
                        event.putAttribute(key, value);
                    }
                    break;
                case Xes.TOUCHPOINT:
                    touchpoint = value;
                    event.touchpointId(value);
                    break;
                case Xes.CHANNEL:
                    event.channelId(value);
                    break;
                case Xes.PHASE:
                    event.phaseId(value);
                    break;
                case Xes.OUTCOME:
                    event.outcome(outcome(value));
                    break;
                case Xes.DURATION:
                    event.duration(duration(value));
                    break;
                default:
                    event.putAttribute(key, value);
            }
            in.skipElement();
        }
        if (!timed) {
            throw new JourneyReadException(Xes.WHAT, List.of(ReadProblem.of("/event", line, column,
                    RuleCode.REQUIRED, "must have a time:timestamp date attribute", null)), null);
        }
        if (activity != null && !activity.equals(touchpoint)) {
            event.activity(activity);
        }
        try {
            InteractionEvent built = event.build();
            events++;
            return built;
        } catch (InvalidModelException e) {
            List<ReadProblem> problems = new ArrayList<>();
            for (Problem problem : e.getProblems()) {
                String field = problem.getPath().isEmpty() ? "" : problem.getPath().get(0).getField();
                problems.add(ReadProblem.of("/event" + (field.isEmpty() ? "" : "/" + field), line, column,
                        problem.getCode(), problem.getRule(), problem.getValue().orElse(null)));
            }
            throw new JourneyReadException(Xes.WHAT, problems, e);
        }
    }

    /**
     * Whether a text follows {@link Ids#PATTERN}, checked character by character rather than by the regular
     * expression for every event (XesTest checks that both agree).
     */
    static boolean isId(String text) {
        int length = text.length();
        if (length == 0 || length > Ids.MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == 0 || c != '.' && c != '_' && c != ':' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSimple(String type) {
        switch (type) {
            case "string":
            case "date":
            case "int":
            case "float":
            case "boolean":
            case "id":
                return true;
            default:
                return false;
        }
    }

    private String key() {
        String key = in.attribute("key");
        if (key == null || key.isEmpty()) {
            throw in.fail(RuleCode.REQUIRED, "must have a key", null);
        }
        return key;
    }

    private String value() {
        String value = in.attribute("value");
        if (value == null) {
            throw in.fail(RuleCode.REQUIRED, "must have a value", null);
        }
        return value;
    }

    private Instant instant(String value) {
        String text = value.strip();
        try {
            if (zone != null && !hasOffset(text)) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            if (text.length() <= timeScratch.length) {
                // The fast path reads characters: copy them into the reader's buffer rather than a new array.
                text.getChars(0, text.length(), timeScratch, 0);
                return Times.instant(timeScratch, 0, text.length());
            }
            return Times.instant(text);
        } catch (DateTimeParseException e) {
            throw in.fail(RuleCode.FORMAT, "must be an xs:dateTime with an offset, such as "
                    + "2010-12-30T14:32:00.000+01:00 (or without one when the reader has a zone)", value);
        }
    }

    /** Whether an xs:dateTime ends with its offset: {@code Z} or {@code +HH:MM} / {@code -HH:MM}. */
    private static boolean hasOffset(String text) {
        int length = text.length();
        if (length > 0 && text.charAt(length - 1) == 'Z') {
            return true;
        }
        return length >= 6 && text.charAt(length - 3) == ':'
                && (text.charAt(length - 6) == '+' || text.charAt(length - 6) == '-');
    }

    private Outcome outcome(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "completed":
                return Outcome.COMPLETED;
            case "failed":
                return Outcome.FAILED;
            case "abandoned":
                return Outcome.ABANDONED;
            default:
                throw in.fail(RuleCode.FORMAT, "must be completed, failed or abandoned", text);
        }
    }

    private Duration duration(String text) {
        try {
            return Times.duration(text);
        } catch (DateTimeParseException e) {
            throw in.fail(RuleCode.FORMAT, "must be an ISO-8601 duration such as PT4M30S", text);
        }
    }
}
