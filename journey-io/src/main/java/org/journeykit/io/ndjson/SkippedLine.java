package org.journeykit.io.ndjson;

import java.util.List;
import java.util.Objects;
import org.journeykit.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * A line that was skipped, with every problem found on it. Problem lines are the file's line numbers; pointers are
 * relative to the line's object.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SkippedLine {

    private final long lineNumber;
    private final List<ReadProblem> problems;

    SkippedLine(long lineNumber, List<ReadProblem> problems) {
        this.lineNumber = lineNumber;
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates a skipped line; for readers of other line formats (the CSV import).
     *
     * @param lineNumber the 1-based line number, at least 1
     * @param problems why it was skipped, at least one; not null
     * @return the skipped line; not null
     * @throws IllegalArgumentException if lineNumber is less than 1 or problems is empty
     */
    public static SkippedLine of(long lineNumber, List<ReadProblem> problems) {
        if (lineNumber < 1 || problems.isEmpty()) {
            throw new IllegalArgumentException("a skipped line needs a line number of at least 1 and a problem, was "
                    + lineNumber + " with " + problems.size() + " problems");
        }
        return new SkippedLine(lineNumber, problems);
    }

    /**
     * The 1-based line number in the input.
     *
     * @return the line number, at least 1
     */
    public long getLineNumber() {
        return lineNumber;
    }

    /**
     * Why the line was skipped.
     *
     * @return the problems, not empty
     */
    public List<ReadProblem> getProblems() {
        return problems;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SkippedLine && ((SkippedLine) other).lineNumber == lineNumber
                && ((SkippedLine) other).problems.equals(problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, problems);
    }

    /**
     * Prints {@code line N: problem; problem}.
     *
     * @return the skipped line as text, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("line ").append(lineNumber).append(": ");
        for (int i = 0; i < problems.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return text.toString();
    }
}
