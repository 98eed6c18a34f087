package org.journeykit.examples;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collector;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;

/**
 * A team's own metric on the accumulator API: the cart-abandonment rate of a web shop (checkouts abandoned out of
 * checkouts started), computed sequentially and in a parallel stream, with the same result because the
 * accumulator's merge is associative and commutative. The same four steps (create, add, merge, result) are what a
 * Spark {@code Aggregator}, a Flink {@code AggregateFunction} or a Beam {@code CombineFn} call; the byte form
 * ({@code toBytes}, {@code fromBytes}) is how such an engine ships a partial state between machines. A team's own
 * accumulator writes a header of its own: the {@code "JK"} header and its tags belong to the library.
 */
public final class CustomMetricExample {

    private CustomMetricExample() {}

    /**
     * The custom accumulator: two counts, constant memory, mergeable.
     */
    public static final class CartAbandonment implements MetricAccumulator<CartAbandonment, Proportion> {
        private static final int TAG = 0x43415254; // "CART"
        private final String checkoutTouchpoint;
        private long started;
        private long abandoned;

        /**
         * Creates an empty accumulator, the identity of {@link #merge}.
         *
         * @param checkoutTouchpoint the id of the checkout touchpoint, not null
         */
        public CartAbandonment(String checkoutTouchpoint) {
            this.checkoutTouchpoint = checkoutTouchpoint;
        }

        /**
         * Counts an event if it is a checkout.
         *
         * @param event the event, not null
         * @return this accumulator
         */
        public CartAbandonment add(InteractionEvent event) {
            if (event.getTouchpointId().filter(checkoutTouchpoint::equals).isPresent()) {
                started++;
                if (event.getOutcome().filter(Outcome.ABANDONED::equals).isPresent()) {
                    abandoned++;
                }
            }
            return this;
        }

        @Override
        public CartAbandonment merge(CartAbandonment other) {
            if (!checkoutTouchpoint.equals(other.checkoutTouchpoint)) {
                throw new IncompatibleMergeException("checkoutTouchpoint", checkoutTouchpoint,
                        other.checkoutTouchpoint);
            }
            // Checked sums, computed before anything is assigned: an overflow leaves this accumulator unchanged.
            long sumStarted = Math.addExact(started, other.started);
            long sumAbandoned = Math.addExact(abandoned, other.abandoned);
            started = sumStarted;
            abandoned = sumAbandoned;
            return this;
        }

        /**
         * The state as bytes: the tag {@code "CART"}, version 1, the checkout touchpoint id (UTF-8, with an int
         * length) and the two counts, big-endian.
         *
         * @return the bytes, not null
         */
        @Override
        public byte[] toBytes() {
            byte[] id = checkoutTouchpoint.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + 1 + 4 + id.length + 16).putInt(TAG).put((byte) 1).putInt(id.length)
                    .put(id).putLong(started).putLong(abandoned).array();
        }

        /**
         * Reads a state written by {@link #toBytes()}, checking every length and count before using it.
         *
         * @param bytes the state, not null
         * @return the accumulator, not null
         * @throws IllegalArgumentException if the bytes are not such a state
         */
        public static CartAbandonment fromBytes(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (bytes.length < 9 || in.getInt() != TAG || in.get() != 1) {
                throw new IllegalArgumentException("not a version-1 cart-abandonment state");
            }
            int length = in.getInt();
            if (length < 1 || length > 128 || in.remaining() != length + 16) {
                throw new IllegalArgumentException("cart-abandonment state of the wrong length");
            }
            byte[] id = new byte[length];
            in.get(id);
            CartAbandonment read = new CartAbandonment(new String(id, StandardCharsets.UTF_8));
            read.started = in.getLong();
            read.abandoned = in.getLong();
            if (read.started < 0 || read.abandoned < 0 || read.abandoned > read.started) {
                throw new IllegalArgumentException("cart-abandonment counts must satisfy 0 <= abandoned <= started");
            }
            return read;
        }

        @Override
        public Optional<Proportion> result() {
            return started == 0 ? Optional.empty() : Optional.of(Proportion.of(abandoned, started));
        }

        /**
         * A collector for streams, sequential or parallel.
         *
         * @param checkoutTouchpoint the id of the checkout touchpoint, not null
         * @return the collector, not null
         */
        public static Collector<InteractionEvent, CartAbandonment, Optional<Proportion>> collector(
                String checkoutTouchpoint) {
            return Collector.of(() -> new CartAbandonment(checkoutTouchpoint), CartAbandonment::add,
                    CartAbandonment::merge, CartAbandonment::result, Collector.Characteristics.UNORDERED);
        }
    }

    /**
     * Prints the abandonment rate of the built-in shop events, computed sequentially and in parallel.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(SampleData.shopEvents(200_000, 3), System.out);
    }

    /**
     * Prints the abandonment rate of shop events, computed sequentially and in parallel.
     *
     * @param events shop events, not null
     * @param out where to print, not null
     */
    public static void print(List<InteractionEvent> events, PrintStream out) {
        Proportion sequential = events.stream().collect(CartAbandonment.collector("checkout")).orElseThrow();
        Proportion parallel = events.parallelStream().collect(CartAbandonment.collector("checkout")).orElseThrow();
        Interval interval = parallel.wilson(0.95);
        out.printf(Locale.ROOT, "Cart abandonment: %d of %d checkouts, %.2f%% (95%% Wilson %.2f%%-%.2f%%)%n",
                parallel.successes(), parallel.trials(), 100 * parallel.share(), 100 * interval.lower(),
                100 * interval.upper());
        out.printf("Sequential and parallel results equal: %s%n", sequential.equals(parallel));
        CartAbandonment shipped = CartAbandonment.fromBytes(events.stream().collect(
                () -> new CartAbandonment("checkout"), CartAbandonment::add, CartAbandonment::merge).toBytes());
        out.printf("Read back from its bytes: %s%n", shipped.result().orElseThrow().equals(parallel));
    }
}
