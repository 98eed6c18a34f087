package org.journeykit.observed;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import org.journeykit.internal.Checks;
import org.journeykit.model.Ids;
import org.journeykit.error.RuleCode;

/**
 * One answer to a survey question: its kind (NPS, CES, CSAT or other), the score on its scale, when it was given,
 * and what it concerns (journey, touchpoint, channel, the agent who handled the contact, the customer segment).
 *
 * <p>Rules checked when it is built: the score lies on the scale; the time lies within {@link TimeLimits}; an NPS
 * answer uses the 0-10 scale; a CES answer uses 1-5 or 1-7; ids follow {@link Ids#PATTERN}. The respondent id is a
 * pseudonymous key: keep names and contact details out of it.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class SurveyResponse {

    SurveyResponse() {}

    /**
     * The question this response answers.
     *
     * @return the kind, not null
     */
    @NotNull
    public abstract SurveyKind getKind();

    /**
     * The answer.
     *
     * @return the score, on {@link #getScale()}
     */
    public int getScore() {
        Integer score = score();
        if (score == null) {
            throw new IllegalStateException("unreachable: a built response has a score");
        }
        return score;
    }

    /**
     * The score as given to the builder; boxed, so that a builder without it reports it missing instead of taking 0
     * ({@link org.journeykit.internal.ValueStyle}).
     *
     * @return the score, null only while the checks run on a response built without one
     */
    abstract @Nullable Integer score();

    /**
     * The scale of the question.
     *
     * @return the scale, not null
     */
    @NotNull
    public abstract SurveyScale getScale();

    /**
     * When the answer was given.
     *
     * @return the instant, not null
     */
    @NotNull
    public abstract Instant getTime();

    /**
     * A pseudonymous key of the respondent.
     *
     * @return the respondent id, or empty for anonymous answers
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getRespondentId();

    /**
     * The journey the answer concerns.
     *
     * @return the journey id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getJourneyId();

    /**
     * The touchpoint the answer concerns.
     *
     * @return the touchpoint id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getTouchpointId();

    /**
     * The channel of the contact the answer concerns.
     *
     * @return the channel id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getChannelId();

    /**
     * The employee who handled the contact, so feedback can be attributed.
     *
     * @return the agent id, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getAgentId();

    /**
     * The customer segment, such as a persona id or a market.
     *
     * @return the segment, or empty
     */
    public abstract Optional<@Size(max = 128) @Pattern(regexp = Ids.PATTERN) String> getSegment();

    /**
     * The free-text comment given with the score.
     *
     * @return the comment, at most 10000 characters, or empty
     */
    public abstract Optional<@Size(max = 10_000) String> getComment();

    /**
     * Creates an NPS response on the 0-10 scale.
     *
     * @param score the answer, 0 to 10
     * @param time when it was given, not null
     * @return the response, not null
     * @throws NullPointerException if time is null
     * @throws org.journeykit.error.InvalidModelException if the score is not 0 to 10
     */
    public static SurveyResponse nps(int score, Instant time) {
        return builder()
                .kind(SurveyKind.NPS)
                .scale(SurveyScale.ZERO_TO_TEN)
                .score(score)
                .time(Objects.requireNonNull(time, "time"))
                .build();
    }

    /**
     * A new, empty builder.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("SurveyResponse", null);
        boolean kind = checks.required("kind", getKind());
        boolean scored = checks.required("score", score());
        boolean scaled = checks.required("scale", getScale());
        if (checks.required("time", getTime()) && !TimeLimits.isSupported(getTime())) {
            checks.add(RuleCode.TIME_RANGE, "time", getTime(), TimeLimits.RULE);
        }
        if (!kind || !scaled) {
            checks.throwIfAny();
        }
        if (scored && !getScale().contains(getScore())) {
            checks.add(RuleCode.RANGE, "score", getScore(), "must lie on the scale " + getScale());
        }
        if (getKind() == SurveyKind.NPS && !getScale().equals(SurveyScale.ZERO_TO_TEN)) {
            checks.add(RuleCode.CONFLICT, "scale", getScale(), "must be 0-10 for an NPS response");
        }
        if (getKind() == SurveyKind.CES && !getScale().equals(SurveyScale.ONE_TO_FIVE)
                && !getScale().equals(SurveyScale.ONE_TO_SEVEN)) {
            checks.add(RuleCode.CONFLICT, "scale", getScale(),
                    "must be 1-5 (CES 1.0) or 1-7 (CES 2.0) for a CES response");
        }
        checks.id("respondentId", getRespondentId());
        checks.id("journeyId", getJourneyId());
        checks.id("touchpointId", getTouchpointId());
        checks.id("channelId", getChannelId());
        checks.id("agentId", getAgentId());
        checks.id("segment", getSegment());
        Optional<String> comment = getComment();
        if (comment.isPresent() && comment.get().length() > 10_000) {
            checks.add(RuleCode.TOO_LONG, "comment", comment.get(), "must be at most 10000 characters");
        } else {
            checks.unicode("comment", comment.orElse(null));
        }
        checks.throwIfAny();
    }

    /**
     * Builds a {@link SurveyResponse}. Required: kind, score, scale, time.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableSurveyResponse.Builder {
        Builder() {}

        /**
         * Sets the score.
         *
         * @param score the score, on the scale
         * @return this builder, not null
         */
        public Builder score(int score) {
            return score(Integer.valueOf(score));
        }
    }
}
