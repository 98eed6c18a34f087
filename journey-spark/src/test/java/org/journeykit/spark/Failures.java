package org.journeykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Finds the library's typed error in the cause chain of a failed Spark query. */
final class Failures {

    private Failures() {}

    static SparkFunctionException functionError(ThrowingCallable query) {
        Throwable thrown = catchThrowable(query);
        assertThat(thrown).as("the query must fail").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SparkFunctionException e) {
                return e;
            }
        }
        throw new AssertionError("no SparkFunctionException in the cause chain", thrown);
    }
}
