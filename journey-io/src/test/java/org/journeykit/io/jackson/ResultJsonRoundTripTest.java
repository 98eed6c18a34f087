package org.journeykit.io.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.journeykit.metrics.breakdown.PeriodKey;
import org.journeykit.metrics.breakdown.SegmentComparison;
import org.journeykit.metrics.breakdown.Trend;
import org.journeykit.metrics.journeys.funnel.Funnel;
import org.journeykit.metrics.journeys.funnel.FunnelComparison;
import org.journeykit.metrics.journeys.funnel.FunnelResult;
import org.journeykit.metrics.journeys.attribution.AttributionResult;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.metrics.journeys.attribution.ChannelPaths;
import org.journeykit.metrics.journeys.attribution.HigherOrderMarkovAttribution;
import org.journeykit.metrics.journeys.attribution.MarkovAttribution;
import org.journeykit.metrics.journeys.attribution.ShapleyAttribution;
import org.journeykit.metrics.journeys.attribution.TransitionMatrix;
import org.journeykit.metrics.journeys.conformance.ConformanceChecker;
import org.journeykit.metrics.journeys.conformance.ConformanceSummary;
import org.journeykit.metrics.journeys.conformance.JourneyConformance;
import org.journeykit.metrics.journeys.paths.Edge;
import org.journeykit.metrics.journeys.paths.PathResult;
import org.journeykit.metrics.journeys.paths.Variant;
import org.journeykit.metrics.lifetime.BgNbdFit;
import org.journeykit.metrics.lifetime.PurchaseHistory;
import org.journeykit.metrics.lifetime.ShiftedBetaGeometricFit;
import org.journeykit.metrics.lifetime.SurvivalCurve;
import org.journeykit.metrics.retention.Cohort;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.PeriodRetention;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Interval;
import org.journeykit.metrics.stats.Proportion;
import org.journeykit.metrics.stats.TwoProportionTest;
import org.journeykit.metrics.survey.CesResult;
import org.journeykit.metrics.survey.CsatResult;
import org.journeykit.metrics.survey.NpsResult;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code read(write(x)).equals(x)} for every result type and for survey responses and interaction events, over seeded random values made as the library makes them,
 * with the plain mapper and with Spring Boot's defaults; and the same value always gives the same text.
 */
class ResultJsonRoundTripTest {

