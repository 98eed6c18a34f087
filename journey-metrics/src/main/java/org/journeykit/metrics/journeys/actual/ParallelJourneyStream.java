package org.journeykit.metrics.journeys.actual;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.observed.InteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * {@link ActualJourneyStream} with the chunks evaluated in parallel: the calling thread groups the events (which
 * arrive <b>grouped by customer</b>) into chunks, and worker threads order each chunk into {@link ActualJourneys}
 * and add it to their own accumulator; {@link #close()} merges the workers' accumulators into one.
 *
 * <pre>{@code
 * FunnelAccumulator funnel;
 * try (ParallelJourneyStream<FunnelAccumulator> stream = ParallelJourneyStream.create(
 *         EventMapping.by(EventMapping.Source.TOUCHPOINT), () -> FunnelAccumulator.create(checkout),
 *         FunnelAccumulator::add)) {
 *     events.forEach(stream::add);
 *     stream.close();
 *     funnel = stream.accumulator();
 * }
 * }</pre>
 *
 * <p>Rules and limits are those of {@link ActualJourneyStream}: the same chunks (a customer's events always in one
 * chunk), the same order within a customer, the same event numbering in messages, and the same refusal of a
 * customer that comes back after other customers' events, with the same message naming the first event of the
 * customer's second run. Only its timing differs: to keep the adding thread light, the workers check the chunks'
 * customers (in chunk order), so the refusal is thrown by a later {@code add} that hands over a chunk, or by
 * {@link #close()}, never silently. The memory for that check is the same: 16 to 32 bytes per customer.
 *
 * <p><b>Results.</b> Chunks reach the workers in an order that depends on thread scheduling, and the workers'
 * accumulators are merged at the end. For accumulators whose merge is exact (every count-based metric, the funnel,
 * the paths) the result equals that of a sequential {@link ActualJourneyStream}; an accumulator that keeps a sketch
 * may differ within its stated error.
 *
 * <p><b>Threads and memory.</b> The stream starts its worker threads (daemon threads named
 * {@code journeykit-journeys-N}) when created and ends them on {@link #close()}: always close it, best with
 * try-with-resources. At most {@code 2 * workers + 1} chunks exist at once (one filling, up to {@code workers}
 * waiting, one per worker being evaluated); when they are all in use, {@code add} waits for a worker, so memory
 * stays bounded by the chunk size whatever the number of events. The accumulators may be called on any worker
 * thread, one thread at a time per accumulator.
 *
 * <p><b>Failures.</b> An exception thrown while a worker evaluates a chunk (for example a count overflow) stops the
 * evaluation; it is rethrown, as thrown, by the next {@code add} that hands over a chunk or by {@link #close()}.
 *
 * <p>Not thread-safe: one thread adds the events.
 *
 * @param <A> the accumulator type
 */
public final class ParallelJourneyStream<A extends MetricAccumulator<A, ?>> implements AutoCloseable {

    /** A full chunk and its place in the order of chunks. */
    private record Chunk(ActualJourneyBuilder builder, long sequence) {}

    private final ActualJourneyStream stream;
    private final BlockingQueue<Chunk> full;
    private final BlockingQueue<ActualJourneyBuilder> free;
    private final Chunk poison;
    /** Guards {@link #seen} and {@link #checked}: chunks are checked for returning customers in their order. */
    private final Object turn = new Object();
    private final CustomerFingerprints seen = new CustomerFingerprints();
    private long checked;
    private long handedOff;
    private final Supplier<ActualJourneyBuilder> builders;
    private final int maxBuilders;
    private final List<A> accumulators;
    private final List<Thread> threads;
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private int created;
    private @Nullable A merged;
    private boolean closed;

    private ParallelJourneyStream(Supplier<ActualJourneyBuilder> builders, int workers, Supplier<A> accumulator,
            BiConsumer<? super A, ? super ActualJourneys> add) {
        this.builders = builders;
        this.maxBuilders = 2 * workers + 1;
        this.full = new ArrayBlockingQueue<>(workers);
        this.free = new ArrayBlockingQueue<>(maxBuilders);
        this.poison = new Chunk(builders.get(), -1);
        this.accumulators = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            accumulators.add(Objects.requireNonNull(accumulator.get(), "the accumulator supplier gave null"));
        }
        this.created = 1;
        this.stream = new ActualJourneyStream(builders.get(), this::handOff, false);
        this.threads = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            A mine = accumulators.get(w);
            Thread thread = new Thread(() -> work(mine, add), "journeykit-journeys-" + w);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /**
     * Creates a stream that keeps each customer's events in one journey, with one worker per available processor.
     *
     * @param mapping how an event becomes a step, not null
     * @param accumulator creates an empty accumulator, called once per worker on the calling thread, not null;
     *     it must not return null
     * @param add adds a chunk of journeys to an accumulator, such as {@code FunnelAccumulator::add}, not null
     * @param <A> the accumulator type
     * @return the stream, with its workers started, not null
     * @throws NullPointerException if an argument is null or the supplier gives null
     */
    public static <A extends MetricAccumulator<A, ?>> ParallelJourneyStream<A> create(EventMapping mapping,
            Supplier<A> accumulator, BiConsumer<? super A, ? super ActualJourneys> add) {
        return create(mapping, null, Runtime.getRuntime().availableProcessors(), accumulator, add);
    }

    /**
     * Creates a stream with a number of workers, optionally splitting a customer's events into separate journeys
     * after a period of inactivity.
     *
     * @param mapping how an event becomes a step, not null
     * @param inactivity the longest gap inside one journey, positive; null keeps each customer's events in one
     *     journey
     * @param workers the number of worker threads, 1 to 256; the number of available processors is a good choice
     *     (the calling thread, which groups the events, shares them)
     * @param accumulator creates an empty accumulator, called once per worker on the calling thread, not null;
     *     it must not return null
     * @param add adds a chunk of journeys to an accumulator, such as {@code FunnelAccumulator::add}, not null
     * @param <A> the accumulator type
     * @return the stream, with its workers started, not null
     * @throws NullPointerException if mapping, accumulator or add is null, or the supplier gives null
     * @throws JourneyAnalyticsException if the period is zero or negative
     * @throws IllegalArgumentException if workers is outside 1 to 256
     */
    public static <A extends MetricAccumulator<A, ?>> ParallelJourneyStream<A> create(EventMapping mapping,
            @Nullable Duration inactivity, int workers, Supplier<A> accumulator,
            BiConsumer<? super A, ? super ActualJourneys> add) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(accumulator, "accumulator");
        Objects.requireNonNull(add, "add");
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers must be from 1 to 256: " + workers);
        }
        if (inactivity == null) {
            ActualJourneyBuilder template = ActualJourneyBuilder.create(mapping);
            return new ParallelJourneyStream<>(template::emptyGrouped, workers, accumulator, add);
        }
        ActualJourneyBuilder template = ActualJourneyBuilder.create(mapping, inactivity); // checks the period
        return new ParallelJourneyStream<>(template::emptyGrouped, workers, accumulator, add);
    }

    /**
     * Adds one event, mapped to its step by the stream's {@link EventMapping}.
     *
     * @param event the event, not null
     * @return this stream
     * @throws NullPointerException if event is null
     * @throws JourneyAnalyticsException if the event's customer came before, with other customers' events after
     *     it, or a strict mapping cannot map the event (the message names the event's index)
     * @throws IllegalStateException if the stream is closed, or the calling thread was interrupted while waiting
     *     for a worker (its interrupt flag is set again)
     * @throws RuntimeException what a worker threw while evaluating an earlier chunk
     */
    public ParallelJourneyStream<A> add(InteractionEvent event) {
        stream.add(event);
        return this;
    }

    /**
     * Adds one event given by its parts, bypassing the mapping.
     *
     * @param customerId the customer, not null, not blank
     * @param time when the event happened, not null, within {@link org.journeykit.observed.TimeLimits}
     * @param step the step name, not null, not blank, at most {@value ActualJourneys#MAX_STEP_LENGTH} characters
     * @return this stream
     * @throws JourneyAnalyticsException if a part is missing, blank or out of range, or the customer came before
     *     with other customers' events after it (the message names the event's index)
     * @throws IllegalStateException if the stream is closed, or the calling thread was interrupted while waiting
     *     for a worker
     * @throws RuntimeException what a worker threw while evaluating an earlier chunk
     */
    public ParallelJourneyStream<A> add(@Nullable String customerId, @Nullable Instant time, @Nullable String step) {
        stream.add(customerId, time, step);
        return this;
    }

    /**
     * Adds one event given by its parts with the time in epoch milliseconds: the allocation-free hot path.
     *
     * @param customerId the customer, not null, not blank
     * @param epochMillis when the event happened, milliseconds since 1970-01-01T00:00Z, within
     *     {@link org.journeykit.observed.TimeLimits}
     * @param step the step name, not null, not blank, at most {@value ActualJourneys#MAX_STEP_LENGTH} characters
     * @return this stream
     * @throws JourneyAnalyticsException if a part is missing, blank or out of range, or the customer came before
     *     with other customers' events after it (the message names the event's index)
     * @throws IllegalStateException if the stream is closed, or the calling thread was interrupted while waiting
     *     for a worker
     * @throws RuntimeException what a worker threw while evaluating an earlier chunk
     */
    public ParallelJourneyStream<A> addMillis(@Nullable String customerId, long epochMillis, @Nullable String step) {
        stream.addMillis(customerId, epochMillis, step);
        return this;
    }

    /**
     * How many events were offered, including skipped ones.
     *
     * @return the count, zero or more
     */
    public long eventCount() {
        return stream.eventCount();
    }

    /**
     * How many events a lenient mapping skipped because it could not map them.
     *
     * @return the count, zero or more
     */
    public long skippedCount() {
        return stream.skippedCount();
    }

    /**
     * How many chunks have been handed to the workers so far.
     *
     * @return the count, zero or more
     */
    public long chunkCount() {
        return stream.chunkCount();
    }

    /**
     * Hands the last customers to the workers, waits for them to finish, ends their threads and merges their
     * accumulators. Closing again does nothing (and rethrows nothing).
     *
     * @throws RuntimeException what a worker threw while evaluating a chunk, or what merging the workers'
     *     accumulators threw (such as a count overflow); the workers have ended all the same
     * @throws IllegalStateException if the calling thread was interrupted while handing over the last chunk
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.close();
        } finally {
            stopWorkers();
        }
        rethrowFailure();
        A total = accumulators.get(0);
        for (int w = 1; w < accumulators.size(); w++) {
            total.merge(accumulators.get(w));
        }
        merged = total;
    }

    /**
     * The merged accumulator of all workers, once the stream is closed.
     *
     * @return the accumulator holding every chunk, not null
     * @throws IllegalStateException if the stream is not closed, or closing failed
     */
    public A accumulator() {
        A total = merged;
        if (total == null) {
            throw new IllegalStateException(closed ? "closing the stream failed: no accumulator"
                    : "the stream is not closed yet: close it to merge the workers' accumulators");
        }
        return total;
    }

    /** Called by the stream on the adding thread with a full chunk: queues it and gives the next empty builder. */
    private ActualJourneyBuilder handOff(ActualJourneyBuilder chunk) {
        rethrowFailure();
        try {
            ActualJourneyBuilder next = free.poll();
            if (next == null) {
                if (created < maxBuilders) {
                    next = builders.get();
                    created++;
                } else {
                    next = free.take();
                }
            }
            next.continueFrom(chunk);
            full.put(new Chunk(chunk, handedOff++));
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker to take a chunk", e);
        }
    }

    private void work(A accumulator, BiConsumer<? super A, ? super ActualJourneys> add) {
        while (true) {
            Chunk chunk;
            try {
                chunk = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nothing interrupts the workers; end, keeping the flag
                return;
            }
            if (chunk == poison) {
                return;
            }
            ActualJourneyBuilder builder = chunk.builder();
            try {
                checkCustomers(chunk);
                if (failure.get() == null) {
                    add.accept(accumulator, builder.result());
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                builder.clear();
                free.offer(builder); // free has room for every builder ever created
            }
        }
    }

    /**
     * Waits for the chunk's turn, then checks that none of its customers came before (in an earlier chunk or an
     * earlier run of this one) and notes them; records the first customer that did as the failure.
     */
    private void checkCustomers(Chunk chunk) {
        boolean interrupted = false;
        synchronized (turn) {
            while (checked != chunk.sequence()) {
                try {
                    turn.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            try {
                if (failure.get() == null) {
                    ActualJourneyBuilder builder = chunk.builder();
                    int runs = builder.customerCount();
                    for (int number = 0; number < runs; number++) {
                        String customer = builder.customerIdAt(number);
                        if (!seen.add(customer)) {
                            failure.compareAndSet(null, new JourneyAnalyticsException(builder.firstIndexAt(number),
                                    ActualJourneyStream.GROUPED_RULE, "customer '" + customer
                                            + "' came before, with other customers' events after it"));
                            break;
                        }
                    }
                }
            } finally {
                checked++;
                turn.notifyAll();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopWorkers() {
        boolean interrupted = false;
        for (int w = 0; w < threads.size(); w++) {
            boolean delivered = false;
            while (!delivered) {
                try {
                    full.put(poison);
                    delivered = true;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread thread : threads) {
            boolean joined = false;
            while (!joined) {
                try {
                    thread.join();
                    joined = true;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }
}
