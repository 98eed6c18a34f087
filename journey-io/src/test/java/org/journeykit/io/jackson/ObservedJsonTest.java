package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.ndjson.JsonLines;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

/** A survey response and an interaction event on their own: the objects of their JSON Lines lines. */
class ObservedJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JourneyModule());

    private static final SurveyResponse RESPONSE = SurveyResponse.builder().kind(SurveyKind.CES)
            .scale(SurveyScale.ONE_TO_SEVEN).score(6).time(Instant.parse("2026-03-01T09:30:00Z"))
            .respondentId("r-17").touchpointId("chat").comment("Snel geholpen").build();

    private static final InteractionEvent EVENT = InteractionEvent.builder().customerId("c1")
            .time(Instant.parse("2026-03-01T09:00:00.250Z")).touchpointId("call").channelId("phone")
            .outcome(Outcome.ABANDONED).duration(Duration.ofSeconds(95)).putAttribute("queue", "billing").build();

    @Test
    void aSurveyResponseIsWrittenAsItsJsonLinesLine() throws Exception {
        String json = "{\"kind\":\"ces\",\"score\":6,\"scale\":{\"min\":1,\"max\":7},\"time\":\"2026-03-01T09:30:00Z\","
                + "\"respondentId\":\"r-17\",\"touchpointId\":\"chat\",\"comment\":\"Snel geholpen\"}";
        assertThat(MAPPER.writeValueAsString(RESPONSE)).isEqualTo(json);
        StringWriter line = new StringWriter();
        JsonLines.defaults().writeSurveys(List.of(RESPONSE), line);
        assertThat(line.toString().strip()).isEqualTo(json);
        assertThat(MAPPER.readValue(json, SurveyResponse.class)).isEqualTo(RESPONSE);
    }

    @Test
    void anInteractionEventIsWrittenAsItsJsonLinesLine() throws Exception {
        String json = "{\"customerId\":\"c1\",\"time\":\"2026-03-01T09:00:00.250Z\",\"touchpointId\":\"call\","
                + "\"channelId\":\"phone\",\"outcome\":\"abandoned\",\"duration\":\"PT1M35S\","
                + "\"attributes\":{\"queue\":\"billing\"}}";
        assertThat(MAPPER.writeValueAsString(EVENT)).isEqualTo(json);
        StringWriter line = new StringWriter();
        JsonLines.defaults().writeEvents(List.of(EVENT), line);
        assertThat(line.toString().strip()).isEqualTo(json);
        assertThat(MAPPER.readValue(json, InteractionEvent.class)).isEqualTo(EVENT);
    }

    @Test
    void aResponseWithoutTheScaleItsKindNeedsIsRefusedAsJsonLinesRefusesIt() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"kind\":\"ces\",\"score\":6,\"time\":\"2026-03-01T09:30:00Z\"}",
                SurveyResponse.class)).isInstanceOfSatisfying(JourneyMappingException.class, e -> assertThat(
                        e.getReadException().getProblems()).extracting(ReadProblem::getPointer, ReadProblem::getCode)
                        .containsExactly(tuple("/scale", RuleCode.REQUIRED)));
    }
}
