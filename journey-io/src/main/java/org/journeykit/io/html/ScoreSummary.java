package org.journeykit.io.html;

import java.util.Objects;

/**
 * One score for the report, such as an NPS, CES or CSAT result: its value, the bounds of its confidence interval,
 * the confidence level and the number of responses.
 *
 * <p>Filled by the caller from a metrics result; the report prints the values as given (with one decimal) and
 * draws the interval.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ScoreSummary {

    private final String name;
    private final double value;
    private final double low;
    private final double high;
    private final double confidence;
    private final long responses;

    private ScoreSummary(String name, double value, double low, double high, double confidence, long responses) {
        this.name = name;
        this.value = value;
        this.low = low;
        this.high = high;
        this.confidence = confidence;
        this.responses = responses;
    }

    /**
     * Creates a score.
     *
     * @param name the score's name, such as "NPS", not null, 1 to 200 characters
     * @param value the score, finite, in the score's own units (NPS -100..100, CSAT percent, CES 1..7)
     * @param low the lower bound of the confidence interval, finite, at most value
     * @param high the upper bound of the confidence interval, finite, at least value
     * @param confidence the confidence level, greater than 0 and less than 1, such as 0.95
     * @param responses the number of responses, at least 0
     * @return the score, not null
     * @throws NullPointerException if name is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static ScoreSummary of(String name, double value, double low, double high, double confidence,
            long responses) {
        Objects.requireNonNull(name, "name");
        String subject = "ScoreSummary";
        Values.text(subject, "name", name);
        Values.finite(subject, "value", value);
        Values.finite(subject, "low", low);
        Values.finite(subject, "high", high);
        Values.check(subject, low <= value, "low", low, "must be at most the value " + value);
        Values.check(subject, high >= value, "high", high, "must be at least the value " + value);
        Values.check(subject, confidence > 0 && confidence < 1, "confidence", confidence,
                "must be greater than 0 and less than 1, such as 0.95");
        Values.check(subject, responses >= 0, "responses", responses, "must be at least 0");
        return new ScoreSummary(name, value, low, high, confidence, responses);
    }

    /**
     * The name.
     *
     * @return the name, such as "NPS", not null
     */
    public String getName() {
        return name;
    }

    /**
     * The score.
     *
     * @return the value, finite
     */
    public double getValue() {
        return value;
    }

    /**
     * The lower bound of the confidence interval.
     *
     * @return the bound, at most {@link #getValue()}
     */
    public double getLow() {
        return low;
    }

    /**
     * The upper bound of the confidence interval.
     *
     * @return the bound, at least {@link #getValue()}
     */
    public double getHigh() {
        return high;
    }

    /**
     * The confidence level of the interval.
     *
     * @return the level in (0, 1), such as 0.95
     */
    public double getConfidence() {
        return confidence;
    }

    /**
     * The number of responses.
     *
     * @return the count, at least 0
     */
    public long getResponses() {
        return responses;
    }

    /**
     * Prints the score as {@code NPS 20.0 [10.0, 30.0] 95%, n=100}.
     *
     * @return the score as text, not null
     */
    @Override
    public String toString() {
        return name + " " + value + " [" + low + ", " + high + "] " + Math.round(confidence * 100) + "%, n="
                + responses;
    }
}
