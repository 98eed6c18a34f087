package org.journeykit.metrics.breakdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.jspecify.annotations.Nullable;

/**
 * One accumulator per value of a dimension (segment, channel, phase, touchpoint, agent, calendar period), itself an
 * accumulator: merging two breakdowns merges the accumulators of equal keys. It serves every metric and journey
 * analysis of the library (anything that implements {@link MetricAccumulator}).
 *
 * <p>Example, NPS per agent (feedback attributed to the employee who handled the contact):
 * <pre>{@code
 * Map<String, NpsResult> byAgent = responses.stream().collect(Breakdown.collector(
 *         Dimensions.agent(), NpsAccumulator::create, NpsAccumulator::add));
 * }</pre>
 *
 * <p>Keys are kept in their natural order, so results, {@link #toString()} and the byte form are the same however
 * the input was split, and {@link #result()} iterates from the smallest key to the largest.
 *
 * <p>This class is mutable and not thread-safe; give each thread its own breakdown and merge.
 *
 * @param <K> the dimension's key type, naturally ordered
 * @param <A> the metric's accumulator type
 * @param <R> the metric's result type
 */
public final class Breakdown<K extends Comparable<? super K>, A extends MetricAccumulator<A, R>, R>
        implements MetricAccumulator<Breakdown<K, A, R>, Map<K, R>> {

    /** The most keys a byte state may hold. */
    public static final int MAX_KEYS = 1_000_000;

    /** The longest text key a byte state may hold, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 4096;

    /** The largest nested accumulator state a byte state may hold, in bytes. */
    public static final int MAX_NESTED_BYTES = 64 * 1024 * 1024;

    private static final int VERSION = 1;
    private static final int KEY_STRING = 1;
    private static final int KEY_PERIOD = 2;
    private static final int KEY_INTEGER = 3;
    private static final int KEY_LONG = 4;

    private final Supplier<A> empty;
    private final TreeMap<K, A> accumulators = new TreeMap<>();

    private Breakdown(Supplier<A> empty) {
        this.empty = empty;
    }

    /**
     * An empty breakdown: the identity of {@link #merge}.
     *
     * @param empty creates an empty accumulator for a new key (the metric's identity), not null; every accumulator
     *     it creates must have the same configuration
     * @param <K> the key type
     * @param <A> the accumulator type
     * @param <R> the result type
     * @return the breakdown, not null
     * @throws NullPointerException if {@code empty} is null
     */
    public static <K extends Comparable<? super K>, A extends MetricAccumulator<A, R>, R> Breakdown<K, A, R> create(
            Supplier<A> empty) {
        return new Breakdown<>(Objects.requireNonNull(empty, "empty"));
    }

    /**
     * A collector that groups elements by a key and accumulates each group, giving the result per key in key order
     * (keys whose metric is undefined, such as an empty group, are left out; no element gives an empty map).
     *
     * @param key the dimension of an element, not null; it must not return null
     * @param empty creates an empty accumulator, not null
     * @param add adds one element to an accumulator, not null
     * @param <T> the element type
     * @param <K> the key type
     * @param <A> the accumulator type
     * @param <R> the result type
     * @return the collector, not null; it throws {@link MetricInputException} for a null element or key
     */
    public static <T, K extends Comparable<? super K>, A extends MetricAccumulator<A, R>, R>
            Collector<T, ?, Map<K, R>> collector(Function<? super T, ? extends K> key, Supplier<A> empty,
                    BiConsumer<? super A, ? super T> add) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(empty, "empty");
        Objects.requireNonNull(add, "add");
        return Collector.<T, Breakdown<K, A, R>, Map<K, R>>of(() -> create(empty), (breakdown, element) -> {
            if (element == null) {
                throw new MetricInputException("element", null, "must not be null");
            }
            add.accept(breakdown.accumulatorFor(key.apply(element)), element);
        }, Breakdown::merge, breakdown -> breakdown.result().orElse(Map.of()), Collector.Characteristics.UNORDERED);
    }

    /**
     * The accumulator of a key, created empty on first use. Add to it directly.
     *
     * @param key the key, not null
     * @return the key's accumulator, not null
     * @throws MetricInputException if the key is null
     */
    public A accumulatorFor(@Nullable K key) {
        if (key == null) {
            throw new MetricInputException("key", null, "must not be null");
        }
        A accumulator = accumulators.get(key);
        if (accumulator == null) {
            accumulator = empty.get();
            accumulators.put(key, accumulator);
        }
        return accumulator;
    }

    /**
     * The keys seen so far, in key order.
     *
     * @return an unmodifiable view of the keys, not null
     */
    public List<K> keys() {
        return Collections.unmodifiableList(new ArrayList<>(accumulators.keySet()));
    }

    /**
     * Merges the accumulators of equal keys; keys only the other breakdown has are added. Merging a breakdown with
     * itself doubles every accumulator.
     *
     * @param other the other breakdown, not null; unchanged unless it is this breakdown
     * @return this breakdown
     * @throws IncompatibleMergeException if an accumulator of the other breakdown is configured differently from
     *     this breakdown's accumulators; this breakdown is then unchanged
     * @throws MetricInputException if a merged count would overflow; the keys merged before it keep their merge
     */
    @Override
    public Breakdown<K, A, R> merge(Breakdown<K, A, R> other) {
        List<Map.Entry<K, A>> theirs = new ArrayList<>(other.accumulators.entrySet());
        // Copies of the other side's accumulators, made first: a configuration mismatch surfaces here, while this
        // breakdown is still unchanged.
        List<A> copies = new ArrayList<>(theirs.size());
        for (Map.Entry<K, A> entry : theirs) {
            copies.add(empty.get().merge(entry.getValue()));
        }
        for (int i = 0; i < theirs.size(); i++) {
            K key = theirs.get(i).getKey();
            A mine = accumulators.get(key);
            if (mine == null) {
                accumulators.put(key, copies.get(i));
            } else {
                mine.merge(theirs.get(i).getValue());
            }
        }
        return this;
    }

    /**
     * The result per key, in key order; keys whose metric is undefined are left out.
     *
     * @return an unmodifiable sorted map, or empty when no key has a defined result
     */
    @Override
    public Optional<Map<K, R>> result() {
        NavigableMap<K, R> results = new TreeMap<>();
        accumulators.forEach((key, accumulator) -> accumulator.result().ifPresent(r -> results.put(key, r)));
        return results.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableNavigableMap(results));
    }

    /**
     * The state as bytes: the header (tag 15, version 1), then a key-type byte (1 text, 2 {@link PeriodKey},
     * 3 int, 4 long), an int number of keys, and per key in key order the key (text: int length and UTF-8;
     * period: a byte {@link CalendarPeriod} ordinal, int year, int number; int; long) and the key's accumulator
     * state as an int length and its own bytes. An empty breakdown writes key type 0 and no keys.
     *
     * @return the bytes, not null
     * @throws UnsupportedOperationException if a key is not a {@link String}, {@link PeriodKey}, {@link Integer}
     *     or {@link Long}: map other keys to one of these before accumulating when a byte form is needed
     */
    @Override
    public byte[] toBytes() {
        int keyType = accumulators.isEmpty() ? 0 : keyType(accumulators.firstKey());
        StateWriter writer = StateWriter.start(StateTag.BREAKDOWN, VERSION, 16 + 32 * accumulators.size());
        writer.writeByte(keyType).writeInt(accumulators.size());
        for (Map.Entry<K, A> entry : accumulators.entrySet()) {
            K key = entry.getKey();
            if (keyType(key) != keyType) {
                throw new UnsupportedOperationException("keys of different types have no byte form: " + key);
            }
            switch (keyType) {
                case KEY_STRING -> writer.writeString((String) key);
                case KEY_PERIOD -> {
                    PeriodKey period = (PeriodKey) key;
                    writer.writeByte(period.kind().ordinal()).writeInt(period.year()).writeInt(period.number());
                }
                case KEY_INTEGER -> writer.writeInt((Integer) key);
                default -> writer.writeLong((Long) key);
            }
            writer.writeSized(entry.getValue().toBytes());
        }
        return writer.toByteArray();
    }

    private static int keyType(Object key) {
        if (key instanceof String) {
            return KEY_STRING;
        }
        if (key instanceof PeriodKey) {
            return KEY_PERIOD;
        }
        if (key instanceof Integer) {
            return KEY_INTEGER;
        }
        if (key instanceof Long) {
            return KEY_LONG;
        }
        throw new UnsupportedOperationException("breakdown keys of type " + key.getClass().getName()
                + " have no byte form; use String, PeriodKey, Integer or Long keys");
    }

    /**
     * Reads a breakdown written by {@link #toBytes()}.
     *
     * @param bytes the state, not null
     * @param keyType the key type the state must hold: {@code String.class}, {@code PeriodKey.class},
     *     {@code Integer.class} or {@code Long.class}, not null
     * @param empty creates an empty accumulator for new keys, not null
     * @param reader reads one key's accumulator state, such as {@code NpsAccumulator::fromBytes}, not null
     * @param <K> the key type
     * @param <A> the accumulator type
     * @param <R> the result type
     * @return the breakdown, not null
     * @throws StateFormatException if the bytes are not a breakdown state of this key type within the documented
     *     limits ({@link #MAX_KEYS}, {@link #MAX_KEY_BYTES}, {@link #MAX_NESTED_BYTES}), keys repeat or are out of
     *     order, or a nested state is refused by the reader
     * @throws IncompatibleMergeException if a nested state is configured differently from the accumulators that
     *     {@code empty} creates
     * @throws IllegalArgumentException if {@code keyType} is not one of the four supported types
     */
    public static <K extends Comparable<? super K>, A extends MetricAccumulator<A, R>, R> Breakdown<K, A, R>
            fromBytes(byte[] bytes, Class<K> keyType, Supplier<A> empty, Function<byte[], A> reader) {
        int expected = expectedKeyType(keyType);
        Objects.requireNonNull(empty, "empty");
        Objects.requireNonNull(reader, "reader");
        StateReader in = StateReader.open(bytes, StateTag.BREAKDOWN, VERSION);
        int typeAt = in.offset();
        int found = in.readByte("key type");
        int count = in.readSize("key", MAX_KEYS, 5);
        if (found != (count == 0 ? 0 : expected)) {
            throw in.problem(typeAt, found, "key type must be " + (count == 0 ? 0 : expected) + " for "
                    + (count == 0 ? "an empty breakdown" : keyType.getSimpleName() + " keys"));
        }
        Breakdown<K, A, R> breakdown = create(empty);
        K previous = null;
        for (int i = 0; i < count; i++) {
            int keyAt = in.offset();
            K key = keyType.cast(readKey(in, found));
            if (previous != null && previous.compareTo(key) >= 0) {
                throw in.problem(keyAt, shorten(String.valueOf(key)), "keys must be distinct and in ascending order");
            }
            int stateAt = in.offset();
            byte[] nested = in.readSized("nested state", MAX_NESTED_BYTES);
            A accumulator;
            try {
                accumulator = reader.apply(nested);
            } catch (StateFormatException e) {
                throw in.problem(stateAt + 4 + e.getOffset(), shorten(String.valueOf(key)),
                        "nested state: " + e.getRule());
            } catch (MetricInputException e) {
                throw in.problem(stateAt, shorten(String.valueOf(key)), "nested state: " + e.getMessage());
            }
            empty.get().merge(accumulator);
            breakdown.accumulators.put(key, accumulator);
            previous = key;
        }
        in.end();
        return breakdown;
    }

    private static Object readKey(StateReader in, int type) {
        switch (type) {
            case KEY_STRING:
                return in.readString("key", MAX_KEY_BYTES);
            case KEY_PERIOD: {
                int at = in.offset();
                int kind = in.readByte("period kind");
                CalendarPeriod[] kinds = CalendarPeriod.values();
                if (kind >= kinds.length) {
                    throw in.problem(at, kind, "period kind must be from 0 to " + (kinds.length - 1));
                }
                int year = in.readInt("period year", -999_999_999, 999_999_999);
                int numberAt = in.offset();
                int number = in.readInt("period number");
                if (number < 1 || number > kinds[kind].perYear()) {
                    throw in.problem(numberAt, number, "period number must be from 1 to " + kinds[kind].perYear());
                }
                return PeriodKey.of(kinds[kind], year, number);
            }
            case KEY_INTEGER:
                return in.readInt("key");
            default:
                return in.readLong("key");
        }
    }

    private static int expectedKeyType(Class<?> keyType) {
        Objects.requireNonNull(keyType, "keyType");
        if (keyType == String.class) {
            return KEY_STRING;
        }
        if (keyType == PeriodKey.class) {
            return KEY_PERIOD;
        }
        if (keyType == Integer.class) {
            return KEY_INTEGER;
        }
        if (keyType == Long.class) {
            return KEY_LONG;
        }
        throw new IllegalArgumentException("keyType must be String, PeriodKey, Integer or Long: " + keyType);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /**
     * A readable form: each key with its accumulator, in key order.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "Breakdown" + accumulators;
    }
}
