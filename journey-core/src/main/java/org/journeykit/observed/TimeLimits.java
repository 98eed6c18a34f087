package org.journeykit.observed;

import java.time.Instant;
import java.util.Objects;

/**
 * The range of instants that JourneyKit accepts in observed data, in metrics and in every reader: from
 * {@code 0001-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59.999Z} inclusive, the range of four-digit ISO-8601
 * years and of SQL and Spark timestamps.
 *
 * <p>An instant outside it is almost always a typing or unit error (seconds read as milliseconds, a year
 * {@code +999999999}); refusing it where it enters keeps later arithmetic (periods, durations, cohort indexes)
 * within {@code long} range. The range is wide on purpose: a year typo such as {@code 0026} is inside it, and the
 * metrics stay correct and proportionate in memory for it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TimeLimits {

    /** The earliest accepted instant, {@code 0001-01-01T00:00:00Z}. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest accepted instant, {@code 9999-12-31T23:59:59.999Z}. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** {@link #EARLIEST} in milliseconds since the epoch. */
    public static final long EARLIEST_EPOCH_MILLI = EARLIEST.toEpochMilli();

    /** {@link #LATEST} in milliseconds since the epoch. */
    public static final long LATEST_EPOCH_MILLI = LATEST.toEpochMilli();

    /** The rule text used in error messages. */
    public static final String RULE = "must lie from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z";

    private TimeLimits() {}

    /**
     * Whether an instant lies in the accepted range.
     *
     * @param time the instant, not null
     * @return true if {@link #EARLIEST} {@code <= time <=} {@link #LATEST}
     * @throws NullPointerException if the instant is null
     */
    public static boolean isSupported(Instant time) {
        Objects.requireNonNull(time, "time");
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /**
     * Whether an instant given in milliseconds since the epoch lies in the accepted range.
     *
     * @param epochMilli milliseconds since 1970-01-01T00:00:00Z, any value
     * @return true if {@link #EARLIEST_EPOCH_MILLI} {@code <= epochMilli <=} {@link #LATEST_EPOCH_MILLI}
     */
    public static boolean isSupportedEpochMilli(long epochMilli) {
        return epochMilli >= EARLIEST_EPOCH_MILLI && epochMilli <= LATEST_EPOCH_MILLI;
    }
}
