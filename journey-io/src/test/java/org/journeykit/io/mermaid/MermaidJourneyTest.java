package org.journeykit.io.mermaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.journeykit.io.events.Golden;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MermaidJourneyTest {

    /**
     * Mermaid's journey grammar (journey.jison): a title is "title" then [^#\n;]+, a section "section" then
     * [^#:\n;]+, a task [^#:\n;]+ then ":" and task data [^#\n;]+ (score, then actors split at commas). No Java
     * parser of Mermaid exists, so each line is checked against these token rules.
     */
    private static final Pattern LINE = Pattern.compile("journey|    title [^#\\n;]+|    section [^#:\\n;]+"
            + "|      [^#:\\n;]+: [1-5](: [^#:\\n;,]+(, [^#:\\n;,]+)*)?");

    @Test
    void theDiagramMatchesItsGoldenFileAndMermaidsGrammar() throws IOException {
        String diagram = MermaidJourney.render(Fixture.model(), "laptop-request");

        Golden.assertMatches("laptop-request.golden.mmd", diagram);
        assertThat(diagram.split("\n")).allSatisfy(line -> assertThat(line).matches(LINE));
    }

    @ParameterizedTest
    @CsvSource({"-2, 1", "-1, 2", "0, 3", "1, 4", "2, 5"})
    void theFivePointEmotionMapsOntoMermaidsScores(double value, int score) {
        Touchpoint touchpoint = Touchpoint.builder().id("t").name("t").phaseId("p")
                .emotion(EmotionScale.FIVE_POINT.emotion(value)).build();
        assertThat(MermaidJourney.score(touchpoint)).isEqualTo(score);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 3", "5.5, 4", "7, 5"})
    void aSevenPointEmotionMapsOntoMermaidsScores(double value, int score) {
        // 1..7 normalises 4 to 0 and 5.5 to 0.5: 1 + round(2 * 1.5) = 4
        Touchpoint touchpoint = Touchpoint.builder().id("t").name("t").phaseId("p")
                .emotion(EmotionScale.ONE_TO_SEVEN.emotion(value)).build();
        assertThat(MermaidJourney.score(touchpoint)).isEqualTo(score);
    }

    @Test
    void aTouchpointWithoutEmotionIsNeutral() {
        assertThat(MermaidJourney.score(Touchpoint.of("t", "t", "p"))).isEqualTo(3);
        assertThat(MermaidJourney.render(Fixture.model().getJourneys().get(0), List.of()))
                .contains("      Delivery call: 3\n");
    }
}
