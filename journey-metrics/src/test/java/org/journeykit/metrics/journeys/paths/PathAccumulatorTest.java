package org.journeykit.metrics.journeys.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.journeys.actual.ActualJourneyBuilder;
import org.journeykit.metrics.journeys.actual.ActualJourneys;
import org.journeykit.metrics.journeys.actual.EventMapping;
import org.journeykit.observed.TimeLimits;
import org.junit.jupiter.api.Test;

class PathAccumulatorTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    /** Loads the running example; each case becomes a customer, each activity a step. */
    static ActualJourneyBuilder runningExample(int fromLine, int toLine) throws IOException {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.ACTIVITY));
        try (InputStream in = Objects.requireNonNull(PathAccumulatorTest.class
                .getResourceAsStream("/org/journeykit/metrics/journeys/process-running-example.csv"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                if (number >= fromLine && number < toLine) {
                    String[] fields = line.split(",");
                    builder.addMillis(fields[0], OffsetDateTime.parse(fields[2], TIME).toInstant().toEpochMilli(),
                            fields[1]);
                }
                number++;
            }
        }
        return builder;
    }

    @Test
    void runningExampleHasSixVariantsEachFollowedOnce() throws IOException {
        PathResult result = PathAccumulator.create().add(runningExample(0, 42).result()).result().orElseThrow();

        // By hand from the file, each case's activities in time order:
        // case 1: register, examine thoroughly, check ticket, decide, reject
        // case 2: register, check ticket, examine casually, decide, pay
        // case 3: register, examine casually, check ticket, decide, reinitiate, examine thoroughly, check ticket,
        //         decide, pay
        // case 4: register, check ticket, examine thoroughly, decide, reject
        // case 5: register, examine casually, check ticket, decide, reinitiate, check ticket, examine casually,
        //         decide, reinitiate, examine casually, check ticket, decide, reject
        // case 6: register, examine casually, check ticket, decide, pay
        // All six differ: six variants of count 1 and share 1/6. Ties on count are ordered by the joined steps.
        assertThat(result.journeyCount()).isEqualTo(6);
        assertThat(result.variants()).hasSize(6).allSatisfy(v -> {
            assertThat(v.count()).isEqualTo(1);
            assertThat(v.share()).isEqualTo(1.0 / 6);
        });
        assertThat(result.variants().get(0).steps()).containsExactly("register request", "check ticket",
                "examine casually", "decide", "pay compensation");
        // Lexicographic order of the joined steps after "register request > ": "check ticket > examine casually"
        // (case 2), "check ticket > examine thoroughly" (4), "examine casually > check ticket > decide > pay" (6),
        // "... decide > reinitiate request > check ticket" (5), "... reinitiate request > examine thoroughly" (3),
        // "examine thoroughly" (1); their lengths:
        assertThat(result.variants()).extracting(v -> v.steps().size()).containsExactly(5, 5, 5, 13, 9, 5);
    }

    @Test
    void runningExampleDirectlyFollowsCountsMatchTheHandCount() throws IOException {
        PathResult result = PathAccumulator.create().add(runningExample(0, 42).result()).result().orElseThrow();

        // Hand count over the six traces above (42 events - 6 cases = 36 edges):
        // register->examine casually 3 (cases 3,5,6), register->check ticket 2 (2,4),
        // register->examine thoroughly 1 (1); examine thoroughly->check ticket 2 (1,3),
        // examine thoroughly->decide 1 (4); check ticket->decide 6 (1, 3 twice, 5 twice, 6);
        // check ticket->examine casually 2 (2,5); check ticket->examine thoroughly 1 (4);
        // examine casually->decide 2 (2,5); examine casually->check ticket 4 (3, 5 twice, 6);
        // decide->reject 3 (1,4,5); decide->pay 3 (2,3,6); decide->reinitiate 3 (3, 5 twice);
        // reinitiate->examine thoroughly 1 (3); reinitiate->check ticket 1 (5); reinitiate->examine casually 1 (5).
        assertThat(result.edges()).extracting(e -> e.from() + " -> " + e.to() + " " + e.count()).containsExactly(
                "check ticket -> decide 6",
                "examine casually -> check ticket 4",
                "decide -> pay compensation 3",
                "decide -> reinitiate request 3",
                "decide -> reject request 3",
                "register request -> examine casually 3",
                "check ticket -> examine casually 2",
                "examine casually -> decide 2",
                "examine thoroughly -> check ticket 2",
                "register request -> check ticket 2",
                "check ticket -> examine thoroughly 1",
                "examine thoroughly -> decide 1",
                "register request -> examine thoroughly 1",
                "reinitiate request -> check ticket 1",
                "reinitiate request -> examine casually 1",
                "reinitiate request -> examine thoroughly 1");
        assertThat(result.edges().stream().mapToLong(Edge::count).sum()).isEqualTo(36);
        assertThat(result.startCounts()).containsExactly(entry("register request", 6L));
        assertThat(result.endCounts()).containsExactly(entry("pay compensation", 3L), entry("reject request", 3L));
    }

    @Test
    void meanTimeOnAnEdgeIsTheMeanOfItsOccurrences() throws IOException {
        PathResult result = PathAccumulator.create().add(runningExample(0, 42).result()).result().orElseThrow();

        // register -> examine thoroughly occurs once (case 1): 2010-12-30 11:02 to 2010-12-31 10:06 = 23 h 4 min.
        // register -> check ticket occurs in case 2 (11:32 -> 12:12 = 40 min) and case 4
        // (2011-01-06 15:02 -> 2011-01-07 12:06 = 21 h 4 min): mean (40 min + 1264 min) / 2 = 652 min.
        assertThat(edge(result, "register request", "examine thoroughly").meanTime())
                .isEqualTo(Duration.ofHours(23).plusMinutes(4));
        assertThat(edge(result, "register request", "check ticket").meanTime()).isEqualTo(Duration.ofMinutes(652));
    }

    @Test
    void mergingPartitionsGivesTheSameAsOneAccumulator() throws IOException {
        // Lines 0-18 hold cases 3, 2 and 1 completely; lines 19-41 hold cases 6, 5 and 4.
        PathAccumulator left = PathAccumulator.create().add(runningExample(0, 19).result());
        PathAccumulator right = PathAccumulator.create().add(runningExample(19, 42).result());
        PathResult merged = left.merge(right).result().orElseThrow();
        PathResult whole = PathAccumulator.create().add(runningExample(0, 42).result()).result().orElseThrow();

        assertThat(merged.variants()).extracting(Variant::toString)
                .containsExactlyElementsOf(whole.variants().stream().map(Variant::toString).toList());
        assertThat(merged.edges()).extracting(Edge::toString)
                .containsExactlyElementsOf(whole.edges().stream().map(Edge::toString).toList());
        assertThat(merged.startCounts()).isEqualTo(whole.startCounts());
        assertThat(merged.endCounts()).isEqualTo(whole.endCounts());
    }

    @Test
    void repeatedVariantsAreCountedTogether() {
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .addMillis("c1", 1, "a").addMillis("c1", 2, "b")
                .addMillis("c2", 1, "a").addMillis("c2", 2, "b")
                .addMillis("c3", 1, "b")
                .result();
        PathResult result = PathAccumulator.create().add(journeys).result().orElseThrow();

        // Variants: a > b twice (share 2/3), b once (1/3).
        assertThat(result.variants()).extracting(Variant::steps, Variant::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("a", "b"), 2L),
                        org.assertj.core.groups.Tuple.tuple(List.of("b"), 1L));
        assertThat(result.variants().get(0).share()).isEqualTo(2.0 / 3);
        assertThat(result.endCounts()).containsExactly(entry("b", 3L));
    }

    @Test
    void aFreshAccumulatorHasNoResult() {
        assertThat(PathAccumulator.create().result()).isEmpty();
        ActualJourneys none = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT)).result();
        assertThat(PathAccumulator.create().add(none).result()).isEmpty();
    }

    @Test
    void mergingAnAccumulatorWithItselfDoublesEveryCount() throws IOException {
        PathAccumulator paths = PathAccumulator.create().add(runningExample(0, 42).result());
        PathResult doubled = paths.merge(paths).result().orElseThrow();

        // 6 journeys twice = 12; every variant 1 x 2 = 2 with the same share 2/12 = 1/6; check ticket -> decide
        // 6 x 2 = 12; the mean time of register -> check ticket stays (2 x 40 + 2 x 1264) / 4 = 652 min.
        assertThat(doubled.journeyCount()).isEqualTo(12);
        assertThat(doubled.variants()).hasSize(6).allSatisfy(v -> {
            assertThat(v.count()).isEqualTo(2);
            assertThat(v.share()).isEqualTo(2.0 / 12);
        });
        assertThat(edge(doubled, "check ticket", "decide").count()).isEqualTo(12);
        assertThat(edge(doubled, "register request", "check ticket").meanTime()).isEqualTo(Duration.ofMinutes(652));
        assertThat(doubled.startCounts()).containsExactly(entry("register request", 12L));
    }

    @Test
    void variantsOfEqualCountAreOrderedStepByStepNotByTheJoinedText() {
        // ["a", "b"] and ["a > b"] both join to "a > b"; step by step "a" comes before "a > b" (a prefix).
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .addMillis("c1", 1, "a > b")
                .addMillis("c2", 1, "a").addMillis("c2", 2, "b")
                .result();
        PathResult result = PathAccumulator.create().add(journeys).result().orElseThrow();
        assertThat(result.variants()).extracting(Variant::steps)
                .containsExactly(List.of("a", "b"), List.of("a > b"));
    }

    @Test
    void theByteFormIsTheDocumentedLayout() {
        ActualJourneys journeys = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .addMillis("c1", 0, "b").addMillis("c2", 0, "a").addMillis("c2", 1_000, "b")
                .result();
        byte[] bytes = PathAccumulator.create().add(journeys).toBytes();
        // Steps sorted: a = 0, b = 1. Variants sorted by codes: [0, 1] x1 before [1] x1. One edge 0 -> 1 of
        // 1,000 ms (0x3e8).
        assertThat(bytes).containsExactly(
                'J', 'K', 12, 1,
                0, 0, 0, 2, 0, 0, 0, 1, 'a', 0, 0, 0, 1, 'b',
                0, 0, 0, 2,
                0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1,
                0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x03, (byte) 0xe8);
        assertThat(PathAccumulator.fromBytes(bytes).result()).isEqualTo(PathAccumulator.create().add(journeys)
                .result());
    }

    /** One step "a", one variant [a] counted Long.MAX_VALUE times, no edge. */
    private static byte[] maxedOut() {
        return new byte[] {'J', 'K', 12, 1, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0,
            0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            0, 0, 0, 0};
    }

    @Test
    void aCountBeyondLongMaxValueIsRefusedAndTheStateIsUnchanged() {
        PathAccumulator full = PathAccumulator.fromBytes(maxedOut());
        ActualJourneys one = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .addMillis("c1", 0, "a").result();

        // Long.MAX_VALUE + 1 journeys would wrap to Long.MIN_VALUE.
        assertThatThrownBy(() -> full.add(one)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThatThrownBy(() -> full.merge(full)).isInstanceOf(MetricInputException.class);
        assertThat(full.toBytes()).containsExactly(maxedOut());
        assertThat(full.result().orElseThrow().journeyCount()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void hostileBytesGiveAStateFormatExceptionNamingTheOffset() {
        byte[] hugeStepCount = {'J', 'K', 12, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> PathAccumulator.fromBytes(hugeStepCount)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 4").hasMessageContaining("at most 1024");
        byte[] unusedStep = {'J', 'K', 12, 1, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> PathAccumulator.fromBytes(unusedStep)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("every step must occur in a variant");
    }

    @Test
    void anEventOutsideTheTimeLimitsNeverReachesTheAccumulator() {
        // The actual journeys the accumulators take are built by ActualJourneyBuilder, which refuses the event
        // itself: no journey with such a time exists to be counted.
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT))
                .addMillis("c1", 0, "a");

        assertThatThrownBy(() -> builder.addMillis("c2", TimeLimits.LATEST_EPOCH_MILLI + 1, "b"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        PathResult paths = PathAccumulator.create().add(builder.result()).result().orElseThrow();
        assertThat(paths.variants()).hasSize(1);
    }

    @Test
    void moreThanTheDocumentedNumberOfStepsIsRefused() {
        ActualJourneyBuilder builder = ActualJourneyBuilder.create(EventMapping.by(EventMapping.Source.TOUCHPOINT));
        for (int s = 0; s <= PathAccumulator.MAX_STEPS; s++) {
            builder.addMillis("c1", s, "s" + s);
        }
        PathAccumulator paths = PathAccumulator.create();
        assertThatThrownBy(() -> paths.add(builder.result())).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("at most 1024 distinct steps");
        assertThat(paths.result()).isEmpty();
    }

    private static Edge edge(PathResult result, String from, String to) {
        return result.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow();
    }
}
