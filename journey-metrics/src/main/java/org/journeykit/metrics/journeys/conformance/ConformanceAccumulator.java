package org.journeykit.metrics.journeys.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.JourneyAnalyticsException;

/**
 * Aggregates conformance over many actual journeys: {@linkplain #create(ConformanceChecker) create},
 * {@linkplain #add(ActualJourneys) add}, {@linkplain #merge(ConformanceAccumulator) merge},
 * {@linkplain #result() result}. Memory: counts per planned touchpoint and per distinct ad-hoc step.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class ConformanceAccumulator {

    private final ConformanceChecker checker;
    private final List<String> planned;
    private final long[][] counts;
    private final Map<String, Long> adHoc = new TreeMap<>();
    private long journeys;
    private double contentSum;
    private double sequenceSum;
    private double timingSum;
    private long timingJourneys;

    private ConformanceAccumulator(ConformanceChecker checker) {
        this.checker = checker;
        this.planned = new ArrayList<>();
        checker.plan().getTouchpoints().forEach(t -> planned.add(t.getId()));
        this.counts = new long[planned.size()][5];
    }

    /**
     * Creates an empty accumulator.
     *
     * @param checker the checker with the plan, not null
     * @return the accumulator, not null
     * @throws NullPointerException if checker is null
     */
    public static ConformanceAccumulator create(ConformanceChecker checker) {
        return new ConformanceAccumulator(Objects.requireNonNull(checker, "checker"));
    }

    /**
     * Checks and counts every journey.
     *
     * @param source the journeys, mapped to touchpoint ids, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     */
    public ConformanceAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        for (int j = 0; j < source.size(); j++) {
            add(checker.check(source, j));
        }
        return this;
    }

    /**
     * Counts one checked journey.
     *
     * @param conformance a result of this accumulator's checker, not null
     * @return this accumulator
     * @throws NullPointerException if conformance is null
     */
    public ConformanceAccumulator add(JourneyConformance conformance) {
        Objects.requireNonNull(conformance, "conformance");
        int i = 0;
        for (TouchpointStatus status : conformance.statuses().values()) {
            counts[i++][status.ordinal()]++;
        }
        for (String id : conformance.outOfOrder()) {
            counts[planned.indexOf(id)][3]++;
        }
        for (String id : conformance.late()) {
            counts[planned.indexOf(id)][4]++;
        }
        for (String step : conformance.adHoc()) {
            adHoc.merge(step, 1L, Long::sum);
        }
        journeys++;
        contentSum += conformance.contentScore();
        sequenceSum += conformance.sequenceScore();
        OptionalDouble timing = conformance.timingScore();
        if (timing.isPresent()) {
            timingSum += timing.getAsDouble();
            timingJourneys++;
        }
        return this;
    }

    /**
     * Adds everything another accumulator of the same plan has counted.
     *
     * @param other the other accumulator, not null, left unchanged
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws JourneyAnalyticsException if the plans' touchpoints differ
     */
    public ConformanceAccumulator merge(ConformanceAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!planned.equals(other.planned)) {
            throw new JourneyAnalyticsException(-1, "only accumulators of the same plan can be merged",
                    planned + " and " + other.planned);
        }
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < 5; k++) {
                counts[i][k] += other.counts[i][k];
            }
        }
        other.adHoc.forEach((step, count) -> adHoc.merge(step, count, Long::sum));
        journeys += other.journeys;
        contentSum += other.contentSum;
        sequenceSum += other.sequenceSum;
        timingSum += other.timingSum;
        timingJourneys += other.timingJourneys;
        return this;
    }

    /**
     * The summary counted so far.
     *
     * @return the summary, not null
     */
    public ConformanceSummary result() {
        List<TouchpointDeviations> deviations = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            deviations.add(new TouchpointDeviations(planned.get(i), counts[i].clone()));
        }
        return new ConformanceSummary(journeys, journeys == 0 ? 0.0 : contentSum / journeys,
                journeys == 0 ? 0.0 : sequenceSum / journeys,
                timingJourneys == 0 ? OptionalDouble.empty() : OptionalDouble.of(timingSum / timingJourneys),
                deviations, Collections.unmodifiableMap(new TreeMap<>(adHoc)));
    }
}
