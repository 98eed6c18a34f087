package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

/** Golden JSON of the conformance results, worked by hand. */
class ConformanceJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());
    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");

    /** Plan t1, t2 (expected 10 min), t3 (expected 5 min), t4. */
    private static final ConformanceChecker CHECKER = ConformanceChecker.of(Journey.builder().id("complaint")
            .name("Report a complaint").addPhases(Phase.SUPPORT)
            .addTouchpoints(Touchpoint.of("t1", "Find contact page", "support"))
            .addTouchpoints(Touchpoint.builder().id("t2").name("Call").phaseId("support")
                    .expectedDuration(Duration.ofMinutes(10)).build())
            .addTouchpoints(Touchpoint.builder().id("t3").name("Chat").phaseId("support")
                    .expectedDuration(Duration.ofMinutes(5)).build())
            .addTouchpoints(Touchpoint.of("t4", "Confirmation mail", "support")).build());

    private static final String CHECKER_JSON = "{\"journeyId\":\"complaint\",\"touchpointIds\":[\"t1\",\"t2\",\"t3\","
            + "\"t4\"],\"expectedDurations\":{\"t2\":\"PT10M\",\"t3\":\"PT5M\"},\"tolerance\":0.0}";

    private static InteractionEvent.Builder event(String customer, long minutes, String touchpoint) {
        return InteractionEvent.builder().customerId(customer).time(T0.plusSeconds(60 * minutes))
                .touchpointId(touchpoint);
    }

    /**
     * c1: t1 completed, x (unplanned), t3 taking 8 min, t2 failed after 5 min; t4 never happens. c2: t1 to t4 in
     * order, no outcomes or durations.
     */
    private static ActualJourneys journeys() {
        return ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(event("c1", 0, "t1").outcome(Outcome.COMPLETED).build())
                .add(event("c1", 1, "x").build())
                .add(event("c1", 2, "t3").duration(Duration.ofMinutes(8)).build())
                .add(event("c1", 20, "t2").outcome(Outcome.FAILED).duration(Duration.ofMinutes(5)).build())
                .add(event("c2", 0, "t1").build()).add(event("c2", 1, "t2").build())
                .add(event("c2", 2, "t3").build()).add(event("c2", 3, "t4").build())
                .result();
    }

    @Test
    void aJourneysConformanceIsWrittenWithItsPlanFindingsAndScores() throws Exception {
        // c1: t1 completed, t2 failing (its only occurrence failed), t3 completed (no outcome), t4 missing. Plan
        // positions by first occurrence 1, 3, 2: t1, t2 in order, t3 out of order. t3 took 8 min of 5: late; t2 5 of
        // 10: on time. Content 2/4, sequence 2/3, timing 1/2.
        JourneyConformance c1 = CHECKER.check(journeys(), 0);
        String json = "{\"checker\":" + CHECKER_JSON + ",\"customerId\":\"c1\",\"statuses\":{\"t1\":\"completed\","
                + "\"t2\":\"failing\",\"t3\":\"completed\",\"t4\":\"missing\"},\"adHoc\":[\"x\"],\"outOfOrder\":[\"t3\"],"
                + "\"late\":[\"t3\"],\"inOrderCount\":2,\"occurredCount\":3,\"checkedCount\":2,\"contentScore\":0.5,"
                + "\"sequenceScore\":0.6666666666666666,\"timingScore\":0.5}";
        assertThat(MAPPER.writeValueAsString(c1)).isEqualTo(json);
        assertThat(MAPPER.readValue(json, JourneyConformance.class)).isEqualTo(c1);
    }

    @Test
    void aConformanceSummaryIsWrittenPerTouchpoint() throws Exception {
        // Two journeys: content (0.5 + 1) / 2 = 0.75, sequence (2/3 + 4/4) / 2 = 5/6, timing only c1: 0.5.
        // t1 completed twice; t2 completed by c2, failing for c1; t3 completed twice, out of order and late once
        // (c1); t4 completed by c2, missing for c1. x occurred in one journey.
        ConformanceSummary summary = ConformanceAccumulator.create(CHECKER).add(journeys()).result().orElseThrow();
        String json = MAPPER.writeValueAsString(summary);
        assertThat(json).startsWith("{\"journeyCount\":2,\"meanContentScore\":0.75,\"meanSequenceScore\":0.83333333")
                .endsWith(",\"meanTimingScore\":0.5,\"touchpoints\":["
                + "{\"touchpointId\":\"t1\",\"completed\":2,\"failing\":0,\"missing\":0,\"outOfOrder\":0,\"late\":0},"
                + "{\"touchpointId\":\"t2\",\"completed\":1,\"failing\":1,\"missing\":0,\"outOfOrder\":0,\"late\":0},"
                + "{\"touchpointId\":\"t3\",\"completed\":2,\"failing\":0,\"missing\":0,\"outOfOrder\":1,\"late\":1},"
                + "{\"touchpointId\":\"t4\",\"completed\":1,\"failing\":0,\"missing\":1,\"outOfOrder\":0,\"late\":0}],"
                + "\"adHocCounts\":{\"x\":1}}");
        assertThat(MAPPER.readValue(json, ConformanceSummary.class)).isEqualTo(summary);
    }

    @Test
    void findingsThatDoNotFitThePlanAreRefusedWithEveryProblem() {
        // A status the format does not know and a count written as text: both reported, each at its field.
        String json = "{\"checker\":" + CHECKER_JSON + ",\"customerId\":\"c1\",\"statuses\":{\"t1\":\"completed\","
                + "\"t2\":\"failing\",\"t3\":\"completed\",\"t4\":\"gone\"},\"adHoc\":[],\"outOfOrder\":[],"
                + "\"late\":[],\"inOrderCount\":3,\"occurredCount\":\"3\",\"checkedCount\":0}";
        assertThatThrownBy(() -> MAPPER.readValue(json, JourneyConformance.class))
                .isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(e.getReadException()
                        .getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/statuses/t4", RuleCode.FORMAT), tuple("/occurredCount", RuleCode.TYPE)));
    }
}