    static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JourneyModule());
    /** Spring Boot's defaults: unknown properties do not fail, modules found on the class path. */
    static final ObjectMapper SPRING = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();

    private static final int SEEDS = 25;

    /** A type and a maker of random values of it. */
    record Kind(String name, JavaType type, Function<RandomValues, Object> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Kind kind(Class<?> type, Function<RandomValues, Object> make) {
        return new Kind(type.getSimpleName(), PLAIN.constructType(type), make);
    }

    private static Kind kind(String name, TypeReference<?> type, Function<RandomValues, Object> make) {
        return new Kind(name, PLAIN.constructType(type), make);
    }

    static List<Kind> kinds() {
        return List.of(
                kind(Interval.class, RandomValues::interval),
                kind(Proportion.class, RandomValues::proportion),
                kind(Comparison.class, RandomValues::comparison),
                kind(TwoProportionTest.class, RandomValues::twoProportionTest),
                kind(NpsResult.class, RandomValues::nps),
                kind(CesResult.class, RandomValues::ces),
                kind(CsatResult.class, RandomValues::csat),
                kind(ContactVolume.class, RandomValues::contactVolume),
                kind(ResolutionTimeResult.class, RandomValues::resolutionTime),
                kind("Trend<NpsResult>", new TypeReference<Trend<NpsResult>>() {}, RandomValues::npsTrend),
                kind("Trend<CsatResult>", new TypeReference<Trend<CsatResult>>() {}, RandomValues::csatTrend),
                kind("Trend<CesResult>", new TypeReference<Trend<CesResult>>() {}, RandomValues::cesTrend),
                kind("corrected Trend<NpsResult>", new TypeReference<Trend<NpsResult>>() {},
                        RandomValues::correctedNpsTrend),
                kind("corrected Trend<CsatResult>", new TypeReference<Trend<CsatResult>>() {},
                        RandomValues::correctedCsatTrend),
                kind("corrected Trend<CesResult>", new TypeReference<Trend<CesResult>>() {},
                        RandomValues::correctedCesTrend),
                kind("SegmentComparison<String>", new TypeReference<SegmentComparison<String>>() {},
                        RandomValues::npsSegmentComparison),
                kind("SegmentComparison<PeriodKey>", new TypeReference<SegmentComparison<PeriodKey>>() {},
                        RandomValues::csatSegmentComparison),
                kind("Map<String, NpsResult>", new TypeReference<Map<String, NpsResult>>() {},
                        RandomValues::npsBySegment),
                kind("Map<PeriodKey, CsatResult>", new TypeReference<Map<PeriodKey, CsatResult>>() {},
                        RandomValues::csatByPeriod),
                kind(Funnel.class, r -> r.funnel(3)),
                kind(FunnelResult.class, r -> r.funnelResult(r.funnel(4))),
                kind(FunnelComparison.class, RandomValues::funnelComparison),
                kind(BgNbdFit.class, RandomValues::bgNbdFit),
                kind(ShiftedBetaGeometricFit.class, RandomValues::sbgFit),
                kind(SurvivalCurve.class, RandomValues::survivalCurve),
                kind(PurchaseHistory.class, RandomValues::purchaseHistory),
                kind(CohortTable.class, RandomValues::cohortTable),
                kind(Cohort.class, RandomValues::cohort),
                kind(PeriodRetention.class, RandomValues::periodRetention),
                kind(RepeatPurchaseAccumulator.Rate.class, RandomValues::repeatPurchaseRate),
                kind(PathResult.class, RandomValues::pathResult),
                kind(Variant.class, RandomValues::variant),
                kind(Edge.class, RandomValues::edge),
                kind(ConformanceChecker.class, RandomValues::checker),
                kind(ConformanceSummary.class, RandomValues::conformanceSummary),
                kind(JourneyConformance.class, RandomValues::journeyConformance),
                kind(ChannelPaths.class, RandomValues::channelPaths),
                kind(ChannelPath.class, RandomValues::channelPath),
                kind(AttributionResult.class, RandomValues::attributionResult),
                kind(TransitionMatrix.class, RandomValues::transitionMatrix),
                kind(MarkovAttribution.class, RandomValues::markov),
                kind(HigherOrderMarkovAttribution.class, RandomValues::higherOrderMarkov),
                kind(ShapleyAttribution.class, RandomValues::shapley),
                kind(SurveyResponse.class, RandomValues::surveyResponse),
                kind(InteractionEvent.class, RandomValues::interactionEvent));
    }

    static Stream<Arguments> kindsAndSeeds() {
        return kinds().stream().flatMap(kind -> Stream.iterate(1L, seed -> seed + 1).limit(SEEDS)
                .map(seed -> Arguments.of(kind, seed)));
    }

    static Object random(Kind kind, long seed) {
        return kind.make().apply(new RandomValues(RandomGeneratorFactory.of("L64X128MixRandom")
                .create(0x15A0L * 1_000_003L + seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("kindsAndSeeds")
    void aValueReadBackFromItsJsonEqualsTheValueWritten(Kind kind, long seed) throws Exception {
        Object value = random(kind, seed);
        String json = PLAIN.writerFor(kind.type()).writeValueAsString(value);
        assertThat(PLAIN.<Object>readValue(json, kind.type())).as(json).isEqualTo(value);
        assertThat(SPRING.<Object>readValue(json, kind.type())).as(json).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("kindsAndSeeds")
    void theSameValueAlwaysGivesTheSameText(Kind kind, long seed) throws Exception {
        String once = PLAIN.writerFor(kind.type()).writeValueAsString(random(kind, seed));
        String again = SPRING.writerFor(kind.type()).writeValueAsString(random(kind, seed));
        assertThat(again).isEqualTo(once);
    }
}
