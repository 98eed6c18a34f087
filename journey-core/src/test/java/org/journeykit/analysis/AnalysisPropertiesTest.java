package org.journeykit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Properties of the analyses that must hold for any journey; each run prints its seed when it fails. */
class AnalysisPropertiesTest {

    private static final List<String> CHANNELS = List.of("phone", "email", "chatbot");
    private static final List<String> DEPARTMENTS = List.of("Sales", "Service", "Billing");

    private static Journey randomJourney(RandomGenerator random) {
        EmotionScale scale = List.of(EmotionScale.FIVE_POINT, EmotionScale.ONE_TO_SEVEN, EmotionScale.ONE_TO_TEN)
                .get(random.nextInt(3));
        int size = random.nextInt(0, 25);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Touchpoint.Builder touchpoint = Touchpoint.builder().id("t" + i).name("T" + i).phaseId("support");
            if (random.nextInt(5) > 0) {
                touchpoint.emotion(scale.emotion(random.nextInt(scale.getMin(), scale.getMax() + 1)));
            }
            if (random.nextInt(4) > 0) {
                touchpoint.channelId(CHANNELS.get(random.nextInt(CHANNELS.size())));
            }
            if (random.nextInt(4) > 0) {
                touchpoint.department(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
            }
            touchpoints.add(touchpoint.build());
        }
        return Journey.builder().id("j").name("J").emotionScale(scale).addPhases(Phase.SUPPORT)
                .touchpoints(touchpoints).build();
    }

    @RepeatedTest(200)
    void emotionCurveInvariants(RepetitionInfo repetition) {
        long seed = 0xC0FFEEL * repetition.getCurrentRepetition();
        Journey journey = randomJourney(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        EmotionCurve curve = EmotionCurve.of(journey);
        List<CurvePoint> points = curve.getPoints();
        String why = "seed " + seed;

        assertThat(points).as(why).hasSize((int) journey.getTouchpoints().stream()
                .filter(t -> t.getEmotion().isPresent()).count());
        assertThat(points).as(why).allSatisfy(p -> assertThat(p.getNormalised()).isBetween(-1.0, 1.0));
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).getPosition()).as(why).isGreaterThan(points.get(i - 1).getPosition());
        }
        curve.getPeak().ifPresent(peak -> assertThat(points).as(why)
                .allSatisfy(p -> assertThat(p.getNormalised()).isLessThanOrEqualTo(peak.getNormalised())));
        curve.getValley().ifPresent(valley -> assertThat(points).as(why)
                .allSatisfy(p -> assertThat(p.getNormalised()).isGreaterThanOrEqualTo(valley.getNormalised())));
        curve.getPeakEndScore().ifPresent(score -> assertThat(score).as(why).isBetween(-1.0, 1.0));
        // Every dip is a strict fall from its predecessor that does not rise before the next point.
        for (Dip dip : curve.getDips()) {
            int i = points.indexOf(dip.getPoint());
            assertThat(i).as(why).isPositive();
            assertThat(dip.getDrop()).as(why)
                    .isEqualTo(points.get(i - 1).getNormalised() - dip.getPoint().getNormalised()).isPositive();
            if (i < points.size() - 1) {
                assertThat(points.get(i + 1).getNormalised()).as(why)
                        .isGreaterThanOrEqualTo(dip.getPoint().getNormalised());
            }
        }
        // Every strict fall ends in (or continues to) a dip: the number of dips is at most the number of falls and
        // at least one when the curve falls at all.
        long falls = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).getNormalised() < points.get(i - 1).getNormalised()) {
                falls++;
            }
        }
        assertThat((long) curve.getDips().size()).as(why).isLessThanOrEqualTo(falls);
        if (falls > 0) {
            assertThat(curve.getDips()).as(why).isNotEmpty();
        }
    }

    @RepeatedTest(200)
    void gapsAreExactlyTheKnownChangesBetweenNeighbours(RepetitionInfo repetition) {
        long seed = 0xFACADEL * repetition.getCurrentRepetition();
        Journey journey = randomJourney(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        List<Touchpoint> touchpoints = journey.getTouchpoints();
        int expected = 0;
        for (int i = 1; i < touchpoints.size(); i++) {
            Touchpoint a = touchpoints.get(i - 1);
            Touchpoint b = touchpoints.get(i);
            boolean department = a.getDepartment().isPresent() && b.getDepartment().isPresent()
                    && !a.getDepartment().equals(b.getDepartment());
            boolean channel = a.getChannelId().isPresent() && b.getChannelId().isPresent()
                    && !a.getChannelId().equals(b.getChannelId());
            if (department || channel) {
                expected++;
            }
        }
        assertThat(Gaps.of(journey)).as("seed %d", seed).hasSize(expected);
    }

    @RepeatedTest(50)
    void aJourneyComparedWithItselfHasNoChanges(RepetitionInfo repetition) {
        long seed = 0xBEEFL * repetition.getCurrentRepetition();
        Journey journey = randomJourney(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        JourneyComparison comparison = JourneyComparison.of(journey, journey);
        assertThat(comparison.getAdded()).as("seed %d", seed).isEmpty();
        assertThat(comparison.getRemoved()).as("seed %d", seed).isEmpty();
        assertThat(comparison.getChanged()).as("seed %d", seed).isEmpty();
        assertThat(comparison.getKept()).as("seed %d", seed).hasSameSizeAs(journey.getTouchpoints());
    }
}
