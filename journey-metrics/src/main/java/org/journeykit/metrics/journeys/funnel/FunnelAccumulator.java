package org.journeykit.metrics.journeys.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.NearestRank;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates a {@link Funnel}: {@linkplain #create(Funnel) create}, {@linkplain #add(ActualJourneys) add},
 * {@linkplain #merge(FunnelAccumulator) merge}, {@linkplain #result() result}, on the contract of
 * {@link MetricAccumulator}. The matching rules are documented on {@link Funnel}.
 *
 * <p>With the unique-customer countings, a customer is one unit only if all their journeys reach the same
 * accumulator in one {@code add}: partition by customer id before accumulating in parallel (as
 * {@link org.journeykit.metrics.journeys.actual.ActualJourneyStream} and
 * {@link org.journeykit.metrics.journeys.actual.ParallelJourneyStream} do).
 *
 * <p>A breakdown by a dimension of the customer runs on {@link org.journeykit.metrics.breakdown.Breakdown}:
 * <pre>{@code
 * Map<String, FunnelResult> bySegment = journeys.customers().stream().collect(Breakdown.collector(
 *         customer -> segmentOf(customer.customerId()), () -> FunnelAccumulator.create(funnel),
 *         FunnelAccumulator::add));
 * }</pre>
 *
 * <p>Memory: a count per step, the exact time of every counted step-to-step conversion (8 bytes each, for the
 * exact median; at most {@value #MAX_TIMES_PER_STEP} per step) and a count per distinct "what they did instead"
 * step; nothing per event.
 *
 * <p>Counts are checked: a count that would exceed {@code Long.MAX_VALUE}, a sum of times that would, or more than
 * {@value #MAX_TIMES_PER_STEP} times for one step raise {@link MetricInputException} and leave the accumulator
 * unchanged. {@link #add(ActualJourneys)} and {@link #merge} are atomic.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class FunnelAccumulator implements MetricAccumulator<FunnelAccumulator, FunnelResult> {

    /** The most step-to-step times kept for one step (for its exact median): 2^28. */
    public static final int MAX_TIMES_PER_STEP = 1 << 28;

    private static final String METRIC = "funnel";
    private static final int FORMAT_VERSION = 1;

    private final Funnel funnel;
    private final int size;
    private final long windowMillis;
    private final boolean strict;
    private final Funnel.Counting counting;
    private final long[] entered;
    /** times[k]: the times from step k to step k + 1 of counted attempts, in the order counted; k < size - 1. */
    private final long[][] times;
    private final int[] timeCounts;
    private final long[] timeSums;
    /** instead.get(k): what those who reached step k + 1 but not k + 2 did next; k < size - 1. */
    private final List<Map<String, long[]>> instead;
    private long excluded;

    // Scratch state, reused per journey.
    private final int[] matched;
    private final int[] best;
    private @Nullable FunnelAccumulator tally;
    private @Nullable ActualJourneys codedSource;
    private @Nullable Codes codes;

    private FunnelAccumulator(Funnel funnel) {
        this.funnel = funnel;
        this.size = funnel.steps().size();
        this.windowMillis = funnel.window().toMillis();
        this.strict = funnel.order() == Funnel.StepOrder.STRICT;
        this.counting = funnel.counting();
        this.entered = new long[size];
        this.times = new long[size - 1][];
        this.timeCounts = new int[size - 1];
        this.timeSums = new long[size - 1];
        this.instead = new ArrayList<>(size - 1);
        for (int k = 0; k < size - 1; k++) {
            times[k] = new long[0];
            instead.add(new HashMap<>());
        }
        this.matched = new int[size];
        this.best = new int[size];
    }

    /**
     * Creates an empty accumulator for a funnel.
     *
     * @param funnel the funnel, not null
     * @return the accumulator, not null
     * @throws NullPointerException if funnel is null
     */
    public static FunnelAccumulator create(Funnel funnel) {
        return new FunnelAccumulator(Objects.requireNonNull(funnel, "funnel"));
    }

    /**
     * The funnel this accumulator counts.
     *
     * @return the funnel, not null
     */
    public Funnel funnel() {
        return funnel;
    }

    /**
     * Evaluates every journey; the journeys of one customer (consecutive in {@link ActualJourneys}) are one unit.
     *
     * @param source the journeys, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     * @throws MetricInputException if a count or a sum of times would exceed {@code Long.MAX_VALUE}, or a step
     *     would hold more than {@value #MAX_TIMES_PER_STEP} times; this accumulator is unchanged
     */
    public FunnelAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        Codes sourceCodes = Codes.of(funnel, source);
        FunnelAccumulator scratch = tally();
        int j = 0;
        int journeys = source.size();
        while (j < journeys) {
            int end = j + 1;
            String customer = source.customerId(j);
            while (end < journeys && customer.equals(source.customerId(end))) {
                end++;
            }
            scratch.addCustomer(source, sourceCodes, j, end);
            j = end;
        }
        return merge(scratch);
    }

    /**
     * Evaluates one customer's journeys, as {@link ActualJourneys#customers()} gives them: the element of a
     * {@link org.journeykit.metrics.breakdown.Breakdown} by a dimension of the customer.
     *
     * @param customer the customer's journeys, not null
     * @return this accumulator
     * @throws NullPointerException if customer is null
     * @throws MetricInputException if a count or a sum of times would exceed {@code Long.MAX_VALUE}, or a step
     *     would hold more than {@value #MAX_TIMES_PER_STEP} times; this accumulator is unchanged
     */
    public FunnelAccumulator add(ActualJourneys.Customer customer) {
        Objects.requireNonNull(customer, "customer");
        ActualJourneys source = customer.journeys();
        Codes sourceCodes = codes;
        if (source != codedSource || sourceCodes == null) {
            sourceCodes = Codes.of(funnel, source);
            codedSource = source;
            codes = sourceCodes;
        }
        FunnelAccumulator scratch = tally();
        scratch.addCustomer(source, sourceCodes, customer.firstJourney(), customer.endJourney());
        return merge(scratch);
    }

    /** The empty scratch accumulator that one add fills before it is merged in. */
    private FunnelAccumulator tally() {
        FunnelAccumulator scratch = tally;
        if (scratch == null) {
            scratch = new FunnelAccumulator(funnel);
            tally = scratch;
        } else {
            scratch.clear();
        }
        return scratch;
    }

    private void clear() {
        Arrays.fill(entered, 0);
        Arrays.fill(timeCounts, 0);
        Arrays.fill(timeSums, 0);
        for (Map<String, long[]> map : instead) {
            map.clear();
        }
        excluded = 0;
    }

    /** Step codes of a funnel in one source's dictionary. */
    private static final class Codes {
        final int[] steps;
        final boolean[] excluded;

        private Codes(int[] steps, boolean[] excluded) {
            this.steps = steps;
            this.excluded = excluded;
        }

        static Codes of(Funnel funnel, ActualJourneys source) {
            int[] steps = new int[funnel.steps().size()];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = source.codeOf(funnel.steps().get(k)).orElse(-1);
            }
            boolean[] excluded = new boolean[source.stepCount()];
            for (String exclusion : funnel.exclusions()) {
                source.codeOf(exclusion).ifPresent(code -> excluded[code] = true);
            }
            return new Codes(steps, excluded);
        }
    }

    /** Evaluates journeys [first, end) of one customer into this (scratch) accumulator. */
    private void addCustomer(ActualJourneys source, Codes codes, int first, int end) {
        int first0 = codes.steps[0];
        if (first0 < 0) {
            return;
        }
        int bestReached = 0;
        int bestJourney = -1;
        boolean anyExcluded = false;
        for (int j = first; j < end; j++) {
            int length = source.length(j);
            int position = 0;
            while (position < length) {
                int anchor = -1;
                for (int p = position; p < length; p++) {
                    if (source.step(j, p) == first0) {
                        anchor = p;
                        break;
                    }
                }
                if (anchor < 0) {
                    break;
                }
                int reached = match(source, codes, j, anchor, length);
                boolean attemptExcluded = reached < 0;
                if (attemptExcluded) {
                    reached = -reached;
                }
                switch (counting) {
                    case ALL_ATTEMPTS -> {
                        if (attemptExcluded) {
                            excluded++;
                        } else {
                            count(source, j, matched, reached);
                        }
                        position = matched[reached - 1] + 1;
                    }
                    case UNIQUE_CUSTOMERS_FIRST_ENTRY -> {
                        if (attemptExcluded) {
                            excluded++;
                        } else {
                            count(source, j, matched, reached);
                        }
                        return;
                    }
                    default -> {
                        if (attemptExcluded) {
                            anyExcluded = true;
                        } else if (reached > bestReached) {
                            bestReached = reached;
                            bestJourney = j;
                            System.arraycopy(matched, 0, best, 0, reached);
                        }
                        position = anchor + 1;
                    }
                }
            }
        }
        if (counting == Funnel.Counting.UNIQUE_CUSTOMERS_BEST_ENTRY) {
            if (bestReached > 0) {
                count(source, bestJourney, best, bestReached);
            } else if (anyExcluded) {
                excluded++;
            }
        }
    }

    /** Matches one attempt into {@link #matched}; returns the steps reached, negated when the attempt is excluded. */
    private int match(ActualJourneys source, Codes codes, int j, int anchor, int length) {
        matched[0] = anchor;
        long anchorTime = source.timeMillis(j, anchor);
        int reached = 1;
        int last = anchor;
        boolean excludedSeen = false;
        for (int k = 1; k < size; k++) {
            int found = -1;
            int wanted = codes.steps[k];
            if (strict) {
                int candidate = last + 1;
                if (candidate < length && source.step(j, candidate) == wanted
                        && source.timeMillis(j, candidate) - anchorTime <= windowMillis) {
                    found = candidate;
                }
            } else {
                for (int q = last + 1; q < length; q++) {
                    if (source.timeMillis(j, q) - anchorTime > windowMillis) {
                        break;
                    }
                    int step = source.step(j, q);
                    if (step == wanted) {
                        found = q;
                        break;
                    }
                    if (codes.excluded[step]) {
                        excludedSeen = true;
                    }
                }
            }
            if (found < 0) {
                break;
            }
            if (excludedSeen) {
                matched[reached] = found;
                return -(reached + 1);
            }
            matched[reached++] = found;
            last = found;
        }
        return reached;
    }

    /** Counts one attempt into this (scratch) accumulator. */
    private void count(ActualJourneys source, int j, int[] positions, int reached) {
        for (int k = 0; k < reached; k++) {
            entered[k]++;
            if (k + 1 < reached) {
                addTime(k, source.timeMillis(j, positions[k + 1]) - source.timeMillis(j, positions[k]));
            }
        }
        if (reached < size) {
            int next = positions[reached - 1] + 1;
            String name = next < source.length(j) ? source.stepName(source.step(j, next)) : FunnelStep.END;
            instead.get(reached - 1).computeIfAbsent(name, n -> new long[1])[0]++;
        }
    }

    private void addTime(int k, long millis) {
        int count = timeCounts[k];
        if (count == MAX_TIMES_PER_STEP) {
            throw new MetricInputException(METRIC + " times of step " + (k + 1), count + 1,
                    "must not exceed " + MAX_TIMES_PER_STEP + " per step");
        }
        timeSums[k] = Checked.add(timeSums[k], millis, METRIC + " time sum");
        if (count == times[k].length) {
            times[k] = Arrays.copyOf(times[k], (int) Math.min(MAX_TIMES_PER_STEP, Math.max(16, 2L * count)));
        }
        times[k][count] = millis;
        timeCounts[k] = count + 1;
    }

    /**
     * Adds everything another accumulator of the same funnel has counted; {@code a.merge(a)} doubles {@code a}.
     *
     * @param other the other accumulator, not null, left unchanged unless it is this accumulator
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws IncompatibleMergeException if the funnels differ; this accumulator is unchanged
     * @throws MetricInputException if a count or a sum of times would exceed {@code Long.MAX_VALUE}, or a step
     *     would hold more than {@value #MAX_TIMES_PER_STEP} times; this accumulator is unchanged
     */
    @Override
    public FunnelAccumulator merge(FunnelAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!funnel.equals(other.funnel)) {
            throw new IncompatibleMergeException(METRIC, funnel, other.funnel);
        }
        // Phase 1: compute and check everything; nothing observable changes.
        long[] newEntered = new long[size];
        for (int k = 0; k < size; k++) {
            newEntered[k] = Checked.add(entered[k], other.entered[k], METRIC);
        }
        long newExcluded = Checked.add(excluded, other.excluded, METRIC + " excluded");
        int[] otherCounts = other.timeCounts.clone();
        long[] newSums = new long[size - 1];
        for (int k = 0; k < size - 1; k++) {
            if ((long) timeCounts[k] + otherCounts[k] > MAX_TIMES_PER_STEP) {
                throw new MetricInputException(METRIC + " times of step " + (k + 1),
                        (long) timeCounts[k] + otherCounts[k], "must not exceed " + MAX_TIMES_PER_STEP + " per step");
            }
            newSums[k] = Checked.add(timeSums[k], other.timeSums[k], METRIC + " time sum");
        }
        List<List<Map.Entry<String, Long>>> newInstead = new ArrayList<>(size - 1);
        for (int k = 0; k < size - 1; k++) {
            Map<String, long[]> mine = instead.get(k);
            List<Map.Entry<String, Long>> updates = new ArrayList<>(other.instead.get(k).size());
            for (Map.Entry<String, long[]> entry : other.instead.get(k).entrySet()) {
                long[] own = mine.get(entry.getKey());
                long sum = Checked.add(own == null ? 0 : own[0], entry.getValue()[0], METRIC);
                updates.add(Map.entry(entry.getKey(), sum));
            }
            newInstead.add(updates);
        }
        // Growing the arrays keeps their contents: still nothing observable changes.
        for (int k = 0; k < size - 1; k++) {
            int needed = timeCounts[k] + otherCounts[k];
            if (needed > times[k].length) {
                times[k] = Arrays.copyOf(times[k], (int) Math.min(MAX_TIMES_PER_STEP,
                        Math.max(needed, 2L * times[k].length)));
            }
        }
        // Phase 2: assign; nothing can fail from here on.
        for (int k = 0; k < size - 1; k++) {
            System.arraycopy(other.times[k], 0, times[k], timeCounts[k], otherCounts[k]);
            timeCounts[k] += otherCounts[k];
            timeSums[k] = newSums[k];
            Map<String, long[]> mine = instead.get(k);
            for (Map.Entry<String, Long> update : newInstead.get(k)) {
                long[] own = mine.get(update.getKey());
                if (own == null) {
                    mine.put(update.getKey(), new long[] {update.getValue()});
                } else {
                    own[0] = update.getValue();
                }
            }
        }
        System.arraycopy(newEntered, 0, entered, 0, size);
        excluded = newExcluded;
        return this;
    }

    /**
     * The funnel figures counted so far.
     *
     * @return the result, or empty when no customer or attempt entered the funnel (not even an excluded one)
     */
    @Override
    public Optional<FunnelResult> result() {
        if (entered[0] == 0 && excluded == 0) {
            return Optional.empty();
        }
        List<FunnelStep> steps = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            Optional<Duration> median = Optional.empty();
            Optional<Duration> mean = Optional.empty();
            TreeMap<String, Long> next = new TreeMap<>();
            if (k < size - 1) {
                int n = timeCounts[k];
                if (n > 0) {
                    long[] sorted = Arrays.copyOf(times[k], n);
                    Arrays.sort(sorted);
                    median = Optional.of(Duration.ofMillis(sorted[NearestRank.index(0.5, n)]));
                    mean = Optional.of(Duration.ofMillis(Math.floorDiv(timeSums[k], (long) n)));
                }
                instead.get(k).forEach((name, count) -> next.put(name, count[0]));
            }
            long droppedOff = k + 1 < size ? entered[k] - entered[k + 1] : 0;
            steps.add(new FunnelStep(funnel.steps().get(k), entered[k], k == 0 ? entered[0] : entered[k - 1],
                    entered[0], droppedOff, median, mean, next));
        }
        return Optional.of(new FunnelResult(funnel, steps, excluded));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: header {@code 'J' 'K'}, tag 11 (funnel), format
     * version 1, then, big-endian:
     * <pre>
     * the funnel definition, so that a state of another funnel is refused:
     *   int       number of steps S, 1 to {@value Funnel#MAX_STEPS}
     *   S x text  the steps (int UTF-8 length, then the UTF-8 bytes; 1 to 200 characters, not blank)
     *   long      the window in milliseconds, 1 to {@link Funnel#MAX_WINDOW}
     *   byte      counting: 0 unique customers by best entry, 1 unique customers by first entry, 2 all attempts
     *   byte      order: 0 loose, 1 strict
     *   int       number of exclusion steps X, 0 to {@value Funnel#MAX_STEPS}
     *   X x text  the exclusion steps, in ascending order, none a funnel step
     * the counts:
     *   long      excluded, not negative
     *   S x long  entered per step, not negative, never more than the step before
     * for each step k from 1 to S - 1:
     *   entered(k + 1) x long  the times from step k to k + 1 in milliseconds, ascending, each 0 to the window
     *                          (at most {@value #MAX_TIMES_PER_STEP}; their sum fits a long)
     *   int       number D of distinct steps done instead after dropping off at step k
     *   D x (text, long)  the step (1 to 200 characters, not blank; ascending) and its count (at least 1); the
     *                     counts add up to entered(k) - entered(k + 1)
     * </pre>
     * Equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        long timeCount = 0;
        for (int count : timeCounts) {
            timeCount += count;
        }
        StateWriter out = StateWriter.start(StateTag.FUNNEL, FORMAT_VERSION,
                (int) Math.min(Integer.MAX_VALUE - 64, 64 + 8 * (timeCount + size)));
        out.writeInt(size);
        for (String step : funnel.steps()) {
            out.writeString(step);
        }
        out.writeLong(windowMillis);
        out.writeByte(counting.ordinal());
        out.writeByte(funnel.order().ordinal());
        out.writeInt(funnel.exclusions().size());
        for (String exclusion : funnel.exclusions()) {
            out.writeString(exclusion);
        }
        out.writeLong(excluded);
        for (long count : entered) {
            out.writeLong(count);
        }
        for (int k = 0; k < size - 1; k++) {
            long[] sorted = Arrays.copyOf(times[k], timeCounts[k]);
            Arrays.sort(sorted);
            for (long time : sorted) {
                out.writeLong(time);
            }
            TreeMap<String, long[]> next = new TreeMap<>(instead.get(k));
            out.writeInt(next.size());
            for (Map.Entry<String, long[]> entry : next.entrySet()) {
                out.writeString(entry.getKey());
                out.writeLong(entry.getValue()[0]);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, treating the bytes as hostile: every count is checked against
     * the documented limits and the bytes that remain before anything is allocated, and every invariant listed on
     * {@link #toBytes()} is checked.
     *
     * @param bytes the state, not null
     * @return a new accumulator holding the state, for the funnel stored in it
     * @throws StateFormatException if the bytes are not a funnel state of a known version or break a rule of the
     *     layout (the message names the offset and the rule)
     * @throws NullPointerException if bytes is null
     */
    public static FunnelAccumulator fromBytes(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.FUNNEL, FORMAT_VERSION);
        Funnel funnel = readFunnel(in);
        FunnelAccumulator state = new FunnelAccumulator(funnel);
        int size = state.size;
        state.excluded = in.readCount("excluded");
        for (int k = 0; k < size; k++) {
            int at = in.offset();
            long count = in.readCount("entered of step " + (k + 1));
            if (k > 0 && count > state.entered[k - 1]) {
                throw in.problem(at, count, "entered of step " + (k + 1) + " must not exceed the step before ("
                        + state.entered[k - 1] + ")");
            }
            state.entered[k] = count;
        }
        for (int k = 0; k < size - 1; k++) {
            long count = state.entered[k + 1];
            if (count > MAX_TIMES_PER_STEP || count * 8 > in.remaining()) {
                throw in.problem(in.offset(), count, "times of step " + (k + 1) + " (one per entry of step "
                        + (k + 2) + ") must be at most " + MAX_TIMES_PER_STEP + " and fit the " + in.remaining()
                        + " bytes that remain");
            }
            int n = (int) count;
            long[] values = new long[n];
            long sum = 0;
            long previous = 0;
            for (int i = 0; i < n; i++) {
                int at = in.offset();
                long time = in.readLong("time", 0, state.windowMillis);
                if (time < previous) {
                    throw in.problem(at, time, "times must be in ascending order");
                }
                previous = time;
                if (sum > Long.MAX_VALUE - time) {
                    throw in.problem(at, time, "the sum of the times of step " + (k + 1)
                            + " must not exceed Long.MAX_VALUE");
                }
                sum += time;
                values[i] = time;
            }
            state.times[k] = values;
            state.timeCounts[k] = n;
            state.timeSums[k] = sum;
            int entriesAt = in.offset();
            int entries = in.readSize("steps done instead after step " + (k + 1), Integer.MAX_VALUE, 4 + 1 + 8);
            long total = 0;
            @Nullable String last = null;
            Map<String, long[]> next = state.instead.get(k);
            for (int e = 0; e < entries; e++) {
                int at = in.offset();
                String name = in.readString("step done instead", 3 * ActualJourneys.MAX_STEP_LENGTH);
                if (name.isBlank() || name.length() > ActualJourneys.MAX_STEP_LENGTH) {
                    throw in.problem(at, shorten(name), "a step must be 1 to " + ActualJourneys.MAX_STEP_LENGTH
                            + " characters, not blank");
                }
                if (last != null && last.compareTo(name) >= 0) {
                    throw in.problem(at, shorten(name), "steps done instead must be in ascending order");
                }
                last = name;
                int countAt = in.offset();
                long count2 = in.readCount("count of a step done instead");
                if (count2 < 1) {
                    throw in.problem(countAt, count2, "the count of a step done instead must be at least 1");
                }
                if (count2 > Long.MAX_VALUE - total) {
                    throw in.problem(countAt, count2, "the counts of steps done instead must add up to at most "
                            + Long.MAX_VALUE);
                }
                total += count2;
                next.put(name, new long[] {count2});
            }
            long dropped = state.entered[k] - state.entered[k + 1];
            if (total != dropped) {
                throw in.problem(entriesAt, total, "the counts of steps done instead after step " + (k + 1)
                        + " must add up to those who dropped off there (" + dropped + ")");
            }
        }
        in.end();
        return state;
    }

    private static Funnel readFunnel(StateReader in) {
        int stepsAt = in.offset();
        int stepCount = in.readInt("number of steps", 1, Funnel.MAX_STEPS);
        List<String> steps = new ArrayList<>(stepCount);
        for (int k = 0; k < stepCount; k++) {
            steps.add(readName(in, "step"));
        }
        int windowAt = in.offset();
        long window = in.readLong("window in milliseconds", 1, Funnel.MAX_WINDOW.toMillis());
        int countingAt = in.offset();
        int countingCode = in.readByte("counting");
        if (countingCode >= Funnel.Counting.values().length) {
            throw in.problem(countingAt, countingCode, "counting must be 0, 1 or 2");
        }
        int orderAt = in.offset();
        int orderCode = in.readByte("order");
        if (orderCode >= Funnel.StepOrder.values().length) {
            throw in.problem(orderAt, orderCode, "order must be 0 or 1");
        }
        int exclusionsAt = in.offset();
        int exclusionCount = in.readInt("number of exclusion steps", 0, Funnel.MAX_STEPS);
        List<String> exclusions = new ArrayList<>(exclusionCount);
        for (int x = 0; x < exclusionCount; x++) {
            int at = in.offset();
            String exclusion = readName(in, "exclusion step");
            if (!exclusions.isEmpty() && exclusions.get(exclusions.size() - 1).compareTo(exclusion) >= 0) {
                throw in.problem(at, shorten(exclusion), "exclusion steps must be in ascending order");
            }
            if (steps.contains(exclusion)) {
                throw in.problem(at, shorten(exclusion), "an exclusion step must not be a funnel step");
            }
            exclusions.add(exclusion);
        }
        try {
            return Funnel.of(steps, Duration.ofMillis(window)).withCounting(Funnel.Counting.values()[countingCode])
                    .withOrder(Funnel.StepOrder.values()[orderCode]).withExclusions(exclusions);
        } catch (MetricInputException e) {
            // The checks above cover Funnel's rules; this names the definition if they ever drift apart.
            throw in.problem(Math.min(Math.min(stepsAt, windowAt), exclusionsAt), e.getMessage(),
                    "must be a valid funnel definition");
        }
    }

    private static String readName(StateReader in, String what) {
        int at = in.offset();
        String name = in.readString(what, 3 * ActualJourneys.MAX_STEP_LENGTH);
        if (name.isBlank() || name.length() > ActualJourneys.MAX_STEP_LENGTH) {
            throw in.problem(at, shorten(name), what + " must be 1 to " + ActualJourneys.MAX_STEP_LENGTH
                    + " characters, not blank");
        }
        return name;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * The funnel and the number of customers or attempts that entered it, for diagnostics.
     *
     * @return the text, not null
     */
    @Override
    public String toString() {
        return "FunnelAccumulator[" + funnel + ", entered " + entered[0] + ", excluded " + excluded + "]";
    }
}
