package org.journeykit.metrics.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.stats.Correction;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.model.Journey;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.Test;

class BreakdownTest {

    private static SurveyResponse nps(int score, String time, String agent) {
        return SurveyResponse.builder().kind(SurveyKind.NPS).scale(SurveyScale.ZERO_TO_TEN).score(score)
                .time(Instant.parse(time + "T10:00:00Z")).agentId(agent).touchpointId("call").build();
    }

    @Test
    void npsPerAgentAttributesFeedbackToTheEmployeeWhoHandledTheContact() {
        // ann: 10, 9, 3 -> (2 - 1) / 3 = 33.33; bob: 7, 8 -> 0.
        List<SurveyResponse> responses = List.of(nps(10, "2026-01-05", "ann"), nps(9, "2026-01-06", "ann"),
                nps(3, "2026-02-01", "ann"), nps(7, "2026-01-07", "bob"), nps(8, "2026-03-01", "bob"));
        Map<String, NpsResult> byAgent = responses.parallelStream()
                .collect(Breakdown.collector(Dimensions.agent(), NpsAccumulator::create, NpsAccumulator::add));
        assertThat(byAgent).containsOnlyKeys("ann", "bob");
        assertThat(byAgent.get("ann").score()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(byAgent.get("bob").score()).isZero();
    }

    @Test
    void phaseDimensionFollowsTheTouchpointIntoTheJourney() {
        Journey journey = Journey.builder().id("j").name("J").addPhases(Phase.SUPPORT)
                .addTouchpoints(Touchpoint.of("call", "Call", "support")).build();
        Map<String, NpsResult> byPhase = List.of(nps(10, "2026-01-05", "ann"), SurveyResponse.nps(0,
                Instant.EPOCH)).stream().collect(Breakdown.collector(Dimensions.phase(journey), NpsAccumulator::create,
                NpsAccumulator::add));
        assertThat(byPhase.get("support").score()).isEqualTo(100.0);
        assertThat(byPhase.get(Dimensions.UNKNOWN).score()).isEqualTo(-100.0);
    }

    @Test
    void calendarPeriodsHaveLabelsOrderAndPredecessors() {
        assertThat(CalendarPeriod.QUARTER.of(LocalDate.of(2026, 5, 31))).hasToString("2026-Q2");
        assertThat(CalendarPeriod.HALF_YEAR.of(LocalDate.of(2026, 7, 1))).hasToString("2026-H2");
        assertThat(CalendarPeriod.MONTH.of(Instant.parse("2026-01-31T23:30:00Z"), ZoneOffset.ofHours(1)))
                .hasToString("2026-02");
        assertThat(PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1).previous()).hasToString("2025-Q4");
        assertThat(PeriodKey.of(CalendarPeriod.HALF_YEAR, 2026, 2).start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThatThrownBy(() -> PeriodKey.of(CalendarPeriod.QUARTER, 2026, 5)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("number: 5");
        assertThatThrownBy(() -> PeriodKey.of(CalendarPeriod.QUARTER, 2026, 1)
                .compareTo(PeriodKey.of(CalendarPeriod.MONTH, 2026, 1))).isInstanceOf(MetricInputException.class);
    }

    @Test
    void npsTrendGivesChangeAndSignificanceAgainstThePreviousHalfYear() {
        // H1: 291 promoters, 476 passives, 395 detractors (NPS -8.950, SE 2.2387);
        // H2: 40 / 30 / 30 of 100 (NPS 10, SE 8.3066): change +18.950, z = 2.2027, p = 0.0276 -> significant at 95 %.
        List<SurveyResponse> responses = new ArrayList<>();
        addResponses(responses, "2026-03-01", 291, 476, 395);
        addResponses(responses, "2026-09-01", 40, 30, 30);
        Map<PeriodKey, NpsResult> byHalfYear = responses.stream().collect(Breakdown.collector(
                Dimensions.period(CalendarPeriod.HALF_YEAR, ZoneOffset.UTC), NpsAccumulator::create,
                NpsAccumulator::add));
        Trend<NpsResult> trend = Trend.ofNps(byHalfYear);
        assertThat(trend.points()).hasSize(2);
        Trend.Point<NpsResult> first = trend.points().get(0);
        Trend.Point<NpsResult> second = trend.points().get(1);
        assertThat(first.period()).hasToString("2026-H1");
        assertThat(first.change()).isEmpty();
        assertThat(first.isSignificant(0.95)).isFalse();
        assertThat(second.change().getAsDouble()).isCloseTo(18.950, within(0.001));
        assertThat(second.comparison().orElseThrow().pValue().getAsDouble()).isCloseTo(0.0276, within(0.0001));
        assertThat(second.isSignificant(0.95)).isTrue();
        assertThat(second.isSignificant(0.99)).isFalse();
    }

    private static void addResponses(List<SurveyResponse> into, String date, int promoters, int passives,
            int detractors) {
        Instant time = Instant.parse(date + "T12:00:00Z");
        for (int i = 0; i < promoters; i++) {
            into.add(SurveyResponse.nps(10, time));
        }
        for (int i = 0; i < passives; i++) {
            into.add(SurveyResponse.nps(8, time));
        }
        for (int i = 0; i < detractors; i++) {
            into.add(SurveyResponse.nps(2, time));
        }
    }

    @Test
    void csatTrendSkipsTheChangeWhenThePreviousPeriodIsMissing() {
        // 2026-01: 140/200; 2026-02: 156/200 (z = 1.8238, p = 0.0682, not significant); 2026-04: 1/1, no March.
        PeriodKey jan = PeriodKey.of(CalendarPeriod.MONTH, 2026, 1);
        PeriodKey feb = PeriodKey.of(CalendarPeriod.MONTH, 2026, 2);
        PeriodKey apr = PeriodKey.of(CalendarPeriod.MONTH, 2026, 4);
        Trend<CsatResult> trend = Trend.ofCsat(Map.of(apr, CsatResult.of(1, 1), feb, CsatResult.of(156, 200),
                jan, CsatResult.of(140, 200)));
        assertThat(trend.points()).extracting(Trend.Point::period).containsExactly(jan, feb, apr);
        assertThat(trend.points().get(1).change().getAsDouble()).isCloseTo(8.0, within(1e-9));
        assertThat(trend.points().get(1).comparison().orElseThrow().pValue().getAsDouble())
                .isCloseTo(0.068176, within(1e-6));
        assertThat(trend.points().get(1).isSignificant(0.95)).isFalse();
        assertThat(trend.points().get(2).change()).isEmpty();
        assertThat(Trend.of(Map.of(jan, 3.0), Double::doubleValue).points().get(0).comparison()).isEmpty();
    }

    @Test
    void breakdownsMergeKeyByKeyAndRefuseNullKeys() {
        Breakdown<String, CsatAccumulator, CsatResult> left = Breakdown.create(CsatAccumulator::create);
        left.accumulatorFor("phone").add(5);
        left.accumulatorFor("chat").add(1);
        Breakdown<String, CsatAccumulator, CsatResult> right = Breakdown.create(CsatAccumulator::create);
        right.accumulatorFor("phone").add(2);
        Map<String, CsatResult> merged = left.merge(right).result().orElseThrow();
        assertThat(merged.get("phone")).isEqualTo(CsatResult.of(1, 2));
        assertThat(merged.get("chat")).isEqualTo(CsatResult.of(0, 1));
        assertThat(Breakdown.<String, CsatAccumulator, CsatResult>create(CsatAccumulator::create).result()).isEmpty();
        assertThatThrownBy(() -> left.accumulatorFor(null)).isInstanceOf(MetricInputException.class);
    }

    @Test
    void journeyDimensionKeysByTheResponsesJourney() {
        SurveyResponse tagged = SurveyResponse.builder().kind(SurveyKind.NPS).scale(SurveyScale.ZERO_TO_TEN).score(9)
                .time(Instant.EPOCH).journeyId("first-day").build();
        Map<String, NpsResult> byJourney = List.of(tagged, SurveyResponse.nps(1, Instant.EPOCH)).stream()
                .collect(Breakdown.collector(Dimensions.journey(), NpsAccumulator::create, NpsAccumulator::add));
        assertThat(byJourney.get("first-day").promoters()).isEqualTo(1);
        assertThat(byJourney.get(Dimensions.UNKNOWN).detractors()).isEqualTo(1);
    }

    @Test
    void trendCorrectsThePValuesOfAllItsPeriodsAsOneFamily() {
        // CSAT by month, each period against the previous one (pooled two-proportion z, p = erfc(|z| / sqrt 2)):
        // Feb 45/100 vs Jan 30/100: z = 2.190890, p = 0.02845974; Mar 40/100 vs Feb: P = 0.425,
        // SE = sqrt(0.425 x 0.575 x 0.02) = 0.0699106, z = -0.715199, p = 0.47448637; Apr 60/100 vs Mar: P = 0.5,
        // SE = 0.0707107, z = 2.828427, p = 0.00467773.
        Trend<CsatResult> trend = Trend.ofCsat(Map.of(month(1), CsatResult.of(30, 100), month(2),
                CsatResult.of(45, 100), month(3), CsatResult.of(40, 100), month(4), CsatResult.of(60, 100)));

        Trend<CsatResult> holm = trend.withCorrection(Correction.HOLM);
        Trend<CsatResult> bh = trend.withCorrection(Correction.BENJAMINI_HOCHBERG);

        // Holm, m = 3, sorted Apr, Feb, Mar: 3 x 0.00467773 = 0.01403321; 2 x 0.02845974 = 0.05691947; 0.47448637.
        assertThat(holm.points().get(0).adjustedPValue()).isEmpty();
        assertThat(holm.points().get(1).adjustedPValue().getAsDouble()).isCloseTo(0.05691947, within(1e-7));
        assertThat(holm.points().get(2).adjustedPValue().getAsDouble()).isCloseTo(0.47448637, within(1e-7));
        assertThat(holm.points().get(3).adjustedPValue().getAsDouble()).isCloseTo(0.01403321, within(1e-7));
        // Benjamini-Hochberg from the largest: 0.47448637; min(.., 3 x 0.02845974 / 2) = 0.04268961; 0.01403321.
        assertThat(bh.points().get(1).adjustedPValue().getAsDouble()).isCloseTo(0.04268961, within(1e-7));
        assertThat(bh.points().get(2).adjustedPValue().getAsDouble()).isCloseTo(0.47448637, within(1e-7));
        assertThat(bh.points().get(3).adjustedPValue().getAsDouble()).isCloseTo(0.01403321, within(1e-7));
        // February's rise is significant at 95 % alone and under Benjamini-Hochberg, not under Holm.
        assertThat(trend.points().get(1).isSignificant(0.95)).isTrue();
        assertThat(bh.points().get(1).isSignificant(0.95)).isTrue();
        assertThat(holm.points().get(1).isSignificant(0.95)).isFalse();
        assertThat(holm.correction()).isEqualTo(Correction.HOLM);
        assertThat(holm.points().get(1).correction()).isEqualTo(Correction.HOLM);
        assertThat(holm.points().get(1).comparison()).isEqualTo(trend.points().get(1).comparison());
        assertThat(holm.points().get(1)).hasToString("2026-02     45.00   +15.00  p = 0.0285, HOLM 0.0569");
    }

    @Test
    void anUncorrectedTrendAdjustsNothingAndNoneUndoesACorrection() {
        Trend<CsatResult> trend = Trend.ofCsat(Map.of(month(1), CsatResult.of(30, 100), month(2),
                CsatResult.of(45, 100), month(3), CsatResult.of(40, 100)));

        assertThat(trend.correction()).isEqualTo(Correction.NONE);
        assertThat(trend.points().get(1).adjustedPValue()).isEqualTo(trend.points().get(1).comparison().orElseThrow()
                .pValue());
        assertThat(trend.withCorrection(Correction.HOLM)).isNotEqualTo(trend);
        assertThat(trend.withCorrection(Correction.HOLM).withCorrection(Correction.NONE)).isEqualTo(trend)
                .hasSameHashCodeAs(trend);
    }

    private static PeriodKey month(int month) {
        return CalendarPeriod.MONTH.of(LocalDate.of(2026, month, 1));
    }
}
