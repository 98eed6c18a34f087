package org.journeykit.io;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.journeykit.error.JourneyKitException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when JSON input cannot be read into the model; lists every problem found, each with its JSON Pointer,
 * line and column. Nothing half-built is returned.
 *
 * <p>Example message:
 * <pre>
 * 2 problems reading a journey document:
 *   /journeys/0/touchpoints/1/emotion/value (line 14, column 22): must lie on the emotion scale -2..2 (was '3')
 *   /journeys/0/touchpoints/2/channelId (line 20, column 24): must name a channel of the model (was 'fax')
 * </pre>
 */
public class JourneyReadException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /** Every problem found; not serialized, a deserialized exception keeps only its message. */
    private final transient List<ReadProblem> problems;

    /**
     * Creates the exception.
     *
     * @param what what was being read, such as "a journey document", not null
     * @param problems every problem found, not null, not empty
     * @param cause the parser's exception for malformed input, or null
     * @throws IllegalArgumentException if problems is empty
     */
    public JourneyReadException(String what, List<ReadProblem> problems, @Nullable Throwable cause) {
        super(message(what, problems), cause);
        this.problems = List.copyOf(problems);
    }

    private static String message(String what, List<ReadProblem> problems) {
        Objects.requireNonNull(what, "what");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a JourneyReadException needs at least one problem");
        }
        String header = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream().map(problem -> "  " + problem)
                .collect(Collectors.joining("\n", header + " reading " + what + ":\n", ""));
    }

    /**
     * Every problem found, in document order of discovery.
     *
     * @return an unmodifiable, non-empty list, not null
     */
    public List<ReadProblem> getProblems() {
        return problems;
    }
}
