package org.journeykit.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.jspecify.annotations.Nullable;
import org.journeykit.error.RuleCode;

/**
 * An age or an age range in whole years, bounds included.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AgeRange {

    /** The highest age accepted. */
    public static final int MAX_AGE = 130;

    private final int from;
    private final int to;

    private AgeRange(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The range from {@code from} to {@code to} years, both included.
     *
     * @param from the lowest age, 0 to 130
     * @param to the highest age, from {@code from} to 130
     * @return the range, not null
     * @throws InvalidModelException if a bound is out of range or to is less than from
     */
    public static AgeRange of(int from, int to) {
        List<Problem> problems = new ArrayList<>(2);
        if (from < 0 || from > MAX_AGE) {
            problems.add(Problem.of(RuleCode.RANGE, "from", from, "must be between 0 and 130"));
        }
        if (to < 0 || to > MAX_AGE) {
            problems.add(Problem.of(RuleCode.RANGE, "to", to, "must be between 0 and 130"));
        } else if (to < from) {
            problems.add(Problem.of(RuleCode.RANGE, "to", to, "must not be less than from " + from));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException("AgeRange", problems);
        }
        return new AgeRange(from, to);
    }

    /**
     * A single age.
     *
     * @param age the age, 0 to 130
     * @return the range from age to age, not null
     * @throws InvalidModelException if the age is out of range
     */
    public static AgeRange exactly(int age) {
        return of(age, age);
    }

    /**
     * The lowest age.
     *
     * @return years, 0 to 130
     */
    @Min(0)
    @Max(MAX_AGE)
    public int getFrom() {
        return from;
    }

    /**
     * The highest age.
     *
     * @return years, from {@link #getFrom()} to 130
     */
    @Min(0)
    @Max(MAX_AGE)
    public int getTo() {
        return to;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AgeRange && ((AgeRange) other).from == from && ((AgeRange) other).to == to;
    }

    @Override
    public int hashCode() {
        return from * 131 + to;
    }

    /**
     * Prints {@code 34} for a single age or {@code 30-39} for a range.
     *
     * @return the range as text, not null
     */
    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
