/**
 * The customer-journey model: {@link org.journeykit.model.Persona personas}, {@link org.journeykit.model.Channel
 * channels}, {@link org.journeykit.model.Phase phases}, {@link org.journeykit.model.Journey journeys} with their
 * {@link org.journeykit.model.Touchpoint touchpoints}, {@link org.journeykit.model.Emotion emotions},
 * {@link org.journeykit.model.PainPoint pain points} and {@link org.journeykit.model.Opportunity opportunities}, held
 * together by the aggregate root {@link org.journeykit.model.JourneyModel}.
 *
 * <p>Every type is immutable and validated when it is built: an object that exists is valid. Invalid input is
 * answered with an {@link org.journeykit.error.InvalidModelException} that lists every problem found, missing
 * required fields among them (then it is a {@link org.journeykit.error.MissingFieldException}). A {@code null} given
 * to a builder's setter leaves the field unset; the {@code of(...)} factories throw {@code NullPointerException} for a
 * {@code null} argument. Getters follow
 * the JavaBean convention ({@code getName()}, {@code isMomentOfTruth()}) so that the Bean Validation constraints
 * declared on them are read by any {@code jakarta.validation.Validator} without configuration. No getter returns
 * {@code null}: an absent single value is an empty {@link java.util.Optional}, an absent list an empty list.
 * Lists keep the order they were given in; sets of references are sorted.
 */
@NullMarked
@ValueStyle
package org.journeykit.model;

import org.journeykit.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
