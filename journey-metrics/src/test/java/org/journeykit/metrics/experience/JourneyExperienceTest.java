package org.journeykit.metrics.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.analysis.EmotionCurve;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;

class JourneyExperienceTest {

    private static Touchpoint felt(String id, String phase, double value) {
        return Touchpoint.of(id, id, phase).withEmotion(EmotionScale.FIVE_POINT.emotion(value));
    }

    private static Journey journey() {
        // Five-point scale -2..2 normalises to value / 2: +1 -> 0.5, -2 -> -1, 0 -> 0, +2 -> 1, +1 -> 0.5.
        return Journey.builder().id("complaint").name("Report a complaint")
                .addPhases(Phase.ORIENTATION, Phase.SUPPORT)
                .addTouchpoints(felt("faq", "orientation", 1), Touchpoint.of("search", "Search", "orientation"),
                        felt("call", "support", -2), felt("callback", "support", 0), felt("fix", "support", 2),
                        felt("survey", "support", 1))
                .build();
    }

    @Test
    void wholeJourneySummaryFollowsThePeakEndRule() {
        // Emotions in order: 0.5, -1, 0, 1, 0.5 (search has none). Positive: 0.5, 1, 0.5 = 3 of 5 = 60 %.
        // Peak (highest, as on the curve): 1 (the fix). Valley: -1 (the call). Most intense: largest |value| = -1
        // (the call; earlier than the +1 fix on the tie). End: 0.5.
        // Peak-end = (most intense + end) / 2 = (-1 + 0.5) / 2 = -0.25. Mean = 1.0 / 5 = 0.2.
        EmotionSummary overall = JourneyExperience.of(journey()).orElseThrow().overall();
        assertThat(overall.touchpoints()).isEqualTo(5);
        assertThat(overall.positiveShare()).isCloseTo(0.6, within(1e-12));
        assertThat(overall.peak()).isEqualTo(1.0);
        assertThat(overall.valley()).isEqualTo(-1.0);
        assertThat(overall.mostIntense()).isEqualTo(-1.0);
        assertThat(overall.end()).isEqualTo(0.5);
        assertThat(overall.peakEnd()).isCloseTo(-0.25, within(1e-12));
        assertThat(overall.mean()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void phasesAndTouchpointsAreSummarisedSeparately() {
        // Orientation: faq 0.5 only -> 100 % positive, peak-end 0.5. Support: -1, 0, 1, 0.5 -> 2 of 4 positive.
        JourneyExperience experience = JourneyExperience.of(journey()).orElseThrow();
        assertThat(experience.byPhase().get("orientation").peakEnd()).isEqualTo(0.5);
        assertThat(experience.byPhase().get("support").positiveShare()).isEqualTo(0.5);
        assertThat(experience.byTouchpoint()).containsExactly(entry("faq", 0.5), entry("call", -1.0),
                entry("callback", 0.0), entry("fix", 1.0), entry("survey", 0.5));
    }

    @Test
    void journeyWithoutEmotionsHasNoExperience() {
        Journey bare = Journey.builder().id("j").name("J").addPhases(Phase.USAGE)
                .addTouchpoints(Touchpoint.of("t", "T", "usage")).build();
        assertThat(JourneyExperience.of(bare)).isEmpty();
    }

    @Test
    void summaryAgreesWithTheCoreEmotionCurve() {
        Journey journey = journey();
        EmotionCurve curve = EmotionCurve.of(journey);
        EmotionSummary overall = JourneyExperience.of(journey).orElseThrow().overall();
        assertThat(overall.peak()).isEqualTo(curve.getPeak().orElseThrow().getNormalised());
        assertThat(overall.peakEnd()).isEqualTo(curve.getPeakEndScore().getAsDouble());
        assertThat(EmotionSummary.of(curve)).contains(overall);
    }

    @Test
    void oneEmotionIsItsOwnPeakValleyAndEnd() {
        // Support phase alone has four points; orientation only the faq at 0.5.
        EmotionSummary one = JourneyExperience.of(journey()).orElseThrow().byPhase().get("orientation");
        assertThat(one.touchpoints()).isEqualTo(1);
        assertThat(one.peak()).isEqualTo(0.5);
        assertThat(one.valley()).isEqualTo(0.5);
        assertThat(one.peakEnd()).isEqualTo(0.5);
        assertThat(EmotionSummary.of(EmotionCurve.of(journey()).forPhase("no-such-phase"))).isEmpty();
    }
}
