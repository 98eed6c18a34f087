package org.journeykit.metrics.journeys.actual;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Turns interaction events that arrive <b>grouped by customer</b> (each customer's events one after another, as in
 * an export sorted by customer) into actual journeys, in memory that does not grow with the number of events.
 * Finished customers are handed to a sink in chunks, each an ordinary {@link ActualJourneys}, so every accumulator
 * works unchanged:
 *
 * <pre>{@code
 * FunnelAccumulator funnel = FunnelAccumulator.create(checkout);
 * PathAccumulator paths = PathAccumulator.create();
 * try (ActualJourneyStream stream = ActualJourneyStream.create(EventMapping.by(EventMapping.Source.TOUCHPOINT),
 *         chunk -> {
 *             funnel.add(chunk);
 *             paths.add(chunk);
 *         })) {
 *     events.forEach(stream::add);
 * }
 * Optional<FunnelResult> result = funnel.result();
 * }</pre>
 *
 * <p>Within a customer the events may come in any order: they are ordered and split into journeys by the rules of
 * {@link ActualJourneyBuilder} (time, then step name, then arrival; a new journey after the inactivity period). A
 * customer's events always end up in one chunk. A chunk is handed over once it holds at least 4,096 customers or
 * 65,536 events and the next customer begins, and on {@link #close()}.
 *
 * <p>Memory: the events of the customers of one chunk (17 bytes per event), plus 16 to 32 bytes per customer seen for
 * the check that no customer comes back after other customers' events (a 64-bit fingerprint of the id in an open
 * hash table; two different ids with the same fingerprint would raise a false alarm, with a probability below
 * 10<sup>-5</sup> for 10<sup>7</sup> customers).
 *
 * <p>The sink runs on the thread that adds the events. To evaluate the chunks on other cores, use
 * {@link ParallelJourneyStream}, which gives each worker thread its own accumulator and merges them at the end.
 *
 * <p>Not thread-safe; give each partition (partitioned by customer) its own stream.
 */
public final class ActualJourneyStream implements AutoCloseable {

    static final int CHUNK_CUSTOMERS = 4_096;
    static final int CHUNK_EVENTS = 65_536;

    /** The rule of a customer that comes back. */
    static final String GROUPED_RULE =
            "events must be grouped by customer: all of a customer's events one after another";

    /** Takes a full chunk's builder and gives the (empty) builder to continue with. */
    interface Handoff {
        /**
         * Hands a full chunk on.
         *
         * @param full the builder holding the chunk's events
         * @return an empty builder that continues the event numbering of {@code full}
         */
        ActualJourneyBuilder handOff(ActualJourneyBuilder full);
    }

    private ActualJourneyBuilder chunk;
    private final Handoff handoff;
    private final CustomerFingerprints seen = new CustomerFingerprints();
    private final boolean checkCustomers;
    private @Nullable String current;
    private long chunks;
    private boolean closed;

    /**
     * A stream over a builder (made grouped here) and a hand-off.
     *
     * @param chunk a builder, whose mapping and inactivity period the stream uses
     * @param handoff takes full chunks
     * @param checkCustomers whether {@code add} checks that no customer comes back (else the hand-off's receiver
     *     does, from the runs of each chunk)
     */
    ActualJourneyStream(ActualJourneyBuilder chunk, Handoff handoff, boolean checkCustomers) {
        this.chunk = chunk.emptyGrouped();
        this.handoff = handoff;
        this.checkCustomers = checkCustomers;
    }

    private ActualJourneyStream(ActualJourneyBuilder chunk, Consumer<ActualJourneys> sink) {
        this(chunk, full -> {
            ActualJourneys journeys = full.result();
            full.clear();
            sink.accept(journeys);
            return full;
        }, true);
    }

