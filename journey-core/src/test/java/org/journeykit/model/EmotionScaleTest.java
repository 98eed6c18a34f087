package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmotionScaleTest {

    static Stream<Arguments> normalisedValues() {
        // normalised = 2 (v - min) / (max - min) - 1, worked out by hand:
        return Stream.of(
                Arguments.of(EmotionScale.FIVE_POINT, -2.0, -1.0),
                Arguments.of(EmotionScale.FIVE_POINT, -1.0, -0.5),   // 2*1/4 - 1
                Arguments.of(EmotionScale.FIVE_POINT, 0.0, 0.0),
                Arguments.of(EmotionScale.FIVE_POINT, 1.0, 0.5),
                Arguments.of(EmotionScale.FIVE_POINT, 2.0, 1.0),
                Arguments.of(EmotionScale.ONE_TO_FIVE, 3.0, 0.0),
                Arguments.of(EmotionScale.ONE_TO_FIVE, 4.0, 0.5),    // 2*3/4 - 1
                Arguments.of(EmotionScale.ONE_TO_SEVEN, 4.0, 0.0),
                Arguments.of(EmotionScale.ONE_TO_SEVEN, 6.0, 2.0 / 3.0), // 2*5/6 - 1
                Arguments.of(EmotionScale.ONE_TO_TEN, 1.0, -1.0),
                Arguments.of(EmotionScale.ONE_TO_TEN, 5.5, 0.0),
                Arguments.of(EmotionScale.ONE_TO_TEN, 4.0, -1.0 / 3.0), // 2*3/9 - 1
                Arguments.of(EmotionScale.ONE_TO_TEN, 10.0, 1.0),
                Arguments.of(EmotionScale.of(0, 100), 75.0, 0.5));
    }

    @ParameterizedTest(name = "{1} on {0} normalises to {2}")
    @MethodSource("normalisedValues")
    void normalisesLinearlyOntoMinusOneToOne(EmotionScale scale, double value, double expected) {
        assertThat(scale.normalise(value)).isCloseTo(expected, within(1e-12));
        assertThat(scale.emotion(value).getNormalised()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void midpointIsHalfwayBetweenTheBounds() {
        assertThat(EmotionScale.FIVE_POINT.getMidpoint()).isZero();
        assertThat(EmotionScale.ONE_TO_TEN.getMidpoint()).isEqualTo(5.5);
    }

    @Test
    void refusesToNormaliseAValueOffTheScale() {
        assertThatThrownBy(() -> EmotionScale.FIVE_POINT.normalise(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2..2");
    }

    @Test
    void rejectsAScaleWhoseMaximumIsNotAboveItsMinimumAndReportsEveryBrokenBound() {
        assertThatThrownBy(() -> EmotionScale.of(2000, 5))
                .isInstanceOfSatisfying(InvalidModelException.class, e -> assertThat(e.getProblems())
                        .extracting(Problem::toString)
                        .containsExactly("min: must be between -1000 and 1000 (was '2000')",
                                "max: must be greater than min 2000 (was '5')"));
    }

    @Test
    void scalesWithTheSameBoundsAreEqual() {
        assertThat(EmotionScale.of(-2, 2)).isEqualTo(EmotionScale.FIVE_POINT).hasToString("-2..2");
        assertThat(EmotionScale.of(-2, 2).hashCode()).isEqualTo(EmotionScale.FIVE_POINT.hashCode());
    }

    @RepeatedTest(20)
    void normalisationIsMonotonicAndBounded(RepetitionInfo repetition) {
        long seed = 0x5eedL + repetition.getCurrentRepetition();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int min = random.nextInt(-1000, 999);
        int max = random.nextInt(min + 1, 1001);
        EmotionScale scale = EmotionScale.of(min, max);
        double a = random.nextDouble(min, max);
        double b = random.nextDouble(a, max);
        assertThat(scale.normalise(a)).as("seed %d, scale %s, a=%s", seed, scale, a).isBetween(-1.0, 1.0);
        assertThat(scale.normalise(b)).as("seed %d, scale %s, a=%s b=%s", seed, scale, a, b)
                .isGreaterThanOrEqualTo(scale.normalise(a));
        assertThat(scale.normalise(min)).as("seed %d", seed).isEqualTo(-1.0);
        assertThat(scale.normalise(max)).as("seed %d", seed).isEqualTo(1.0);
    }
}
