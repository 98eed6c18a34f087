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
     * Rebuilds a matrix from its states and probabilities, as {@link #states()} and {@link #toArray()} give them
     * (for a stored result, such as its JSON form).
     *
     * @param states {@value #START}, at least one channel (strictly ascending by {@link String#compareTo}, none
     *     blank or one of the three other state names), {@value #CONVERSION} and {@value #NULL}; not null
     * @param probabilities one row per state, each with one probability in [0, 1] per state; not null, copied. Each
     *     row of the start and the channels sums to 1 (give or take 1e-9, a rounding error) or is all zero (a
     *     channel only seen on paths that never ended); nothing moves into the start; the rows of the conversion and
     *     null states are all zero
     * @return the matrix, not null
     * @throws NullPointerException if an argument, a state or a row is null
     * @throws MetricInputException if a rule above is broken
     */
    public static TransitionMatrix of(List<String> states, double[][] probabilities) {
        List<String> names = List.copyOf(states);
        int n = names.size();
        if (n < 4 || !names.get(0).equals(START) || !names.get(n - 2).equals(CONVERSION)
                || !names.get(n - 1).equals(NULL)) {
            throw new MetricInputException("states", shorten(names.toString()), "must be " + START
                    + ", at least one channel, " + CONVERSION + " and " + NULL);
        }
        for (int i = 1; i < n - 2; i++) {
            String channel = names.get(i);
            if (channel.isBlank() || channel.equals(START) || channel.equals(CONVERSION) || channel.equals(NULL)
                    || i > 1 && channel.compareTo(names.get(i - 1)) <= 0) {
                throw new MetricInputException("state", shorten(channel),
                        "must be a channel, not blank, after the previous channel by name");
            }
        }
        Objects.requireNonNull(probabilities, "probabilities");
        if (probabilities.length != n) {
            throw new MetricInputException("probabilities", probabilities.length + " rows", "must have one row per state: "
                    + n);
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = Objects.requireNonNull(probabilities[i], "probabilities").clone();
            if (row.length != n) {
                throw new MetricInputException("probabilities", row.length + " in row " + names.get(i),
                        "must have one probability per state: " + n);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (!(row[j] >= 0 && row[j] <= 1) || row[j] != 0 && (j == 0 || i >= n - 2)) {
                    throw new MetricInputException("probability", row[j] + " from " + shorten(names.get(i)) + " to "
                            + shorten(names.get(j)), "must be in [0, 1], and 0 into the start or out of "
                                    + CONVERSION + " and " + NULL);
                }
                sum += row[j];
            }
            if (sum != 0 && Math.abs(sum - 1) > 1e-9) {
                throw new MetricInputException("probabilities", sum + " in row " + shorten(names.get(i)),
                        "must sum to 1 or be all zero");
            }
            copy[i] = row;
        }
        return new TransitionMatrix(names, copy);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
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
