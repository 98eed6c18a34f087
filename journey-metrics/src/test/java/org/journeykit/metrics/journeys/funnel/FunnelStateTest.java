package org.journeykit.metrics.journeys.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.journeykit.metrics.IncompatibleMergeException;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.junit.jupiter.api.Test;

/** Merge laws on hand-worked cases, checked counts, and the byte form read as hostile input. */
class FunnelStateTest {

    private static final Funnel AB = Funnel.of(List.of("a", "b"), Duration.ofMinutes(1));

    /** u1: a@0 b@10s; u2: a@0 b@30s; u3: a@0 x@1s (drops off, next x). */
    private static ActualJourneys threeCustomers() {
        ActualJourneyBuilder b = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        b.addMillis("u1", 0, "a").addMillis("u1", 10_000, "b");
        b.addMillis("u2", 0, "a").addMillis("u2", 30_000, "b");
        b.addMillis("u3", 0, "a").addMillis("u3", 1_000, "x");
        return b.result();
    }

    /** A funnel state written by hand, in the layout documented on {@link FunnelAccumulator#toBytes()}. */
    private static byte[] state(List<String> steps, long window, int counting, long excluded, long[] entered,
            long[][] times, List<Map<String, Long>> instead) {
        StateWriter out = StateWriter.start(StateTag.FUNNEL, 1, 64);
        out.writeInt(steps.size());
        steps.forEach(out::writeString);
        out.writeLong(window).writeByte(counting).writeByte(0).writeInt(0);
        out.writeLong(excluded);
        for (long count : entered) {
            out.writeLong(count);
        }
        for (int k = 0; k < steps.size() - 1; k++) {
            for (long time : times[k]) {
                out.writeLong(time);
            }
            out.writeInt(instead.get(k).size());
            for (Map.Entry<String, Long> e : new TreeMap<>(instead.get(k)).entrySet()) {
                out.writeString(e.getKey()).writeLong(e.getValue());
            }
        }
        return out.toByteArray();
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesEveryFigure() {
        FunnelAccumulator self = FunnelAccumulator.create(AB).add(threeCustomers());
        FunnelResult doubled = self.merge(self).result().orElseThrow();

        // Once: a 3, b 2, times 10 s and 30 s, x 1. Doubled: a 6, b 4, times 10, 10, 30, 30 s: median rank
        // ceil(0.5 x 4) = 2, 10 s; mean 80 / 4 = 20 s; x 2.
        assertThat(doubled.steps()).extracting(FunnelStep::entered).containsExactly(6L, 4L);
        assertThat(doubled.steps().get(0).medianTimeToNext()).contains(Duration.ofSeconds(10));
        assertThat(doubled.steps().get(0).meanTimeToNext()).contains(Duration.ofSeconds(20));
        assertThat(doubled.steps().get(0).nextAfterDropOff()).containsExactly(entry("x", 2L));
        FunnelAccumulator twice = FunnelAccumulator.create(AB).add(threeCustomers()).add(threeCustomers());
        assertThat(self.toBytes()).isEqualTo(twice.toBytes());
    }

    @Test
    void theByteFormCarriesTheFunnelSoAnotherFunnelsStateIsRefused() {
        Funnel strict = Funnel.of(List.of("a", "b", "c"), Duration.ofHours(2))
                .withCounting(Funnel.Counting.UNIQUE_CUSTOMERS_FIRST_ENTRY).withOrder(Funnel.StepOrder.STRICT)
                .withExclusions(List.of("z", "y"));
        FunnelAccumulator read = FunnelAccumulator.fromBytes(FunnelAccumulator.create(strict).toBytes());
        assertThat(read.funnel()).isEqualTo(strict);
        assertThat(read.funnel().exclusions()).containsExactly("y", "z");

        FunnelAccumulator other = FunnelAccumulator.fromBytes(FunnelAccumulator.create(AB).add(threeCustomers())
                .toBytes());
        assertThatThrownBy(() -> FunnelAccumulator.create(strict).merge(other))
                .isInstanceOf(IncompatibleMergeException.class).hasMessageContaining("[a, b] within PT1M");
    }

    @Test
    void aCountBeyondLongMaxValueIsRefusedAndLeavesTheStateUnchanged() {
        // a: Long.MAX_VALUE - 1 customers, nobody reached b; all of them did x next.
        long near = Long.MAX_VALUE - 1;
        byte[] bytes = state(List.of("a", "b"), 60_000, 0, 0, new long[] {near, 0}, new long[][] {{}},
                List.of(Map.of("x", near)));
        FunnelAccumulator big = FunnelAccumulator.fromBytes(bytes);
        FunnelAccumulator three = FunnelAccumulator.create(AB).add(threeCustomers());

        // (Long.MAX_VALUE - 1) + 3 > Long.MAX_VALUE.
        assertThatThrownBy(() -> big.merge(three)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("funnel").hasMessageContaining("9223372036854775807");
        assertThat(big.toBytes()).isEqualTo(bytes);
        assertThatThrownBy(() -> big.add(threeCustomers())).isInstanceOf(MetricInputException.class);
        assertThat(big.toBytes()).isEqualTo(bytes);
        assertThat(three.result().orElseThrow().steps().get(0).entered()).isEqualTo(3);
    }

    @Test
    void aTimeLongerThanTheWindowIsRefusedAtItsOffset() {
        // Offsets: header 0-3; step count 4; "a" 8 (length) and 12; "b" 13 and 17; window 18; counting 26;
        // order 27; exclusion count 28; excluded 32; entered 40 and 48; the one time at 56.
        byte[] bytes = state(List.of("a", "b"), 60_000, 0, 0, new long[] {1, 1}, new long[][] {{60_001}},
                List.of(Map.of()));
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(bytes)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 56").hasMessageContaining("from 0 to 60000");
    }

    @Test
    void theStateMustHoldItsInvariants() {
        // Times out of order.
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(state(List.of("a", "b"), 60_000, 0, 0,
                new long[] {2, 2}, new long[][] {{20, 10}}, List.of(Map.of()))))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("ascending");
        // More customers at b than at a.
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(state(List.of("a", "b"), 60_000, 0, 0,
                new long[] {1, 2}, new long[][] {{1, 2}}, List.of(Map.of()))))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("byte 48");
        // 3 reached a, 1 reached b: 2 dropped off, but "what they did instead" counts only 1.
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(state(List.of("a", "b"), 60_000, 0, 0,
                new long[] {3, 1}, new long[][] {{5}}, List.of(Map.of("x", 1L)))))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("add up");
        // An unknown counting code.
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(state(List.of("a", "b"), 60_000, 3, 0,
                new long[] {0, 0}, new long[][] {{}}, List.of(Map.of()))))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("byte 26");
        // A window of zero.
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(state(List.of("a", "b"), 0, 0, 0,
                new long[] {0, 0}, new long[][] {{}}, List.of(Map.of()))))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("byte 18");
    }

    @Test
    void aHugeCountIsRefusedBeforeAnythingIsAllocated() {
        // Entered 2^40 at both steps would need 2^40 times of 8 bytes; the state holds none.
        long huge = 1L << 40;
        byte[] bytes = state(List.of("a", "b"), 60_000, 0, 0, new long[] {huge, huge}, new long[][] {{}},
                List.of(Map.of()));
        assertThatThrownBy(() -> FunnelAccumulator.fromBytes(bytes)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 56").hasMessageContaining("at most " + FunnelAccumulator.MAX_TIMES_PER_STEP);
    }
}
