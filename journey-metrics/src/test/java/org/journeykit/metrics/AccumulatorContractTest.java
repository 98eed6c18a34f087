package org.journeykit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tests of the contract harness itself. Having a test class in this package also makes Surefire open the package
 * to JUnit on the module path, which the inherited package-private test methods of {@link AccumulatorContract}
 * need.
 */
class AccumulatorContractTest {

    private static final byte[] VALID = {'J', 'K', 7, 1, 0, 0, 0, 0, 0, 0, 0, 42, 1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void theSameSeedGivesTheSameMutations() {
        SplittableRandom first = new SplittableRandom(99);
        SplittableRandom second = new SplittableRandom(99);
        for (int i = 0; i < 100; i++) {
            assertThat(AccumulatorContract.mutate(VALID, first)).isEqualTo(AccumulatorContract.mutate(VALID, second));
        }
    }

    @Test
    void mutationsTruncateExtendAndChangeTheStateButNeverTheInput() {
        byte[] original = VALID.clone();
        SplittableRandom random = new SplittableRandom(7);
        boolean shorter = false;
        boolean longer = false;
        boolean changed = false;
        for (int i = 0; i < 2_000; i++) {
            byte[] mutated = AccumulatorContract.mutate(VALID, random);
            shorter |= mutated.length < VALID.length;
            longer |= mutated.length > VALID.length;
            changed |= mutated.length == VALID.length && !java.util.Arrays.equals(mutated, VALID);
        }
        assertThat(shorter).isTrue();
        assertThat(longer).isTrue();
        assertThat(changed).isTrue();
        assertThat(VALID).isEqualTo(original);
    }
}