    /**
     * Creates a stream that keeps each customer's events in one journey.
     *
     * @param mapping how an event becomes a step, not null
     * @param sink receives the journeys chunk by chunk, not null
     * @return the stream, not null
     * @throws NullPointerException if an argument is null
     */
    public static ActualJourneyStream create(EventMapping mapping, Consumer<ActualJourneys> sink) {
        return new ActualJourneyStream(ActualJourneyBuilder.create(mapping), Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Creates a stream that splits a customer's events into separate journeys after a period of inactivity.
     *
     * @param mapping how an event becomes a step, not null
     * @param inactivity the longest gap inside one journey, positive, not null
     * @param sink receives the journeys chunk by chunk, not null
     * @return the stream, not null
     * @throws NullPointerException if an argument is null
     * @throws JourneyAnalyticsException if the period is zero or negative
     */
    public static ActualJourneyStream create(EventMapping mapping, Duration inactivity,
            Consumer<ActualJourneys> sink) {
        return new ActualJourneyStream(ActualJourneyBuilder.create(mapping, inactivity),
                Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Adds one event, mapped to its step by the stream's {@link EventMapping}.
     *
     * @param event the event, not null
     * @return this stream
     * @throws NullPointerException if event is null
     * @throws JourneyAnalyticsException if the event's customer came before, with other customers' events after
     *     it, or a strict mapping cannot map the event (the message names the event's index)
     * @throws IllegalStateException if the stream is closed
     */
    public ActualJourneyStream add(InteractionEvent event) {
        Objects.requireNonNull(event, "event");
        customer(event.getCustomerId());
        chunk.add(event);
        return this;
    }

    /**
     * Adds one event given by its parts, bypassing the mapping.
     *
     * @param customerId the customer, not null, not blank
     * @param time when the event happened, not null
     * @param step the step name, not null, not blank
     * @return this stream
     * @throws JourneyAnalyticsException if a part is missing or blank, or the customer came before with other
     *     customers' events after it (the message names the event's index)
     * @throws IllegalStateException if the stream is closed
     */
    public ActualJourneyStream add(@Nullable String customerId, @Nullable Instant time, @Nullable String step) {
        customer(customerId);
        chunk.add(customerId, time, step);
        return this;
    }

    /**
     * Adds one event given by its parts with the time in epoch milliseconds: the allocation-free hot path.
     *
     * @param customerId the customer, not null, not blank
     * @param epochMillis when the event happened, milliseconds since 1970-01-01T00:00Z
     * @param step the step name, not null, not blank
     * @return this stream
     * @throws JourneyAnalyticsException if the customer id or the step is missing or blank, or the customer came
     *     before with other customers' events after it (the message names the event's index)
     * @throws IllegalStateException if the stream is closed
     */
    public ActualJourneyStream addMillis(@Nullable String customerId, long epochMillis, @Nullable String step) {
        customer(customerId);
        chunk.addMillis(customerId, epochMillis, step);
        return this;
    }

    /**
     * How many events were offered, including skipped ones.
     *
     * @return the count, zero or more
     */
    public long eventCount() {
        return chunk.eventCount();
    }

    /**
     * How many events a lenient mapping skipped because it could not map them.
     *
     * @return the count, zero or more
     */
    public long skippedCount() {
        return chunk.skippedCount();
    }

    /**
     * How many chunks have been handed to the sink so far.
     *
     * @return the count, zero or more
     */
    public long chunkCount() {
        return chunks;
    }

    /**
     * Hands the last customers to the sink. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            flush();
        }
    }

    /** Notes the customer of the next event; a new customer may first send the finished chunk to the sink. */
    private void customer(@Nullable String customerId) {
        if (closed) {
            throw new IllegalStateException("the stream is closed");
        }
        if (customerId == null || customerId.equals(current)) {
            return; // a missing id is refused by the builder, which names the event
        }
        if (checkCustomers && !seen.add(customerId)) {
            throw new JourneyAnalyticsException(chunk.eventCount(), GROUPED_RULE,
                    "customer '" + customerId + "' came before, with other customers' events after it");
        }
        if (chunk.customerCount() >= CHUNK_CUSTOMERS || chunk.size() >= CHUNK_EVENTS) {
            flush();
        }
        current = customerId;
    }

    private void flush() {
        if (chunk.size() > 0) {
            chunks++;
            chunk = handoff.handOff(chunk);
        }
    }
}
