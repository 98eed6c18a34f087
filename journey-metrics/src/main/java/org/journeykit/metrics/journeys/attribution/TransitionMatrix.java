package org.journeykit.metrics.journeys.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;
import org.jspecify.annotations.Nullable;

/**
 * The first-order transition matrix of a Markov attribution: states {@value #START}, each channel (sorted by
 * name), {@value #CONVERSION} and {@value #NULL}. Row {@code i} holds the probabilities of moving from state
 * {@code i} to each state; the two absorbing states' rows are all zero.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TransitionMatrix {

    /** The name of the start state. */
    public static final String START = "(start)";
    /** The name of the conversion state. */
    public static final String CONVERSION = "(conversion)";
    /** The name of the non-conversion state. */
    public static final String NULL = "(null)";

    private final List<String> states;
    private final double[][] probabilities;

    TransitionMatrix(List<String> states, double[][] probabilities) {
        this.states = List.copyOf(states);
        this.probabilities = probabilities;
    }

    /**
     * The states, in matrix order: start, the channels by name, conversion, null.
     *
     * @return the states, unmodifiable, not null
     */
    public List<String> states() {
        return states;
    }

    /**
     * The probability of moving from one state to another.
     *
     * @param from a state name, not null
     * @param to a state name, not null
     * @return the probability, in [0, 1]
     * @throws NullPointerException if an argument is null
     * @throws MetricInputException if a state is unknown
     */
    public double probability(String from, String to) {
        return probabilities[indexOf(from)][indexOf(to)];
    }

    /**
     * The matrix as a fresh array.
     *
     * @return a copy of the probabilities, indexed like {@link #states()}, not null
     */
    public double[][] toArray() {
        double[][] copy = new double[probabilities.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = probabilities[i].clone();
        }
        return copy;
    }

    /**
     * Whether another object is a matrix of the same states and probabilities.
     *
     * @param other the object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TransitionMatrix that && states.equals(that.states)
                && Arrays.deepEquals(probabilities, that.probabilities);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * states.hashCode() + Arrays.deepHashCode(probabilities);
    }

    /**
     * The matrix as text, one row per state.
     *
     * @return the states and their rows, not null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TransitionMatrix");
        for (int i = 0; i < states.size(); i++) {
            text.append(i == 0 ? "[" : ", ").append(states.get(i)).append('=')
                    .append(Arrays.toString(probabilities[i]));
        }
        return text.append(']').toString();
    }

    private int indexOf(String state) {
        int index = states.indexOf(Objects.requireNonNull(state, "state"));
        if (index < 0) {
            throw new MetricInputException("state", state, "must be one of " + states);
        }
        return index;
    }
}
