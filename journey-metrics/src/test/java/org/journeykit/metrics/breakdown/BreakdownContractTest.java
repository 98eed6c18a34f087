package org.journeykit.metrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatDefinition;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

class BreakdownContractTest extends AccumulatorContract<Breakdown<String, NpsAccumulator, NpsResult>> {

    private static final String[] KEYS = {"phone", "email", "chat", "store", "app", "social"};

    @Override
    protected Breakdown<String, NpsAccumulator, NpsResult> create() {
        return Breakdown.create(NpsAccumulator::create);
    }

    @Override
    protected void feed(Breakdown<String, NpsAccumulator, NpsResult> breakdown, SplittableRandom random) {
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            breakdown.accumulatorFor(KEYS[random.nextInt(KEYS.length)]).add(random.nextInt(11));
        }
    }

    @Override
    protected Breakdown<String, NpsAccumulator, NpsResult> fromBytes(byte[] bytes) {
        return Breakdown.fromBytes(bytes, String.class, NpsAccumulator::create, NpsAccumulator::fromBytes);
    }

    @Override
    protected int tag() {
        return 15;
    }

    @Override
    protected int cases() {
        return 10_000;
    }

    @Test
    void resultsComeBackInKeyOrderHoweverTheInputWasSplit() {
        Breakdown<String, NpsAccumulator, NpsResult> left = create();
        left.accumulatorFor("store").add(9);
        left.accumulatorFor("app").add(3);
        Breakdown<String, NpsAccumulator, NpsResult> right = create();
        right.accumulatorFor("email").add(10);
        right.accumulatorFor("store").add(0);
        Map<String, NpsResult> merged = right.merge(left).result().orElseThrow();
        assertThat(List.copyOf(merged.keySet())).containsExactly("app", "email", "store");
        // store: one promoter (9) and one detractor (0): 100 (1 - 1) / 2 = 0.
        assertThat(merged.get("store").score()).isZero();
    }

    @Test
    void periodAndNumberKeysRoundTrip() {
        Breakdown<PeriodKey, NpsAccumulator, NpsResult> byQuarter = Breakdown.create(NpsAccumulator::create);
        byQuarter.accumulatorFor(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 4)).add(10);
        byQuarter.accumulatorFor(PeriodKey.of(CalendarPeriod.QUARTER, 26, 1)).add(2);
        Breakdown<PeriodKey, NpsAccumulator, NpsResult> read = Breakdown.fromBytes(byQuarter.toBytes(),
                PeriodKey.class, NpsAccumulator::create, NpsAccumulator::fromBytes);
        assertThat(read.result()).isEqualTo(byQuarter.result());
        assertThat(read.keys()).containsExactly(PeriodKey.of(CalendarPeriod.QUARTER, 26, 1),
                PeriodKey.of(CalendarPeriod.QUARTER, 2026, 4));

        Breakdown<Long, NpsAccumulator, NpsResult> byHour = Breakdown.create(NpsAccumulator::create);
        byHour.accumulatorFor(Long.MAX_VALUE).add(8);
        assertThat(Breakdown.fromBytes(byHour.toBytes(), Long.class, NpsAccumulator::create, NpsAccumulator::fromBytes)
                .result()).isEqualTo(byHour.result());
    }

    @Test
    void aStateWithAnotherKeyTypeIsRefused() {
        Breakdown<String, NpsAccumulator, NpsResult> byChannel = create();
        byChannel.accumulatorFor("phone").add(7);
        assertThatThrownBy(() -> Breakdown.fromBytes(byChannel.toBytes(), Long.class, NpsAccumulator::create,
                NpsAccumulator::fromBytes)).isInstanceOf(StateFormatException.class)
                .hasMessage("breakdown state at byte 4: 1 key type must be 4 for Long keys");
    }

    @Test
    void unsupportedKeyTypesSayWhatToDoWhenWritten() {
        Breakdown<Double, NpsAccumulator, NpsResult> byScore = Breakdown.create(NpsAccumulator::create);
        byScore.accumulatorFor(1.5).add(7);
        assertThatThrownBy(byScore::toBytes).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("use String, PeriodKey, Integer or Long keys");
    }

    @Test
    void aMergeWithDifferentlyConfiguredAccumulatorsLeavesTheBreakdownUnchanged() {
        Breakdown<String, CsatAccumulator, CsatResult> fivePoint = Breakdown.create(CsatAccumulator::create);
        fivePoint.accumulatorFor("phone").add(5);
        byte[] before = fivePoint.toBytes();
        Breakdown<String, CsatAccumulator, CsatResult> sevenPoint = Breakdown.create(
                () -> CsatAccumulator.create(new CsatDefinition(SurveyScale.ONE_TO_SEVEN, 6)));
        sevenPoint.accumulatorFor("phone").add(7);
        sevenPoint.accumulatorFor("chat").add(7);
        assertThatThrownBy(() -> fivePoint.merge(sevenPoint)).isInstanceOf(IncompatibleMergeException.class);
        assertThat(fivePoint.toBytes()).isEqualTo(before);
    }
}
