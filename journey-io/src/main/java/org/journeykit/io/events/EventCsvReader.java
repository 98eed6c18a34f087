package org.journeykit.io.events;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;
import org.journeykit.internal.Checks;
import org.journeykit.internal.EventFactory;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.internal.ReaderStreams;
import org.journeykit.io.internal.Times;
import org.journeykit.io.ndjson.ImportReport;
import org.journeykit.io.ndjson.OnError;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Reads interaction events row by row from CSV, in constant memory: only the current row is held.
 *
 * <p>Use it as an {@link Iterator} or a {@link #stream()}, and close it. A row that cannot be read either stops the
 * reading with a {@link JourneyReadException} naming the line ({@link OnError#FAIL_FAST}) or is skipped and recorded
 * in {@link #getReport()} ({@link OnError#SKIP_AND_REPORT}). A header without the customer or time column, or with
 * neither a touchpoint nor an activity column, and CSV syntax errors end the import in either mode. I/O failures
 * surface as {@link UncheckedIOException}.
 *
 * <p>Not thread-safe.
 */
public final class EventCsvReader implements Iterator<InteractionEvent>, Closeable {

    private static final EventField[] FIELDS = EventField.values();
    private static final String[] NO_ATTRIBUTES = new String[0];

    private final CsvRows rows;
    private final EventCsv mapping;
    private final int[] cellOf = new int[FIELDS.length];
    private final @Nullable ZoneId zone;
    private final EventTimes times;
    private int[] attributeCells = new int[0];
    private String[] attributeNames = new String[0];
    /** Whether the header maps a field besides the customer, the time and the activity. */
    private boolean moreFields;
    private boolean headerRead;
    private boolean endOfInput;
    private @Nullable InteractionEvent next;

    EventCsvReader(CsvRows rows, EventCsv mapping) {
        this.rows = rows;
        this.mapping = mapping;
        this.zone = mapping.getZone().orElse(null);
        this.times = new EventTimes(zone);
    }

    /**
     * Whether another event follows; reads ahead to find it.
     *
     * @return true if {@link #next()} will return an event
     * @throws JourneyReadException at a bad header or CSV syntax error, and in {@link OnError#FAIL_FAST} mode at the
     *     first bad row
     * @throws UncheckedIOException if reading the input fails
     */
    @Override
    public boolean hasNext() {
        if (!headerRead) {
            readHeader();
        }
        while (next == null && !endOfInput) {
            if (rows.next()) {
                next = decode();
            } else {
                endOfInput = true;
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
            throw new NoSuchElementException("no more events in the CSV");
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
     * Returns what has been read so far: rows (the header excluded), events and skipped rows.
     *
     * @return the report; not null
     */
    public ImportReport getReport() {
        return rows.report();
    }

    /**
     * Closes the input.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        rows.close();
    }

    private void readHeader() {
        headerRead = true;
        Map<String, Integer> byName = rows.header();
        if (byName.isEmpty()) {
            endOfInput = true;
            return;
        }
        List<ReadProblem> problems = new ArrayList<>();
        Map<Integer, EventField> mapped = new java.util.HashMap<>();
        for (EventField field : FIELDS) {
            Integer index = byName.get(mapping.columnOf(field));
            cellOf[field.ordinal()] = index == null ? -1 : index;
            if (index != null) {
                mapped.put(index, field);
            }
        }
        require(EventField.CUSTOMER_ID, problems);
        require(EventField.TIME, problems);
        if (cellOf[EventField.TOUCHPOINT_ID.ordinal()] < 0 && cellOf[EventField.ACTIVITY.ordinal()] < 0) {
            problems.add(ReadProblem.of("/" + EventField.ACTIVITY.getDefaultColumn(), 1, -1L, RuleCode.HEADER,
                    "the header must have the column '" + mapping.columnOf(EventField.ACTIVITY) + "' or '"
                            + mapping.columnOf(EventField.TOUCHPOINT_ID) + "'", null));
        }
        if (!problems.isEmpty()) {
            throw rows.missing(problems);
        }
        for (EventField field : List.of(EventField.TOUCHPOINT_ID, EventField.CHANNEL_ID, EventField.PHASE_ID,
                EventField.AGENT_ID, EventField.OUTCOME, EventField.DURATION)) {
            moreFields |= cellOf[field.ordinal()] >= 0;
        }
        if (mapping.keepsAttributes()) {
            String[] names = rows.names();
            List<Integer> cells = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (!mapped.containsKey(i) && !names[i].isEmpty()) {
                    cells.add(i);
                }
            }
            attributeCells = cells.stream().mapToInt(Integer::intValue).toArray();
            attributeNames = new String[attributeCells.length];
            for (int i = 0; i < attributeCells.length; i++) {
                attributeNames[i] = names[attributeCells[i]];
            }
        }
    }

    private void require(EventField field, List<ReadProblem> problems) {
        if (cellOf[field.ordinal()] < 0) {
            problems.add(ReadProblem.of("/" + field.getDefaultColumn(), 1, -1L, RuleCode.HEADER,
                    "the header must have the column '" + mapping.columnOf(field) + "' for " + field, null));
        }
    }

    private @Nullable InteractionEvent decode() {
        // Rows are good in the common case: the list of problems is made for a bad one only.
        List<ReadProblem> problems = List.of();
        ReadProblem extra = rows.extraCells();
        if (extra != null) {
            problems = add(problems, extra);
        }
        String customer = cell(EventField.CUSTOMER_ID);
        if (customer == null) {
            problems = add(problems, problem(EventField.CUSTOMER_ID, RuleCode.REQUIRED, "is required", null));
        }
        String time = cell(EventField.TIME);
        Instant instant = null;
        if (time == null) {
            problems = add(problems, problem(EventField.TIME, RuleCode.REQUIRED, "is required", null));
        } else {
            try {
                instant = times.parse(time);
            } catch (DateTimeParseException e) {
                problems = add(problems, problem(EventField.TIME, RuleCode.FORMAT, EventTimes.RULE, time));
            }
        }
        String touchpoint = null;
        String channel = null;
        String phase = null;
        String agent = null;
        Outcome outcome = null;
        Duration duration = null;
        if (moreFields) {
            touchpoint = cell(EventField.TOUCHPOINT_ID);
            channel = cell(EventField.CHANNEL_ID);
            phase = cell(EventField.PHASE_ID);
            agent = cell(EventField.AGENT_ID);
            String text = cell(EventField.OUTCOME);
            if (text != null) {
                outcome = outcome(text);
                if (outcome == null) {
                    problems = add(problems, problem(EventField.OUTCOME, RuleCode.FORMAT,
                            "must be completed, failed or abandoned", text));
                }
            }
            text = cell(EventField.DURATION);
            if (text != null) {
                try {
                    duration = Times.duration(text);
                } catch (DateTimeParseException e) {
                    problems = add(problems, problem(EventField.DURATION, RuleCode.FORMAT,
                            "must be an ISO-8601 duration such as PT4M30S", text));
                }
            }
        }
        if (!problems.isEmpty()) {
            rows.rejected(problems);
            return null;
        }
        try {
            InteractionEvent event = EventFactory.event(customer, instant, touchpoint, cell(EventField.ACTIVITY),
                    channel, phase, agent, outcome, duration, attributes());
            rows.accepted();
            return event;
        } catch (InvalidModelException e) {
            for (Problem problem : e.getProblems()) {
                problems = add(problems, located(problem));
            }
            rows.rejected(problems);
            return null;
        }
    }

    /**
     * The row's attributes as the event keeps them: keys at even, values at odd indexes, empty cells left out. The
     * keys are distinct, as EventFactory requires, because the header names each column once.
     */
    private @Nullable String[] attributes() {
        if (attributeCells.length == 0) {
            return NO_ATTRIBUTES;
        }
        int cellCount = rows.cellCount();
        @Nullable String[] entries = new String[2 * attributeCells.length];
        int size = 0;
        for (int i = 0; i < attributeCells.length; i++) {
            int index = attributeCells[i];
            if (index < cellCount) {
                String value = strip(rows.cell(index));
                if (!value.isEmpty()) {
                    entries[size++] = attributeNames[i];
                    entries[size++] = value;
                }
            }
        }
        return size == entries.length ? entries : Arrays.copyOf(entries, size);
    }

    private ReadProblem located(Problem problem) {
        String field = problem.getPath().isEmpty() ? "" : problem.getPath().get(0).getField();
        long column = -1;
        String pointer = field.isEmpty() ? "" : "/" + field;
        if (field.startsWith("attributes.")) {
            String key = field.substring("attributes.".length());
            pointer = "/attributes/" + key;
            for (int i = 0; i < attributeNames.length; i++) {
                if (attributeNames[i].equals(key)) {
                    column = attributeCells[i] + 1L;
                }
            }
        } else if (field.equals("attributes")) {
            // A key breaking its rule: the problem shows the key as Problem.echo shows it (shortened, escaped).
            String shown = problem.getValue().orElse("");
            for (int i = attributeNames.length - 1; i >= 0; i--) {
                if (shown.equals(Problem.echo(attributeNames[i]))) {
                    column = attributeCells[i] + 1L;
                }
            }
        } else if (problem.getCode() == RuleCode.REQUIRED && field.equals("touchpointId")
                && cellOf[EventField.TOUCHPOINT_ID.ordinal()] < 0) {
            // Neither a touchpoint nor an activity, and the header maps only the activity: that is the cell to fill.
            pointer = "/" + EventField.ACTIVITY.getDefaultColumn();
            column = cellOf[EventField.ACTIVITY.ordinal()] + 1L;
        } else {
            for (EventField candidate : FIELDS) {
                if (candidate.getDefaultColumn().equals(field) && cellOf[candidate.ordinal()] >= 0) {
                    column = cellOf[candidate.ordinal()] + 1L;
                }
            }
        }
        return ReadProblem.of(pointer, rows.line(), column, problem.getCode(), problem.getRule(),
                problem.getValue().orElse(null));
    }

    private ReadProblem problem(EventField field, RuleCode code, String rule, @Nullable String value) {
        return ReadProblem.of("/" + field.getDefaultColumn(), rows.line(), cellOf[field.ordinal()] + 1L, code, rule,
                value);
    }

    private @Nullable String cell(EventField field) {
        int index = cellOf[field.ordinal()];
        if (index < 0 || index >= rows.cellCount()) {
            return null;
        }
        String text = strip(rows.cell(index));
        return text.isEmpty() ? null : text;
    }

    private static List<ReadProblem> add(List<ReadProblem> problems, ReadProblem problem) {
        List<ReadProblem> more = problems.isEmpty() ? new ArrayList<>(2) : problems;
        more.add(problem);
        return more;
    }

    /**
     * {@link String#strip()}, which scans the whole text when it has nothing to strip: a text that starts and ends
     * with a character that is {@linkplain Checks#isNeverWhitespace never whitespace} is returned as it is without
     * the scan.
     */
    static String strip(String text) {
        int length = text.length();
        if (length > 0 && Checks.isNeverWhitespace(text.charAt(0))
                && Checks.isNeverWhitespace(text.charAt(length - 1))) {
            return text;
        }
        return text.strip();
    }

    private static @Nullable Outcome outcome(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "completed":
                return Outcome.COMPLETED;
            case "failed":
                return Outcome.FAILED;
            case "abandoned":
                return Outcome.ABANDONED;
            default:
                return null;
        }
    }
}
