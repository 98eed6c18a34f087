package org.journeykit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.journeykit.error.MissingFieldException;

/**
 * The Immutables style of every JourneyKit value type: JavaBean getters ({@code getName()}, {@code isX()}) so that
 * Bean Validation reads the declared constraints without configuration, builder methods named after the attribute,
 * the generated class package-private behind the hand-written public type, and no dependency outside the JDK.
 *
 * <p>The generated builders do not check required fields themselves ({@code ValidationMethod.NONE}): a builder that
 * stopped at the first missing field would hide every other broken one. Each type's {@code @Value.Check} reports
 * missing required fields together with every other problem ({@link Checks}), as a {@link MissingFieldException}
 * when a required field is missing. A required number is stored boxed (a package-private accessor behind the public
 * primitive getter), so that a builder without it reports it missing rather than taking 0.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        get = {"get*", "is*"},
        init = "*",
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        validationMethod = Value.Style.ValidationMethod.NONE,
        throwForInvalidImmutableState = MissingFieldException.class,
        depluralize = true,
        depluralizeDictionary = {"opportunity:opportunities", "research:research", "data:data"},
        defaults = @Value.Immutable(copy = true, prehash = false))
public @interface ValueStyle {}
