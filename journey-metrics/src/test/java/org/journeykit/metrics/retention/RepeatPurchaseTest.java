package org.journeykit.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.junit.jupiter.api.Test;

class RepeatPurchaseTest {

    /** A state written by hand: header J K 9 1, then the customers as (id, purchases). */
    private static byte[] state(Object... idsAndCounts) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        buffer.put(new byte[] {'J', 'K', 9, 1}).putInt(idsAndCounts.length / 2);
        for (int i = 0; i < idsAndCounts.length; i += 2) {
            byte[] id = ((String) idsAndCounts[i]).getBytes(StandardCharsets.UTF_8);
            buffer.putInt(id.length).put(id).putLong((Long) idsAndCounts[i + 1]);
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    @Test
    void mergingWithItselfDoublesEveryCustomersPurchases() {
        // ann 1, bob 2: merged with itself ann 2, bob 4, exactly as merging a copy; both now repeat: 2 of 2.
        RepeatPurchaseAccumulator a = RepeatPurchaseAccumulator.create().add("ann").add("bob").add("bob");
        assertThat(a.result().orElseThrow()).isEqualTo(new RepeatPurchaseAccumulator.Rate(2, 1));
        a.merge(a);
        assertThat(a.toBytes()).isEqualTo(state("ann", 2L, "bob", 4L));
        assertThat(a.result().orElseThrow()).isEqualTo(new RepeatPurchaseAccumulator.Rate(2, 2));
    }

    @Test
    void aMergeThatWouldOverflowACountThrowsAndLeavesTheStateUnchanged() {
        // ann 2^62 + 2^62 = 2^63 > Long.MAX_VALUE; bob 1 + 1 would fit but must not be applied either.
        byte[] before = state("ann", 1L << 62, "bob", 1L);
        RepeatPurchaseAccumulator a = RepeatPurchaseAccumulator.fromBytes(before);
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("repeat purchase").hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThat(a.toBytes()).isEqualTo(before);
        RepeatPurchaseAccumulator full = RepeatPurchaseAccumulator.fromBytes(state("ann", Long.MAX_VALUE));
        assertThatThrownBy(() -> full.add("ann")).isInstanceOf(MetricInputException.class);
        assertThat(full.toBytes()).isEqualTo(state("ann", Long.MAX_VALUE));
    }

    @Test
    void bytesAreSortedByIdWhateverTheOrderOfPurchases() {
        assertThat(RepeatPurchaseAccumulator.create().add("cy").add("ann").add("cy").toBytes())
                .isEqualTo(RepeatPurchaseAccumulator.create().add("ann").add("cy").add("cy").toBytes())
                .isEqualTo(state("ann", 1L, "cy", 2L));
        assertThat(RepeatPurchaseAccumulator.create().toBytes()).containsExactly('J', 'K', 9, 1, 0, 0, 0, 0);
    }

    @Test
    void hostileStatesAreRefusedWithTheOffsetAndTheRule() {
        // Offsets: header 0-3, customers 4-7, first id length 8-11 and "bob" 12-14, purchases 15-22, next id 23.
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.fromBytes(state("bob", 1L, "ann", 1L)))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("at byte 23")
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.fromBytes(state("bob", 0L)))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("at byte 15")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.fromBytes(state(" ", 1L)))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("at byte 8")
                .hasMessageContaining("not blank");
        byte[] huge = state("ann", 1L);
        huge[4] = 0x7F;
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.fromBytes(huge)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("at byte 4").hasMessageContaining("bytes but only 15 remain");
    }

    @Test
    void theRateIsARecordThatChecksItsCounts() {
        RepeatPurchaseAccumulator.Rate rate = new RepeatPurchaseAccumulator.Rate(5, 2);
        // 2 of 5 = 0.4.
        assertThat(rate.rate()).isEqualTo(0.4);
        assertThat(rate).isEqualTo(new RepeatPurchaseAccumulator.Rate(5, 2)).hasSameHashCodeAs(
                new RepeatPurchaseAccumulator.Rate(5, 2)).isNotEqualTo(new RepeatPurchaseAccumulator.Rate(5, 3));
        assertThatThrownBy(() -> new RepeatPurchaseAccumulator.Rate(0, 0)).isInstanceOf(MetricInputException.class)
                .hasMessage("customers: 0 must be at least 1");
        assertThatThrownBy(() -> new RepeatPurchaseAccumulator.Rate(2, 3)).isInstanceOf(MetricInputException.class)
                .hasMessage("repeatCustomers: 3 must be from 0 to customers 2");
        assertThatThrownBy(() -> RepeatPurchaseAccumulator.create().add("x".repeat(129)))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("128 characters");
    }
}
