package org.journeykit.metrics.journeys.conformance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.model.Ids;

/**
 * Aggregates conformance over many actual journeys: {@linkplain #create(ConformanceChecker) create},
 * {@linkplain #add(ActualJourneys) add}, {@linkplain #merge(ConformanceAccumulator) merge},
 * {@linkplain #result() result}, {@linkplain #toBytes() toBytes} and {@linkplain #fromBytes(byte[]) fromBytes}, as
 * every {@link MetricAccumulator}. The configuration is the {@link ConformanceChecker}; accumulators of different
 * checkers do not merge.
 *
 * <p>The state is exact: counts per planned touchpoint and per distinct ad-hoc step, and the journeys counted by how
 * many planned touchpoints occurred (with the sum of those in order) and by how many were checked for timing (with
 * the sum of those on time). The mean scores are computed from these integers at {@link #result()}, so they do not
 * depend on the order of adding or merging. Ad-hoc steps: at most {@value PathAccumulator#MAX_STEPS} distinct, each
 * at most {@value PathAccumulator#MAX_STEP_LENGTH} characters, as for paths.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class ConformanceAccumulator implements MetricAccumulator<ConformanceAccumulator, ConformanceSummary> {

    private static final String METRIC = "conformance";
    private static final int VERSION = 1;
    private static final int COMPLETED = 0;
    private static final int FAILING = 1;
    private static final int OUT_OF_ORDER = 3;
    private static final int LATE = 4;
    /** Counters per touchpoint: completed, failing, missing, out of order, late. */
    private static final int KINDS = 5;

    private final ConformanceChecker checker;
    private final int planSize;
    private long[] counts;
    private TreeMap<String, Long> adHoc = new TreeMap<>();
    private long journeys;
    /** Index m: journeys in which m planned touchpoints occurred. */
    private long[] occurredJourneys;
    /** Index m: the sum of the in-order counts of those journeys. */
    private long[] inOrderSums;
    /** Index c: journeys in which c planned touchpoints were checked for timing. */
    private long[] checkedJourneys;
    /** Index c: the sum of the on-time counts of those journeys. */
    private long[] onTimeSums;

    private ConformanceAccumulator(ConformanceChecker checker) {
        this.checker = checker;
        this.planSize = checker.touchpointIds().size();
        this.counts = new long[planSize * KINDS];
        this.occurredJourneys = new long[planSize + 1];
        this.inOrderSums = new long[planSize + 1];
        this.checkedJourneys = new long[planSize + 1];
        this.onTimeSums = new long[planSize + 1];
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
     * The checker this accumulator counts with.
     *
     * @return the checker, not null
     */
    public ConformanceChecker checker() {
        return checker;
    }

    /**
     * Checks and counts every journey. Either all journeys are counted or, when one breaks a rule, none is.
     *
     * @param source the journeys, mapped to touchpoint ids, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     * @throws MetricInputException if an ad-hoc step is longer than {@value PathAccumulator#MAX_STEP_LENGTH}
     *     characters, the distinct ad-hoc steps would exceed {@value PathAccumulator#MAX_STEPS}, or a count would
     *     exceed {@code Long.MAX_VALUE}; this accumulator is then unchanged
     */
    public ConformanceAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        ConformanceAccumulator delta = new ConformanceAccumulator(checker);
        for (int j = 0; j < source.size(); j++) {
            JourneyConformance conformance = checker.check(source, j);
            delta.count(conformance, false);
            delta.count(conformance, true);
        }
        return merge(delta);
    }

    /**
     * Counts one checked journey.
     *
     * @param conformance a result of a checker equal to this accumulator's, not null
     * @return this accumulator
     * @throws NullPointerException if conformance is null
     * @throws MetricInputException if the conformance comes from a different checker, an ad-hoc step is longer than
     *     {@value PathAccumulator#MAX_STEP_LENGTH} characters, the distinct ad-hoc steps would exceed
     *     {@value PathAccumulator#MAX_STEPS}, or a count would exceed {@code Long.MAX_VALUE}; this accumulator is then
     *     unchanged
     */
    public ConformanceAccumulator add(JourneyConformance conformance) {
        Objects.requireNonNull(conformance, "conformance");
        if (!checker.equals(conformance.checker())) {
            throw new MetricInputException("conformance", conformance.checker(),
                    "must come from this accumulator's " + checker);
        }
        count(conformance, false);
        count(conformance, true);
        return this;
    }

    /** Counts a conformance: first with {@code apply} false to check every rule, then true to assign. */
    private void count(JourneyConformance conformance, boolean apply) {
        long total = Checked.add(journeys, 1, METRIC);
        int i = 0;
        for (TouchpointStatus status : conformance.statuses().values()) {
            increment(counts, i++ * KINDS + status.ordinal(), 1, apply);
        }
        for (String id : conformance.outOfOrder()) {
            increment(counts, checker.indexOf(id) * KINDS + OUT_OF_ORDER, 1, apply);
        }
        for (String id : conformance.late()) {
            increment(counts, checker.indexOf(id) * KINDS + LATE, 1, apply);
        }
        int fresh = 0;
        for (String step : conformance.adHoc()) {
            Long seen = adHoc.get(step);
            if (seen == null) {
                if (step.isBlank() || step.length() > PathAccumulator.MAX_STEP_LENGTH) {
                    throw new MetricInputException("ad-hoc step", shorten(step), "must not be blank and have at most "
                            + PathAccumulator.MAX_STEP_LENGTH + " characters (" + METRIC + ")");
                }
                fresh++;
            }
            long next = Checked.add(seen == null ? 0 : seen, 1, METRIC);
            if (apply) {
                adHoc.put(step, next);
            }
        }
        if (!apply && adHoc.size() + fresh > PathAccumulator.MAX_STEPS) {
            throw new MetricInputException("ad-hoc steps", adHoc.size() + fresh,
                    "must be at most " + PathAccumulator.MAX_STEPS + " distinct (" + METRIC + ")");
        }
        int occurred = conformance.occurredCount();
        increment(occurredJourneys, occurred, 1, apply);
        increment(inOrderSums, occurred, conformance.inOrderCount(), apply);
        int checked = conformance.checkedCount();
        increment(checkedJourneys, checked, 1, apply);
        increment(onTimeSums, checked, checked - conformance.late().size(), apply);
        if (apply) {
            journeys = total;
        }
    }

    private static void increment(long[] array, int index, long amount, boolean apply) {
        long next = Checked.add(array[index], amount, METRIC);
        if (apply) {
            array[index] = next;
        }
    }

    /**
     * Adds everything another accumulator of an equal checker has counted.
     *
     * @param other the other accumulator, not null, left unchanged unless it is this accumulator, which then
     *     doubles
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws IncompatibleMergeException if the checkers differ (journey, touchpoints, expected durations or
     *     tolerance); this accumulator is unchanged
     * @throws MetricInputException if a count would exceed {@code Long.MAX_VALUE} or the distinct ad-hoc steps
     *     would exceed {@value PathAccumulator#MAX_STEPS}; this accumulator is unchanged
     */
    @Override
    public ConformanceAccumulator merge(ConformanceAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!checker.equals(other.checker)) {
            throw new IncompatibleMergeException(METRIC, checker, other.checker);
        }
        long mergedJourneys = Checked.add(journeys, other.journeys, METRIC);
        long[] mergedCounts = sum(counts, other.counts);
        long[] mergedOccurred = sum(occurredJourneys, other.occurredJourneys);
        long[] mergedInOrder = sum(inOrderSums, other.inOrderSums);
        long[] mergedChecked = sum(checkedJourneys, other.checkedJourneys);
        long[] mergedOnTime = sum(onTimeSums, other.onTimeSums);
        TreeMap<String, Long> mergedAdHoc = new TreeMap<>(adHoc);
        for (Map.Entry<String, Long> entry : new TreeMap<>(other.adHoc).entrySet()) {
            mergedAdHoc.put(entry.getKey(),
                    Checked.add(adHoc.getOrDefault(entry.getKey(), 0L), entry.getValue(), METRIC));
        }
        if (mergedAdHoc.size() > PathAccumulator.MAX_STEPS) {
            throw new MetricInputException("ad-hoc steps", mergedAdHoc.size(),
                    "must be at most " + PathAccumulator.MAX_STEPS + " distinct (" + METRIC + ")");
        }
        journeys = mergedJourneys;
        counts = mergedCounts;
        occurredJourneys = mergedOccurred;
        inOrderSums = mergedInOrder;
        checkedJourneys = mergedChecked;
        onTimeSums = mergedOnTime;
        adHoc = mergedAdHoc;
        return this;
    }

    private static long[] sum(long[] mine, long[] theirs) {
        long[] sum = new long[mine.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Checked.add(mine[i], theirs[i], METRIC);
        }
        return sum;
    }

    /**
     * The summary counted so far. The mean content score is the completed planned touchpoints over all planned
     * touchpoints of all journeys (1 for a plan without touchpoints); the mean sequence and timing scores are the
     * means of the journeys' scores, computed from exact integer sums.
     *
     * @return the summary, or empty when no journey was counted, not null
     */
    @Override
    public Optional<ConformanceSummary> result() {
        if (journeys == 0) {
            return Optional.empty();
        }
        List<TouchpointDeviations> deviations = new ArrayList<>(planSize);
        double completed = 0;
        List<String> ids = checker.touchpointIds();
        for (int i = 0; i < planSize; i++) {
            int at = i * KINDS;
            long missing = journeys - counts[at + COMPLETED] - counts[at + FAILING];
            deviations.add(new TouchpointDeviations(ids.get(i), counts[at + COMPLETED], counts[at + FAILING],
                    missing, counts[at + OUT_OF_ORDER], counts[at + LATE]));
            completed += counts[at + COMPLETED];
        }
        double content = planSize == 0 ? 1.0 : Math.min(1.0, completed / planSize / journeys);
        double sequence = occurredJourneys[0];
        for (int m = 1; m <= planSize; m++) {
            sequence += (double) inOrderSums[m] / m;
        }
        sequence = Math.min(1.0, sequence / journeys);
        double timing = 0;
        double timed = 0;
        for (int c = 1; c <= planSize; c++) {
            timing += (double) onTimeSums[c] / c;
            timed += checkedJourneys[c];
        }
        OptionalDouble meanTiming = timed == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(1.0, timing / timed));
        return Optional.of(new ConformanceSummary(journeys, content, sequence, meanTiming, deviations, adHoc));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: tag 13 (conformance), format version 1. The checker
     * is part of the state, so states of different plans or tolerances refuse to merge after reading. The payload,
     * big-endian; texts are an int UTF-8 length and the UTF-8 bytes:
     * <pre>
     * text    journey id: an id of the model (at most 128 characters)
     * double  tolerance: finite, not negative
     * int     p, the planned touchpoints, 0 to 1,024
     * p x     text touchpoint id (an id of the model, distinct, in plan order);
     *         long expected milliseconds (-1 for none); long completed; long failing; long out of order; long late
     * p+1 x   for m = 0..p: long journeys in which m planned touchpoints occurred; long sum of their in-order counts
     * p+1 x   for c = 0..p: long journeys in which c touchpoints were checked for timing; long sum of their on-time
     *         counts
     * int     a, the distinct ad-hoc steps, 0 to 1,024
     * a x     text step (1 to 200 characters, not blank, in strictly ascending order); long journey count (1 or more)
     * </pre>
     * Rules checked on reading: the journeys (the sum over m) equal the sum over c and fit in a long; completed plus
     * failing is at most the journeys and out of order and late at most that; late is 0 without an expected
     * duration; for m &ge; 1 the in-order sum lies from the journeys to m times the journeys (0 for m = 0); the
     * on-time sum is at most c times the journeys (0 for c = 0), and c is at most the number of touchpoints with an
     * expected duration; the occurrences, out-of-order and late counts over all touchpoints equal those implied by
     * the per-m and per-c sums; an ad-hoc count is at most the journeys. Equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        List<String> ids = checker.touchpointIds();
        StateWriter out = StateWriter.start(StateTag.CONFORMANCE, VERSION, 64 + planSize * 80 + adHoc.size() * 32);
        out.writeString(checker.journeyId()).writeDouble(checker.tolerance()).writeInt(planSize);
        for (int i = 0; i < planSize; i++) {
            int at = i * KINDS;
            out.writeString(ids.get(i)).writeLong(checker.expectedMillis(i)).writeLong(counts[at + COMPLETED])
                    .writeLong(counts[at + FAILING]).writeLong(counts[at + OUT_OF_ORDER]).writeLong(counts[at + LATE]);
        }
        for (int m = 0; m <= planSize; m++) {
            out.writeLong(occurredJourneys[m]).writeLong(inOrderSums[m]);
        }
        for (int c = 0; c <= planSize; c++) {
            out.writeLong(checkedJourneys[c]).writeLong(onTimeSums[c]);
        }
        out.writeInt(adHoc.size());
        adHoc.forEach((step, count) -> out.writeString(step).writeLong(count));
        return out.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, with its checker, checking every rule of its layout.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state and checker, not null
     * @throws NullPointerException if bytes is null
     * @throws StateFormatException if the bytes are not a conformance state of a known version or break a rule of
     *     the layout (the message names the offset and the rule)
     */
    public static ConformanceAccumulator fromBytes(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.CONFORMANCE, VERSION);
        String journeyId = readId(in, "journey id");
        int toleranceAt = in.offset();
        double tolerance = in.readNonNegativeDouble("tolerance");
        if (Double.doubleToRawLongBits(tolerance) == Double.doubleToRawLongBits(-0.0)) {
            throw in.problem(toleranceAt, tolerance, "tolerance must not be negative zero");
        }
        int p = in.readSize("touchpoint", ConformanceChecker.MAX_TOUCHPOINTS, 45 + 32);
        List<String> ids = new ArrayList<>(p);
        long[] expected = new long[p];
        long[] counts = new long[p * KINDS];
        int withDuration = 0;
        for (int i = 0; i < p; i++) {
            int at = in.offset();
            String id = readId(in, "touchpoint id");
            if (ids.contains(id)) {
                throw in.problem(at, id, "touchpoint ids must be distinct");
            }
            ids.add(id);
            expected[i] = in.readLong("expected milliseconds", -1, Long.MAX_VALUE);
            if (expected[i] >= 0) {
                withDuration++;
            }
            for (int kind : new int[] {COMPLETED, FAILING, OUT_OF_ORDER, LATE}) {
                counts[i * KINDS + kind] = in.readCount("touchpoint count");
            }
        }
        ConformanceAccumulator accumulator = new ConformanceAccumulator(
                new ConformanceChecker(journeyId, ids, expected, tolerance));
        int sumsAt = in.offset();
        BigInteger journeys = BigInteger.ZERO;
        BigInteger occurrences = BigInteger.ZERO;
        BigInteger outOfOrder = BigInteger.ZERO;
        for (int m = 0; m <= p; m++) {
            int at = in.offset();
            long count = in.readCount("journeys by occurred touchpoints");
            long inOrder = in.readCount("in-order sum");
            BigInteger most = BigInteger.valueOf(count).multiply(BigInteger.valueOf(m));
            if (inOrder < (m == 0 ? 0 : count) || BigInteger.valueOf(inOrder).compareTo(most) > 0) {
                throw in.problem(at, inOrder, "the in-order sum of " + count + " journeys with " + m
                        + " occurred touchpoints must lie from " + (m == 0 ? 0 : count) + " to " + most);
            }
            accumulator.occurredJourneys[m] = count;
            accumulator.inOrderSums[m] = inOrder;
            journeys = journeys.add(BigInteger.valueOf(count));
            occurrences = occurrences.add(most);
            outOfOrder = outOfOrder.add(most.subtract(BigInteger.valueOf(inOrder)));
        }
        if (journeys.bitLength() > 63) {
            throw in.problem(sumsAt, journeys, "the journeys must not exceed " + Long.MAX_VALUE);
        }
        long total = journeys.longValue();
        BigInteger checkedJourneys = BigInteger.ZERO;
        BigInteger late = BigInteger.ZERO;
        for (int c = 0; c <= p; c++) {
            int at = in.offset();
            long count = in.readCount("journeys by checked touchpoints");
            long onTime = in.readCount("on-time sum");
            BigInteger most = BigInteger.valueOf(count).multiply(BigInteger.valueOf(c));
            if (BigInteger.valueOf(onTime).compareTo(most) > 0 || count > 0 && c > withDuration) {
                throw in.problem(at, onTime, "the on-time sum of " + count + " journeys with " + c
                        + " checked touchpoints must be at most " + most + ", and at most " + withDuration
                        + " touchpoints can be checked");
            }
            accumulator.checkedJourneys[c] = count;
            accumulator.onTimeSums[c] = onTime;
            checkedJourneys = checkedJourneys.add(BigInteger.valueOf(count));
            late = late.add(most.subtract(BigInteger.valueOf(onTime)));
        }
        if (!checkedJourneys.equals(journeys)) {
            throw in.problem(in.offset(), checkedJourneys, "the journeys by checked touchpoints must add up to "
                    + journeys);
        }
        BigInteger occurred = BigInteger.ZERO;
        BigInteger seenOutOfOrder = BigInteger.ZERO;
        BigInteger seenLate = BigInteger.ZERO;
        for (int i = 0; i < p; i++) {
            int at = i * KINDS;
            long present = counts[at + COMPLETED] + counts[at + FAILING];
            if (present < 0 || present > total || counts[at + OUT_OF_ORDER] > present || counts[at + LATE] > present
                    || expected[i] < 0 && counts[at + LATE] > 0) {
                throw in.problem(sumsAt, ids.get(i), "completed plus failing must be at most the journeys (" + total
                        + "), out of order and late at most that, and late 0 without an expected duration");
            }
            occurred = occurred.add(BigInteger.valueOf(present));
            seenOutOfOrder = seenOutOfOrder.add(BigInteger.valueOf(counts[at + OUT_OF_ORDER]));
            seenLate = seenLate.add(BigInteger.valueOf(counts[at + LATE]));
        }
        if (!occurred.equals(occurrences) || !seenOutOfOrder.equals(outOfOrder) || !seenLate.equals(late)) {
            throw in.problem(sumsAt, occurred + " occurrences", "the touchpoint counts must match the journeys' sums ("
                    + occurrences + " occurrences, " + outOfOrder + " out of order, " + late + " late)");
        }
        accumulator.counts = counts;
        accumulator.journeys = total;
        int a = in.readSize("ad-hoc step", PathAccumulator.MAX_STEPS, 13);
        String previous = null;
        for (int k = 0; k < a; k++) {
            int at = in.offset();
            String step = in.readString("ad-hoc step", 3 * PathAccumulator.MAX_STEP_LENGTH);
            if (step.isBlank() || step.length() > PathAccumulator.MAX_STEP_LENGTH) {
                throw in.problem(at, shorten(step), "an ad-hoc step must not be blank and have at most "
                        + PathAccumulator.MAX_STEP_LENGTH + " characters");
            }
            if (previous != null && previous.compareTo(step) >= 0) {
                throw in.problem(at, shorten(step), "ad-hoc steps must be distinct and in ascending order");
            }
            previous = step;
            accumulator.adHoc.put(step, in.readLong("ad-hoc count", 1, total));
        }
        in.end();
        return accumulator;
    }

    private static String readId(StateReader in, String what) {
        int at = in.offset();
        String id = in.readString(what, 4 * Ids.MAX_LENGTH);
        if (!id.matches(Ids.PATTERN)) {
            throw in.problem(at, shorten(id), what + " must be an id of the model: " + Ids.PATTERN);
        }
        return id;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
