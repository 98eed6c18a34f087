package org.journeykit.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Thrown by a builder whose {@code build()} is called before every required field is set.
 *
 * <p>Each missing field is one {@link Problem} with the rule "is required" and no value.
 */
public class MissingFieldException extends InvalidModelException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; called by the generated builders.
     *
     * @param message the builder's description of the failure, not null
     * @param missingFields the names of the required fields that were not set, not null, not empty
     */
    public MissingFieldException(String message, String... missingFields) {
        super(subjectOf(message), problems(missingFields));
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
            problems.add(Problem.of(field, null, "is required"));
        }
        return problems;
    }
}
