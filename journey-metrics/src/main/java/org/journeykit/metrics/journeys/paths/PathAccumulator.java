package org.journeykit.metrics.journeys.paths;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.Checked;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.observed.TimeLimits;

/**
 * Accumulates variants and the directly-follows graph: {@linkplain #create() create},
 * {@linkplain #add(ActualJourneys) add}, {@linkplain #merge(PathAccumulator) merge}, {@linkplain #result() result},
 * {@linkplain #toBytes() toBytes} and {@linkplain #fromBytes(byte[]) fromBytes}, as every
 * {@link MetricAccumulator}.
 *
 * <p>Definitions (as in process mining, e.g. PM4Py): a journey's variant is its full ordered step sequence,
 * repeats included; the directly-follows relation counts every pair of consecutive events {@code (a, b)} in a
 * journey, so a journey of {@code n} events contributes {@code n - 1} edges, one start and one end. The time on an
 * edge is the difference of the two events' times; the mean is over all occurrences of the edge.
 *
 * <p>Limits: at most {@value #MAX_STEPS} distinct steps, each name at most {@value #MAX_STEP_LENGTH} characters
 * (the longest activity an {@code InteractionEvent} holds; every model id is shorter), event times within
 * {@link TimeLimits}. Counts and total times are exact; one beyond {@code Long.MAX_VALUE} is refused.
 *
 * <p>Memory: one entry per distinct variant (its step codes and a count) and a dense step-by-step matrix of edge
 * counts and times (at most 16 MiB at {@value #MAX_STEPS} steps); nothing per event or per customer.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class PathAccumulator implements MetricAccumulator<PathAccumulator, PathResult> {

    /** The most distinct steps an accumulator holds. */
    public static final int MAX_STEPS = 1_024;

    /**
     * The longest step name, in characters (UTF-16 units): the longest activity of an {@code InteractionEvent}; model
     * ids are at most 128. Conformance and attribution use the same limit for their step and channel names.
     */
    public static final int MAX_STEP_LENGTH = 200;

    /** The longest step name in UTF-8 bytes: three per UTF-16 unit at most. */
    static final int MAX_STEP_BYTES = 3 * MAX_STEP_LENGTH;

    private static final String METRIC = "paths";
    private static final int VERSION = 1;
    /** Milliseconds from {@link TimeLimits#EARLIEST} to {@link TimeLimits#LATEST}: the longest edge time. */
    private static final long SPAN_MILLIS = TimeLimits.LATEST_EPOCH_MILLI - TimeLimits.EARLIEST_EPOCH_MILLI;

    private Map<String, Integer> codes = new HashMap<>();
    private List<String> names = new ArrayList<>();
    private HashMap<Key, long[]> variants = new HashMap<>();
    private long[] edgeCounts = new long[0];
    private long[] edgeMillis = new long[0];
    private long[] startCounts = new long[0];
    private long[] endCounts = new long[0];
    private int capacity;
    private long journeys;

    private PathAccumulator() {}

    /**
     * Creates an empty accumulator.
     *
     * @return the accumulator, not null
     */
    public static PathAccumulator create() {
        return new PathAccumulator();
    }

    /**
     * Adds every journey. Either all journeys are added or, when one breaks a rule, none is.
     *
     * @param source the journeys, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     * @throws MetricInputException if a step name is blank or longer than {@value #MAX_STEP_LENGTH} characters,
     *     the steps would exceed {@value #MAX_STEPS}, an event time lies outside {@link TimeLimits} or before the
     *     previous event of its journey, or a count or total time would exceed {@code Long.MAX_VALUE}; this
     *     accumulator is then unchanged
     */
    public PathAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        PathAccumulator delta = new PathAccumulator();
        delta.count(source);
        if (journeys == 0) {
            adopt(delta);
        } else {
            merge(delta);
        }
        return this;
    }

    /**
     * Counts the journeys into this fresh accumulator. Counts cannot overflow here (at most an int of events); a total
     * time can, and as both terms are not negative, an overflow shows as a negative sum. Every step of the source's
     * dictionary is coded first (those that occur only, when the dictionary exceeds {@value #MAX_STEPS}), so the hot
     * loop has no call that could grow the matrix; steps no journey used are dropped at the end.
     */
    private void count(ActualJourneys source) {
        int[] translate = new int[source.stepCount()];
        if (translate.length <= MAX_STEPS) {
            for (int c = 0; c < translate.length; c++) {
                translate[c] = code(source.stepName(c));
            }
        } else {
            boolean[] used = new boolean[translate.length];
            for (int j = 0; j < source.size(); j++) {
                for (int p = 0, length = source.length(j); p < length; p++) {
                    used[source.step(j, p)] = true;
                }
            }
            for (int c = 0; c < translate.length; c++) {
                translate[c] = used[c] ? code(source.stepName(c)) : -1;
            }
        }
        Key probe = new Key(new int[16], 0);
        for (int j = 0; j < source.size(); j++) {
            int length = source.length(j);
            if (probe.steps.length < length) {
                probe = new Key(new int[Math.max(length, probe.steps.length * 2)], 0);
            }
            int previous = translate[source.step(j, 0)];
            long previousTime = checkedTime(source.timeMillis(j, 0));
            probe.steps[0] = previous;
            startCounts[previous]++;
            long[] counts = edgeCounts;
            long[] millis = edgeMillis;
            int width = capacity;
            for (int p = 1; p < length; p++) {
                int step = translate[source.step(j, p)];
                long time = checkedTime(source.timeMillis(j, p));
                long gap = time - previousTime;
                if (gap < 0) {
                    throw new MetricInputException("event time", time + " ms",
                            "must not be before the previous event of its journey (" + METRIC + ")");
                }
                int cell = previous * width + step;
                counts[cell]++;
                long total = millis[cell] + gap;
                if (total < 0) {
                    throw Checked.overflow(METRIC, millis[cell], gap);
                }
                millis[cell] = total;
                probe.steps[p] = step;
                previous = step;
                previousTime = time;
            }
            endCounts[previous]++;
            probe.length = length;
            probe.rehash();
            long[] counter = variants.get(probe);
            if (counter == null) {
                variants.put(probe.copy(), new long[] {1});
            } else {
                counter[0]++;
            }
            journeys++;
        }
        dropUnusedSteps();
    }

    /**
     * Drops the steps that no journey used (a dictionary may hold more names than its journeys use), so that every
     * step of the state occurs in a variant, as the byte form requires. A step is used when a journey starts at it
     * or an edge enters it.
     */
    private void dropUnusedSteps() {
        int n = names.size();
        int[] keep = new int[n];
        int kept = 0;
        for (int b = 0; b < n; b++) {
            boolean used = startCounts[b] > 0;
            for (int a = 0; a < n && !used; a++) {
                used = edgeCounts[a * capacity + b] > 0;
            }
            keep[b] = used ? kept++ : -1;
        }
        if (kept == n) {
            return;
        }
        PathAccumulator compact = new PathAccumulator();
        for (int c = 0; c < n; c++) {
            if (keep[c] >= 0) {
                compact.code(names.get(c));
            }
        }
        for (int a = 0; a < n; a++) {
            if (keep[a] < 0) {
                continue;
            }
            compact.startCounts[keep[a]] = startCounts[a];
            compact.endCounts[keep[a]] = endCounts[a];
            for (int b = 0; b < n; b++) {
                if (keep[b] >= 0) {
                    compact.edgeCounts[keep[a] * compact.capacity + keep[b]] = edgeCounts[a * capacity + b];
                    compact.edgeMillis[keep[a] * compact.capacity + keep[b]] = edgeMillis[a * capacity + b];
                }
            }
        }
        for (Map.Entry<Key, long[]> entry : variants.entrySet()) {
            Key key = entry.getKey();
            int[] steps = new int[key.length];
            for (int i = 0; i < key.length; i++) {
                steps[i] = keep[key.steps[i]];
            }
            Key translated = new Key(steps, steps.length);
            translated.rehash();
            compact.variants.put(translated, entry.getValue());
        }
        compact.journeys = journeys;
        adopt(compact);
    }

    /** Checks that a time lies within {@link TimeLimits}, with one unsigned comparison. */
    private static long checkedTime(long time) {
        if (Long.compareUnsigned(time - TimeLimits.EARLIEST_EPOCH_MILLI, SPAN_MILLIS) > 0) {
            throw new MetricInputException("event time", time + " ms", TimeLimits.RULE + " (" + METRIC + ")");
        }
        return time;
    }

    private void adopt(PathAccumulator fresh) {
        codes = fresh.codes;
        names = fresh.names;
        variants = fresh.variants;
        edgeCounts = fresh.edgeCounts;
        edgeMillis = fresh.edgeMillis;
        startCounts = fresh.startCounts;
        endCounts = fresh.endCounts;
        capacity = fresh.capacity;
        journeys = fresh.journeys;
    }

    /**
     * Adds everything another accumulator has counted. Path accumulators have no configuration, so any two merge.
     *
     * @param other the other accumulator, not null, left unchanged unless it is this accumulator, which then
     *     doubles
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws MetricInputException if the steps would exceed {@value #MAX_STEPS} or a count or total time would
     *     exceed {@code Long.MAX_VALUE}; this accumulator is then unchanged
     */
    @Override
    public PathAccumulator merge(PathAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other.journeys == 0) {
            return this;
        }
        int known = names.size();
        List<String> otherNames = List.copyOf(other.names);
        try {
            int[] translate = new int[otherNames.size()];
            for (int c = 0; c < translate.length; c++) {
                translate[c] = code(otherNames.get(c));
            }
            mergeTranslated(other, translate);
        } catch (MetricInputException e) {
            for (int c = names.size() - 1; c >= known; c--) {
                codes.remove(names.remove(c));
            }
            throw e;
        }
        return this;
    }

    /** Computes every merged value with checked arithmetic first, then assigns them all. */
    private void mergeTranslated(PathAccumulator other, int[] translate) {
        int n = translate.length;
        long mergedJourneys = Checked.add(journeys, other.journeys, METRIC);
        long[] mergedStarts = new long[n];
        long[] mergedEnds = new long[n];
        int present = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (other.edgeCounts[a * other.capacity + b] > 0) {
                    present++;
                }
            }
        }
        int[] cells = new int[present];
        long[] cellCounts = new long[present];
        long[] cellMillis = new long[present];
        int changed = 0;
        for (int a = 0; a < n; a++) {
            mergedStarts[a] = Checked.add(startCounts[translate[a]], other.startCounts[a], METRIC);
            mergedEnds[a] = Checked.add(endCounts[translate[a]], other.endCounts[a], METRIC);
            for (int b = 0; b < n; b++) {
                long count = other.edgeCounts[a * other.capacity + b];
                if (count > 0) {
                    int cell = translate[a] * capacity + translate[b];
                    cells[changed] = cell;
                    cellCounts[changed] = Checked.add(edgeCounts[cell], count, METRIC);
                    cellMillis[changed] = Checked.add(edgeMillis[cell], other.edgeMillis[a * other.capacity + b],
                            METRIC);
                    changed++;
                }
            }
        }
        List<Key> keys = new ArrayList<>(other.variants.size());
        long[] counts = new long[other.variants.size()];
        for (Map.Entry<Key, long[]> entry : other.variants.entrySet()) {
            Key key = entry.getKey();
            int[] steps = new int[key.length];
            for (int i = 0; i < key.length; i++) {
                steps[i] = translate[key.steps[i]];
            }
            Key translated = new Key(steps, steps.length);
            translated.rehash();
            long[] mine = variants.get(translated);
            counts[keys.size()] = Checked.add(mine == null ? 0 : mine[0], entry.getValue()[0], METRIC);
            keys.add(translated);
        }
        for (int a = 0; a < n; a++) {
            startCounts[translate[a]] = mergedStarts[a];
            endCounts[translate[a]] = mergedEnds[a];
        }
        for (int i = 0; i < changed; i++) {
            edgeCounts[cells[i]] = cellCounts[i];
            edgeMillis[cells[i]] = cellMillis[i];
        }
        for (int i = 0; i < keys.size(); i++) {
            long[] counter = variants.get(keys.get(i));
            if (counter == null) {
                variants.put(keys.get(i), new long[] {counts[i]});
            } else {
                counter[0] = counts[i];
            }
        }
        journeys = mergedJourneys;
    }

    /**
     * The variants and the directly-follows graph counted so far, in the order documented on {@link PathResult}.
     *
     * @return the result, or empty when no journey was added, not null
     */
    @Override
    public Optional<PathResult> result() {
        if (journeys == 0) {
            return Optional.empty();
        }
        List<Variant> variantList = new ArrayList<>(variants.size());
        for (Map.Entry<Key, long[]> entry : variants.entrySet()) {
            Key key = entry.getKey();
            List<String> steps = new ArrayList<>(key.length);
            for (int i = 0; i < key.length; i++) {
                steps.add(names.get(key.steps[i]));
            }
            long count = entry.getValue()[0];
            variantList.add(new Variant(steps, count, (double) count / journeys));
        }
        variantList.sort(PathResult.VARIANT_ORDER);
        List<Edge> edges = new ArrayList<>();
        TreeMap<String, Long> starts = new TreeMap<>();
        TreeMap<String, Long> ends = new TreeMap<>();
        int n = names.size();
        for (int a = 0; a < n; a++) {
            if (startCounts[a] > 0) {
                starts.put(names.get(a), startCounts[a]);
            }
            if (endCounts[a] > 0) {
                ends.put(names.get(a), endCounts[a]);
            }
            for (int b = 0; b < n; b++) {
                long count = edgeCounts[a * capacity + b];
                if (count > 0) {
                    edges.add(new Edge(names.get(a), names.get(b), count,
                            Duration.ofMillis(edgeMillis[a * capacity + b])));
                }
            }
        }
        edges.sort(PathResult.EDGE_ORDER);
        return Optional.of(new PathResult(journeys, variantList, edges, starts, ends));
    }

    /**
     * The state in the byte form of {@link MetricAccumulator}: tag 12 (paths), format version 1. Edge, start and end
     * counts and the journey count follow from the variants, so only the variants and the edges' total times are
     * written. The payload, big-endian:
     * <pre>
     * int     n, the number of steps, 0 to 1,024
     * n x     step name: int UTF-8 length (1 to 600), UTF-8 bytes; at most 200 characters, not blank;
     *         in strictly ascending order (String.compareTo); a step's code is its position, 0 to n - 1
     * int     v, the number of variants
     * v x     int length (at least 1), length x int step code, long count (at least 1); the variants in strictly
     *         ascending order of their code sequences (element by element, a sequence before its extensions)
     * int     e, the number of edges, exactly the pairs of consecutive steps in the variants
     * e x     int from code, int to code, long total milliseconds (0 to count x 315,537,897,599,999);
     *         in strictly ascending order of (from, to)
     * </pre>
     * Every step occurs in a variant; the journeys (the sum of the variant counts) and every derived count are at
     * most {@code Long.MAX_VALUE}. Equal states give equal bytes.
     *
     * @return a new array, not null
     */
    @Override
    public byte[] toBytes() {
        int n = names.size();
        Integer[] byName = new Integer[n];
        for (int c = 0; c < n; c++) {
            byName[c] = c;
        }
        Arrays.sort(byName, (a, b) -> names.get(a).compareTo(names.get(b)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[byName[r]] = r;
        }
        List<Map.Entry<int[], Long>> sequences = new ArrayList<>(variants.size());
        for (Map.Entry<Key, long[]> entry : variants.entrySet()) {
            Key key = entry.getKey();
            int[] ranked = new int[key.length];
            for (int i = 0; i < key.length; i++) {
                ranked[i] = rank[key.steps[i]];
            }
            sequences.add(Map.entry(ranked, entry.getValue()[0]));
        }
        sequences.sort(Map.Entry.comparingByKey(Arrays::compare));
        StateWriter out = StateWriter.start(StateTag.PATHS, VERSION, 64 + 16 * n + 32 * sequences.size());
        out.writeInt(n);
        for (int r = 0; r < n; r++) {
            out.writeString(names.get(byName[r]));
        }
        out.writeInt(sequences.size());
        for (Map.Entry<int[], Long> sequence : sequences) {
            out.writeInt(sequence.getKey().length);
            for (int step : sequence.getKey()) {
                out.writeInt(step);
            }
            out.writeLong(sequence.getValue());
        }
        int edges = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (edgeCounts[byName[a] * capacity + byName[b]] > 0) {
                    edges++;
                }
            }
        }
        out.writeInt(edges);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int cell = byName[a] * capacity + byName[b];
                if (edgeCounts[cell] > 0) {
                    out.writeInt(a).writeInt(b).writeLong(edgeMillis[cell]);
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a state written by {@link #toBytes()}, checking every rule of its layout.
     *
     * @param bytes the state, not null
     * @return a new accumulator with that state, not null
     * @throws NullPointerException if bytes is null
     * @throws StateFormatException if the bytes are not a paths state of a known version or break a rule of the
     *     layout (the message names the offset and the rule)
     */
    public static PathAccumulator fromBytes(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.PATHS, VERSION);
        int n = in.readSize("step", MAX_STEPS, 5);
        String[] stepNames = new String[n];
        for (int c = 0; c < n; c++) {
            int at = in.offset();
            String name = in.readString("step name", MAX_STEP_BYTES);
            if (name.isBlank() || name.length() > MAX_STEP_LENGTH) {
                throw in.problem(at, shorten(name), "a step name must not be blank and have at most "
                        + MAX_STEP_LENGTH + " characters");
            }
            if (c > 0 && stepNames[c - 1].compareTo(name) >= 0) {
                throw in.problem(at, shorten(name), "step names must be distinct and in ascending order");
            }
            stepNames[c] = name;
        }
        int v = in.readSize("variant", Integer.MAX_VALUE, 16);
        List<int[]> sequences = new ArrayList<>(v);
        long[] variantCounts = new long[v];
        boolean[] used = new boolean[n];
        long total = 0;
        for (int i = 0; i < v; i++) {
            int at = in.offset();
            int length = in.readSize("variant step", Integer.MAX_VALUE, 4);
            if (length == 0) {
                throw in.problem(at, 0, "a variant must have at least one step");
            }
            int[] sequence = new int[length];
            for (int p = 0; p < length; p++) {
                sequence[p] = in.readInt("step code", 0, n - 1);
                used[sequence[p]] = true;
            }
            if (i > 0 && Arrays.compare(sequences.get(i - 1), sequence) >= 0) {
                throw in.problem(at, length + " steps", "variants must be distinct and in ascending order");
            }
            int countAt = in.offset();
            long count = in.readLong("variant count", 1, Long.MAX_VALUE);
            if (count > Long.MAX_VALUE - total) {
                throw in.problem(countAt, count, "the journeys must not exceed " + Long.MAX_VALUE);
            }
            total += count;
            sequences.add(sequence);
            variantCounts[i] = count;
        }
        for (int c = 0; c < n; c++) {
            if (!used[c]) {
                throw in.problem(in.offset(), shorten(stepNames[c]), "every step must occur in a variant");
            }
        }
        PathAccumulator accumulator = new PathAccumulator();
        for (String name : stepNames) {
            accumulator.code(name);
        }
        int cap = accumulator.capacity;
        for (int i = 0; i < v; i++) {
            int[] sequence = sequences.get(i);
            long count = variantCounts[i];
            accumulator.startCounts[sequence[0]] += count;
            accumulator.endCounts[sequence[sequence.length - 1]] += count;
            for (int p = 1; p < sequence.length; p++) {
                int cell = sequence[p - 1] * cap + sequence[p];
                long edge = accumulator.edgeCounts[cell];
                if (count > Long.MAX_VALUE - edge) {
                    throw in.problem(in.offset(), count, "an edge count must not exceed " + Long.MAX_VALUE);
                }
                accumulator.edgeCounts[cell] = edge + count;
            }
            Key key = new Key(sequence, sequence.length);
            key.rehash();
            accumulator.variants.put(key, new long[] {count});
        }
        accumulator.journeys = total;
        int present = 0;
        for (long count : accumulator.edgeCounts) {
            if (count > 0) {
                present++;
            }
        }
        int e = in.readSize("edge", present, 16);
        if (e != present) {
            throw in.problem(in.offset() - 4, e, "the variants imply " + present + " edges");
        }
        int previous = -1;
        for (int i = 0; i < e; i++) {
            int at = in.offset();
            int from = in.readInt("edge from", 0, n - 1);
            int to = in.readInt("edge to", 0, n - 1);
            int order = from * n + to;
            if (order <= previous) {
                throw in.problem(at, from + " -> " + to, "edges must be distinct and in ascending order");
            }
            previous = order;
            int cell = from * cap + to;
            long count = accumulator.edgeCounts[cell];
            if (count == 0) {
                throw in.problem(at, from + " -> " + to, "an edge must be a pair of consecutive steps of a variant");
            }
            long most = count > Long.MAX_VALUE / SPAN_MILLIS ? Long.MAX_VALUE : count * SPAN_MILLIS;
            accumulator.edgeMillis[cell] = in.readLong("edge total milliseconds", 0, most);
        }
        in.end();
        return accumulator;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private int code(String name) {
        Integer code = codes.get(name);
        if (code != null) {
            return code;
        }
        if (name.isBlank() || name.length() > MAX_STEP_LENGTH) {
            throw new MetricInputException("step", shorten(name),
                    "must not be blank and have at most " + MAX_STEP_LENGTH + " characters (" + METRIC + ")");
        }
        int next = names.size();
        if (next >= MAX_STEPS) {
            throw new MetricInputException("step", shorten(name),
                    "would be step " + (next + 1) + ": at most " + MAX_STEPS + " distinct steps (" + METRIC + ")");
        }
        codes.put(name, next);
        names.add(name);
        if (next >= capacity) {
            grow(Math.min(MAX_STEPS, Math.max(8, capacity * 2)));
        }
        return next;
    }

    private void grow(int newCapacity) {
        long[] counts = new long[newCapacity * newCapacity];
        long[] millis = new long[newCapacity * newCapacity];
        for (int a = 0; a < capacity; a++) {
            System.arraycopy(edgeCounts, a * capacity, counts, a * newCapacity, capacity);
            System.arraycopy(edgeMillis, a * capacity, millis, a * newCapacity, capacity);
        }
        edgeCounts = counts;
        edgeMillis = millis;
        startCounts = Arrays.copyOf(startCounts, newCapacity);
        endCounts = Arrays.copyOf(endCounts, newCapacity);
        capacity = newCapacity;
    }

    /** A step-code sequence usable as a hash key; the probe instance is reused to avoid allocation per journey. */
    private static final class Key {
        final int[] steps;
        int length;
        int hash;

        Key(int[] steps, int length) {
            this.steps = steps;
            this.length = length;
        }

        void rehash() {
            int h = 1;
            for (int i = 0; i < length; i++) {
                h = 31 * h + steps[i];
            }
            hash = h;
        }

        Key copy() {
            Key stored = new Key(Arrays.copyOf(steps, length), length);
            stored.hash = hash;
            return stored;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key)) {
                return false;
            }
            Key that = (Key) other;
            return hash == that.hash && Arrays.equals(steps, 0, length, that.steps, 0, that.length);
        }
    }
}
