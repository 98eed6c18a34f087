package org.journeykit.metrics.retention;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.journeykit.metrics.internal.StateReader;
import org.journeykit.metrics.internal.StateTag;
import org.journeykit.metrics.internal.StateWriter;
import org.journeykit.observed.TimeLimits;
import org.jspecify.annotations.Nullable;

/**
 * The byte form of {@link CohortRetentionAccumulator}, documented on its {@code toBytes}: written in a canonical
 * order (customers by key or id, blocks ascending) so that equal states give equal bytes, and read as hostile
 * input, every count checked against the remaining bytes and every rule of the layout checked.
 */
final class CohortRetentionBytes {

    static final int VERSION = 1;
    /** The longest zone id in UTF-8 bytes; the longest region id of the tz database has 32 characters. */
    static final int MAX_ZONE_BYTES = 64;

    private static final int NONE = 0;
    private static final int KEYS = 1;
    private static final int IDS = 2;
    /** The bytes of one block: block int and periods int. */
    private static final int BLOCK_BYTES = 8;

    private CohortRetentionBytes() {}

    static int code(Granularity granularity) {
        return switch (granularity) {
            case DAY -> 1;
            case WEEK -> 2;
            case MONTH -> 3;
        };
    }

    static byte[] write(CohortRetentionAccumulator accumulator) {
        ActivityTable state = accumulator.state();
        CohortDefinition definition = accumulator.definition();
        List<String> ids = accumulator.idsByKey();
        int customers = state.customers();
        StateWriter out = StateWriter.start(StateTag.COHORT_RETENTION, VERSION,
                64 + customers * 12 + state.entries() * BLOCK_BYTES);
        out.writeByte(code(definition.granularity()));
        out.writeString(definition.zone().getId());
        out.writeByte(customers == 0 ? NONE : ids == null ? KEYS : IDS);
        out.writeInt(customers);
        if (customers == 0) {
            return out.toByteArray();
        }
        ActivityTable.Blocks blocks = new ActivityTable.Blocks();
        if (ids == null) {
            long[] keys = new long[customers];
            int n = 0;
            for (int slot = 0; slot < state.capacity(); slot++) {
                if (state.used(slot) && state.leader(slot)) {
                    keys[n++] = state.key(slot);
                }
            }
            Arrays.sort(keys);
            for (long key : keys) {
                out.writeLong(key);
                writeBlocks(out, state, key, blocks);
            }
        } else {
            // Keys are the positions in the id list: write the positions in the order of their ids.
            Integer[] order = new Integer[ids.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> ids.get(a).compareTo(ids.get(b)));
            for (int key : order) {
                out.writeString(ids.get(key));
                writeBlocks(out, state, key, blocks);
            }
        }
        return out.toByteArray();
    }

    private static void writeBlocks(StateWriter out, ActivityTable state, long key, ActivityTable.Blocks blocks) {
        int count = state.entriesOf(state.leaderOf(key), blocks);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(blocks.block[i]);
            out.writeInt((int) blocks.bits[i]);
        }
    }

    static CohortRetentionAccumulator read(byte[] bytes) {
        StateReader in = StateReader.open(bytes, StateTag.COHORT_RETENTION, VERSION);
        int at = in.offset();
        int code = in.readByte("granularity");
        Granularity granularity = switch (code) {
            case 1 -> Granularity.DAY;
            case 2 -> Granularity.WEEK;
            case 3 -> Granularity.MONTH;
            default -> throw in.problem(at, code, "granularity must be 1 (day), 2 (ISO week) or 3 (month)");
        };
        at = in.offset();
        String zoneId = in.readString("zone", MAX_ZONE_BYTES);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw in.problem(at, shorten(zoneId), "zone must be a time zone id known to this Java runtime");
        }
        if (!zone.getId().equals(zoneId)) {
            throw in.problem(at, shorten(zoneId), "zone must be written as ZoneId.getId() gives it, "
                    + zone.getId());
        }
        CohortRetentionAccumulator accumulator = CohortRetentionAccumulator.create(
                new CohortDefinition(granularity, zone));
        at = in.offset();
        int identification = in.readByte("identification");
        if (identification > IDS) {
            throw in.problem(at, identification,
                    "identification must be 0 (no customer), 1 (numeric keys) or 2 (string ids)");
        }
        at = in.offset();
        int customers = in.readSize("customers", ActivityTable.MAX_ENTRIES,
                identification == KEYS ? 8 + 4 + BLOCK_BYTES : 4 + 1 + 4 + BLOCK_BYTES);
        if ((customers == 0) != (identification == NONE)) {
            throw in.problem(at, customers, "customers must be 0 exactly when identification is 0");
        }
        PeriodCalendar calendar = accumulator.calendar();
        int minPeriod = calendar.minPeriod();
        int maxPeriod = calendar.maxPeriod();
        ActivityTable state = accumulator.state();
        long previousKey = 0;
        @Nullable String previousId = null;
        for (int c = 0; c < customers; c++) {
            at = in.offset();
            long key;
            if (identification == KEYS) {
                key = in.readLong("customer key");
                if (c > 0 && key <= previousKey) {
                    throw in.problem(at, key, "customer keys must be strictly ascending, after " + previousKey);
                }
                previousKey = key;
            } else {
                String id = in.readString("customer id", CustomerIds.MAX_UTF8_BYTES);
                if (!CustomerIds.isValid(id)) {
                    throw in.problem(at, shorten(id), "customer id " + CustomerIds.RULE);
                }
                if (previousId != null && id.compareTo(previousId) <= 0) {
                    throw in.problem(at, shorten(id), "customer ids must be strictly ascending, after "
                            + shorten(previousId));
                }
                previousId = id;
                key = accumulator.readId(id);
            }
            int blocks = in.readSize("blocks", (maxPeriod >> ActivityTable.BLOCK_SHIFT) - (minPeriod >> ActivityTable.BLOCK_SHIFT) + 1, BLOCK_BYTES);
            if (blocks == 0) {
                throw in.problem(in.offset() - 4, 0, "blocks must be at least 1: every customer was active");
            }
            int previousBlock = Integer.MIN_VALUE;
            for (int b = 0; b < blocks; b++) {
                at = in.offset();
                int block = in.readInt("block", minPeriod >> ActivityTable.BLOCK_SHIFT,
                        maxPeriod >> ActivityTable.BLOCK_SHIFT);
                if (b > 0 && block <= previousBlock) {
                    throw in.problem(at, block, "blocks must be strictly ascending, after " + previousBlock);
                }
                previousBlock = block;
                at = in.offset();
                long bits = in.readInt("periods") & 0xFFFF_FFFFL;
                if (bits == 0) {
                    throw in.problem(at, 0, "periods must hold at least one period");
                }
                long first = ((long) block << ActivityTable.BLOCK_SHIFT) + Long.numberOfTrailingZeros(bits);
                long last = ((long) block << ActivityTable.BLOCK_SHIFT) + 63 - Long.numberOfLeadingZeros(bits);
                if (first < minPeriod || last > maxPeriod) {
                    throw in.problem(at, Long.toHexString(bits), "periods must lie from " + minPeriod + " to "
                            + maxPeriod + ", the periods of instants that " + TimeLimits.RULE);
                }
                state.add(key, block, bits);
            }
        }
        in.end();
        return accumulator;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
