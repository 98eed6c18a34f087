package org.journeykit.metrics.journeys.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.journeykit.metrics.journeys.actual.ActualJourneys;

/**
 * Accumulates variants and the directly-follows graph: {@linkplain #create() create},
 * {@linkplain #add(ActualJourneys) add}, {@linkplain #merge(PathAccumulator) merge}, {@linkplain #result() result}.
 *
 * <p>Definitions (as in process mining, e.g. PM4Py): a journey's variant is its full ordered step sequence,
 * repeats included; the directly-follows relation counts every pair of consecutive events {@code (a, b)} in a
 * journey, so a journey of {@code n} events contributes {@code n - 1} edges, one start and one end. The time on an
 * edge is the difference of the two events' times; the mean is over all occurrences of the edge.
 *
 * <p>Memory: one entry per distinct variant (its step codes and a count) and a dense step-by-step matrix of edge
 * counts and times; nothing per event or per customer.
 *
 * <p>An accumulator is not thread-safe; give each thread or partition its own and merge them.
 */
public final class PathAccumulator {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final HashMap<Key, long[]> variants = new HashMap<>();
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
     * Adds every journey.
     *
     * @param source the journeys, not null
     * @return this accumulator
     * @throws NullPointerException if source is null
     */
    public PathAccumulator add(ActualJourneys source) {
        Objects.requireNonNull(source, "source");
        int[] translate = new int[source.stepCount()];
        for (int c = 0; c < translate.length; c++) {
            translate[c] = code(source.stepName(c));
        }
        Key probe = new Key(new int[16], 0);
        for (int j = 0; j < source.size(); j++) {
            int length = source.length(j);
            if (probe.steps.length < length) {
                probe = new Key(new int[Math.max(length, probe.steps.length * 2)], 0);
            }
            int previous = -1;
            long previousTime = 0;
            for (int p = 0; p < length; p++) {
                int step = translate[source.step(j, p)];
                long time = source.timeMillis(j, p);
                probe.steps[p] = step;
                if (previous >= 0) {
                    int cell = previous * capacity + step;
                    edgeCounts[cell]++;
                    edgeMillis[cell] += time - previousTime;
                } else {
                    startCounts[step]++;
                }
                previous = step;
                previousTime = time;
            }
            endCounts[previous]++;
            probe.length = length;
            probe.rehash();
            countVariant(probe, 1);
            journeys++;
        }
        return this;
    }

    /**
     * Adds everything another accumulator has counted.
     *
     * @param other the other accumulator, not null, left unchanged
     * @return this accumulator
     * @throws NullPointerException if other is null
     */
    public PathAccumulator merge(PathAccumulator other) {
        Objects.requireNonNull(other, "other");
        int[] translate = new int[other.names.size()];
        for (int c = 0; c < translate.length; c++) {
            translate[c] = code(other.names.get(c));
        }
        for (int a = 0; a < translate.length; a++) {
            startCounts[translate[a]] += other.startCounts[a];
            endCounts[translate[a]] += other.endCounts[a];
            for (int b = 0; b < translate.length; b++) {
                int cell = translate[a] * capacity + translate[b];
                edgeCounts[cell] += other.edgeCounts[a * other.capacity + b];
                edgeMillis[cell] += other.edgeMillis[a * other.capacity + b];
            }
        }
        for (Map.Entry<Key, long[]> entry : other.variants.entrySet()) {
            Key key = entry.getKey();
            int[] steps = new int[key.length];
            for (int i = 0; i < key.length; i++) {
                steps[i] = translate[key.steps[i]];
            }
            Key translated = new Key(steps, steps.length);
            translated.rehash();
            countVariant(translated, entry.getValue()[0]);
        }
        journeys += other.journeys;
        return this;
    }

    /**
     * The variants and the directly-follows graph counted so far.
     *
     * @return the result, not null
     */
    public PathResult result() {
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
        variantList.sort(Comparator.comparingLong(Variant::count).reversed()
                .thenComparing(v -> String.join(" > ", v.steps())));
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
                    edges.add(new Edge(names.get(a), names.get(b), count, edgeMillis[a * capacity + b]));
                }
            }
        }
        edges.sort(Comparator.comparingLong(Edge::count).reversed().thenComparing(Edge::from)
                .thenComparing(Edge::to));
        return new PathResult(journeys, variantList, edges, Collections.unmodifiableMap(starts),
                Collections.unmodifiableMap(ends));
    }

    private void countVariant(Key probe, long count) {
        long[] counter = variants.get(probe);
        if (counter == null) {
            Key stored = new Key(Arrays.copyOf(probe.steps, probe.length), probe.length);
            stored.hash = probe.hash;
            variants.put(stored, new long[] {count});
        } else {
            counter[0] += count;
        }
    }

    private int code(String name) {
        Integer code = codes.get(name);
        if (code != null) {
            return code;
        }
        int next = names.size();
        codes.put(name, next);
        names.add(name);
        if (next >= capacity) {
            grow(Math.max(8, capacity * 2));
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
