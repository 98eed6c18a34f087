package org.journeykit.error;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a value, a journey or a whole model breaks one or more rules; lists every problem found at once.
 *
 * <p>Example message:
 * <pre>
 * 2 problems in Journey 'laptop-request':
 *   touchpoints[order-form].phase: must name one of the journey's phases [request, delivery] (was 'usage')
 *   touchpoints[order-form].emotion: must lie on the journey's emotion scale -2..2 (was '3.0')
 * </pre>
 *
 * <p>Nothing is built when this is thrown.
 */
public class InvalidModelException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /** Every problem found; not serialized, a deserialized exception keeps only its message. */
    private final transient List<Problem> problems;
    /** What was being built. */
    private final String subject;

    /**
     * Creates the exception.
     *
     * @param subject what was being built, such as "Journey 'laptop-request'", not null
     * @param problems every problem found, not null, not empty
     * @throws IllegalArgumentException if problems is empty
     */
    public InvalidModelException(String subject, List<Problem> problems) {
        super(message(subject, problems));
        this.subject = subject;
        this.problems = List.copyOf(problems);
    }

    private static String message(String subject, List<Problem> problems) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidModelException needs at least one problem");
        }
        String header = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream()
                .map(problem -> "  " + problem)
                .collect(Collectors.joining("\n", header + " in " + subject + ":\n", ""));
    }

    /**
     * What was being built when the problems were found.
     *
     * @return a description such as "Journey 'laptop-request'", not null
     */
    public String getSubject() {
        return subject;
    }

    /**
     * Every problem found, in the order the rules were checked.
     *
     * @return an unmodifiable, non-empty list, not null
     */
    public List<Problem> getProblems() {
        return problems;
    }
}
