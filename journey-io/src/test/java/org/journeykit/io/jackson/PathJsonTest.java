package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.junit.jupiter.api.Test;

/** Golden JSON of a path result, worked by hand. */
class PathJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /**
     * c1: home, cart after 60 s, pay after 120 s more; c2: home, cart after 120 s, pay after 30 s more; c3: home,
     * help after 30 s. Variants home > cart > pay twice (2/3), home > help once (1/3). Edges by count, then from, then
     * to: cart -> pay 2 (120 + 30 = 150 s, mean 75 s), home -> cart 2 (60 + 120 = 180 s, mean 90 s), home -> help 1
     * (30 s). All start at home; two end at pay, one at help.
     */
    @Test
    void aPathResultIsWrittenWithVariantsEdgesAndEnds() throws Exception {
        PathResult paths = PathAccumulator.create().add(ActualJourneyBuilder.create(
                EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add("c1", T0, "home").add("c1", T0.plusSeconds(60), "cart").add("c1", T0.plusSeconds(180), "pay")
                .add("c2", T0, "home").add("c2", T0.plusSeconds(120), "cart").add("c2", T0.plusSeconds(150), "pay")
                .add("c3", T0, "home").add("c3", T0.plusSeconds(30), "help").result()).result().orElseThrow();
        String json = "{\"journeyCount\":3,\"variants\":["
                + "{\"steps\":[\"home\",\"cart\",\"pay\"],\"count\":2,\"share\":0.6666666666666666},"
                + "{\"steps\":[\"home\",\"help\"],\"count\":1,\"share\":0.3333333333333333}],\"edges\":["
                + "{\"from\":\"cart\",\"to\":\"pay\",\"count\":2,\"totalTime\":\"PT2M30S\",\"meanTime\":\"PT1M15S\"},"
                + "{\"from\":\"home\",\"to\":\"cart\",\"count\":2,\"totalTime\":\"PT3M\",\"meanTime\":\"PT1M30S\"},"
                + "{\"from\":\"home\",\"to\":\"help\",\"count\":1,\"totalTime\":\"PT30S\",\"meanTime\":\"PT30S\"}],"
                + "\"startCounts\":{\"home\":3},\"endCounts\":{\"help\":1,\"pay\":2}}";
        assertThat(MAPPER.writeValueAsString(paths)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, PathResult.class)).isEqualTo(paths);
    }

    @Test
    void anEdgeWithoutItsTotalTimeIsRefusedAtTheField() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"from\":\"a\",\"to\":\"b\",\"count\":0}", Edge.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/totalTime", RuleCode.REQUIRED)));
    }
}
