package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;

class EmotionCurveTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-12);

    @Test
    void laptopRequestCurveFollowsTheTimelineNormalised() {
        // Five-point emotions -1, 1, -2, -2, 0, 2 normalise to 2(v+2)/4 - 1 = -0.5, 0.5, -1, -1, 0, 1.
        EmotionCurve curve = EmotionCurve.of(SeedJourneys.laptopRequest());
        assertThat(curve.getPoints()).extracting(CurvePoint::getNormalised)
                .containsExactly(-0.5, 0.5, -1.0, -1.0, 0.0, 1.0);
        assertThat(curve.getPoints()).extracting(CurvePoint::getPosition).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(curve.getScale()).isEqualTo(EmotionScale.FIVE_POINT);
    }

    @Test
    void laptopRequestPeakValleyEndAndPeakEnd() {
        EmotionCurve curve = EmotionCurve.of(SeedJourneys.laptopRequest());
        assertThat(curve.getPeak()).map(CurvePoint::getTouchpointId).contains("first-login");
        // approval-wait and status-call are both -1: the earlier wins.
        assertThat(curve.getValley()).map(CurvePoint::getTouchpointId).contains("approval-wait");
        assertThat(curve.getEnd()).map(CurvePoint::getTouchpointId).contains("first-login");
        // |-1| (approval-wait, position 2) ties with |+1| (first-login, position 5): the earlier is most intense.
        assertThat(curve.getMostIntense()).map(CurvePoint::getTouchpointId).contains("approval-wait");
        // peak-end = (-1 + 1) / 2 = 0
        assertThat(curve.getPeakEndScore().getAsDouble()).isCloseTo(0.0, EPS);
        // mean = (-0.5 + 0.5 - 1 - 1 + 0 + 1) / 6 = -1/6
        assertThat(curve.getMean().getAsDouble()).isCloseTo(-1.0 / 6.0, EPS);
    }

    @Test
    void aPhaseCurveHoldsOnlyThatPhasesPointsWithTheirTimelinePositions() {
        // Two phases: a (0.5, -1) and b (0, 1); five-point values 1, -2, 0, 2 normalise to value / 2.
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.of("a", "A"), Phase.of("b", "B"))
                .addTouchpoints(felt("t1", "a", 1), felt("t2", "a", -2), felt("t3", "b", 0), felt("t4", "b", 2))
                .build();
        EmotionCurve b = EmotionCurve.of(journey).forPhase("b");
        assertThat(b.getPoints()).extracting(CurvePoint::getTouchpointId).containsExactly("t3", "t4");
        assertThat(b.getPoints()).extracting(CurvePoint::getPosition).containsExactly(2, 3);
        // Within b alone: valley t3 (0), peak and end t4 (1), peak-end (1 + 1) / 2 = 1; no dip (0 -> 1 rises).
        assertThat(b.getValley()).map(CurvePoint::getTouchpointId).contains("t3");
        assertThat(b.getPeakEndScore().getAsDouble()).isCloseTo(1.0, EPS);
        assertThat(b.getDips()).isEmpty();
        assertThat(EmotionCurve.of(journey).forPhase("c").isEmpty()).isTrue();
    }

    private static Touchpoint felt(String id, String phase, int value) {
        return Touchpoint.builder().id(id).name(id).phaseId(phase).emotion(EmotionScale.FIVE_POINT.emotion(value))
                .build();
    }

    @Test
    void laptopRequestDipsAtTheApprovalWait() {
        // i=2: -1 < 0.5 and -1 <= -1 (next) -> dip, drop 1.5. i=3: -1 is not lower than -1. No other falls.
        EmotionCurve curve = EmotionCurve.of(SeedJourneys.laptopRequest());
        assertThat(curve.getDips()).singleElement().satisfies(dip -> {
            assertThat(dip.getPoint().getTouchpointId()).isEqualTo("approval-wait");
            assertThat(dip.getDrop()).isCloseTo(1.5, EPS);
            assertThat(dip.isNegative()).isTrue();
        });
    }

    @Test
    void customerServiceCurveOnTheOneToTenScale() {
        // normalised = 2(v - 1)/9 - 1 for 4, 3, 6, 2, 8, 10: -1/3, -5/9, 1/9, -7/9, 5/9, 1.
        EmotionCurve curve = EmotionCurve.of(SeedJourneys.customerService());
        assertThat(curve.getPoints()).extracting(CurvePoint::getNormalised).satisfiesExactly(
                v -> assertThat(v).isCloseTo(-1.0 / 3, EPS),
                v -> assertThat(v).isCloseTo(-5.0 / 9, EPS),
                v -> assertThat(v).isCloseTo(1.0 / 9, EPS),
                v -> assertThat(v).isCloseTo(-7.0 / 9, EPS),
                v -> assertThat(v).isCloseTo(5.0 / 9, EPS),
                v -> assertThat(v).isCloseTo(1.0, EPS));
        // Dips: ask-chatbot (-5/9 < -1/3, next 1/9 is higher; drop 2/9) and phone-escalation (-7/9 < 1/9, next 5/9;
        // drop 8/9).
        assertThat(curve.getDips()).extracting(d -> d.getPoint().getTouchpointId())
                .containsExactly("ask-chatbot", "phone-escalation");
        assertThat(curve.getDips()).extracting(Dip::getDrop).satisfiesExactly(
                d -> assertThat(d).isCloseTo(2.0 / 9, EPS), d -> assertThat(d).isCloseTo(8.0 / 9, EPS));
        assertThat(curve.getValley()).map(CurvePoint::getTouchpointId).contains("phone-escalation");
        // Most intense is renewal (|1| > |-7/9|), which is also the end: peak-end = (1 + 1) / 2 = 1.
        assertThat(curve.getPeakEndScore().getAsDouble()).isCloseTo(1.0, EPS);
    }

    @Test
    void touchpointsWithoutEmotionAreLeftOutButKeepTheirPosition() {
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.SUPPORT)
                .addTouchpoints(Touchpoint.of("a", "A", "support"),
                        Touchpoint.builder().id("b").name("B").phaseId("support")
                                .emotion(EmotionScale.FIVE_POINT.emotion(-1)).build())
                .build();
        EmotionCurve curve = EmotionCurve.of(journey);
        assertThat(curve.getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getTouchpointId()).isEqualTo("b");
            assertThat(point.getPosition()).isEqualTo(1);
        });
        assertThat(curve.getDips()).as("a single point has nothing to fall from").isEmpty();
        assertThat(curve.getPeakEndScore().getAsDouble()).isEqualTo(-0.5);
        assertThat(curve.pointOf("a")).isEmpty();
    }

    @Test
    void aJourneyWithoutEmotionsHasAnEmptyCurveAndNoScores() {
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.SUPPORT).build();
        EmotionCurve curve = EmotionCurve.of(journey);
        assertThat(curve.isEmpty()).isTrue();
        assertThat(curve.getPeak()).isEmpty();
        assertThat(curve.getEnd()).isEmpty();
        assertThat(curve.getPeakEndScore()).isEmpty();
        assertThat(curve.getMean()).isEmpty();
        assertThat(curve).hasToString("EmotionCurve[j, 0 points]");
    }

    @Test
    void aFallingEndIsADipMarkedAsTheEnd() {
        // Five-point values -1, 1, 2, 0 normalise to -0.5, 0.5, 1, 0: only the last point falls (1 -> 0).
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.SUPPORT)
                .addTouchpoints(point("a", -1), point("b", 1), point("c", 2), point("d", 0)).build();
        assertThat(EmotionCurve.of(journey).getDips()).singleElement().satisfies(dip -> {
            assertThat(dip.getPoint().getTouchpointId()).isEqualTo("d");
            assertThat(dip.getDrop()).isCloseTo(1.0, EPS);
            assertThat(dip.isAtEnd()).isTrue();
        });
    }

    @Test
    void aDipTheCurveRisesFromIsNotAtTheEnd() {
        // -0.5, -1, 0.5, 0: b falls 0.5 and the curve rises after it; d falls 0.5 at the end.
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.SUPPORT)
                .addTouchpoints(point("a", -1), point("b", -2), point("c", 1), point("d", 0)).build();
        assertThat(EmotionCurve.of(journey).getDips())
                .extracting(d -> d.getPoint().getTouchpointId(), Dip::isAtEnd)
                .containsExactly(tuple("b", false), tuple("d", true));
    }

    private static Touchpoint point(String id, int value) {
        return Touchpoint.builder().id(id).name(id).phaseId("support")
                .emotion(EmotionScale.FIVE_POINT.emotion(value)).build();
    }
}
