package org.journeykit.io.ocel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.journeykit.io.events.Golden;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

class OcelTest {

    static List<InteractionEvent> events() {
        return List.of(
                InteractionEvent.builder().customerId("c-1").time(Instant.parse("2026-03-01T09:30:00Z"))
                        .activity("ticket opened").channelId("phone").putAttribute("ticketId", "T<1>")
                        .putAttribute("priority", "2").putAttribute("vip", "true").build(),
                InteractionEvent.builder().customerId("c-1").time(Instant.parse("2026-03-01T10:00:00Z"))
                        .activity("ticket opened").putAttribute("ticketId", "T2").putAttribute("priority", "2.5")
                        .putAttribute("vip", "no").build(),
                InteractionEvent.builder().customerId("c\"2").time(Instant.parse("2026-03-02T08:00:00.250Z"))
                        .touchpointId("survey").agentId("a-7").outcome(Outcome.COMPLETED)
                        .duration(Duration.ofMillis(1500)).putAttribute("ticketId", "T<1>")
                        .putAttribute("answeredAt", "2026-03-02T09:00:00+01:00").build());
    }

    static String write() throws IOException {
        StringWriter out = new StringWriter();
        Ocel.defaults().withObjectAttribute("ticketId", "ticket").write(events(), out);
        return out.toString();
    }

    @Test
    void theLogMatchesItsGoldenFile() throws IOException {
        Golden.assertMatches("tickets.golden.ocel.json", write());
    }

    @Test
    void customersAndTicketsAreObjectsWithQualifiedRelationships() throws IOException {
        JsonNode log = new ObjectMapper().readTree(write());

        assertThat(log.get("objectTypes").findValuesAsText("name")).containsExactly("customer", "ticket");
        assertThat(log.get("objects").findValuesAsText("id")).containsExactly("customer:c-1", "customer:c\"2",
                "ticket:T<1>", "ticket:T2");
        assertThat(log.at("/objects/2/relationships").findValuesAsText("objectId"))
                .containsExactly("customer:c-1", "customer:c\"2");
        assertThat(log.at("/events/0/relationships/1/objectId").asText()).isEqualTo("ticket:T<1>");
        assertThat(log.at("/events/0/relationships/1/qualifier").asText()).isEqualTo("ticketId");
        assertThat(log.at("/events/2/type").asText()).isEqualTo("survey");
        assertThat(log.at("/events/2/time").asText()).isEqualTo("2026-03-02T08:00:00.250Z");
    }

    @Test
    void eventAttributesAreTypedPerEventType() throws IOException {
        JsonNode log = new ObjectMapper().readTree(write());
        JsonNode opened = log.at("/eventTypes/0");

        assertThat(opened.get("name").asText()).isEqualTo("ticket opened");
        // priority 2 and 2.5: float; vip true and no: string; channel: string
        assertThat(opened.get("attributes").toString()).isEqualTo("[{\"name\":\"channel\",\"type\":\"string\"},"
                + "{\"name\":\"priority\",\"type\":\"float\"},{\"name\":\"vip\",\"type\":\"string\"}]");
        assertThat(log.at("/events/0/attributes/1/value").isNumber()).isTrue();
        JsonNode survey = log.at("/eventTypes/1/attributes");
        assertThat(survey.toString()).contains("{\"name\":\"duration\",\"type\":\"float\"}",
                "{\"name\":\"answeredAt\",\"type\":\"time\"}");
        assertThat(log.at("/events/2/attributes").toString()).contains("{\"name\":\"duration\",\"value\":1.5}",
                "{\"name\":\"answeredAt\",\"value\":\"2026-03-02T08:00:00Z\"}");
    }
}
