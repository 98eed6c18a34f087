package org.journeykit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.journeykit.error.JourneyKitException;
import org.junit.jupiter.api.Test;

/**
 * The contract every accumulator of journey-metrics keeps (see {@link MetricAccumulator}), as one test that each
 * accumulator runs by extending this class: the merge laws over many seeded random cases, the byte round trip at
 * every merge boundary, and thousands of seeded mutations of a valid byte state, each answered quickly by a result
 * or a typed exception.
 *
 * <p>The test methods are public: the package is not opened to JUnit (surefire opens only the packages that hold
 * test classes, and this abstract class is none), so JUnit may call only public methods of this exported package.
 *
 * <p>A subclass says how to create the accumulator, how to feed it a random batch of input from a seeded random
 * source, and how to read its bytes. States are compared by their bytes and their results; an accumulator whose
 * state depends on the merge order (a quantile sketch) overrides {@link #assertSameState}.
 *
 * @param <A> the accumulator type
 */
// The test methods are public so that JUnit may call them in a subclass of another package without an opens of
// this package (surefire opens only the packages of the tests it selects); their annotation's module is not
// exported to the main module, which is what the "exports" lint would warn about.
@SuppressWarnings("exports")
public abstract class AccumulatorContract<A extends MetricAccumulator<A, ?>> {

    /** For subclasses. */
    protected AccumulatorContract() {}

    /** The number of random cases per merge law. */
    protected int cases() {
        return 10_000;
    }

    /** The number of mutated byte states. */
    protected int mutations() {
        return 2_000;
    }

    /** A fresh, empty accumulator: the identity of merge. */
    protected abstract A create();

    /**
     * Adds a random batch of input to an accumulator, drawn only from the random source, so that the same seed
     * always adds the same input. Batches should be small (a few to a few dozen elements) and sometimes empty.
     */
    protected abstract void feed(A accumulator, SplittableRandom random);

    /** Reads a state written by {@code toBytes}. */
    protected abstract A fromBytes(byte[] bytes);

    /** The tag the accumulator writes into byte 2 of its state. */
    protected abstract int tag();

    /** Asserts that two accumulators hold the same state: by default equal bytes and equal results. */
    protected void assertSameState(A actual, A expected) {
        assertThat(actual.result()).isEqualTo(expected.result());
        assertThat(actual.toBytes()).isEqualTo(expected.toBytes());
    }

    /** An accumulator holding the batch drawn from a seed. */
    protected final A build(long seed) {
        A accumulator = create();
        feed(accumulator, new SplittableRandom(seed));
        return accumulator;
    }

    private long seed(int i, int which) {
        return 0x5DEECE66DL * (i + 1) + 31L * which + getClass().getName().hashCode();
    }

    /** Law: {@code (a + b) + c} equals {@code a + (b + c)}. */
    @Test
    public void mergeIsAssociative() {
        for (int i = 0; i < cases(); i++) {
            long s1 = seed(i, 1);
            long s2 = seed(i, 2);
            long s3 = seed(i, 3);
            A left = build(s1).merge(build(s2)).merge(build(s3));
            A right = build(s1).merge(build(s2).merge(build(s3)));
            assertSameState(left, right);
        }
    }

    /** Law: {@code a + b} equals {@code b + a}. */
    @Test
    public void mergeIsCommutative() {
        for (int i = 0; i < cases(); i++) {
            long s1 = seed(i, 1);
            long s2 = seed(i, 2);
            assertSameState(build(s1).merge(build(s2)), build(s2).merge(build(s1)));
        }
    }

    /** Law: a fresh accumulator is the identity of merge, and has no result. */
    @Test
    public void freshAccumulatorIsTheIdentityOfMerge() {
        for (int i = 0; i < cases(); i++) {
            long s = seed(i, 1);
            assertSameState(build(s).merge(create()), build(s));
            assertSameState(create().merge(build(s)), build(s));
        }
        assertThat(create().result()).isEmpty();
    }

    /** Law: {@code a.merge(a)} equals merging a copy of {@code a} into {@code a}. */
    @Test
    public void mergingAnAccumulatorWithItselfDoublesIt() {
        for (int i = 0; i < cases(); i++) {
            long s = seed(i, 1);
            A self = build(s);
            assertSameState(self.merge(self), build(s).merge(build(s)));
        }
    }

    /** Law: merging two accumulators equals adding both inputs to one. */
    @Test
    public void mergeEqualsAddingEverythingToOne() {
        for (int i = 0; i < cases(); i++) {
            long s1 = seed(i, 1);
            long s2 = seed(i, 2);
            A one = create();
            feed(one, new SplittableRandom(s1));
            feed(one, new SplittableRandom(s2));
            assertSameState(one, build(s1).merge(build(s2)));
        }
    }

