package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.journeys.attribution.TransitionMatrix;
import org.junit.jupiter.api.Test;

/** Golden JSON of the attribution results on the worked examples of their javadoc. */
class AttributionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());

    /** "ads" converted twice and not once, "mail" converted once, "ads > mail" converted once. */
    private static final List<ChannelPath> PATHS = List.of(ChannelPath.of(List.of("ads"), 2, 0.0, 1),
            ChannelPath.of(List.of("mail"), 1, 0.0, 0), ChannelPath.of(List.of("ads", "mail"), 1, 0.0, 0));

    /**
     * start -> ads 4/5, start -> mail 1/5; ads -> conversion 2/4, ads -> mail 1/4, ads -> null 1/4; mail ->
     * conversion 2/2. P(conversion) = 0.8 (0.5 + 0.25) + 0.2 = 0.8; without ads 0.2 (effect 0.75), without mail
     * 0.8 x 0.5 = 0.4 (effect 0.5). The 4 conversions split 0.75 : 0.5, so 2.4 and 1.6; no value.
     */
    private static final String ATTRIBUTION = "\"conversionProbability\":0.8,\"removalEffects\":{\"ads\":0.75,"
            + "\"mail\":0.5},\"attribution\":{\"conversions\":{\"ads\":2.4,\"mail\":1.6},\"value\":{\"ads\":0.0,"
            + "\"mail\":0.0}}}";

    @Test
    void aMarkovAttributionIsWrittenWithItsMatrix() throws Exception {
        MarkovAttribution markov = MarkovAttribution.of(new ChannelPaths(PATHS));
        String json = "{\"transitionMatrix\":{\"states\":[\"(start)\",\"ads\",\"mail\",\"(conversion)\",\"(null)\"],"
                + "\"probabilities\":[[0.0,0.8,0.2,0.0,0.0],[0.0,0.0,0.25,0.5,0.25],[0.0,0.0,0.0,1.0,0.0],"
                + "[0.0,0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0,0.0]]}," + ATTRIBUTION;
        assertThat(MAPPER.writeValueAsString(markov)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, MarkovAttribution.class)).isEqualTo(markov);
    }

    @Test
    void aFirstOrderChainOfTheHigherOrderModelGivesTheSameFigures() throws Exception {
        // Order 1: transient states start, ads, mail.
        HigherOrderMarkovAttribution chain = HigherOrderMarkovAttribution.of(new ChannelPaths(PATHS), 1);
        String json = "{\"order\":1,\"states\":3," + ATTRIBUTION;
        assertThat(MAPPER.writeValueAsString(chain)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, HigherOrderMarkovAttribution.class)).isEqualTo(chain);
    }

    @Test
    void aShapleyAttributionIsWrittenWithItsValues() throws Exception {
        // ads 3 conversions, ads > mail 2, mail > ads > seo 1 (value 10 each): phi(ads) = 3 + 2/2 + 1/3 = 13/3,
        // phi(mail) = 2/2 + 1/3 = 4/3, phi(seo) = 1/3; the value ten times as much.
        ShapleyAttribution shapley = ShapleyAttribution.of(new ChannelPaths(List.of(
                ChannelPath.of(List.of("ads"), 3, 30.0, 0), ChannelPath.of(List.of("ads", "mail"), 2, 20.0, 0),
                ChannelPath.of(List.of("mail", "ads", "seo"), 1, 10.0, 0))),
                ShapleyAttribution.CoalitionValue.CONVERSIONS);
        String json = MAPPER.writeValueAsString(shapley);
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.get("coalitionValue").asText()).isEqualTo("conversions");
        assertThat(tree.get("shapleyValues").properties()).extracting(entry -> entry.getKey())
                .containsExactly("ads", "mail", "seo");
        assertThat(tree.at("/shapleyValues/ads").doubleValue()).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(tree.at("/shapleyValues/mail").doubleValue()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(tree.at("/attribution/conversions/seo").doubleValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(tree.at("/attribution/value/ads").doubleValue()).isCloseTo(130.0 / 3, within(1e-9));
        assertThat(MAPPER.readValue(json, ShapleyAttribution.class)).isEqualTo(shapley);
    }

    @Test
    void aChannelPathWritesItsAgesOnlyWhenKnown() throws Exception {
        ChannelPath aged = ChannelPath.of(List.of("ads", "mail"), 1, 7.5, 0,
                List.of(Duration.ofDays(2), Duration.ofHours(3)));
        String json = "{\"channels\":[\"ads\",\"mail\"],\"conversions\":1,\"value\":7.5,\"nulls\":0,"
                + "\"ages\":[\"PT48H\",\"PT3H\"]}";
        assertThat(MAPPER.writeValueAsString(aged)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, ChannelPath.class)).isEqualTo(aged);
        assertThat(MAPPER.writeValueAsString(PATHS.get(0)))
                .isEqualTo("{\"channels\":[\"ads\"],\"conversions\":2,\"value\":0.0,\"nulls\":1}");
    }

    @Test
    void aMatrixWhoseRowDoesNotSumToOneIsRefused() {
        String json = "{\"states\":[\"(start)\",\"ads\",\"(conversion)\",\"(null)\"],\"probabilities\":"
                + "[[0,1,0,0],[0,0,0.5,0.4],[0,0,0,0],[0,0,0,0]]}";
        assertThatThrownBy(() -> MAPPER.readValue(json, TransitionMatrix.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/probabilities", RuleCode.RANGE)));
    }
}
