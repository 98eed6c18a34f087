package org.journeykit.io.cjml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.journeykit.error.RuleCode;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.journeykit.io.events.Golden;
import org.journeykit.io.mermaid.Fixture;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.junit.jupiter.api.Test;

class CjmlTest {

    private static String planned() throws IOException {
        JourneyModel model = Fixture.model();
        StringWriter out = new StringWriter();
        Cjml.defaults().writePlanned(model, model.getJourneys().get(0), out);
        return out.toString();
    }

    private static String actual() throws IOException {
        JourneyModel model = Fixture.model();
        Journey plan = model.getJourneys().get(0);
        // c-1 searched, failed the order form, and called support ad hoc; approval and delivery call are missing.
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .add(InteractionEvent.of("c-1", Instant.parse("2026-03-01T09:00:00Z"), "search"))
                .add(InteractionEvent.builder().customerId("c-1").time(Instant.parse("2026-03-01T09:05:00Z"))
                        .touchpointId("order-form").outcome(Outcome.FAILED).build())
                .add(InteractionEvent.of("c-1", Instant.parse("2026-03-01T09:10:00Z"), "support-call"))
                .result();
        JourneyConformance conformance = ConformanceChecker.of(plan).check(journeys, 0);
        StringWriter out = new StringWriter();
        Cjml.defaults().writeActual(model, plan, conformance, out);
        return out.toString();
    }

    @Test
    void thePlannedJourneyMatchesItsGoldenFileAndParses() throws Exception {
        String xml = planned();
        Golden.assertMatches("laptop-request.golden.cjml.xml", xml);
        parse(xml);
    }

    @Test
    void theActualJourneyCarriesEachTouchpointsStatus() throws Exception {
        String xml = actual();
        Golden.assertMatches("laptop-request-actual.golden.cjml.xml", xml);
        parse(xml);
        assertThat(xml).contains("id=\"search\"", "status=\"completed\"")
                .containsPattern("id=\"order-form\"[^>]*status=\"failing\"")
                .containsPattern("id=\"approval\"[^>]*status=\"missing\"")
                .containsPattern("name=\"support-call\"[^>]*status=\"ad-hoc\"");
    }

    @Test
    void aPlannedJourneyReadsBackWithTheKeptFields() throws IOException {
        Journey original = Fixture.model().getJourneys().get(0);
        Journey read = Cjml.defaults().readPlanned(new StringReader(planned()));

        // Kept: id, name, personas, phases, touchpoints' id, name, phase, channel, department, customer action.
        Journey.Builder expected = Journey.builder().id(original.getId()).name(original.getName())
                .personaIds(original.getPersonaIds()).phases(original.getPhases());
        for (Touchpoint touchpoint : original.getTouchpoints()) {
            Touchpoint.Builder kept = Touchpoint.builder().id(touchpoint.getId()).name(touchpoint.getName())
                    .phaseId(touchpoint.getPhaseId());
            touchpoint.getChannelId().ifPresent(kept::channelId);
            touchpoint.getCustomerAction().ifPresent(kept::customerAction);
            // an action (no channel) has no receiver, so its department is lost
            if (touchpoint.getChannelId().isPresent()) {
                touchpoint.getDepartment().ifPresent(kept::department);
            }
            expected.addTouchpoint(kept.build());
        }
        assertThat(read).isEqualTo(expected.build());
    }

    @Test
    void aDocumentWithoutPhasesGetsOnePhase() {
        String xml = "<cjml version=\"2.0\"><journey id=\"j\" name=\"J\" kind=\"planned\"><touchpoints>"
                + "<action id=\"a\" name=\"A\" actor=\"c\"/></touchpoints></journey></cjml>";
        Journey read = Cjml.defaults().readPlanned(new StringReader(xml));
        assertThat(read.getPhases()).containsExactly(Phase.of("journey", "Journey"));
        assertThat(read.getTouchpoints()).containsExactly(Touchpoint.of("a", "A", "journey"));
    }

    @Test
    void badInputIsRefusedWithLineAndRule() {
        String actualKind = "<cjml>\n<journey id=\"j\" name=\"J\" kind=\"actual\"/>\n</cjml>";
        assertThatThrownBy(() -> Cjml.defaults().readPlanned(new StringReader(actualKind)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0))
                        .extracting(ReadProblem::getCode, ReadProblem::getLine).containsExactly(RuleCode.CONFLICT, 2L));
        String badId = "<cjml>\n<journey id=\"j\" name=\"J\">\n<touchpoints>\n"
                + "<action id=\"no spaces\" name=\"A\" phase=\"journey\"/>\n</touchpoints>\n</journey>\n</cjml>";
        assertThatThrownBy(() -> Cjml.defaults().readPlanned(new StringReader(badId)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0))
                        .extracting(ReadProblem::getCode, ReadProblem::getLine)
                        .containsExactly(RuleCode.ID_PATTERN, 4L));
        String xxe = "<!DOCTYPE cjml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><cjml>&x;</cjml>";
        assertThatThrownBy(() -> Cjml.defaults().readPlanned(new StringReader(xxe)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems().get(0)
                        .getCode()).isEqualTo(RuleCode.MALFORMED));
    }

    private static void parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
