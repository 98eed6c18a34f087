package org.journeykit.metrics.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.function.Function;
import org.journeykit.error.JourneyKitException;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.breakdown.Breakdown;
import org.journeykit.metrics.journeys.attribution.ChannelPathAccumulator;
import org.journeykit.metrics.journeys.conformance.ConformanceAccumulator;
import org.journeykit.metrics.journeys.funnel.FunnelAccumulator;
import org.journeykit.metrics.journeys.paths.PathAccumulator;
import org.journeykit.metrics.lifetime.SurvivalAccumulator;
import org.journeykit.metrics.retention.CohortRetentionAccumulator;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;

/**
 * Fuzz tests of every accumulator's {@code fromBytes}: whatever the bytes, the reader answers with a state or with
 * the library's typed exception ({@link JourneyKitException}); a state it accepts has a result, writes the same
 * bytes again, reads back to the same bytes and merges with itself. Anything else (an index or arithmetic
 * exception, an {@code OutOfMemoryError}, a hang) is a finding.
 *
 * <p>Every build runs them in regression mode over the inputs in {@code StateFuzzTestInputs/<method>/} (valid
 * states written by {@link StateFuzzSeeds} and the crashes found so far). {@code JAZZER_FUZZ=1 ./mvnw -pl
 * journey-metrics -am test -Dtest='StateFuzzTest#nps'} fuzzes one reader for real and adds every crash it finds
 * to those inputs.
 */
class StateFuzzTest {

    @FuzzTest
    void nps(byte[] input) {
        check(input, NpsAccumulator::fromBytes);
    }

    @FuzzTest
    void weightedNps(byte[] input) {
        check(input, WeightedNpsAccumulator::fromBytes);
    }

    @FuzzTest
    void ces(byte[] input) {
        check(input, CesAccumulator::fromBytes);
    }

    @FuzzTest
    void csat(byte[] input) {
        check(input, CsatAccumulator::fromBytes);
    }

    @FuzzTest
    void firstContactResolution(byte[] input) {
        check(input, FirstContactResolutionAccumulator::fromBytes);
    }

    @FuzzTest
    void handleTime(byte[] input) {
        check(input, HandleTimeAccumulator::fromBytes);
    }

    @FuzzTest
    void resolutionTime(byte[] input) {
        check(input, ResolutionTimeAccumulator::fromBytes);
    }

    @FuzzTest
    void contactVolume(byte[] input) {
        check(input, ContactVolumeAccumulator::fromBytes);
    }

    @FuzzTest
    void repeatPurchase(byte[] input) {
        check(input, RepeatPurchaseAccumulator::fromBytes);
    }

    @FuzzTest
    void cohortRetention(byte[] input) {
        check(input, CohortRetentionAccumulator::fromBytes);
    }

    @FuzzTest
    void funnel(byte[] input) {
        check(input, FunnelAccumulator::fromBytes);
    }

    @FuzzTest
    void paths(byte[] input) {
        check(input, PathAccumulator::fromBytes);
    }

    @FuzzTest
    void conformance(byte[] input) {
        check(input, ConformanceAccumulator::fromBytes);
    }

    @FuzzTest
    void channelPaths(byte[] input) {
        check(input, ChannelPathAccumulator::fromBytes);
    }

    @FuzzTest
    void survival(byte[] input) {
        check(input, SurvivalAccumulator::fromBytes);
    }

    @FuzzTest
    void breakdown(byte[] input) {
        check(input, bytes -> Breakdown.fromBytes(bytes, String.class, NpsAccumulator::create,
                NpsAccumulator::fromBytes));
    }

    private static <A extends MetricAccumulator<A, ?>> void check(byte[] input, Function<byte[], A> reader) {
        A read;
        try {
            read = reader.apply(input);
        } catch (JourneyKitException expected) {
            if (expected.getMessage() == null || expected.getMessage().length() > 400) {
                throw new AssertionError("a typed exception without a short message", expected);
            }
            return;
        }
        read.result();
        byte[] written = read.toBytes();
        byte[] again = reader.apply(written).toBytes();
        if (!Arrays.equals(written, again)) {
            throw new AssertionError("an accepted state does not write the same bytes after a round trip");
        }
        try {
            read.merge(read).result();
        } catch (JourneyKitException overflow) {
            // A state of counts near Long.MAX_VALUE may not double: that is the documented overflow error.
            return;
        }
    }
}
