package org.journeykit.metrics.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.journeykit.metrics.AccumulatorContract;
import org.journeykit.metrics.internal.StateTag;

class ContactVolumeContractTest extends AccumulatorContract<ContactVolumeAccumulator> {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant START = Instant.parse("2026-03-23T00:00:00Z");
    private static final String[] CHANNELS = {"phone", "chat", "email", "unknown", null};
    private static final String[] REASONS = {"billing", "delivery", "returns", "Zahlung \u00fcberf\u00e4llig", null};

    @Override
    protected ContactVolumeAccumulator create() {
        return ContactVolumeAccumulator.create(AMSTERDAM);
    }

    @Override
    protected void feed(ContactVolumeAccumulator accumulator, SplittableRandom random) {
        int contacts = random.nextInt(12);
        for (int i = 0; i < contacts; i++) {
            // Two weeks around the switch to summer time on 2026-03-29.
            Instant time = START.plusSeconds(random.nextLong(14 * 86_400));
            accumulator.add(time, CHANNELS[random.nextInt(CHANNELS.length)], REASONS[random.nextInt(REASONS.length)]);
        }
    }

    @Override
    protected ContactVolumeAccumulator fromBytes(byte[] bytes) {
        return ContactVolumeAccumulator.fromBytes(bytes);
    }

    @Override
    protected int tag() {
        return StateTag.CONTACT_VOLUME.code();
    }
}
