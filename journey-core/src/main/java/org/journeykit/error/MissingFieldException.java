package org.journeykit.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Thrown by a builder whose {@code build()} is called before every required field is set.
 *
 * <p>Each missing field is one {@link Problem} with the rule "is required", the code {@link RuleCode#REQUIRED} and no
 * value; the other problems found in the same object are listed with them.
 */
public class MissingFieldException extends InvalidModelException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from a builder's message of the form
     * {@code Cannot build Journey, some of required attributes are not set [id, name]}; called by the generated
     * builders.
     *
     * @param message the builder's description of the failure, not null
     */
    public MissingFieldException(String message) {
        super(subjectOf(message), problems(fieldsOf(message)));
    }

    /**
     * Creates the exception from the problems a type's checks found, at least one of them a missing required field.
     *
     * @param subject what was being built, such as "Touchpoint", not null
     * @param problems every problem found, not null, not empty
     * @throws IllegalArgumentException if problems is empty
     */
    public MissingFieldException(String subject, List<Problem> problems) {
        super(subject, problems);
    }

    private static String[] fieldsOf(String message) {
        int open = message.lastIndexOf('[');
        int close = message.lastIndexOf(']');
        if (open < 0 || close < open + 2) {
            return new String[] {"(unknown)"};
        }
        return message.substring(open + 1, close).split(",\\s*");
    }

    private static String subjectOf(String message) {
        // The generated builders say "Cannot build Journey, some of required attributes are not set [id]".
        String prefix = "Cannot build ";
        if (message.startsWith(prefix)) {
            int end = message.indexOf(',', prefix.length());
            if (end > prefix.length()) {
                return message.substring(prefix.length(), end);
            }
        }
        return "a builder";
    }

    private static List<Problem> problems(String... missingFields) {
        List<Problem> problems = new ArrayList<>(missingFields.length);
        for (String field : missingFields) {
            problems.add(Problem.of(RuleCode.REQUIRED, field, null, "is required"));
        }
        return problems;
    }
}
