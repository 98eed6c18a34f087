package org.journeykit.metrics.journeys.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution.CoalitionValue;
import org.junit.jupiter.api.Test;

/** The models' results rebuilt from their figures equal the computed ones; impossible figures are refused. */
class AttributionRebuildTest {

    /** The worked example of {@link MarkovAttribution}. */
    private static final List<ChannelPath> PATHS = List.of(ChannelPath.of(List.of("ads"), 2, 0.0, 1),
            ChannelPath.of(List.of("mail"), 1, 0.0, 0), ChannelPath.of(List.of("ads", "mail"), 1, 0.0, 0));

    @Test
    void aMarkovAttributionRebuiltFromItsFiguresEqualsTheComputedOne() {
        MarkovAttribution computed = MarkovAttribution.of(new ChannelPaths(PATHS));
        TransitionMatrix matrix = TransitionMatrix.of(computed.transitionMatrix().states(),
                computed.transitionMatrix().toArray());
        assertThat(matrix).isEqualTo(computed.transitionMatrix());
        assertThat(MarkovAttribution.of(matrix, computed.conversionProbability(), computed.removalEffects(),
                computed.attribution())).isEqualTo(computed);
    }

    @Test
    void anImpossibleMatrixIsRefused() {
        List<String> states = List.of(TransitionMatrix.START, "ads", TransitionMatrix.CONVERSION,
                TransitionMatrix.NULL);
        double[][] valid = {{0, 1, 0, 0}, {0, 0, 0.5, 0.5}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        assertThat(TransitionMatrix.of(states, valid).probability("ads", TransitionMatrix.NULL)).isEqualTo(0.5);
        assertThatThrownBy(() -> TransitionMatrix.of(List.of("ads", TransitionMatrix.START,
                TransitionMatrix.CONVERSION, TransitionMatrix.NULL), valid)).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> TransitionMatrix.of(List.of(TransitionMatrix.START, "mail", "ads",
                TransitionMatrix.CONVERSION, TransitionMatrix.NULL), new double[5][5]))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("previous channel");
        // Row sums 0.9, a move into the start, a move out of conversion, a missing row.
        assertThatThrownBy(() -> TransitionMatrix.of(states, new double[][] {{0, 1, 0, 0}, {0, 0, 0.5, 0.4},
            {0, 0, 0, 0}, {0, 0, 0, 0}})).isInstanceOf(MetricInputException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> TransitionMatrix.of(states, new double[][] {{0, 1, 0, 0}, {0.5, 0, 0.5, 0},
            {0, 0, 0, 0}, {0, 0, 0, 0}})).isInstanceOf(MetricInputException.class).hasMessageContaining("start");
        assertThatThrownBy(() -> TransitionMatrix.of(states, new double[][] {{0, 1, 0, 0}, {0, 0, 0.5, 0.5},
            {0, 0, 0, 1}, {0, 0, 0, 0}})).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> TransitionMatrix.of(states, new double[][] {{0, 1, 0, 0}}))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("one row per state");
    }

    @Test
    void aMarkovAttributionWhoseChannelsDifferFromItsMatrixIsRefused() {
        MarkovAttribution computed = MarkovAttribution.of(new ChannelPaths(PATHS));
        assertThatThrownBy(() -> MarkovAttribution.of(computed.transitionMatrix(), 0.8, Map.of("ads", 0.75),
                computed.attribution())).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("removalEffects");
        assertThatThrownBy(() -> MarkovAttribution.of(computed.transitionMatrix(), 0.0, computed.removalEffects(),
                computed.attribution())).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("conversionProbability");
        assertThatThrownBy(() -> MarkovAttribution.of(computed.transitionMatrix(), 0.8, computed.removalEffects(),
                new AttributionResult(Map.of("ads", 4.0), Map.of("ads", 0.0))))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("attribution");
    }

    @Test
    void aHigherOrderMarkovAttributionRebuiltFromItsFiguresEqualsTheComputedOne() {
        HigherOrderMarkovAttribution computed = HigherOrderMarkovAttribution.of(new ChannelPaths(PATHS), 2);
        HigherOrderMarkovAttribution rebuilt = HigherOrderMarkovAttribution.of(computed.order(), computed.states(),
                computed.conversionProbability(), computed.removalEffects(), computed.attribution());
        assertThat(rebuilt).isEqualTo(computed).hasSameHashCodeAs(computed);
        assertThat(rebuilt).isNotEqualTo(HigherOrderMarkovAttribution.of(new ChannelPaths(PATHS), 1));
        assertThatThrownBy(() -> HigherOrderMarkovAttribution.of(5, 3, 0.8, computed.removalEffects(),
                computed.attribution())).isInstanceOf(MetricInputException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> HigherOrderMarkovAttribution.of(2, 3, 0.8, Map.of("ads", 1.5, "mail", 0.5),
                computed.attribution())).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("at most 1");
    }

    @Test
    void aShapleyAttributionRebuiltFromItsFiguresEqualsTheComputedOne() {
        for (CoalitionValue coalitionValue : CoalitionValue.values()) {
            ShapleyAttribution computed = ShapleyAttribution.of(new ChannelPaths(PATHS), coalitionValue);
            ShapleyAttribution rebuilt = ShapleyAttribution.of(coalitionValue, computed.shapleyValues(),
                    computed.attribution());
            assertThat(rebuilt).isEqualTo(computed).hasSameHashCodeAs(computed);
        }
        ShapleyAttribution conversions = ShapleyAttribution.of(new ChannelPaths(PATHS), CoalitionValue.CONVERSIONS);
        assertThatThrownBy(() -> ShapleyAttribution.of(CoalitionValue.CONVERSIONS,
                Map.of("ads", Double.POSITIVE_INFINITY, "mail", 1.0), conversions.attribution()))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> ShapleyAttribution.of(CoalitionValue.CONVERSIONS, Map.of("ads", 1.0),
                conversions.attribution())).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("attribution");
    }
}
