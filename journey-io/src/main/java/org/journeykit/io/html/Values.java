package org.journeykit.io.html;

import java.util.List;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.journeykit.error.RuleCode;

/** Argument checks shared by the metric value types. */
final class Values {

    private Values() {}

    static void check(String subject, boolean ok, String field, Object value, String rule) {
        check(subject, ok, RuleCode.RANGE, field, value, rule);
    }

    private static void check(String subject, boolean ok, RuleCode code, String field, Object value, String rule) {
        if (!ok) {
            throw new InvalidModelException(subject, List.of(Problem.of(code, field, value, rule)));
        }
    }

    static String text(String subject, String field, String value) {
        check(subject, !value.isBlank() && value.length() <= 200, value.isBlank() ? RuleCode.BLANK : RuleCode.TOO_LONG,
                field, value, "must be 1 to 200 characters, not blank");
        return value;
    }

    static void finite(String subject, String field, double value) {
        check(subject, Double.isFinite(value), field, value, "must be a finite number");
    }
}
