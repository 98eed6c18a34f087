package org.journeykit.metrics.journeys.actual;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.journeykit.observed.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Actual journeys in a compact, columnar form: journeys numbered {@code 0..size()-1}, each an ordered sequence of
 * dictionary-coded steps with their times, outcomes and durations. Built by {@link ActualJourneyBuilder}.
 *
 * <p>A customer's journeys are consecutive (journey {@code j + 1} belongs to the same customer as journey
 * {@code j} when the customer was split by inactivity). Step codes are {@code 0..stepCount()-1}; positions inside
 * a journey are {@code 0..length(j)-1}. Indices out of range throw {@link IndexOutOfBoundsException}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ActualJourneys {

    /**
     * The longest step name, in characters: the length of an {@link org.journeykit.observed.InteractionEvent}'s
     * activity, the longest field an event's step is read from. Builders refuse longer steps.
     */
    public static final int MAX_STEP_LENGTH = 200;

    private final String[] dictionary;
    private final String[] customers;
    private final int[] starts;
    private final int[] steps;
    private final long[] times;
    private final byte[] outcomes;
    private final long @Nullable [] durations;

    ActualJourneys(String[] dictionary, String[] customers, int[] starts, int[] steps, long[] times, byte[] outcomes,
            long @Nullable [] durations) {
        this.dictionary = dictionary;
        this.customers = customers;
        this.starts = starts;
        this.steps = steps;
        this.times = times;
        this.outcomes = outcomes;
        this.durations = durations;
    }

    /**
     * The number of journeys.
     *
     * @return the count, zero or more
     */
    public int size() {
        return customers.length;
    }

    /**
     * The total number of events over all journeys.
     *
     * @return the count, zero or more
     */
    public int eventCount() {
        return steps.length;
    }

    /**
     * The number of distinct steps in the dictionary.
     *
     * @return the count, zero or more
     */
    public int stepCount() {
        return dictionary.length;
    }

    /**
     * The name of a step code.
     *
     * @param code a step code, {@code 0..stepCount()-1}
     * @return the step name (touchpoint id, phase id, channel id or activity), not null
     */
    public String stepName(int code) {
        return dictionary[code];
    }

    /**
     * The code of a step name.
     *
     * @param name the step name, not null
     * @return the code, or empty if no event has that step
     * @throws NullPointerException if name is null
     */
    public OptionalInt codeOf(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < dictionary.length; i++) {
            if (dictionary[i].equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The customer of a journey.
     *
     * @param journey the journey index
     * @return the customer id, not null
     */
    public String customerId(int journey) {
        return customers[journey];
    }

    /**
     * The number of events in a journey.
     *
     * @param journey the journey index
     * @return the length, one or more
     */
    public int length(int journey) {
        return starts[journey + 1] - starts[journey];
    }

    /**
     * The step code at a position of a journey.
     *
     * @param journey the journey index
     * @param position the position inside the journey
     * @return the step code
     */
    public int step(int journey, int position) {
        return steps[index(journey, position)];
    }

    /**
     * The time at a position of a journey.
     *
     * @param journey the journey index
     * @param position the position inside the journey
     * @return milliseconds since 1970-01-01T00:00Z
     */
    public long timeMillis(int journey, int position) {
        return times[index(journey, position)];
    }

    /**
     * The outcome at a position of a journey.
     *
     * @param journey the journey index
     * @param position the position inside the journey
     * @return the outcome, or empty when the event recorded none
     */
    public Optional<Outcome> outcome(int journey, int position) {
        byte code = outcomes[index(journey, position)];
        return code == ActualJourneyBuilder.NO_OUTCOME ? Optional.empty()
                : Optional.of(ActualJourneyBuilder.outcomeOf(code));
    }

    /**
     * The recorded duration at a position of a journey.
     *
     * @param journey the journey index
     * @param position the position inside the journey
     * @return the duration in milliseconds, or -1 when the event recorded none
     */
    public long durationMillis(int journey, int position) {
        int i = index(journey, position);
        return durations == null ? -1L : durations[i];
    }

    /**
     * The step names of a journey, in order.
     *
     * @param journey the journey index
     * @return the steps, unmodifiable, not null
     */
    public List<String> steps(int journey) {
        int length = length(journey);
        List<String> names = new ArrayList<>(length);
        for (int p = 0; p < length; p++) {
            names.add(dictionary[step(journey, p)]);
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The event times of a journey, in order.
     *
     * @param journey the journey index
     * @return the instants, unmodifiable, not null
     */
    public List<Instant> times(int journey) {
        int length = length(journey);
        List<Instant> instants = new ArrayList<>(length);
        for (int p = 0; p < length; p++) {
            instants.add(Instant.ofEpochMilli(timeMillis(journey, p)));
        }
        return Collections.unmodifiableList(instants);
    }

    /**
     * The customers, each with the range of their consecutive journeys, in journey order: the unit a
     * unique-customer analysis counts, and the element to stream into a
     * {@link org.journeykit.metrics.breakdown.Breakdown} keyed by a dimension of the customer.
     *
     * @return one entry per run of journeys of one customer, unmodifiable, not null
     */
    public List<Customer> customers() {
        List<Customer> result = new ArrayList<>();
        int j = 0;
        while (j < customers.length) {
            int end = j + 1;
            while (end < customers.length && customers[j].equals(customers[end])) {
                end++;
            }
            result.add(new Customer(this, j, end));
            j = end;
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * One customer's consecutive journeys {@code firstJourney} (inclusive) to {@code endJourney} (exclusive) of an
     * {@link ActualJourneys}, as {@link ActualJourneys#customers()} gives them.
     *
     * <p>This class is immutable and thread-safe.
     *
     * @param journeys the journeys, not null
     * @param firstJourney the customer's first journey, from 0
     * @param endJourney one past the customer's last journey, above {@code firstJourney}, at most
     *     {@code journeys.size()}
     */
    public record Customer(ActualJourneys journeys, int firstJourney, int endJourney) {

        /**
         * Checks the range.
         *
         * @param journeys the journeys, not null
         * @param firstJourney the customer's first journey, from 0
         * @param endJourney one past the customer's last journey
         * @throws NullPointerException if journeys is null
         * @throws IndexOutOfBoundsException if the range is empty or outside the journeys
         * @throws IllegalArgumentException if the journeys of the range belong to different customers
         */
        public Customer {
            Objects.requireNonNull(journeys, "journeys");
            Objects.checkFromToIndex(firstJourney, endJourney, journeys.size());
            if (firstJourney == endJourney) {
                throw new IndexOutOfBoundsException("empty journey range " + firstJourney);
            }
            for (int j = firstJourney + 1; j < endJourney; j++) {
                if (!journeys.customerId(j).equals(journeys.customerId(firstJourney))) {
                    throw new IllegalArgumentException("journeys " + firstJourney + " to " + (endJourney - 1)
                            + " belong to different customers");
                }
            }
        }

        /**
         * The customer's id.
         *
         * @return the id, not null
         */
        public String customerId() {
            return journeys.customerId(firstJourney);
        }

        /**
         * A short description: the customer and the journey range.
         *
         * @return the text, not null
         */
        @Override
        public String toString() {
            return "Customer[" + customerId() + ", journeys " + firstJourney + " to " + (endJourney - 1) + "]";
        }
    }

    private int index(int journey, int position) {
        int start = starts[journey];
        if (position < 0 || position >= starts[journey + 1] - start) {
            throw new IndexOutOfBoundsException("position " + position + " of journey " + journey);
        }
        return start + position;
    }
}