    /** The byte form reads back into the same state, also when shipped at every merge. */
    @Test
    public void bytesRoundTripAtEveryMergeBoundary() {
        for (int i = 0; i < cases(); i++) {
            long s1 = seed(i, 1);
            long s2 = seed(i, 2);
            A a = build(s1);
            byte[] bytes = a.toBytes();
            A read = fromBytes(bytes);
            assertSameState(read, a);
            assertThat(read.toBytes()).isEqualTo(bytes);
            A shipped = fromBytes(fromBytes(build(s1).toBytes()).merge(fromBytes(build(s2).toBytes())).toBytes());
            assertSameState(shipped, build(s1).merge(build(s2)));
        }
    }

    /** The state starts with {@code JK}, the tag and a format version. */
    @Test
    public void stateStartsWithTheDocumentedHeader() {
        byte[] bytes = build(seed(0, 1)).toBytes();
        assertThat(bytes).hasSizeGreaterThanOrEqualTo(4);
        assertThat(new byte[] {bytes[0], bytes[1]}).containsExactly('J', 'K');
        assertThat(bytes[2] & 0xFF).isEqualTo(tag());
        assertThat(bytes[3] & 0xFF).isGreaterThanOrEqualTo(1);
        assertThat(create().toBytes()).startsWith(bytes[0], bytes[1], bytes[2], bytes[3]);
    }

    /** Another tag, a newer version, truncation and extension are refused. */
    @Test
    public void stateOfAnotherAccumulatorOrAnUnknownVersionIsRefused() {
        byte[] bytes = build(seed(0, 1)).toBytes();
        byte[] otherTag = bytes.clone();
        otherTag[2] = (byte) (tag() == 1 ? 2 : 1);
        assertThatThrownBy(() -> fromBytes(otherTag)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 2");
        byte[] newer = bytes.clone();
        newer[3] = (byte) 200;
        assertThatThrownBy(() -> fromBytes(newer)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 3").hasMessageContaining("version 200");
        assertThatThrownBy(() -> fromBytes(new byte[0])).isInstanceOf(StateFormatException.class);
        assertThatThrownBy(() -> fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(StateFormatException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> fromBytes(longer)).isInstanceOf(StateFormatException.class);
    }

    /** Mutated states give a result or a typed exception within a second. */
    @Test
    public void mutatedStatesGiveAResultOrATypedExceptionQuickly() {
        SplittableRandom random = new SplittableRandom(getClass().getName().hashCode());
        // Warm up outside the time limit: loading (and coverage-instrumenting) the classes of the read, merge and
        // exception paths took over a second on a loaded machine and failed the first mutation.
        exercise(build(0).toBytes(), -1);
        exercise(new byte[0], -1);
        for (int i = 0; i < mutations(); i++) {
            byte[] valid = build(random.nextLong()).toBytes();
            byte[] mutated = mutate(valid, random);
            int attempt = i;
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> exercise(mutated, attempt),
                    () -> "mutation " + attempt + " of " + mutated.length + " bytes: "
                            + Arrays.toString(Arrays.copyOf(mutated, Math.min(96, mutated.length))));
        }
    }

    private void exercise(byte[] mutated, int attempt) {
        try {
            A read = fromBytes(mutated);
            read.result();
            A again = fromBytes(read.toBytes());
            assertSameState(again, read);
            read.merge(build(attempt)).result();
            read.merge(read).result();
            read.toBytes();
        } catch (JourneyKitException expected) {
            assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(400);
        } catch (RuntimeException | Error e) {
            fail("mutation " + attempt + " " + Arrays.toString(Arrays.copyOf(mutated, Math.min(64, mutated.length)))
                    + " gave " + e, e);
        }
    }

    /** A seeded mutation of a valid state: bit flips, truncation, extension, or a count set huge or negative. */
    static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> {
                bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(16));
                for (int at = valid.length; at < bytes.length; at++) {
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            case 3 -> put(bytes, random, 4, new long[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0x10000000L});
            case 4 -> put(bytes, random, 8, new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, Long.MAX_VALUE / 2});
            default -> {
                int at = 4 + random.nextInt(Math.max(1, bytes.length - 4));
                if (at < bytes.length) {
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }

    private static void put(byte[] bytes, SplittableRandom random, int width, long[] values) {
        if (bytes.length < 4 + width) {
            return;
        }
        int at = 4 + random.nextInt(bytes.length - 4 - width + 1);
        long value = values[random.nextInt(values.length)];
        for (int i = width - 1; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }
}
