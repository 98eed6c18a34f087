package org.journeykit.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    private static final long SEED = 20261123L;
    private static final int CASES = 200_000;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // 1970-01-01 is epoch day 0.
        "1970-01-01T00:00:00Z, 0, 0",
        // 2026-03-01 is day 20513: 56 years from 1970 with 14 leap days (1972..2024) = 20454, plus Jan 31 + Feb 28.
        "2026-03-01T09:30:00Z, 1772357400, 0",
        // Same moment written in +01:00.
        "2026-03-01T10:30:00+01:00, 1772357400, 0",
        "2026-03-01T04:00:00-05:30, 1772357400, 0",
        // Fractions of 1 to 9 digits are scaled to nanoseconds.
        "2026-03-01T09:30:00.5Z, 1772357400, 500000000",
        "2026-03-01T09:30:00.000000001Z, 1772357400, 1",
        // Leap day of a leap year divisible by 400: 2000-02-29 is day 11016 (30 years, 7 leap days, 31 + 28).
        "2000-02-29T00:00:00Z, 951782400, 0",
        // One second before the epoch.
        "1969-12-31T23:59:59Z, -1, 0",
        // The ends of four-digit years: 0000-01-01 is 719,528 days before the epoch (-62,167,219,200 s); year 0 is a
        // leap year, so its Feb 29 exists (31 + 28 days later, plus 12 h); 9999-12-31T23:59:59Z is 253,402,300,799.
        "0000-01-01T00:00:00Z, -62167219200, 0",
        "0000-02-29T12:00:00Z, -62162078400, 0",
        "9999-12-31T23:59:59Z, 253402300799, 0",
        // Extreme offsets.
        "2026-03-01T00:00:00+18:00, 1772258400, 0",
        "2026-03-01T00:00:00-18:00, 1772388000, 0"
    })
    void parsesTheCommonShapeToTheHandWorkedEpochSecond(String text, long epochSecond, int nanos) {
        char[] chars = text.toCharArray();
        assertThat(Times.fastInstant(chars, 0, chars.length)).isEqualTo(Instant.ofEpochSecond(epochSecond, nanos));
        assertThat(Times.instant(text)).isEqualTo(Instant.ofEpochSecond(epochSecond, nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01t09:30:00z", "2026-03-01T09:30:00.Z", "2026-03-01T09:30Z", "2026-03-01T09:30:00+01:00:00",
        "+12026-03-01T09:30:00Z"})
    void leavesOtherValidShapesToJavaTime(String text) {
        char[] chars = text.toCharArray();
        assertThat(Times.fastInstant(chars, 0, chars.length)).isNull();
        assertThat(Times.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z", "2026-03-01T09:30:60Z",
        "2026-03-01T09:30:00+18:01", "2026-03-01T09:30:00.1234567890Z",
        "2026-03-01T09:30:00", "2026-03-01 09:30:00Z", "yesterday"})
    void rejectsWhatJavaTimeRejects(String text) {
        char[] chars = text.toCharArray();
        assertThat(Times.fastInstant(chars, 0, chars.length)).isNull();
        assertThatThrownBy(() -> Times.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest(name = "{0} is {1} s {2} ns")
    @CsvSource({"PT10M, 600, 0", "PT1H30M, 5400, 0", "PT90M, 5400, 0", "PT0.5S, 0, 500000000", "PT1H2M3.004S, 3723, 4000000",
        "PT0S, 0, 0"})
    void parsesTheCommonDurationShapeToHandWorkedSeconds(String text, long seconds, int nanos) {
        assertThat(Times.fastDuration(text)).isEqualTo(Duration.ofSeconds(seconds, nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT", "PT10", "PT1M1H", "PT1H1H", "P1D", "pt10m", "-PT5M", "PT.5S", "PT1.S"})
    void leavesOtherDurationShapesToJavaTime(String text) {
        assertThat(Times.fastDuration(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    void agreesWithJavaTimeOnGeneratedAndMutatedInstants() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        int fastAccepted = 0;
        for (int n = 0; n < CASES; n++) {
            String text = mutate(random, instantText(random));
            char[] chars = text.toCharArray();
            Instant fast = Times.fastInstant(chars, 0, chars.length);
            Instant reference;
            try {
                reference = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                reference = null;
            }
            if (fast != null) {
                fastAccepted++;
                assertThat(fast).as("seed %d case %d: %s", SEED, n, text).isEqualTo(reference);
            }
        }
        // About a third of the generated texts are valid and in the common shape: the fast path was exercised.
        assertThat(fastAccepted).as("seed %d", SEED).isGreaterThan(CASES / 4);
    }

    @org.junit.jupiter.api.Test
    void agreesWithJavaTimeOnGeneratedAndMutatedDurations() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        int fastAccepted = 0;
        for (int n = 0; n < CASES; n++) {
            StringBuilder text = new StringBuilder("PT");
            for (String unit : new String[] {"H", "M", "S"}) {
                if (random.nextBoolean()) {
                    text.append(random.nextInt(100_000));
                    if (unit.equals("S") && random.nextBoolean()) {
                        text.append('.').append(random.nextInt(1, 1_000_000));
                    }
                    text.append(unit);
                }
            }
            String mutated = mutate(random, text.toString());
            Duration fast = Times.fastDuration(mutated);
            Duration reference;
            try {
                reference = Duration.parse(mutated);
            } catch (DateTimeParseException e) {
                reference = null;
            }
            if (fast != null) {
                fastAccepted++;
                assertThat(fast).as("seed %d case %d: %s", SEED, n, mutated).isEqualTo(reference);
            }
        }
        assertThat(fastAccepted).as("seed %d", SEED).isGreaterThan(CASES / 3);
    }

    private static String instantText(RandomGenerator random) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61)));
        if (random.nextBoolean()) {
            text.append('.').append(String.valueOf(random.nextLong(1, 10_000_000_000L)));
        }
        switch (random.nextInt(3)) {
            case 0:
                text.append('Z');
                break;
            default:
                text.append(random.nextBoolean() ? '+' : '-')
                        .append(String.format("%02d:%02d", random.nextInt(20), random.nextInt(61)));
        }
        return text.toString();
    }

    /** With probability 1/4 replaces, deletes or inserts one character, so near misses are tried too. */
    private static String mutate(RandomGenerator random, String text) {
        if (random.nextInt(4) != 0 || text.isEmpty()) {
            return text;
        }
        String alphabet = "0123456789-:T.Z+zt PS";
        int at = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
            case 0:
                return text.substring(0, at) + c + text.substring(at + 1);
            case 1:
                return text.substring(0, at) + text.substring(at + 1);
            default:
                return text.substring(0, at) + c + text.substring(at);
        }
    }
}
