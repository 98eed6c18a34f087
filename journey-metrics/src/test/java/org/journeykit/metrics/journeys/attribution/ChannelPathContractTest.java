package org.journeykit.metrics.journeys.attribution;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;

class ChannelPathContractTest extends AccumulatorContract<ChannelPathAccumulator> {

    private static final String[] CHANNELS = {"ads", "mail", "search", "social"};
    private static final double[] VALUES = {0.0, 0.1, 2.5, 19.99, 1e-300, 1e300};

    @Override
    protected ChannelPathAccumulator create() {
        return ChannelPathAccumulator.create();
    }

    @Override
    protected void feed(ChannelPathAccumulator accumulator, SplittableRandom random) {
        int paths = random.nextInt(4);
        for (int i = 0; i < paths; i++) {
            int length = 1 + random.nextInt(3);
            String[] channels = new String[length];
            Duration[] ages = new Duration[length];
            for (int c = 0; c < length; c++) {
                channels[c] = CHANNELS[random.nextInt(CHANNELS.length)];
                ages[c] = Duration.ofMillis(1_000L * random.nextInt(3));
            }
            accumulator.add(ChannelPath.of(List.of(channels), random.nextInt(3), VALUES[random.nextInt(VALUES.length)],
                    random.nextInt(3), random.nextInt(4) == 0 ? List.of(ages) : List.of()));
        }
    }

    @Override
    protected ChannelPathAccumulator fromBytes(byte[] bytes) {
        return ChannelPathAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return 14;
    }
}
