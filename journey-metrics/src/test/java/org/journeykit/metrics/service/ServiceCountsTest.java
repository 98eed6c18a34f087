package org.journeykit.metrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.journeykit.metrics.MetricInputException;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.observed.TimeLimits;
import org.junit.jupiter.api.Test;

/** The counting defects of issue 13 in contact volume, handle time and first-contact resolution. */
class ServiceCountsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant MONDAY_0930 = Instant.parse("2026-03-02T08:30:00Z");

    @Test
    void mergingAContactVolumeWithItselfDoublesEveryCount() {
        // Monday 09:30 in Amsterdam (UTC+1): phone/billing twice and chat/delivery once: 3 contacts. Doubled:
        // 6 contacts, hour 9 and Monday 6, phone 4, chat 2, billing 4, delivery 2.
        ContactVolumeAccumulator volume = ContactVolumeAccumulator.create(AMSTERDAM)
                .add(MONDAY_0930, "phone", "billing")
                .add(MONDAY_0930, "phone", "billing")
                .add(MONDAY_0930, "chat", "delivery");
        ContactVolume doubled = volume.merge(volume).result().orElseThrow();
        assertThat(doubled.total()).isEqualTo(6);
        assertThat(doubled.byHour(9)).isEqualTo(6);
        assertThat(doubled.byWeekday(DayOfWeek.MONDAY)).isEqualTo(6);
        assertThat(doubled.byChannel()).containsExactly(Map.entry("chat", 2L), Map.entry("phone", 4L));
        assertThat(doubled.byReason()).containsExactly(Map.entry("billing", 4L),
                Map.entry("delivery", 2L));
    }

    @Test
    void contactVolumeMapsComeBackSortedByKeyWhateverTheMergeOrder() {
        ContactVolumeAccumulator left = ContactVolumeAccumulator.create(AMSTERDAM).add(MONDAY_0930, "web", "z")
                .add(MONDAY_0930, "chat", "a");
        ContactVolumeAccumulator right = ContactVolumeAccumulator.create(AMSTERDAM).add(MONDAY_0930, "phone", "m")
                .add(MONDAY_0930, null, null);
        assertThat(right.merge(left).result().orElseThrow().byChannel().keySet())
                .containsExactly("chat", "phone", "unknown", "web");
        assertThat(left.result().orElseThrow().byReason().keySet()).containsExactly("a", "z");
    }

    @Test
    void contactVolumeRefusesTimesOutsideTheLimitsAndBadTexts() {
        ContactVolumeAccumulator volume = ContactVolumeAccumulator.create(AMSTERDAM);
        assertThatThrownBy(() -> volume.add(Instant.parse("+10000-01-01T00:00:00Z"), "phone", "billing"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(TimeLimits.RULE);
        assertThatThrownBy(() -> volume.add(MONDAY_0930, " ", "billing")).isInstanceOf(MetricInputException.class);
        assertThatThrownBy(() -> volume.add(MONDAY_0930, "x".repeat(129), "billing"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("at most 128 characters, was 129");
        assertThatThrownBy(() -> volume.add(MONDAY_0930, "phone", "bad \ud800 text"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining("lone surrogate");
        assertThat(volume.result()).isEmpty();
        // The edges of the range and the longest texts are fine, and survive the byte form.
        volume.add(TimeLimits.EARLIEST, "x".repeat(128), "\ud83d\ude00".repeat(100));
        volume.add(TimeLimits.LATEST, null, null);
        assertThat(ContactVolumeAccumulator.fromBytes(volume.toBytes()).result()).isEqualTo(volume.result());
    }

    @Test
    void aContactVolumeTotalBeyondLongMaxValueIsRefusedAndLeavesTheStateUnchanged() {
        // A state holding Long.MAX_VALUE contacts (all Monday 00:00, phone, billing); one more overflows.
        ContactVolumeAccumulator volume = ContactVolumeAccumulator.fromBytes(fullState());
        byte[] before = volume.toBytes();
        assertThatThrownBy(() -> volume.add(MONDAY_0930, "phone", "billing"))
                .isInstanceOf(MetricInputException.class).hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThatThrownBy(() -> volume.merge(volume)).isInstanceOf(MetricInputException.class);
        assertThat(volume.toBytes()).isEqualTo(before);
    }

    private static byte[] fullState() {
        long max = Long.MAX_VALUE;
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 + 3 + 8 + 31 * 8 + 2 * (4 + 4 + 5 + 8) + 8);
        buffer.put(new byte[] {'J', 'K', 8, 1}).putInt(3).put("UTC".getBytes(StandardCharsets.UTF_8))
                .putLong(max);
        for (int hour = 0; hour < 24; hour++) {
            buffer.putLong(hour == 0 ? max : 0);
        }
        for (int day = 0; day < 7; day++) {
            buffer.putLong(day == 0 ? max : 0);
        }
        buffer.putInt(1).putInt(5).put("phone".getBytes(StandardCharsets.UTF_8)).putLong(max);
        buffer.putInt(1).putInt(7).put("billing".getBytes(StandardCharsets.UTF_8)).putLong(max);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Test
    void contactVolumeStatesThatBreakARuleAreRefused() {
        byte[] valid = fullState();
        // Header 4, zone length 4 + "UTC" 3, total 8 (bytes 11-18), hours from byte 19: hour 0 is one less than
        // the total, so the hours no longer add up to it.
        byte[] hours = valid.clone();
        hours[26] = (byte) 0xfe;
        assertThatThrownBy(() -> ContactVolumeAccumulator.fromBytes(hours)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("hour counts must add up to the total");
        byte[] zone = valid.clone();
        zone[8] = 'X';
        assertThatThrownBy(() -> ContactVolumeAccumulator.fromBytes(zone)).isInstanceOf(StateFormatException.class)
                .hasMessageContaining("byte 4");
    }

    @Test
    void handleTimeSumsBeyondTheLargestDurationAreRefusedNotArithmeticExceptions() {
        // Long.MAX_VALUE seconds is the most a total holds; one more second passes it. (Duration.plus threw an
        // ArithmeticException here.)
        HandleTimeAccumulator handleTime = HandleTimeAccumulator.create().add(Duration.ofSeconds(Long.MAX_VALUE));
        assertThatThrownBy(() -> handleTime.add(Duration.ofSeconds(1))).isInstanceOf(MetricInputException.class)
                .hasMessageContaining("handle time total").hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThatThrownBy(() -> handleTime.merge(handleTime)).isInstanceOf(MetricInputException.class);
        // 999,999,999 ns + 1 ns carries into the seconds, which overflow too.
        HandleTimeAccumulator nanos = HandleTimeAccumulator.create()
                .add(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        assertThatThrownBy(() -> nanos.add(Duration.ofNanos(1))).isInstanceOf(MetricInputException.class);
        assertThat(handleTime.contacts()).isEqualTo(1);
        assertThat(handleTime.total()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(nanos.total()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @Test
    void handleTimeCarriesNanosecondsIntoSecondsExactly() {
        // 0.6 s + 0.7 s = 1.3 s over 2 contacts = 0.65 s.
        HandleTimeAccumulator left = HandleTimeAccumulator.create().add(Duration.ofMillis(600));
        HandleTimeAccumulator right = HandleTimeAccumulator.create().add(Duration.ofMillis(700));
        assertThat(left.merge(right).total()).isEqualTo(Duration.ofMillis(1300));
        assertThat(left.result()).contains(Duration.ofMillis(650));
        assertThat(HandleTimeAccumulator.fromBytes(left.toBytes()).total()).isEqualTo(Duration.ofMillis(1300));
    }

    @Test
    void firstContactResolutionCountsBeyondLongMaxValueAreRefused() {
        // A state of Long.MAX_VALUE issues, all resolved at the first contact: one more overflows.
        ByteBuffer bytes = ByteBuffer.allocate(20).put(new byte[] {'J', 'K', 5, 1})
                .putLong(Long.MAX_VALUE).putLong(Long.MAX_VALUE);
        FirstContactResolutionAccumulator fcr = FirstContactResolutionAccumulator.fromBytes(bytes.array());
        assertThatThrownBy(() -> fcr.add(true)).isInstanceOf(MetricInputException.class)
                .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThatThrownBy(() -> fcr.merge(fcr)).isInstanceOf(MetricInputException.class);
        assertThat(fcr.result().orElseThrow().share()).isEqualTo(1.0);
        // More resolved issues than issues is not a state.
        byte[] inconsistent = ByteBuffer.allocate(20).put(new byte[] {'J', 'K', 5, 1}).putLong(2)
                .putLong(3).array();
        assertThatThrownBy(() -> FirstContactResolutionAccumulator.fromBytes(inconsistent))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("byte 12");
    }
}
